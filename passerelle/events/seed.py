"""The seed agenda: the provisional agenda of the second session of the International Dialogue on
Migration 2018 (Geneva, 8-9 October 2018), as published in French, read into plain data and
loaded as an event with its agenda, guiding questions, English and Spanish translations and the
agenda itself as a document.

The source (`seed_data/idm2018-session2-agenda-fr.txt`) is the text of the PDF, with its noise:
paragraphs broken at every line, page breaks (runs of blank lines and lines of spaces) that may
cut a paragraph or a question in two, footnotes at the foot of a page and their markers glued to
words ("souhaités »1"). `parse_agenda` turns it into `SeedEvent` without touching the database;
`load_idm2018` writes it, and can run again without duplicating anything.

The translations (`seed_data/idm2018-session2-{en,es}.json`) are keyed by `SeedEvent.texts()`:
"event.title", "items.3.title", "items.3.questions.2" (items and questions counted from 1).
"""

import datetime
import json
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction

from passerelle.core.content_translation import translation_save, translations_of
from passerelle.core.models import TranslationProvenance
from passerelle.geo.models import Country

from .choices import (
    AgendaItemKind,
    DocumentKind,
    EventFormat,
    EventKind,
    EventStatus,
    PartnerRole,
)
from .models import TRANSLATABLE, AgendaItem, Event, EventDocument, EventPartner, GuidingQuestion

SEED_DIR = Path(__file__).resolve().parent / "seed_data"
AGENDA_FILE = SEED_DIR / "idm2018-session2-agenda-fr.txt"
TRANSLATION_LANGUAGES = ("en", "es")
SLUG = "idm-2018-session-2"
SIDE_EVENT_SEATS = 40
# The venue's city decides the time zone of the agenda's times.
CITY_TIME_ZONES = {"Genève": "Europe/Zurich", "New York": "America/New_York"}
CITY_COUNTRIES = {"Genève": "CHE", "New York": "USA"}
INTERPRETATION = (
    "Interprétation simultanée en anglais, espagnol et français "
    "(langues officielles de l\u2019OIM)."
)

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        start=1,
    )
}
ORDINALS = {"Première": 1, "Deuxième": 2, "Troisième": 3, "Quatrième": 4, "Cinquième": 5}
# How an item's heading starts → its kind. "Session N :" is a plenary session.
KIND_PREFIXES = (
    ("Enregistrement", AgendaItemKind.REGISTRATION),
    ("Session d\u2019ouverture", AgendaItemKind.OPENING),
    ("Pause", AgendaItemKind.BREAK),
    ("Manifestation parallèle", AgendaItemKind.SIDE_EVENT),
    ("Voix de migrants", AgendaItemKind.MIGRANTS_VOICES),
    ("Remarques de clôture", AgendaItemKind.CLOSING),
)
SESSION = re.compile(r"^Session \d+\s*:")
SIDE_EVENT_PREFIX = re.compile(r"^Manifestation parallèle\s*:\s*")
QUESTIONS_INTRO = "Les questions qui orienteront les débats seront notamment les suivantes"
BULLET = "•"

DASH = "[\u2013\u2014-]"  # en dash, em dash or hyphen
TIME = r"(\d{1,2})\s*h(?:\s*(\d{2}))?"
TIME_RANGE = re.compile(rf"^{TIME}\s*{DASH}\s*{TIME}(?:\s+(.*))?$")
DAY = re.compile(rf"^({'|'.join(ORDINALS)}) journée$")
DATES = re.compile(rf"^(\d{{1,2}})\s*{DASH}\s*(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}}),\s*(.+)$")
# A footnote at the foot of a page: its number, then its text ("1 Groupe des Nations Unies…"),
# never a time ("9 h", "11 h 30").
FOOTNOTE = re.compile(r"^(\d{1,2}) (?!h\b)(\S.*)$")
# A page break: this many blank lines (or lines of spaces) in a row, or more.
PAGE_BREAK_LINES = 4


class SeedError(ValueError):
    """The agenda's text is not as expected; the message says where."""


@dataclass(frozen=True)
class SeedDay:
    number: int
    label: str
    date: datetime.date


