"""Public pages of events: the list (filtered in place with htmx), an event's page with its
registration box, its agenda by day with the items that run in parallel side by side, an agenda
item, the speakers, the printable programme (PDF) and the iCalendar feeds of the whole agenda and
of one item. Texts are in the reader's language where translated (`?lang=` asks for another),
else in the original with a notice; times are the venue's. A draft is its organisers' only: to
anyone else each of its pages is a 404."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from passerelle.core.content_translation import in_language, translations_of
from passerelle.core.sections import render_sections

from .. import ical, pdf, selectors
from ..choices import PartnerRole
from ..filters import EventFilter
from ..permissions import can_create_events, organises, runs
from ..services.registrations import registration_window_error
from . import participation

PAGE_SIZE = 20
LANGUAGES = dict(settings.LANGUAGES)


def _bad_request(request, message):
    return render(request, "events/bad_request.html", {"message": message}, status=400)


def _reading_language(request) -> str | None:
    """The language asked for with `?lang=`, else the page's; None when not offered."""
    asked = request.GET.get("lang")
    if asked is None:
        return request.LANGUAGE_CODE
    return asked if asked in LANGUAGES else None


def _language_context(event, language: str, shown: str) -> dict:
    """What the notice about the texts' language says: asked `language`, shown in `shown`."""
    return {
        "language": language,
        "asked_language_name": selectors.language_name(language),
        "original_language_name": selectors.language_name(event.language),
        "missing_translation": shown != language,
    }


def _event_and_language(request, slug):
    event = selectors.event_for(user=request.user, slug=slug)
    return event, _reading_language(request)


def _bad_language(request):
    return _bad_request(request, _("This language is not offered."))


# The list ------------------------------------------------------------------------------------


def event_list(request):
    user = request.user
    filterset = EventFilter(request.GET, queryset=selectors.event_list(user=user))
    context = {"filter": filterset, "page_obj": None, "rows": []}
    if not filterset.is_valid():
        return _list_response(request, context, status=400)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.event_rows(list(page.object_list), request.LANGUAGE_CODE)
    context.update(page_obj=page, rows=rows)
    return _list_response(request, context)


def _list_response(request, context, *, status=200):
    """The filters replace only the results (htmx); the whole page otherwise, and when htmx
    restores a page from its history."""
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "events/_event_results.html", context, status=status)
    else:
        context["can_create"] = can_create_events(request.user)
        response = render(request, "events/event_list.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


# An event ------------------------------------------------------------------------------------


def event_detail(request, slug):
    event, language = _event_and_language(request, slug)
    if language is None:
        return _bad_language(request)
    translations = translations_of(event)
    text = in_language(event, selectors.EVENT_FIELDS, language, translations)
    partners = list(event.partners.all())
    context = {
        "event": event,
        "text": text,
        **_language_context(event, language, text.language),
        "other_languages": _complete_translations(event, translations, language),
        "organisers": [p for p in partners if p.role == PartnerRole.ORGANISER],
        "partners": [p for p in partners if p.role == PartnerRole.PARTNER],
        "documents": list(event.documents.all()),
        "working_languages": selectors.language_names(event.languages),
        "registration_closed": registration_window_error(event),
        "is_organiser": organises(request.user, event),
        "runs_event": runs(request.user, event),
        "sections": render_sections("event", request, event),
    }
    return render(request, "events/event_detail.html", context)


def _complete_translations(event, translations, language) -> list[dict]:
    """The languages the event's texts can be read in, other than `language`."""
    available = [event.language] + [
        code
        for code, fields in translations.items()
        if code in LANGUAGES
        and code != event.language
        and all(name in fields for name in selectors.EVENT_FIELDS if getattr(event, name))
    ]
    return [
        {"code": code, "name": selectors.language_name(code), "original": code == event.language}
        for code in available
        if code != language
    ]


def agenda(request, slug):
    event, language = _event_and_language(request, slug)
    if language is None:
        return _bad_language(request)
    title = in_language(event, ["title"], language)
    days = selectors.agenda_days(event, language)
    entries = [entry for day in days for entry in day.entries]
    context = {
        "event": event,
        "title": title,
        "days": days,
        **_language_context(event, language, title.language),
        "missing_translation": selectors.untranslated(entries, language)
        or title.language != language,
        "registration_closed": registration_window_error(event),
        "is_organiser": organises(request.user, event),
        "runs_event": runs(request.user, event),
    }
    return render(request, "events/agenda.html", context)


def item_detail(request, slug, pk):
    item = selectors.item_for(user=request.user, slug=slug, pk=pk)
    event = item.event
    language = _reading_language(request)
    if language is None:
        return _bad_language(request)
    entry = selectors.agenda_entries(event, [item], language)[0]
    title = in_language(event, ["title"], language)
    parallel = selectors.parallel_to(item, language)
    context = {
        "event": event,
        "item": item,
        "entry": entry,
        "title": title,
        "parallel": parallel,
        **_language_context(event, language, event.language),
        "missing_translation": selectors.untranslated([entry], language),
        "registration_closed": registration_window_error(event),
        "is_organiser": organises(request.user, event),
        "runs_event": runs(request.user, event),
        **participation.section_context(request, item),
        "sections": render_sections("agenda_item", request, item),
    }
    return render(request, "events/item_detail.html", context)


def speakers(request, slug):
    event, language = _event_and_language(request, slug)
    if language is None:
        return _bad_language(request)
    title = in_language(event, ["title"], language)
    people = selectors.speakers_of(event, language)
    shown = {page.text.language for page in people if any(page.text.fields.values())}
    shown |= {title.language for page in people for _appearance, title in page.appearances}
    context = {
        "event": event,
        "title": title,
        "speakers": people,
        **_language_context(event, language, event.language),
        "missing_translation": any(code != language for code in shown),
    }
    return render(request, "events/speakers.html", context)


# Files ---------------------------------------------------------------------------------------


def programme_pdf(request, slug):
    """The programme as a printable A4 document, in the language it is read in."""
    event, language = _event_and_language(request, slug)
    if language is None:
        return _bad_language(request)
    text = in_language(event, selectors.EVENT_FIELDS, language)
    content = pdf.programme_pdf(
        event,
        text,
        selectors.agenda_days(event, language),
        url=settings.SITE_URL.rstrip("/") + event.get_absolute_url(),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-programme.pdf"'
    return response


def event_calendar(request, slug):
    """Every agenda item of the event, for a calendar application."""
    event, language = _event_and_language(request, slug)
    if language is None:
        return _bad_language(request)
    entries = selectors.agenda_entries(event, selectors.agenda_items(event), language)
    name = in_language(event, ["title"], language).fields["title"]
    return _calendar_response(ical.calendar(event, entries, name=name), event.slug)


def item_calendar(request, slug, pk):
    """One agenda item, for a calendar application."""
    item = selectors.item_for(user=request.user, slug=slug, pk=pk)
    language = _reading_language(request)
    if language is None:
        return _bad_language(request)
    entry = selectors.agenda_entries(item.event, [item], language)[0]
    content = ical.calendar(item.event, [entry], name=entry.text.fields["title"])
    return _calendar_response(content, f"{item.event.slug}-{item.pk}")


def _calendar_response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content.encode(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
