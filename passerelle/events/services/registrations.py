"""Writes of events: registration with seats that never overbook and a waiting list promoted in
order, cancellation, check-in at the door, and a registrant's data. Every change is audited
under `events.*`.

Seats (STYLE.md, concurrency): a registration takes a seat by one conditional UPDATE,
`seats_taken = seats_taken + 1 WHERE seats_taken < capacity`, which the database applies to one
transaction at a time; the check constraint `seats_taken <= capacity` refuses any other way to
overbook. Whoever does not get a seat is waitlisted. A cancelled seat goes to the first person
waiting (the oldest registration), in the same transaction.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.permissions import require
from passerelle.core.tasks import enqueue_on_commit

from ..choices import ACTIVE, EventStatus, RegistrationStatus, RegistrationType
from ..models import AgendaItem, Event, EventInvitation, Registration

ANSWER_LIMIT = 2000


@dataclass
class RegistrationData:
    """What a registration form sends. `name` and `email` are for a member of a delegation
    registered by its focal point; empty, the person registering is the one registered."""

    registration_type: str
    organisation: object = None
    answers: dict = field(default_factory=dict)
    name: str = ""
    email: str = ""
    submission: uuid.UUID | None = None  # the form's one-time token


def registration_window_error(event: Event, now=None) -> str | None:
    """Why registration is closed now, or None when it is open."""
    now = now or timezone.now()
    if event.status != EventStatus.PUBLISHED:
        return _("This event is not open for registration.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return _("Registration opens on %(date)s.") % {
            "date": timezone.localtime(event.registration_opens_at, event.tz).strftime(
                "%Y-%m-%d %H:%M"
            )
        }
    if now >= registration_closes_at(event):
        return _("Registration is closed.")
    return None


def registration_closes_at(event: Event) -> datetime.datetime:
    """When the organisers close registration, or else when the event's last day ends (in the
    venue's time zone)."""
    if event.registration_closes_at:
        return event.registration_closes_at
    day_after = event.ends_on + datetime.timedelta(days=1)
    return datetime.datetime.combine(day_after, datetime.time(), tzinfo=event.tz)


def register(
    *, actor, event: Event, data: RegistrationData, item: AgendaItem | None = None
) -> Registration:
    """Register the actor, or a member of their delegation, for `event` or one of its agenda
    items with seats: confirmed if a seat is free, else waitlisted. Posting the same form twice
    returns the first registration."""
    require(actor, "register", event)
    if data.submission is not None:
        existing = Registration.objects.filter(submission=data.submission).first()
        if existing is not None:
            if existing.registered_by_id != actor.pk:
                raise PermissionDenied
            return existing
    fields = _clean_registration(actor, event, item, data)
    place = item or event
    try:
        with transaction.atomic():
            took_seat = _take_seat(place)
            registration = Registration.objects.create(
                **fields,
                status=RegistrationStatus.CONFIRMED if took_seat else RegistrationStatus.WAITLISTED,
            )
            log_action(
                actor,
                registration,
                "events.registration.created",
                {"status": registration.status, "event": event.pk, "item": item and item.pk},
            )
    except IntegrityError as error:
        if (
            data.submission is not None
            and Registration.objects.filter(submission=data.submission).exists()
        ):
            return Registration.objects.get(submission=data.submission)
        raise ValidationError(
            {"email": _("This person is already registered here.")}, code="duplicate"
        ) from error
    _send(registration)
    return registration


def _clean_registration(actor, event, item, data: RegistrationData) -> dict:
    """Every problem at once, by field; the fields to store when there is none."""
    errors = {}
    closed = registration_window_error(event)
    if closed:
        errors["__all__"] = closed
    if item is not None and (item.event_id != event.pk or not item.takes_registrations):
        errors["item"] = _("This agenda item does not take registrations.")
    if data.registration_type not in RegistrationType.values:
        errors["registration_type"] = _("Choose how you are registering.")
    organisation = data.organisation
    on_behalf = bool(data.name or data.email)
    if on_behalf:
        if organisation is None or not actor.has_role(organisation.pk, MembershipRole.EDITOR):
            errors["organisation"] = _(
                "Only a focal point (an editor) of a delegation registers its members."
            )
        if not data.name.strip():
            errors["name"] = _("Give the name of the person you register.")
        if not data.email.strip():
            errors["email"] = _("Give the e-mail address of the person you register.")
    elif organisation is not None and not actor.has_role(organisation.pk, MembershipRole.VIEWER):
        errors["organisation"] = _("You are not a member of this organisation.")
    name = data.name.strip() if on_behalf else actor.get_full_name() or actor.email
    email = (data.email.strip() if on_behalf else actor.email).lower()
    if (
        event.invitation_only
        and not EventInvitation.objects.filter(event=event, email__iexact=email).exists()
    ):
        errors.setdefault("__all__", _("This event is by invitation only."))
    answers, answer_errors = _clean_answers(event, data.answers)
    errors.update(answer_errors)
    if errors:
        raise ValidationError(errors)
    return {
        "event": event,
        "item": item,
        "user": None if on_behalf else actor,
        "name": name[:200],
        "email": email,
        "organisation": organisation,
        "registration_type": data.registration_type,
        "answers": answers,
        "registered_by": actor,
        "submission": data.submission,
        "is_demo": event.is_demo,
    }