@dataclass(frozen=True)
class SeedItem:
    day: int
    date: datetime.date
    starts: datetime.time
    ends: datetime.time
    kind: str
    title: str
    description: str = ""
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeedEvent:
    title: str
    theme: str
    starts_on: datetime.date
    ends_on: datetime.date
    room: str
    building: str
    city: str
    country: str  # ISO3
    time_zone: str
    document_title: str
    description: str
    notes: tuple[str, ...]
    days: tuple[SeedDay, ...]
    items: tuple[SeedItem, ...]

    def texts(self) -> dict[str, str]:
        """Every text to translate, by its stable key (items and questions from 1)."""
        found = {
            "event.title": self.title,
            "event.theme": self.theme,
            "event.description": self.description,
        }
        for number, item in enumerate(self.items, start=1):
            found[f"items.{number}.title"] = item.title
            if item.description:
                found[f"items.{number}.description"] = item.description
            for position, question in enumerate(item.questions, start=1):
                found[f"items.{number}.questions.{position}"] = question
        return {key: text for key, text in found.items() if text}


# --- Reading the text ------------------------------------------------------------------------


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\xa0", " ")).strip()


def _join(lines: list[str]) -> str:
    """A paragraph's lines, rejoined: the PDF's line breaks become spaces."""
    return _clean(" ".join(lines))


def _paragraphs(text: str) -> tuple[list[str], list[str]]:
    """(paragraphs, footnotes) of the text. Paragraphs are separated by blank lines; one cut by
    a page break (a run of blank lines) goes on when the next page starts in lower case. The
    footnotes, printed under a rule (a long line of spaces) at the foot of a page, are taken out
    of the text."""
    paragraphs: list[list[str]] = []
    footnotes: list[list[str]] = []
    current: list[str] = []
    blanks = 0  # blank lines since the last line of text
    rule = False  # the footnotes' rule is among them
    in_footnotes = False
    for raw in text.splitlines():
        line = _clean(raw)
        if not line:
            blanks += 1
            rule = rule or len(raw) > 20
            continue
        if in_footnotes and blanks == 0:
            if FOOTNOTE.match(line):
                footnotes.append([line])
            else:
                footnotes[-1].append(line)
            continue
        in_footnotes = False
        if rule and FOOTNOTE.match(line):
            in_footnotes = True
            footnotes.append([line])
        elif blanks == 0 or (blanks >= PAGE_BREAK_LINES and current and line[0].islower()):
            current.append(line)
        else:
            if current:
                paragraphs.append(current)
            current = [line]
        blanks, rule = 0, False
    if current:
        paragraphs.append(current)
    return [_join(lines) for lines in paragraphs], [_join(lines) for lines in footnotes]


def _strip_markers(text: str, numbers: list[str]) -> str:
    """Remove footnote markers glued to a word or a closing quote ("souhaités »1.")."""
    if not numbers:
        return text
    alternatives = "|".join(sorted(numbers, key=len, reverse=True))
    return re.sub(rf"(?<=[^\W\d_]|[»”)])(?:{alternatives})(?=[\s.,;:!?)]|$)", "", text)


def _time(hours: str, minutes: str | None) -> datetime.time:
    return datetime.time(int(hours), int(minutes or 0))


def _kind(heading: str, where: str) -> str:
    if SESSION.match(heading):
        return AgendaItemKind.PLENARY
    normalised = heading.replace("'", "\u2019")
    for prefix, kind in KIND_PREFIXES:
        if normalised.startswith(prefix):
            return kind
    raise SeedError(f"{where}: no kind of agenda item starts this heading: {heading!r}.")


