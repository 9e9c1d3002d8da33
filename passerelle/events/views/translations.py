"""The organisers' translation of an event's texts into one of the platform's languages: the
event, each agenda item and each guiding question, the original beside the translation, saved
together. The page reads every saved translation in one query, whatever the agenda's length."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from passerelle.core.permissions import get_visible_or_404, require

from .. import selectors
from ..models import AgendaItem, Event, GuidingQuestion
from ..services import translations as services

LANGUAGES = dict(settings.LANGUAGES)


@login_required
@require_http_methods(["GET", "POST"])
def event_translate(request, slug, language):
    if language not in LANGUAGES:
        raise Http404
    event = get_visible_or_404(Event.objects.all(), request.user, slug=slug)
    require(request.user, "change", event)
    if language == event.language:
        message = _("This is the event's original language.")
        return render(request, "events/bad_request.html", {"message": message}, status=400)
    objects = services.translatable_objects(event)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        texts = {key: request.POST[key] for key in _keys(objects) if key in request.POST}
        try:
            services.translations_save(
                actor=request.user, event=event, language=language, texts=texts
            )
        except ValidationError as error:
            errors = error.message_dict
            values = texts
            status = 400
        else:
            messages.success(request, _("The translation is saved."))
            with translation.override(language):
                return redirect(event.get_absolute_url())
    else:
        values = services.existing_translations(objects, language)
    context = {
        "event": event,
        "language": language,
        "language_name": selectors.language_name(language),
        "original_language_name": selectors.language_name(event.language),
        "sections": _sections(objects, values, errors),
        "errors": errors,
        "general_errors": errors.get("__all__", []),
    }
    return render(request, "events/translate.html", context, status=status)


def _keys(objects) -> list[str]:
    return [f"{prefix}.{name}" for prefix, _obj, fields in objects for name in fields]


def _sections(objects, values, errors) -> list[dict]:
    """The page's sections: the event, then each agenda item with its guiding questions; in
    each, the non-empty texts with their label, original and translation."""
    sections: list[dict] = []
    for prefix, obj, fields in objects:
        if isinstance(obj, Event):
            sections.append({"heading": _("The event"), "title": "", "rows": []})
        elif isinstance(obj, AgendaItem):
            sections.append({"heading": _("Agenda item"), "title": obj.title, "rows": []})
        for name in fields:
            original = getattr(obj, name)
            if not original:
                continue
            key = f"{prefix}.{name}"
            label = obj._meta.get_field(name).verbose_name
            if isinstance(obj, GuidingQuestion):
                sections[-1]["questions"] = number = sections[-1].get("questions", 0) + 1
                label = _("Guiding question %(number)s") % {"number": number}
            sections[-1]["rows"].append(
                {
                    "key": key,
                    "id": "translation-" + key.replace(".", "-"),
                    "label": label,
                    "original": original,
                    "value": values.get(key, ""),
                    "errors": errors.get(key, []),
                }
            )
    return [section for section in sections if section["rows"]]