def _clean_answers(event: Event, answers: dict) -> tuple[dict, dict]:
    cleaned, errors = {}, {}
    for question in event.questionnaire:
        key = question["key"]
        answer = str(answers.get(key, "")).strip()
        if len(answer) > ANSWER_LIMIT:
            errors[f"answer_{key}"] = _("Keep the answer under %(limit)s characters.") % {
                "limit": ANSWER_LIMIT
            }
        elif question.get("required") and not answer:
            errors[f"answer_{key}"] = _("This question needs an answer.")
        cleaned[key] = answer
    return cleaned, errors


def _take_seat(place) -> bool:
    """One seat of `place` (an event or an agenda item), if one is free."""
    seats = type(place).objects.filter(pk=place.pk)
    if place.capacity is not None:
        seats = seats.filter(seats_taken__lt=F("capacity"))
    return seats.update(seats_taken=F("seats_taken") + 1) == 1


def _free_seat(place) -> None:
    type(place).objects.filter(pk=place.pk, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )


def cancel(*, actor, registration: Registration, reason: str = "") -> Registration:
    """Cancel a registration; its seat goes to the first person waiting."""
    require(actor, "cancel", registration)
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        held_seat = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.checked_in_at = None
        registration.save(update_fields=["status", "cancelled_at", "checked_in_at", "updated"])
        log_action(actor, registration, "events.registration.cancelled", {"reason": reason[:500]})
        promoted = None
        if held_seat:
            _free_seat(registration.place)
            promoted = _promote_next(registration.place)
    if promoted is not None:
        _send(promoted)
    return registration


def _promote_next(place) -> Registration | None:
    """Give a free seat of `place` to the oldest waitlisted registration. Rows another
    transaction is promoting are skipped (SKIP LOCKED: without it, PostgreSQL returns no row
    once the locked one stops matching, and the seat would stay empty)."""
    waiting = Registration.objects.filter(status=RegistrationStatus.WAITLISTED)
    waiting = (
        waiting.filter(item=place)
        if isinstance(place, AgendaItem)
        else waiting.filter(event=place, item__isnull=True)
    )
    candidate = waiting.select_for_update(skip_locked=True).order_by("created", "id").first()
    if candidate is None or not _take_seat(place):
        return None
    candidate.status = RegistrationStatus.CONFIRMED
    candidate.save(update_fields=["status", "updated"])
    log_action(None, candidate, "events.registration.promoted", {})
    return candidate


def check_in(*, actor, registration: Registration) -> Registration:
    """Record that a confirmed registrant came in (once: a second scan says when)."""
    require(actor, "check_in", registration)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise ValidationError(
            _("Only a confirmed registration can be checked in (this one is %(status)s).")
            % {"status": registration.get_status_display()},
            code="not_confirmed",
        )
    with transaction.atomic():
        updated = Registration.objects.filter(
            pk=registration.pk, status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=True
        ).update(checked_in_at=timezone.now(), checked_in_by=actor, updated=timezone.now())
        registration.refresh_from_db()
        if updated:
            log_action(actor, registration, "events.registration.checked_in", {})
    return registration


def find_by_code(event: Event, code: str) -> Registration | None:
    """The registration of `event` (or its items) with this personal code, typed or scanned."""
    cleaned = "".join(char for char in code.upper() if char.isalnum())
    return Registration.objects.filter(event=event, code=cleaned).select_related("item").first()


def delete_personal_data(*, actor, registration: Registration) -> None:
    """The registrant erases their registration: its seat is freed (and given to the next person
    waiting), then the row is deleted; the audit keeps that it happened, not who it was."""
    require(actor, "delete_data", registration)
    if registration.status in ACTIVE:
        cancel(actor=actor, registration=registration, reason="personal data deleted")
    with transaction.atomic():
        log_action(
            actor,
            registration.event,
            "events.registration.deleted",
            {"registration": registration.pk},
        )
        Registration.objects.filter(pk=registration.pk).delete()


@transaction.atomic
def invite(*, actor, event, emails: list[str]) -> int:
    """Invite `emails` (lower case) to `event`; those already invited stay. Returns how many
    are new."""
    require(actor, "manage_registrations", event)
    known = {
        email.lower()
        for email in EventInvitation.objects.filter(event=event).values_list("email", flat=True)
    }
    new = [email for email in emails if email not in known]
    EventInvitation.objects.bulk_create(
        [EventInvitation(event=event, email=email, invited_by=actor) for email in new],
        ignore_conflicts=True,
    )
    if new:
        log_action(actor, event, "events.invitation.added", {"count": len(new)})
    return len(new)


@transaction.atomic
def uninvite(*, actor, invitation: EventInvitation) -> None:
    require(actor, "manage_registrations", invitation.event)
    log_action(actor, invitation.event, "events.invitation.removed", {"invitation": invitation.pk})
    invitation.delete()


def _send(registration: Registration) -> None:
    from ..tasks import send_registration_email

    enqueue_on_commit(send_registration_email, registration_id=registration.pk)