def parse_agenda(text: str) -> SeedEvent:
    """The event and its agenda in `text` (the French agenda of IDM 2018, session 2)."""
    paragraphs, footnote_texts = _paragraphs(text)
    notes = []
    numbers = []
    for footnote in footnote_texts:
        number, rest = FOOTNOTE.match(footnote).groups()
        numbers.append(number)
        notes.append(f"{number}. {rest}")
    paragraphs = [_strip_markers(paragraph, numbers) for paragraph in paragraphs]
    if len(paragraphs) < 4:
        raise SeedError("The agenda is too short: a title, a theme, dates and a venue expected.")
    title, theme, place, document_title, *rest = paragraphs
    dates = DATES.match(place)
    if dates is None:
        raise SeedError(f"Line of dates and venue not understood: {place!r}.")
    first, last, month, year, venue = dates.groups()
    starts_on = datetime.date(int(year), MONTHS[month], int(first))
    ends_on = datetime.date(int(year), MONTHS[month], int(last))
    room, building, city = ([*(part.strip() for part in venue.split(",")), "", ""])[:3]
    if city not in CITY_TIME_ZONES:
        raise SeedError(f"No time zone known for the city {city!r}.")

    description: list[str] = []
    days: list[SeedDay] = []
    items: list[dict] = []
    state = "description"  # then "title" (waiting for a title), "item", "questions"
    for paragraph in rest:
        day = DAY.match(paragraph)
        if day:
            number = ORDINALS[day.group(1)]
            days.append(SeedDay(number, paragraph, starts_on + datetime.timedelta(number - 1)))
            state = "day"
            continue
        times = TIME_RANGE.match(paragraph)
        if times:
            if not days:
                raise SeedError(f"Agenda item before the first day: {paragraph!r}.")
            start_h, start_m, end_h, end_m, heading = times.groups()
            items.append(
                {
                    "day": days[-1],
                    "starts": _time(start_h, start_m),
                    "ends": _time(end_h, end_m),
                    "heading": heading or "",
                    "description": [],
                    "questions": [],
                }
            )
            state = "item" if heading else "title"
            continue
        if state == "description":
            description.append(paragraph)
        elif state == "day":
            raise SeedError(f"Text between a day and its first item: {paragraph!r}.")
        elif state == "title":
            items[-1]["heading"] = paragraph
            state = "item"
        elif paragraph.startswith(QUESTIONS_INTRO):
            state = "questions"
        elif state == "questions" and paragraph.startswith(BULLET):
            items[-1]["questions"].append(paragraph.removeprefix(BULLET).strip())
        else:
            items[-1]["description"].append(paragraph)
    if not days or not items:
        raise SeedError("No agenda found: a day (« Première journée ») and its items expected.")

    parsed = []
    for item in items:
        where = f"{item['day'].label}, {item['starts']:%H:%M}"
        if not item["heading"]:
            raise SeedError(f"{where}: the item has no title.")
        if item["ends"] <= item["starts"]:
            raise SeedError(f"{where}: the item ends before it starts.")
        kind = _kind(item["heading"], where)
        heading = item["heading"]
        if kind == AgendaItemKind.SIDE_EVENT:
            heading = SIDE_EVENT_PREFIX.sub("", heading)
        parsed.append(
            SeedItem(
                day=item["day"].number,
                date=item["day"].date,
                starts=item["starts"],
                ends=item["ends"],
                kind=kind,
                title=heading,
                description="\n\n".join(item["description"]),
                questions=tuple(item["questions"]),
            )
        )
    full_description = "\n\n".join(description)
    if notes:
        full_description += "\n\nNotes\n" + "\n".join(notes)
    return SeedEvent(
        title=title,
        theme=theme,
        starts_on=starts_on,
        ends_on=ends_on,
        room=room,
        building=building,
        city=city,
        country=CITY_COUNTRIES[city],
        time_zone=CITY_TIME_ZONES[city],
        document_title=document_title,
        description=full_description,
        notes=tuple(notes),
        days=tuple(days),
        items=tuple(parsed),
    )


def idm2018() -> SeedEvent:
    return parse_agenda(AGENDA_FILE.read_text(encoding="utf-8"))


def translations(language: str) -> dict[str, str]:
    """The seed's texts in `language` (en, es), by key."""
    path = SEED_DIR / f"idm2018-session2-{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def missing_translations(seed: SeedEvent, language: str) -> list[str]:
    """The keys of the seed's texts with no translation in `language`."""
    translated = translations(language)
    return [key for key in seed.texts() if not str(translated.get(key, "")).strip()]


# --- Writing it ------------------------------------------------------------------------------


