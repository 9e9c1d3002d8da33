"""Reads of events: the list, one event, its agenda by day and time slot, one agenda item, and its
speakers, with the texts in the reader's language where translated (ADR 3). Each read costs a
fixed number of queries, whatever the number of events, items, questions or speakers: the
translations a page shows are fetched in one query.

Agenda items and their guiding questions are written in their event's language (they have no
`language` of their own); speakers have theirs."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils.translation import get_language_info

from passerelle.core.content_translation import Rendering, in_language
from passerelle.core.models import ContentTranslation
from passerelle.core.permissions import get_visible_or_404

from .choices import SpeakerRole
from .filters import EventFilter
from .models import (
    TRANSLATABLE,
    AgendaItem,
    Appearance,
    Event,
    EventDocument,
    EventPartner,
    GuidingQuestion,
    Speaker,
)

EVENT_FIELDS = list(TRANSLATABLE["Event"])
ITEM_FIELDS = list(TRANSLATABLE["AgendaItem"])
QUESTION_FIELDS = list(TRANSLATABLE["GuidingQuestion"])
SPEAKER_FIELDS = list(TRANSLATABLE["Speaker"])


# Translations ---------------------------------------------------------------------------------


class Translations:
    """The translations into one language of many objects of several models, read in one query;
    `render` gives an object's fields as `in_language` does."""

    def __init__(self, objects, language: str):
        self.language = language
        self.rows: dict[tuple[int, str], dict] = {}
        wanted = Q()
        for model, pks in _pks_by_model(objects).items():
            wanted |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=pks)
        if not wanted:
            return
        for row in ContentTranslation.objects.filter(wanted, language=language):
            self.rows.setdefault((row.content_type_id, row.object_id), {}).setdefault(language, {})[
                row.field
            ] = row

    def render(self, obj, fields: list[str], original: str | None = None) -> Rendering:
        """`fields` of `obj` in the language asked, or the original (in `original`, for objects
        written in their event's language)."""
        key = (ContentType.objects.get_for_model(obj).pk, str(obj.pk))
        written = _Written(obj, original) if original else obj
        return in_language(written, fields, self.language, self.rows.get(key, {}))


def _pks_by_model(objects) -> dict[type, list[str]]:
    found: dict[type, list[str]] = {}
    for obj in objects:
        found.setdefault(type(obj), []).append(str(obj.pk))
    return found


class _Written:
    """An object read as written in `language` (an agenda item or a question, in its event's)."""

    def __init__(self, obj, language: str):
        self._obj = obj
        self.language = language
        self.pk = obj.pk

    def __getattr__(self, name):
        return getattr(self._obj, name)


def language_name(code: str) -> str:
    """A language's name in the reader's language (the code when Django does not know it)."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_names(codes) -> list[str]:
    return [language_name(code) for code in codes]


# Events ---------------------------------------------------------------------------------------


def event_list(*, user, filters=None):
    """The events `user` may see, with what a row of the list shows; `filters` (a query dict)
    narrows them with `EventFilter`, and raises ValidationError on values it does not accept."""
    events = (
        Event.objects.visible_to(user)
        .select_related("country")
        .prefetch_related(
            Prefetch(
                "partners",
                EventPartner.objects.select_related("organisation").order_by(
                    "role", "organisation__name"
                ),
            )
        )
    )
    if filters is not None:
        filterset = EventFilter(filters, queryset=events)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        events = filterset.qs
    return events


def event_rows(events: list[Event], language: str) -> list[dict]:
    """Each event with its title and theme in the reader's language where translated (the
    page's translations in one query)."""
    translations = Translations([e for e in events if e.language != language], language)
    return [
        {"event": event, "text": translations.render(event, ["title", "theme"])} for event in events
    ]


def event_for(*, user, slug: str) -> Event:
    """The event `user` may see with this slug, with its partners and documents; 404 else."""
    return get_visible_or_404(
        Event.objects.select_related("country").prefetch_related(
            Prefetch(
                "partners",
                EventPartner.objects.select_related("organisation").order_by(
                    "role", "organisation__name"
                ),
            ),
            Prefetch("documents", EventDocument.objects.order_by("kind", "title")),
        ),
        user,
        slug=slug,
    )


def item_for(*, user, slug: str, pk: int) -> AgendaItem:
    """The agenda item `pk` of the event `slug`, if `user` may see the event; 404 else."""
    return get_visible_or_404(
        _with_agenda_details(AgendaItem.objects.select_related("event", "event__country")),
        user,
        pk=pk,
        event__slug=slug,
    )


# The agenda -----------------------------------------------------------------------------------


@dataclass
class Person:
    """A moderator or speaker of an agenda item; `text` holds their position and biography."""

    speaker: Speaker
    role: str
    text: Rendering


@dataclass
class Entry:
    """An agenda item as the reader sees it, its times in the venue's time zone."""

    item: AgendaItem
    text: Rendering
    starts: datetime.datetime
    ends: datetime.datetime
    questions: list[Rendering] = field(default_factory=list)
    moderators: list[Person] = field(default_factory=list)
    speakers: list[Person] = field(default_factory=list)

    @property
    def languages(self) -> set[str]:
        """The languages its texts are shown in."""
        parts = [self.text, *self.questions]
        parts += [person.text for person in self.moderators + self.speakers]
        return {part.language for part in parts if any(part.fields.values())}


