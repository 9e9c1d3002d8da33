"""Writes of events by their organisers: an event (a draft until published), its organisers and
partners, publication and cancellation, and its agenda: items with their ordered guiding
questions, moderators and speakers. Every change is audited under `events.event.*` and
`events.item.*`, and reindexed for the platform's search once it commits.

Problems are reported all at once, by field (`ValidationError({field: message})`), before
anything is written: a service either writes everything or nothing.
"""

import datetime
import functools
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.models import ContentTranslation
from passerelle.core.permissions import is_secretariat, require
from passerelle.core.search import index_later
from passerelle.core.tasks import enqueue_on_commit

from ..choices import (
    AgendaItemKind,
    EventFormat,
    EventKind,
    EventStatus,
    PartnerRole,
    RegistrationStatus,
    SpeakerRole,
)
from ..models import AgendaItem, Appearance, Event, EventPartner, GuidingQuestion, Speaker
from ..permissions import can_create_events
from ..tasks import send_event_cancelled_emails

# Limits of what one form may carry (a person typing, not an import).
QUESTIONS_LIMIT = 30
QUESTION_LENGTH = GuidingQuestion._meta.get_field("text").max_length
APPEARANCES_LIMIT = 40
QUESTIONNAIRE_LIMIT = 20
QUESTIONNAIRE_LABEL_LENGTH = 300
REASON_LIMIT = 2000
SLUG_LENGTH = 70  # of Event.slug's 80: room for "-2027" and a counter
# Paths of the events' URLs that a slug must not take (events/urls.py).
RESERVED_SLUGS = {"new", "registrations"}


@dataclass
class EventData:
    """What organisers write; the same for a new event and an edit. Dates and times are those of
    the venue (`time_zone`); the registration window is given as aware datetimes.

    `organisers` and `partners` are organisations. Creating, the creating organisation is an
    organiser whatever `organisers` holds; editing, None leaves them as they are."""

    title: str
    language: str
    kind: str
    format: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    time_zone: str
    theme: str = ""
    description: str = ""
    objectives: str = ""
    venue_room: str = ""
    venue_building: str = ""
    venue_city: str = ""
    country: object = None
    online_url: str = ""
    languages: list[str] = field(default_factory=list)
    interpretation: str = ""
    registration_opens_at: datetime.datetime | None = None
    registration_closes_at: datetime.datetime | None = None
    capacity: int | None = None
    invitation_only: bool = False
    # [{"label": str, "required": bool}]; keys are kept for a label already asked.
    questionnaire: list[dict] = field(default_factory=list)
    organisers: list | None = None
    partners: list | None = None


@dataclass
class SpeakerData:
    name: str
    position: str = ""
    affiliation: str = ""


@dataclass
class ItemData:
    """An agenda item as organisers write it; times are aware datetimes."""

    kind: str
    title: str
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    description: str = ""
    room: str = ""
    capacity: int | None = None
    questions: list[str] = field(default_factory=list)  # in order
    moderators: list[SpeakerData] = field(default_factory=list)
    speakers: list[SpeakerData] = field(default_factory=list)


# Events ---------------------------------------------------------------------------------------


@functools.cache
def time_zones() -> frozenset[str]:
    """The time zone names known (read from the system's database once: it walks files)."""
    return frozenset(zoneinfo.available_timezones())


def event_create(*, actor, organisation, data: EventData, submission_key=None) -> Event:
    """A draft event organised by `organisation` (and the other `organisers`), which only its
    organisers see until it is published. The same submission key twice gives the first event
    back (a double click creates one event)."""
    if not can_create_events(actor) or not (
        is_secretariat(actor) or actor.has_role(organisation.pk, MembershipRole.EDITOR)
    ):
        raise PermissionDenied
    if submission_key is not None:
        existing = Event.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            if existing.created_by_id != actor.pk:
                raise PermissionDenied
            return existing
    errors = {}
    fields = _clean_event(data, None, errors)
    organisers = _unique([organisation, *(data.organisers or [])])
    partners = _unique(data.partners or [])
    errors.update(_partner_errors(actor, organisers, partners, creating=True))
    event = Event(
        **fields, created_by=actor, status=EventStatus.DRAFT, submission_key=submission_key
    )
    _full_clean(event, errors, exclude={"slug", "created_by"})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if not _save_new(event):  # the same key posted twice at the same moment
            return Event.objects.get(submission_key=submission_key)
        _set_partners(event, organisers, partners)
        log_action(
            actor,
            event,
            "events.event.created",
            {"organisation": organisation.pk, "slug": event.slug},
        )
        index_later(event)
    return event


