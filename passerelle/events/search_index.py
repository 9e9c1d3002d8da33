"""Events and their agenda items in the platform's search (core.search): one indexed text per
language an event or item is written or translated in (core.ContentTranslation), so that each is
stemmed in its own language. Drafts are indexed too: the door shows them to their organisers
only. Facets: the year the event starts, its country (and the regions containing it) when it
has one, and the language."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import ContentTranslation, TranslationProvenance
from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .models import TRANSLATABLE, AgendaItem, Appearance, Event, GuidingQuestion


def _translations(model, pks: list) -> dict[str, dict[str, dict[str, ContentTranslation]]]:
    """{object id: {language: {field: translation}}} of these objects, in one query."""
    if not pks:
        return {}
    found: dict = {}
    rows = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in pks],
    )
    for row in rows:
        found.setdefault(row.object_id, {}).setdefault(row.language, {})[row.field] = row
    return found


def _is_machine(rows) -> bool:
    return any(row.provenance == TranslationProvenance.MACHINE for row in rows)


def _facets(event: Event) -> dict:
    return place_facets([event.country] if event.country else [], [])


def _venue(event: Event) -> str:
    return ", ".join(filter(None, [event.venue_building, event.venue_city]))


def event_texts(event: Event) -> list[SearchText]:
    fields = TRANSLATABLE["Event"]
    versions = {event.language: ({name: getattr(event, name) for name in fields}, False)}
    for language, rows in _translations(Event, [event.pk]).get(str(event.pk), {}).items():
        if "title" in rows and language != event.language:
            texts = {name: rows[name].text if name in rows else "" for name in fields}
            versions[language] = (texts, _is_machine(rows.values()))
    return [
        SearchText(
            language=language,
            title=texts["title"],
            body="\n".join(filter(None, [*(texts[name] for name in fields[1:]), _venue(event)])),
            facets=_facets(event),
            date=event.starts_on,
            machine_translated=machine,
        )
        for language, (texts, machine) in versions.items()
    ]


def item_texts(item: AgendaItem) -> list[SearchText]:
    event = item.event
    questions = list(item.questions.all())
    people = [
        ", ".join(filter(None, [a.speaker.name, a.speaker.position, a.speaker.affiliation]))
        for a in item.appearances.all()
    ]
    versions = {
        event.language: (
            item.title,
            [item.description, *(q.text for q in questions)],
            False,
        )
    }
    own = _translations(AgendaItem, [item.pk]).get(str(item.pk), {})
    asked = _translations(GuidingQuestion, [q.pk for q in questions])
    for language, rows in own.items():
        if "title" not in rows or language == event.language:
            continue
        translated_questions = [
            asked[str(q.pk)][language]["text"]
            for q in questions
            if language in asked.get(str(q.pk), {}) and "text" in asked[str(q.pk)][language]
        ]
        description = [rows["description"].text] if "description" in rows else []
        machine = _is_machine([*rows.values(), *translated_questions])
        versions[language] = (
            rows["title"].text,
            [*description, *(row.text for row in translated_questions)],
            machine,
        )
    return [
        SearchText(
            language=language,
            title=title,
            body="\n".join(filter(None, [*texts, *people, event.title])),
            facets=_facets(event),
            date=event.starts_on,
            machine_translated=machine,
        )
        for language, (title, texts, machine) in versions.items()
    ]


register_searchable(
    Event,
    kind="event",
    label=_("Events"),
    texts=event_texts,
    indexable=lambda: Event.objects.all(),
    prefetch=lambda queryset: queryset.select_related(f"country__{REGIONS_ABOVE}"),
)

register_searchable(
    AgendaItem,
    kind="agenda_item",
    label=_("Agenda items of events"),
    texts=item_texts,
    indexable=lambda: AgendaItem.objects.all(),
    prefetch=lambda queryset: queryset.select_related(
        "event", f"event__country__{REGIONS_ABOVE}"
    ).prefetch_related(
        Prefetch("questions", queryset=GuidingQuestion.objects.order_by("position")),
        Prefetch(
            "appearances",
            queryset=Appearance.objects.select_related("speaker").order_by("role", "position"),
        ),
    ),
)