def untranslated(entries: list[Entry], language: str) -> bool:
    """Whether some of the texts of `entries` are not in `language` (no translation yet)."""
    return any(shown != language for entry in entries for shown in entry.languages)


@dataclass
class Slot:
    """Items whose times overlap: they run in parallel (a side event during the break)."""

    starts: datetime.datetime
    ends: datetime.datetime
    entries: list[Entry] = field(default_factory=list)

    @property
    def parallel(self) -> bool:
        return len(self.entries) > 1


@dataclass
class Day:
    date: datetime.date
    slots: list[Slot] = field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        return [entry for slot in self.slots for entry in slot.entries]


def _with_agenda_details(items):
    return items.prefetch_related(
        Prefetch("questions", GuidingQuestion.objects.order_by("position")),
        Prefetch(
            "appearances",
            Appearance.objects.select_related("speaker").order_by("role", "position", "pk"),
        ),
    )


def agenda_items(event: Event):
    """The event's agenda items in time order, with their questions, moderators and speakers."""
    return _with_agenda_details(event.agenda_items.order_by("starts_at", "-ends_at", "pk"))


def agenda_entries(event: Event, items, language: str) -> list[Entry]:
    """`items` (of `event`, with their details prefetched) as the reader sees them; their
    translations, and those of their questions and speakers, in one query."""
    items = list(items)
    questions = [question for item in items for question in item.questions.all()]
    speakers = {appearance.speaker for item in items for appearance in item.appearances.all()}
    if language == event.language:
        others = [speaker for speaker in speakers if speaker.language != language]
        translations = Translations(others, language)
    else:
        translations = Translations([*items, *questions, *speakers], language)
    tz = event.tz
    entries = []
    for item in items:
        entry = Entry(
            item=item,
            text=translations.render(item, ITEM_FIELDS, event.language),
            starts=item.starts_at.astimezone(tz),
            ends=item.ends_at.astimezone(tz),
            questions=[
                translations.render(question, QUESTION_FIELDS, event.language)
                for question in item.questions.all()
            ],
        )
        for appearance in item.appearances.all():
            person = Person(
                speaker=appearance.speaker,
                role=appearance.role,
                text=translations.render(appearance.speaker, SPEAKER_FIELDS),
            )
            if appearance.role == SpeakerRole.MODERATOR:
                entry.moderators.append(person)
            else:
                entry.speakers.append(person)
        entries.append(entry)
    return entries


def agenda_days(event: Event, language: str, items=None) -> list[Day]:
    """The agenda by day (in the venue's time zone), each day in time slots: items whose times
    overlap, even through a third one, share a slot and run in parallel."""
    entries = agenda_entries(event, agenda_items(event) if items is None else items, language)
    entries.sort(key=lambda entry: (entry.starts, -entry.ends.timestamp(), entry.item.pk))
    days: list[Day] = []
    for entry in entries:
        if not days or days[-1].date != entry.starts.date():
            days.append(Day(date=entry.starts.date()))
        slots = days[-1].slots
        if slots and entry.starts < slots[-1].ends:
            slots[-1].entries.append(entry)
            slots[-1].ends = max(slots[-1].ends, entry.ends)
        else:
            slots.append(Slot(starts=entry.starts, ends=entry.ends, entries=[entry]))
    return days


def parallel_to(item: AgendaItem, language: str) -> list[dict]:
    """The other items of the agenda whose times overlap `item`'s, with their titles."""
    event = item.event
    others = list(
        event.agenda_items.filter(starts_at__lt=item.ends_at, ends_at__gt=item.starts_at)
        .exclude(pk=item.pk)
        .order_by("starts_at", "pk")
    )
    translations = Translations(others if language != event.language else [], language)
    return [
        {"item": other, "title": translations.render(other, ["title"], event.language)}
        for other in others
    ]


# Speakers -------------------------------------------------------------------------------------


@dataclass
class SpeakerPage:
    """A speaker of the event, with where they appear in its agenda."""

    speaker: Speaker
    text: Rendering
    appearances: list[tuple[Appearance, Rendering]]


def speakers_of(event: Event, language: str | None = None) -> list[SpeakerPage]:
    """The moderators and speakers of the event's agenda, by name, each with the items they
    appear in (titles in the reader's language where translated; `language` None: originals)."""
    language = language or event.language
    speakers = list(
        Speaker.objects.filter(appearances__item__event=event)
        .distinct()
        .order_by("name", "pk")
        .prefetch_related(
            Prefetch(
                "appearances",
                Appearance.objects.filter(item__event=event)
                .select_related("item__event")
                .order_by("item__starts_at", "item__pk", "role"),
            )
        )
    )
    items = {a.item for speaker in speakers for a in speaker.appearances.all()}
    others = [s for s in speakers if s.language != language]
    translations = Translations(
        others + ([] if language == event.language else list(items)), language
    )
    return [
        SpeakerPage(
            speaker=speaker,
            text=translations.render(speaker, SPEAKER_FIELDS),
            appearances=[
                (appearance, translations.render(appearance.item, ["title"], event.language))
                for appearance in speaker.appearances.all()
            ],
        )
        for speaker in speakers
    ]
