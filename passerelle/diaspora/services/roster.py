"""Writes of the roster: joining (which publishes a hub offer in the expert's name, so that the
hub's matcher proposes the expert to requests), editing, pausing, resuming and leaving; and the
contacts a requesting organisation makes with an expert, which the expert accepts (sharing their
e-mail address) or declines, and which end withdrawn or completed (the expert's track record).

The hub's offer is written only through the hub's services, which audit it and queue the
matcher. A withdrawn offer cannot be published again (hub permissions): resuming publishes a new
one, which becomes the entry's offer."""

from dataclasses import dataclass, field
from datetime import date

import pycountry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import require
from passerelle.hub import services as hub_services
from passerelle.hub.choices import CostBasis, Modality, OfferStatus, RequestStatus, SupportType

from ..choices import OPEN_CONTACT_STATUSES, Availability, ContactStatus, RosterStatus
from ..models import Block, ExpertContact, RosterEntry
from ..permissions import is_active_user

COST_BASES = (CostBasis.FREE, CostBasis.PAID)
MAX_ENGAGEMENTS = 3
TEXT_LIMIT = 5000
# Where the hub's offer errors belong on the roster's form.
OFFER_FIELDS = {"title": "headline", "description": "expertise", "countries": "work_countries"}
WITHDRAWABLE = (OfferStatus.DRAFT, OfferStatus.PUBLISHED)


@dataclass
class RosterData:
    """What an expert lists; the same when joining and editing. `cost_basis`, `trains` and
    `max_engagements` live on the hub offer only."""

    headline: str
    expertise: str
    capacity_areas: list
    languages: list[str]
    availability: str
    available_from: date
    work_countries: list = field(default_factory=list)
    days_per_year: int | None = None
    available_until: date | None = None
    cost_basis: str = CostBasis.FREE
    trains: bool = False
    max_engagements: int = 1


def _clean(data: RosterData) -> None:
    """Every problem at once, by field."""
    errors = {}
    if not data.headline.strip():
        errors["headline"] = _("Say in one line what you are an expert in.")
    elif len(data.headline) > 200:
        errors["headline"] = _("Keep the headline under 200 characters.")
    if not data.expertise.strip():
        errors["expertise"] = _("Describe your expertise.")
    elif len(data.expertise) > TEXT_LIMIT:
        errors["expertise"] = _("Keep the description under 5,000 characters.")
    if not data.capacity_areas:
        errors["capacity_areas"] = _("Choose at least one capacity area.")
    bad = [code for code in data.languages if not pycountry.languages.get(alpha_2=code)]
    if not data.languages or bad:
        errors["languages"] = _("Give the languages you work in as ISO codes, e.g. fr, en.")
    if data.availability not in Availability.values:
        errors["availability"] = _("Choose how you are available.")
    if data.available_from is None:
        errors["available_from"] = _("Say from when you are available.")
    elif data.available_until is not None and data.available_until < data.available_from:
        errors["available_until"] = _("The end comes before the start.")
    if data.days_per_year is not None and not 1 <= data.days_per_year <= 366:
        errors["days_per_year"] = _("Give a number of days between 1 and 366.")
    if data.cost_basis not in COST_BASES:
        errors["cost_basis"] = _("Say whether you work free of charge or paid.")
    if data.max_engagements is None or not 1 <= data.max_engagements <= MAX_ENGAGEMENTS:
        errors["max_engagements"] = _("You can take from one to three engagements at a time.")
    if errors:
        raise ValidationError(errors)