def _save_new(event: Event) -> bool:
    """Save with a free slug made of the title and the year. Two events created with the same
    title at the same moment cannot take the same one: the unique index decides, the loser
    takes the next. False when an event with the same submission key was saved first."""
    base = slugify(event.title)[:SLUG_LENGTH].strip("-") or "event"
    year = str(event.starts_on.year)
    if not base.endswith(year):
        base = f"{base}-{year}"
    taken = RESERVED_SLUGS | set(
        Event.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    for _attempt in range(10):
        event.slug = _free_slug(base, taken)
        try:
            with transaction.atomic():
                event.save()
        except IntegrityError:
            key = event.submission_key
            if key is not None and Event.objects.filter(submission_key=key).exists():
                return False
            if not Event.objects.filter(slug=event.slug).exists():
                raise  # another constraint: not ours to hide
            taken.add(event.slug)
        else:
            return True
    raise IntegrityError("No free slug for this event.")


def _free_slug(base: str, taken: set[str]) -> str:
    slug, counter = base, 2
    while slug in taken:
        slug = f"{base}-{counter}"
        counter += 1
    return slug


def event_update(*, actor, event: Event, data: EventData) -> Event:
    """Change what organisers wrote. The capacity cannot fall below the seats already taken, and
    the dates must still hold the agenda."""
    require(actor, "change", event)
    with transaction.atomic():
        # Locked: a registration taking a seat waits, so the seats counted here stay true.
        event = Event.objects.select_for_update().get(pk=event.pk)
        errors = {}
        fields = _clean_event(data, event, errors)
        changes = {name: value for name, value in fields.items() if getattr(event, name) != value}
        for name, value in fields.items():
            setattr(event, name, value)
        organisers = partners = None
        if data.organisers is not None or data.partners is not None:
            current = list(event.partners.select_related("organisation"))
            organisers = _unique(
                data.organisers
                if data.organisers is not None
                else [p.organisation for p in current if p.role == PartnerRole.ORGANISER]
            )
            partners = _unique(
                data.partners
                if data.partners is not None
                else [p.organisation for p in current if p.role == PartnerRole.PARTNER]
            )
            errors.update(_partner_errors(actor, organisers, partners, creating=False))
        _full_clean(event, errors, exclude={"slug", "created_by"})
        if errors:
            raise ValidationError(errors)
        event.save(update_fields=[*fields, "updated"])
        partner_changes = (
            _set_partners(event, organisers, partners) if organisers is not None else {}
        )
        log_action(
            actor,
            event,
            "events.event.updated",
            {"fields": sorted(changes), **partner_changes},
        )
        _reindex(event)
    return event


def event_publish(*, actor, event: Event) -> Event:
    """Publish a draft: everyone sees it, and people may register (within its window)."""
    require(actor, "change", event)
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        errors = publish_errors(event)
        if errors:
            raise ValidationError(errors)
        event.status = EventStatus.PUBLISHED
        event.save(update_fields=["status", "updated"])
        log_action(actor, event, "events.event.published", {})
        _reindex(event)
    return event


def publish_errors(event: Event) -> dict[str, str]:
    """What stands in the way of publishing `event`, by field."""
    if event.status == EventStatus.PUBLISHED:
        return {"__all__": _("This event is already published.")}
    if event.status == EventStatus.CANCELLED:
        return {"__all__": _("A cancelled event cannot be published again.")}
    errors = {}
    if not event.description.strip():
        errors["description"] = _("Describe the event before publishing it.")
    if event.format in (EventFormat.IN_PERSON, EventFormat.HYBRID) and not event.venue_city:
        errors["venue_city"] = _("Say in which city the event takes place before publishing it.")
    return errors


def event_cancel(*, actor, event: Event, reason: str = "") -> Event:
    """Cancel an event: it stays readable, marked as cancelled, and takes no more
    registrations; everyone registered is told by e-mail. The reason is kept in its history."""
    require(actor, "change", event)
    reason = reason.strip()
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            {"reason": _("Keep the reason under %(limit)s characters.") % {"limit": REASON_LIMIT}}
        )
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.status == EventStatus.CANCELLED:
            raise ValidationError({"__all__": _("This event is already cancelled.")})
        was = event.status
        event.status = EventStatus.CANCELLED
        event.save(update_fields=["status", "updated"])
        log_action(
            actor,
            event,
            "events.event.cancelled",
            {
                "reason": reason,
                "was": was,
                "registrations": event.registrations.filter(
                    status=RegistrationStatus.CONFIRMED
                ).count(),
            },
        )
        _reindex(event)
        enqueue_on_commit(send_event_cancelled_emails, event_id=event.pk)
    return event


