"""Translations of an event's texts by its organisers: the event, its agenda items and their
guiding questions (all written in the event's language) into another of the platform's
languages, saved together as a person's translation (ADR 3).

The texts are keyed as the translation page names its fields: `event.<field>`,
`item.<pk>.<field>` and `question.<pk>.<field>`. An empty text removes that translation; a key
not given leaves it as it is."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.core.content_translation import translation_save
from passerelle.core.models import TranslationProvenance
from passerelle.core.permissions import require
from passerelle.core.search import index_later

from ..models import TRANSLATABLE, AgendaItem, Event, GuidingQuestion
from ..selectors import Translations

LANGUAGES = dict(settings.LANGUAGES)
TEXT_LIMIT = 20_000


def translatable_objects(event: Event) -> list[tuple[str, object, tuple[str, ...]]]:
    """(key prefix, object, fields) of everything translated with the event, in the page's
    order: the event, then each agenda item followed by its questions (two queries)."""
    items = list(event.agenda_items.all())
    questions: dict[int, list[GuidingQuestion]] = {}
    for question in GuidingQuestion.objects.filter(item__event=event).order_by("item", "position"):
        questions.setdefault(question.item_id, []).append(question)
    found = [("event", event, TRANSLATABLE["Event"])]
    for item in items:
        found.append((f"item.{item.pk}", item, TRANSLATABLE["AgendaItem"]))
        found.extend(
            (f"question.{question.pk}", question, TRANSLATABLE["GuidingQuestion"])
            for question in questions.get(item.pk, [])
        )
    return found


def existing_translations(objects, language: str) -> dict[str, str]:
    """The saved translations into `language` of `objects` (from `translatable_objects`), by
    key, read in one query."""
    translations = Translations([obj for _prefix, obj, _fields in objects], language)
    found = {}
    for prefix, obj, fields in objects:
        rows = translations.rows.get(_row_key(obj), {}).get(language, {})
        for name in fields:
            if name in rows:
                found[f"{prefix}.{name}"] = rows[name].text
    return found


def _row_key(obj) -> tuple[int, str]:
    return (ContentType.objects.get_for_model(obj).pk, str(obj.pk))


def translations_save(*, actor, event: Event, language: str, texts: dict[str, str]) -> int:
    """Save `texts` as the translation into `language` of the event's texts; the number of
    objects whose translation changed. Everything is checked before anything is written."""
    require(actor, "change", event)
    if language not in LANGUAGES:
        raise ValidationError({"language": _("This language is not offered.")})
    if language == event.language:
        raise ValidationError({"language": _("This is the event's original language.")})
    objects = translatable_objects(event)
    known = {f"{prefix}.{name}" for prefix, _obj, fields in objects for name in fields}
    errors = {}
    unknown = sorted(set(texts) - known)
    if unknown:
        errors["__all__"] = _("These texts are not part of the event: %(keys)s.") % {
            "keys": ", ".join(unknown)
        }
    for key, text in texts.items():
        if key in known and len(text) > TEXT_LIMIT:
            errors[key] = _("This text is too long (%(limit)s characters at most).") % {
                "limit": TEXT_LIMIT
            }
    if errors:
        raise ValidationError(errors)
    existing = existing_translations(objects, language)
    changed = 0
    with transaction.atomic():
        for prefix, obj, fields in objects:
            changes = {}
            for name in fields:
                key = f"{prefix}.{name}"
                if key not in texts:
                    continue
                text = texts[key].strip()
                if text != existing.get(key, ""):
                    changes[name] = text
            if changes:
                translation_save(
                    actor=actor,
                    obj=obj,
                    language=language,
                    texts=changes,
                    provenance=TranslationProvenance.HUMAN,
                )
                changed += 1
                if isinstance(obj, Event | AgendaItem):
                    index_later(obj)
    return changed