def _offer_data(data: RosterData, language: str):
    """The hub offer of an entry: the expert's deployment and technical assistance (and
    training when they train), where they work (anywhere when they named no country)."""
    support = [SupportType.EXPERT_DEPLOYMENT, SupportType.TECHNICAL_ASSISTANCE]
    if data.trains:
        support.append(SupportType.TRAINING)
    remote = data.availability == Availability.REMOTE
    return hub_services.OfferData(
        title=data.headline.strip(),
        description=data.expertise.strip(),
        capacity_areas=list(data.capacity_areas),
        support_types=support,
        modality=Modality.REMOTE if remote else Modality.HYBRID,
        available_from=data.available_from,
        available_until=data.available_until,
        cost_basis=data.cost_basis,
        languages=list(data.languages),
        countries=list(data.work_countries),
        is_global=not data.work_countries,
        max_engagements=data.max_engagements,
        expert_days=data.days_per_year,
        language=detect_language(data.expertise, default=language or "en"),
    )


def _hub_errors(error: ValidationError) -> ValidationError:
    """The hub's offer errors under the roster form's field names."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {OFFER_FIELDS.get(name, name): errors for name, errors in error.error_dict.items()}
    )


def _publish_offer(actor, data: RosterData, language: str):
    try:
        offer = hub_services.offer_create(actor=actor, data=_offer_data(data, language))
        return hub_services.offer_publish(actor=actor, offer=offer)
    except ValidationError as error:
        raise _hub_errors(error) from error


def _apply(entry: RosterEntry, data: RosterData) -> None:
    entry.headline = data.headline.strip()
    entry.expertise = data.expertise.strip()
    entry.languages = sorted(set(data.languages))
    entry.availability = data.availability
    entry.days_per_year = data.days_per_year
    entry.available_from = data.available_from
    entry.available_until = data.available_until


def _save_relations(entry: RosterEntry, data: RosterData) -> None:
    entry.capacity_areas.set(data.capacity_areas)
    entry.work_countries.set(data.work_countries)


def terms_of(entry: RosterEntry) -> dict:
    """What only the hub offer holds (cost, training, engagements), to fill a form or publish
    the offer again."""
    offer = entry.offer
    if offer is None:
        return {"cost_basis": CostBasis.FREE, "trains": False, "max_engagements": 1}
    return {
        "cost_basis": offer.cost_basis,
        "trains": offer.support_types.filter(support_type=SupportType.TRAINING).exists(),
        "max_engagements": offer.max_engagements,
    }


def data_of(entry: RosterEntry) -> RosterData:
    return RosterData(
        headline=entry.headline,
        expertise=entry.expertise,
        capacity_areas=list(entry.capacity_areas.all()),
        languages=list(entry.languages),
        availability=entry.availability,
        available_from=entry.available_from,
        available_until=entry.available_until,
        work_countries=list(entry.work_countries.all()),
        days_per_year=entry.days_per_year,
        **terms_of(entry),
    )


@transaction.atomic
def roster_join(*, actor, data: RosterData, consent: bool, language: str = "") -> RosterEntry:
    """The actor joins the roster (again, if they had left it): the entry and its published hub
    offer. `language`: the interface's, used when the text gives no sign of its own."""
    if not is_active_user(actor):
        raise ValidationError(_("Sign in to join the roster."))
    if not consent:
        raise ValidationError(
            {"consent_listed": _("You must agree to be listed publicly to join the roster.")}
        )
    _clean(data)
    entry = RosterEntry.objects.select_for_update().filter(expert=actor).first()
    if entry is not None and entry.status != RosterStatus.LEFT:
        raise ValidationError(_("You are already on the roster: edit your entry instead."))
    rejoined = entry is not None
    entry = entry or RosterEntry(expert=actor, is_demo=actor.is_demo)
    _apply(entry, data)
    entry.status = RosterStatus.ACTIVE
    entry.consent_listed = True
    entry.full_clean(exclude=["offer"])
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as error:  # the same form posted twice at once
        raise ValidationError(_("You are already on the roster.")) from error
    _save_relations(entry, data)
    entry.offer = _publish_offer(actor, data, language)
    entry.save(update_fields=["offer", "updated"])
    log_action(actor, entry, "diaspora.roster.joined", {"offer": entry.offer_id, "again": rejoined})
    return entry