@transaction.atomic
def load_idm2018(*, organiser, is_demo: bool) -> Event:
    """The second session of IDM 2018 as an event organised by `organiser`, with its agenda,
    guiding questions, translations and the agenda as a document. Run again, it updates the
    same rows (the event by its slug, items by their start and kind, questions by position)."""
    seed = idm2018()
    for language in TRANSLATION_LANGUAGES:
        missing = missing_translations(seed, language)
        if missing:
            raise SeedError(f"No {language} translation of: {', '.join(missing)}.")
    tz = zoneinfo.ZoneInfo(seed.time_zone)

    def moment(date: datetime.date, time: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(date, time, tzinfo=tz)

    first = seed.items[0]
    event, _ = Event.objects.update_or_create(
        slug=SLUG,
        defaults={
            "title": seed.title,
            "theme": seed.theme,
            "description": seed.description,
            "language": "fr",
            "kind": EventKind.IDM,
            "format": EventFormat.IN_PERSON,
            "status": EventStatus.PUBLISHED,
            "starts_on": seed.starts_on,
            "ends_on": seed.ends_on,
            "time_zone": seed.time_zone,
            "venue_room": seed.room,
            "venue_building": seed.building,
            "venue_city": seed.city,
            "country": Country.objects.filter(iso3=seed.country).first(),
            "languages": ["en", "fr", "es"],
            "interpretation": INTERPRETATION,
            # A past meeting: registration closed when the doors opened.
            "registration_closes_at": moment(first.date, first.starts),
            "is_demo": is_demo,
        },
    )
    EventPartner.objects.update_or_create(
        event=event, organisation=organiser, defaults={"role": PartnerRole.ORGANISER}
    )
    translated = {language: translations(language) for language in TRANSLATION_LANGUAGES}
    _translate(event, "event", translated)
    for number, seed_item in enumerate(seed.items, start=1):
        item, _ = AgendaItem.objects.update_or_create(
            event=event,
            starts_at=moment(seed_item.date, seed_item.starts),
            kind=seed_item.kind,
            defaults={
                "ends_at": moment(seed_item.date, seed_item.ends),
                "title": seed_item.title,
                "description": seed_item.description,
                "capacity": (
                    SIDE_EVENT_SEATS if seed_item.kind == AgendaItemKind.SIDE_EVENT else None
                ),
            },
        )
        _translate(item, f"items.{number}", translated)
        for position, text in enumerate(seed_item.questions, start=1):
            question, _ = GuidingQuestion.objects.update_or_create(
                item=item, position=position, defaults={"text": text}
            )
            _translate(question, f"items.{number}.questions.{position}", translated)
        item.questions.filter(position__gt=len(seed_item.questions)).delete()
    _agenda_document(event, seed)
    return event


def _translate(obj, key: str, translated: dict[str, dict[str, str]]) -> None:
    """Record the human translations of `obj`'s fields (under `key`), when they changed: the
    audit trail records a translation once, not at every run."""
    model = type(obj).__name__
    existing = translations_of(obj)
    for language, texts in translated.items():
        if model == "GuidingQuestion":
            wanted = {"text": texts.get(key, "")}
        else:
            wanted = {field: texts.get(f"{key}.{field}", "") for field in TRANSLATABLE[model]}
        wanted = {field: text for field, text in wanted.items() if text}
        rows = existing.get(language, {})
        if all(
            field in rows
            and rows[field].text == text
            and rows[field].provenance == TranslationProvenance.HUMAN
            for field, text in wanted.items()
        ):
            continue
        translation_save(actor=None, obj=obj, language=language, texts=wanted)


def _agenda_document(event: Event, seed: SeedEvent) -> EventDocument:
    """The French agenda as the event's document; its file is saved once."""
    document = EventDocument.objects.filter(
        event=event, kind=DocumentKind.AGENDA, language="fr"
    ).first() or EventDocument(event=event, kind=DocumentKind.AGENDA, language="fr")
    document.title = seed.document_title
    if not document.file or not document.file.storage.exists(document.file.name):
        document.file.save(
            "idm2018-session2-ordre-du-jour.txt",
            ContentFile(AGENDA_FILE.read_bytes()),
            save=False,
        )
    document.save()
    return document