def _reindex(event: Event) -> None:
    """The event and its agenda items: the items' facets (year, country) and visibility follow
    the event."""
    index_later(event)
    for item in event.agenda_items.only("pk"):
        index_later(item)


def _clean_event(data: EventData, event: Event | None, errors: dict) -> dict:
    """The fields to store; the problems found are added to `errors`, by field."""
    title = (data.title or "").strip()
    if not title:
        errors["title"] = _("Give the event a title.")
    if data.language not in dict(settings.LANGUAGES):
        errors["language"] = _("Choose the language the texts are written in.")
    if data.kind not in EventKind.values:
        errors["kind"] = _("Choose the kind of event.")
    if data.format not in EventFormat.values:
        errors["format"] = _("Choose whether the event is in person, online or both.")
    if data.starts_on is None:
        errors["starts_on"] = _("Give the first day of the event.")
    if data.ends_on is None:
        errors["ends_on"] = _("Give the last day of the event.")
    elif data.starts_on is not None and data.ends_on < data.starts_on:
        errors["ends_on"] = _("The last day cannot be before the first day.")
    time_zone = (data.time_zone or "").strip()
    if time_zone not in time_zones():
        errors["time_zone"] = _(
            "%(value)s is not a time zone name, such as Europe/Zurich or America/New_York."
        ) % {"value": time_zone or "—"}
    online_url = (data.online_url or "").strip()
    if online_url:
        try:
            URLValidator(schemes=["https", "http"])(online_url)
        except ValidationError:
            errors["online_url"] = _("Give the full address of the online link, https://…")
    languages = list(dict.fromkeys(data.languages))
    unknown = [code for code in languages if code not in LANG_INFO]
    if unknown:
        errors["languages"] = _("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)}
    if data.capacity is not None:
        if data.capacity < 1:
            errors["capacity"] = _("Give at least one seat, or leave empty for no limit.")
        elif event is not None and data.capacity < event.seats_taken:
            errors["capacity"] = _(
                "%(taken)s seats are already taken: the event cannot have fewer."
            ) % {"taken": event.seats_taken}
    opens, closes = data.registration_opens_at, data.registration_closes_at
    if opens is not None and closes is not None and closes <= opens:
        errors["registration_closes_at"] = _("Registration must close after it opens.")
    if event is not None and data.starts_on and data.ends_on and "time_zone" not in errors:
        outside = _items_outside(event, data.starts_on, data.ends_on, time_zone)
        if outside is not None:
            errors["starts_on"] = _(
                "The agenda item “%(title)s” would be outside these dates: move it first."
            ) % {"title": outside.title}
    questionnaire = _clean_questionnaire(
        data.questionnaire, event.questionnaire if event else [], errors
    )
    return {
        "title": title,
        "theme": (data.theme or "").strip(),
        "description": (data.description or "").strip(),
        "objectives": (data.objectives or "").strip(),
        "language": data.language,
        "kind": data.kind,
        "format": data.format,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "time_zone": time_zone,
        "venue_room": (data.venue_room or "").strip(),
        "venue_building": (data.venue_building or "").strip(),
        "venue_city": (data.venue_city or "").strip(),
        "country": data.country,
        "online_url": online_url,
        "languages": languages,
        "interpretation": (data.interpretation or "").strip(),
        "registration_opens_at": opens,
        "registration_closes_at": closes,
        "capacity": data.capacity,
        "invitation_only": bool(data.invitation_only),
        "questionnaire": questionnaire,
    }


def _items_outside(event: Event, starts_on, ends_on, time_zone: str) -> AgendaItem | None:
    """The first agenda item of `event` that the new dates (in `time_zone`) would not hold."""
    first, after = _day_bounds(starts_on, ends_on, zoneinfo.ZoneInfo(time_zone))
    return (
        event.agenda_items.exclude(starts_at__gte=first, ends_at__lte=after)
        .order_by("starts_at")
        .first()
    )


def _day_bounds(starts_on, ends_on, tz) -> tuple[datetime.datetime, datetime.datetime]:
    """From the first day's midnight to the midnight after the last day, at the venue."""
    first = datetime.datetime.combine(starts_on, datetime.time(0), tzinfo=tz)
    after = datetime.datetime.combine(
        ends_on + datetime.timedelta(days=1), datetime.time(0), tzinfo=tz
    )
    return first, after


def _clean_questionnaire(questions: list[dict], asked: list[dict], errors: dict) -> list[dict]:
    """The questions asked when registering, each with a key that names its answers. A question
    asked already keeps its key, so its answers stay attached to it."""
    known = {question.get("label", "").strip().casefold(): question["key"] for question in asked}
    cleaned, keys, seen = [], set(), set()
    problems = []
    if len(questions) > QUESTIONNAIRE_LIMIT:
        problems.append(_("Ask at most %(limit)s questions.") % {"limit": QUESTIONNAIRE_LIMIT})
    for number, question in enumerate(questions, 1):
        label = str(question.get("label", "")).strip()
        if not label:
            continue
        if len(label) > QUESTIONNAIRE_LABEL_LENGTH:
            problems.append(
                _("Question %(number)s is longer than %(limit)s characters.")
                % {"number": number, "limit": QUESTIONNAIRE_LABEL_LENGTH}
            )
            continue
        folded = label.casefold()
        if folded in seen:
            problems.append(_("Question %(number)s is asked twice.") % {"number": number})
            continue
        seen.add(folded)
        key = known.get(folded) or _new_key(label, keys | set(known.values()))
        keys.add(key)
        cleaned.append({"key": key, "label": label, "required": bool(question.get("required"))})
    if problems:
        errors["questionnaire"] = " ".join(problems)
    return cleaned


def _new_key(label: str, taken: set[str]) -> str:
    base = slugify(label).replace("-", "_")[:40].strip("_") or "question"
    key, counter = base, 2
    while key in taken:
        key = f"{base}_{counter}"
        counter += 1
    return key


def _full_clean(obj, errors: dict, exclude: set) -> None:
    """The model's own checks (lengths, constraints) of the fields without a problem yet."""
    try:
        obj.full_clean(exclude={*exclude, *errors}, validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, " ".join(messages))


def _unique(organisations: list) -> list:
    return list({organisation.pk: organisation for organisation in organisations}.values())


def _partner_errors(actor, organisers: list, partners: list, *, creating: bool) -> dict:
    errors = {}
    if not organisers:
        errors["organisers"] = _("An event has at least one organiser.")
    elif (
        not creating
        and not is_secretariat(actor)
        and not any(actor.has_role(o.pk, MembershipRole.EDITOR) for o in organisers)
    ):
        errors["organisers"] = _(
            "Keep your organisation among the organisers, or you could no longer manage this event."
        )
    both = {o.pk for o in organisers} & {p.pk for p in partners}
    if both:
        names = ", ".join(str(p) for p in partners if p.pk in both)
        errors["partners"] = _(
            "An organisation is an organiser or a partner, not both: %(names)s."
        ) % {"names": names}
    return errors


def _set_partners(event: Event, organisers: list, partners: list) -> dict:
    """Make the event's organisers and partners these; returns what changed, for the audit."""
    wanted = {o.pk: PartnerRole.ORGANISER for o in organisers}
    wanted.update({p.pk: PartnerRole.PARTNER for p in partners})
    current = dict(event.partners.values_list("organisation_id", "role"))
    removed = sorted(set(current) - set(wanted))
    event.partners.filter(organisation_id__in=removed).delete()
    changed = {}
    for organisation_id, role in wanted.items():
        if organisation_id not in current:
            EventPartner.objects.create(event=event, organisation_id=organisation_id, role=role)
            changed[organisation_id] = role
        elif current[organisation_id] != role:
            event.partners.filter(organisation_id=organisation_id).update(role=role)
            changed[organisation_id] = role
    if not removed and not changed:
        return {}
    return {"partners_removed": removed, "partners_set": changed}


# Agenda items ---------------------------------------------------------------------------------


def item_create(*, actor, event: Event, data: ItemData) -> AgendaItem:
    """Add an item to the agenda, with its guiding questions, moderators and speakers."""
    require(actor, "change", event)
    errors = {}
    fields = _clean_item(data, event, None, errors)
    item = AgendaItem(event=event, **fields)
    _full_clean(item, errors, exclude={"event"})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item.save()
        _set_questions(item, data.questions)
        _set_appearances(item, data, event.language)
        log_action(actor, item, "events.item.created", {"event": event.pk})
        index_later(item)
    return item


def item_update(*, actor, item: AgendaItem, data: ItemData) -> AgendaItem:
    require(actor, "change", item)
    with transaction.atomic():
        item = AgendaItem.objects.select_for_update().select_related("event").get(pk=item.pk)
        errors = {}
        fields = _clean_item(data, item.event, item, errors)
        changes = sorted(name for name, value in fields.items() if getattr(item, name) != value)
        for name, value in fields.items():
            setattr(item, name, value)
        _full_clean(item, errors, exclude={"event"})
        if errors:
            raise ValidationError(errors)
        item.save(update_fields=[*fields, "updated"])
        if _set_questions(item, data.questions):
            changes.append("questions")
        if _set_appearances(item, data, item.event.language):
            changes.append("appearances")
        log_action(actor, item, "events.item.updated", {"fields": changes})
        index_later(item)
    return item


def item_delete(*, actor, item: AgendaItem) -> None:
    """Remove an item from the agenda; one people registered for stays (cancel it in the
    registrations first)."""
    require(actor, "change", item)
    with transaction.atomic():
        item = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if item.registrations.exists():
            raise ValidationError(
                {
                    "__all__": _(
                        "People registered for this item: it cannot be removed from the agenda. "
                        "Change it instead, or cancel their registrations first."
                    )
                }
            )
        log_action(
            actor, item, "events.item.deleted", {"event": item.event_id, "title": item.title}
        )
        index_later(item)  # now, while it has its id: the index removes what is gone
        _forget_translations(GuidingQuestion, list(item.questions.values_list("pk", flat=True)))
        _forget_translations(AgendaItem, [item.pk])
        item.delete()


def _clean_item(data: ItemData, event: Event, item: AgendaItem | None, errors: dict) -> dict:
    title = (data.title or "").strip()
    if not title:
        errors["title"] = _("Give the item a title.")
    if data.kind not in AgendaItemKind.values:
        errors["kind"] = _("Choose the kind of item.")
    starts, ends = data.starts_at, data.ends_at
    if starts is None:
        errors["starts_at"] = _("Give the time the item starts.")
    if ends is None:
        errors["ends_at"] = _("Give the time the item ends.")
    if starts is not None and ends is not None:
        first, after = _day_bounds(event.starts_on, event.ends_on, event.tz)
        if ends <= starts:
            errors["ends_at"] = _("The item must end after it starts.")
        if not first <= starts < after:
            errors["starts_at"] = _(
                "The item must take place during the event, from %(first)s to %(last)s."
            ) % _event_days(event)
        elif ends > after:
            errors["ends_at"] = _(
                "The item must end by the event's last day, %(last)s."
            ) % _event_days(event)
    if data.capacity is not None:
        if data.capacity < 1:
            errors["capacity"] = _("Give at least one seat, or leave empty.")
        elif item is not None and data.capacity < item.seats_taken:
            errors["capacity"] = _(
                "%(taken)s seats are already taken: the item cannot have fewer."
            ) % {"taken": item.seats_taken}
    elif item is not None and item.takes_registrations and item.registrations.exists():
        errors["capacity"] = _(
            "People registered for this item: it keeps its seats (you may change their number)."
        )
    _question_errors(data.questions, errors)
    _appearance_errors(data, errors)
    return {
        "kind": data.kind,
        "title": title,
        "description": (data.description or "").strip(),
        "room": (data.room or "").strip(),
        "starts_at": starts,
        "ends_at": ends,
        "capacity": data.capacity,
    }


def _event_days(event: Event) -> dict:
    return {
        "first": formats.date_format(event.starts_on, "DATE_FORMAT"),
        "last": formats.date_format(event.ends_on, "DATE_FORMAT"),
    }


def _question_errors(questions: list[str], errors: dict) -> None:
    problems = []
    if len(questions) > QUESTIONS_LIMIT:
        problems.append(_("Give at most %(limit)s questions.") % {"limit": QUESTIONS_LIMIT})
    seen = set()
    for number, text in enumerate(questions, 1):
        text = text.strip()
        if not text:
            problems.append(_("Question %(number)s is empty.") % {"number": number})
        elif len(text) > QUESTION_LENGTH:
            problems.append(
                _("Question %(number)s is longer than %(limit)s characters.")
                % {"number": number, "limit": QUESTION_LENGTH}
            )
        elif text in seen:
            problems.append(_("Question %(number)s is asked twice.") % {"number": number})
        seen.add(text)
    if problems:
        errors["questions"] = " ".join(problems)


SPEAKER_LIMITS = {
    name: Speaker._meta.get_field(name).max_length for name in ("name", "position", "affiliation")
}


def _appearance_errors(data: ItemData, errors: dict) -> None:
    for role, people in (("moderators", data.moderators), ("speakers", data.speakers)):
        problems = []
        if len(people) > APPEARANCES_LIMIT:
            problems.append(_("Name at most %(limit)s people.") % {"limit": APPEARANCES_LIMIT})
        seen = set()
        for number, person in enumerate(people, 1):
            if not person.name.strip():
                problems.append(_("Line %(number)s has no name.") % {"number": number})
                continue
            too_long = [
                name
                for name, limit in SPEAKER_LIMITS.items()
                if len(getattr(person, name).strip()) > limit
            ]
            if too_long:
                problems.append(
                    _(
                        "Line %(number)s is too long: a name has at most %(name)s characters, "
                        "a position or an affiliation %(other)s."
                    )
                    % {
                        "number": number,
                        "name": SPEAKER_LIMITS["name"],
                        "other": SPEAKER_LIMITS["position"],
                    }
                )
                continue
            key = _speaker_key(person)
            if key in seen:
                problems.append(
                    _("Line %(number)s names the same person again.") % {"number": number}
                )
            seen.add(key)
        if problems:
            errors[role] = " ".join(problems)


def _speaker_key(person: SpeakerData) -> tuple[str, str, str]:
    return (
        person.name.strip().casefold(),
        person.position.strip().casefold(),
        person.affiliation.strip().casefold(),
    )


def _set_questions(item: AgendaItem, questions: list[str]) -> bool:
    """Make the item's guiding questions these, in this order. A question whose text is
    unchanged keeps its row, and so its translations. Returns whether anything changed."""
    texts = [text.strip() for text in questions]
    current = list(item.questions.order_by("position"))
    if [question.text for question in current] == texts:
        return False
    by_text = {}
    for question in current:
        by_text.setdefault(question.text, question)
    kept = {text: by_text.pop(text) for text in texts if text in by_text}
    kept_pks = {question.pk for question in kept.values()}
    gone = [question.pk for question in current if question.pk not in kept_pks]
    _forget_translations(GuidingQuestion, gone)
    GuidingQuestion.objects.filter(pk__in=gone).delete()
    # Two passes: positions are unique per item, and kept questions may swap theirs.
    for offset, question in enumerate(kept.values()):
        question.position = 10_000 + offset
    GuidingQuestion.objects.bulk_update(kept.values(), ["position"])
    for position, text in enumerate(texts, 1):
        if text in kept:
            kept[text].position = position
    GuidingQuestion.objects.bulk_update(kept.values(), ["position"])
    GuidingQuestion.objects.bulk_create(
        GuidingQuestion(item=item, position=position, text=text)
        for position, text in enumerate(texts, 1)
        if text not in kept
    )
    return True


def _set_appearances(item: AgendaItem, data: ItemData, language: str) -> bool:
    """Link the item's moderators and speakers, in order, reusing the Speaker of a person
    already known (the same name, position and affiliation). Returns whether anything
    changed."""
    wanted = []
    for role, people in ((SpeakerRole.MODERATOR, data.moderators),
                         (SpeakerRole.SPEAKER, data.speakers)):  # fmt: skip
        for position, person in enumerate(people, 1):
            wanted.append((role, position, _speaker_for(item, person, language)))
    current = list(item.appearances.order_by("role", "position").values_list(
        "role", "position", "speaker_id"
    ))  # fmt: skip
    if sorted(current) == sorted((role, position, s.pk) for role, position, s in wanted):
        return False
    item.appearances.all().delete()
    Appearance.objects.bulk_create(
        Appearance(item=item, speaker=speaker, role=role, position=position)
        for role, position, speaker in wanted
    )
    return True


def _speaker_for(item: AgendaItem, person: SpeakerData, language: str) -> Speaker:
    name, position, affiliation = (
        person.name.strip(),
        person.position.strip(),
        person.affiliation.strip(),
    )
    same = Speaker.objects.filter(
        name__iexact=name, position__iexact=position, affiliation__iexact=affiliation
    )
    # The one already on this item first, then the one known longest.
    speaker = (
        same.filter(appearances__item=item).order_by("pk").first() or same.order_by("pk").first()
    )
    if speaker is None:
        speaker = Speaker.objects.create(
            name=name, position=position, affiliation=affiliation, language=language
        )
    return speaker


def _forget_translations(model, pks: list) -> None:
    if pks:
        ContentTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in pks],
        ).delete()