def _lock(entry: RosterEntry) -> RosterEntry:
    return (
        RosterEntry.objects.select_for_update(of=("self",)).select_related("offer").get(pk=entry.pk)
    )


@transaction.atomic
def roster_update(
    *, actor, entry: RosterEntry, data: RosterData, language: str = ""
) -> RosterEntry:
    """The entry and, while it is published, its offer (the hub re-runs the matcher)."""
    entry = _lock(entry)
    require(actor, "change", entry)
    _clean(data)
    _apply(entry, data)
    entry.full_clean(exclude=["offer"])
    entry.save()
    _save_relations(entry, data)
    offer = entry.offer
    if offer is not None and offer.status in WITHDRAWABLE:
        try:
            hub_services.offer_update(
                actor=actor, offer=offer, data=_offer_data(data, language or offer.language)
            )
        except ValidationError as error:
            raise _hub_errors(error) from error
    log_action(actor, entry, "diaspora.roster.updated", {"offer": entry.offer_id})
    return entry


def _withdraw_offer(actor, entry: RosterEntry, reason: str) -> None:
    if entry.offer is not None and entry.offer.status in WITHDRAWABLE:
        hub_services.offer_withdraw(actor=actor, offer=entry.offer, reason=reason)


@transaction.atomic
def roster_pause(*, actor, entry: RosterEntry) -> RosterEntry:
    """Not available for now: the offer is withdrawn, so the matcher drops its proposals."""
    entry = _lock(entry)
    require(actor, "pause", entry)
    _withdraw_offer(actor, entry, "roster paused")
    entry.status = RosterStatus.PAUSED
    entry.save(update_fields=["status", "updated"])
    log_action(actor, entry, "diaspora.roster.paused", {"offer": entry.offer_id})
    return entry


@transaction.atomic
def roster_resume(*, actor, entry: RosterEntry) -> RosterEntry:
    """Available again: a new offer is published with the entry's present text and terms."""
    entry = _lock(entry)
    require(actor, "resume", entry)
    data = data_of(entry)
    if data.available_until is not None and data.available_until < timezone.localdate():
        raise ValidationError(
            {"available_until": _("Your availability has ended: edit its dates first.")}
        )
    entry.offer = _publish_offer(actor, data, entry.offer.language if entry.offer else "")
    entry.status = RosterStatus.ACTIVE
    entry.save(update_fields=["offer", "status", "updated"])
    log_action(actor, entry, "diaspora.roster.resumed", {"offer": entry.offer_id})
    return entry


@transaction.atomic
def roster_leave(*, actor, entry: RosterEntry) -> RosterEntry:
    """Off the roster: the public listing and the offer go; contacts and the track record stay
    for the organisations that took part in them."""
    entry = _lock(entry)
    require(actor, "leave", entry)
    _withdraw_offer(actor, entry, "left the roster")
    entry.status = RosterStatus.LEFT
    entry.save(update_fields=["status", "updated"])
    log_action(actor, entry, "diaspora.roster.left", {"offer": entry.offer_id})
    return entry


# --- contacts -----------------------------------------------------------------------------------


def is_blocked(entry: RosterEntry, sender) -> bool:
    return Block.objects.filter(blocker_id=entry.expert_id, blocked_id=sender.pk).exists()


def _check_request(support_request, organisation) -> None:
    if support_request is None:
        return
    if organisation.pk not in (support_request.organisation_id, support_request.joint_with_id):
        raise ValidationError({"support_request": _("Choose one of your organisation's requests.")})
    if support_request.status == RequestStatus.WITHDRAWN:
        raise ValidationError({"support_request": _("This request is withdrawn.")})


@transaction.atomic
def contact_create(
    *, actor, entry: RosterEntry, organisation, message: str, support_request=None
) -> ExpertContact:
    """An editor of `organisation` writes to an active roster expert, optionally about one of
    the organisation's requests."""
    entry = RosterEntry.objects.select_for_update().get(pk=entry.pk)
    require(actor, "contact", entry)
    if not actor.has_role(organisation.pk, MembershipRole.EDITOR):
        raise ValidationError(
            {"organisation": _("You can only write for an organisation where you are an editor.")}
        )
    if is_blocked(entry, actor):
        raise ValidationError(_("This expert does not accept contacts from you."))
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a message to the expert.")})
    if len(message) > TEXT_LIMIT:
        raise ValidationError({"message": _("Keep the message under 5,000 characters.")})
    _check_request(support_request, organisation)
    if ExpertContact.objects.filter(
        roster_entry=entry, organisation=organisation, support_request=support_request,
        status__in=OPEN_CONTACT_STATUSES,
    ).exists():  # fmt: skip
        raise ValidationError(
            _("Your organisation already has an open contact with this expert about this.")
        )
    contact = ExpertContact(
        roster_entry=entry, organisation=organisation, support_request=support_request,
        sent_by=actor, message=message, is_demo=entry.is_demo and organisation.is_demo,
    )  # fmt: skip
    contact.full_clean()
    contact.save()
    log_action(
        actor, contact, "diaspora.contact.sent",
        {"roster_entry": entry.pk, "organisation": organisation.pk,
         "support_request": support_request.pk if support_request else None},
    )  # fmt: skip
    return contact


def _lock_contact(contact: ExpertContact) -> ExpertContact:
    return (
        ExpertContact.objects.select_for_update(of=("self",))
        .select_related("roster_entry")
        .get(pk=contact.pk)
    )


def _answer(actor, contact, action: str, status: str, reply: str) -> ExpertContact:
    contact = _lock_contact(contact)
    require(actor, action, contact)
    reply = (reply or "").strip()
    if len(reply) > TEXT_LIMIT:
        raise ValidationError({"reply": _("Keep the reply under 5,000 characters.")})
    contact.status = status
    contact.reply = reply
    contact.answered_at = timezone.now()
    contact.full_clean()
    contact.save(update_fields=["status", "reply", "answered_at", "updated"])
    log_action(
        actor, contact, f"diaspora.contact.{status}", {"roster_entry": contact.roster_entry_id}
    )
    return contact


@transaction.atomic
def contact_accept(*, actor, contact: ExpertContact, reply: str = "") -> ExpertContact:
    """The expert accepts: from now on the organisation sees their e-mail address."""
    return _answer(actor, contact, "accept", ContactStatus.ACCEPTED, reply)


@transaction.atomic
def contact_decline(*, actor, contact: ExpertContact, reason: str = "") -> ExpertContact:
    return _answer(actor, contact, "decline", ContactStatus.DECLINED, reason)


@transaction.atomic
def contact_withdraw(*, actor, contact: ExpertContact) -> ExpertContact:
    contact = _lock_contact(contact)
    require(actor, "withdraw", contact)
    contact.status = ContactStatus.WITHDRAWN
    contact.save(update_fields=["status", "updated"])
    log_action(
        actor, contact, "diaspora.contact.withdrawn", {"roster_entry": contact.roster_entry_id}
    )
    return contact


@transaction.atomic
def contact_complete(*, actor, contact: ExpertContact, outcome: str) -> ExpertContact:
    """The organisation records what the engagement achieved: the expert's track record."""
    contact = _lock_contact(contact)
    require(actor, "complete", contact)
    outcome = (outcome or "").strip()
    if not outcome:
        raise ValidationError({"outcome": _("Say what the engagement achieved.")})
    if len(outcome) > TEXT_LIMIT:
        raise ValidationError({"outcome": _("Keep the outcome under 5,000 characters.")})
    contact.status = ContactStatus.COMPLETED
    contact.outcome = outcome
    contact.completed_at = timezone.now()
    contact.full_clean()
    contact.save(update_fields=["status", "outcome", "completed_at", "updated"])
    log_action(
        actor, contact, "diaspora.contact.completed", {"roster_entry": contact.roster_entry_id}
    )
    return contact
