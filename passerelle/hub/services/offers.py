"""Writes of offers: an organisation's editors, or an expert in their own name, write an offer and
publish it (no review: an offer asks nothing of anyone); every change is audited and sends the
offer to the matcher."""

from dataclasses import dataclass, field
from decimal import Decimal

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import require
from passerelle.core.search import index_later
from passerelle.core.tasks import enqueue_on_commit

from ..choices import CostBasis, Modality, OfferStatus, RequestStatus, SupportType
from ..models import Offer, OfferSupportType
from ..tasks import refresh_offer_matches
from .requests import DESCRIPTION_LIMIT


@dataclass
class OfferData:
    """What a provider writes; the same for a new offer and an edit."""

    title: str
    description: str
    capacity_areas: list
    support_types: list[str]
    modality: str
    available_from: object
    cost_basis: str
    languages: list[str]
    available_until: object = None
    gcm_objectives: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    is_global: bool = False
    max_engagements: int = 1
    expert_days: int | None = None
    money_amount: Decimal | None = None
    currency: str = ""
    in_response_to: object = None
    language: str = ""  # empty: detected from the description


def _clean(data: OfferData) -> dict:
    """Every problem at once, by field."""
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the offer a title.")
    if not data.description.strip():
        errors["description"] = _("Describe what you offer.")
    elif len(data.description) > DESCRIPTION_LIMIT:
        errors["description"] = _("Keep the description under %(limit)d characters.") % {
            "limit": DESCRIPTION_LIMIT
        }
    if not data.capacity_areas:
        errors["capacity_areas"] = _("Choose at least one capacity area.")
    if not data.support_types or set(data.support_types) - set(SupportType.values):
        errors["support_types"] = _("Choose at least one type of support from the list.")
    if data.modality not in Modality.values:
        errors["modality"] = _("Choose in person, remote or hybrid.")
    if data.cost_basis not in CostBasis.values:
        errors["cost_basis"] = _("Say whether the offer is free, co-funded or paid.")
    if data.available_until and data.available_from and data.available_until < data.available_from:
        errors["available_until"] = _("The end comes before the start.")
    if not (data.is_global or data.countries or data.regions):
        errors["countries"] = _("Say where you can work: countries, regions, or anywhere.")
    bad_languages = [c for c in data.languages if not pycountry.languages.get(alpha_2=c)]
    if not data.languages or bad_languages:
        errors["languages"] = _("Give the languages you work in as ISO codes, e.g. fr, en.")
    if data.max_engagements is None or data.max_engagements < 1:
        errors["max_engagements"] = _("You can take at least one engagement.")
    if data.expert_days is not None and data.expert_days < 1:
        errors["expert_days"] = _("Expert-days must be more than zero.")
    if data.money_amount is not None:
        if data.money_amount <= 0:
            errors["money_amount"] = _("Funding must be more than zero.")
        if not pycountry.currencies.get(alpha_3=(data.currency or "").upper()):
            errors["currency"] = _("Give a currency code such as USD or EUR.")
    answered = data.in_response_to
    if answered is not None and answered.status not in (
        RequestStatus.OPEN,
        RequestStatus.PARTLY_MATCHED,
    ):
        errors["in_response_to"] = _("You can only answer a request that is open.")
    if errors:
        raise ValidationError(errors)
    return {
        "title": data.title.strip(),
        "description": data.description.strip(),
        "language": data.language or detect_language(data.description),
        "modality": data.modality,
        "available_from": data.available_from,
        "available_until": data.available_until,
        "is_global": data.is_global,
        "languages": sorted(set(data.languages)),
        "max_engagements": data.max_engagements,
        "expert_days": data.expert_days,
        "cost_basis": data.cost_basis,
        "money_amount": data.money_amount,
        "currency": (data.currency or "").upper() if data.money_amount is not None else "",
        "in_response_to": answered,
    }


def _save_relations(offer: Offer, data: OfferData) -> None:
    offer.capacity_areas.set(data.capacity_areas)
    offer.gcm_objectives.set(data.gcm_objectives)
    offer.countries.set(data.countries)
    offer.regions.set(data.regions)
    offer.support_types.all().delete()
    OfferSupportType.objects.bulk_create(
        OfferSupportType(offer=offer, support_type=value)
        for value in sorted(set(data.support_types))
    )


@transaction.atomic
def offer_create(*, actor, data: OfferData, organisation=None, submission_key=None) -> Offer:
    """A draft offer, from `organisation` (its editors) or, without one, from the actor as an
    individual expert. Posting the same form twice (same `submission_key`) returns the offer the
    first post created."""
    if not actor.is_authenticated or (
        organisation is not None and not actor.has_role(organisation.pk, MembershipRole.EDITOR)
    ):
        raise PermissionDenied
    if submission_key is not None:
        existing = Offer.objects.filter(submission_key=submission_key, created_by=actor).first()
        if existing is not None:
            return existing
    offer = Offer(
        organisation=organisation,
        expert=None if organisation else actor,
        created_by=actor,
        is_demo=organisation.is_demo if organisation else actor.is_demo,
        **_clean(data),
    )
    if submission_key is not None:
        offer.submission_key = submission_key
    offer.full_clean(exclude=["created_by", "in_response_to", "organisation", "expert"])
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError:
        if submission_key is None:
            raise
        # The same form posted twice at once: the other post won.
        return Offer.objects.get(submission_key=submission_key, created_by=actor)
    _save_relations(offer, data)
    log_action(actor, offer, "hub.offer.created", {"language": offer.language})
    index_later(offer)
    return offer


def _lock(offer) -> Offer:
    return Offer.objects.select_for_update().get(pk=offer.pk)


@transaction.atomic
def offer_update(*, actor, offer: Offer, data: OfferData) -> Offer:
    offer = _lock(offer)
    require(actor, "change", offer)
    text = offer.matching_text
    for name, value in _clean(data).items():
        setattr(offer, name, value)
    if offer.matching_text != text:
        offer.embedding = None
    offer.full_clean(exclude=["created_by", "in_response_to", "organisation", "expert"])
    offer.save()
    _save_relations(offer, data)
    log_action(actor, offer, "hub.offer.updated", {})
    enqueue_on_commit(refresh_offer_matches, offer_id=offer.pk)
    index_later(offer)
    return offer


def _transition(actor, offer, status: str, action: str, note: str = "", **fields) -> Offer:
    before = offer.status
    offer.status = status
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.save(update_fields=["status", *fields, "updated"])
    log_action(actor, offer, f"hub.offer.{action}", {"from": before, "to": status, "note": note})
    enqueue_on_commit(refresh_offer_matches, offer_id=offer.pk)
    index_later(offer)
    return offer


@transaction.atomic
def offer_publish(*, actor, offer: Offer) -> Offer:
    offer = _lock(offer)
    require(actor, "publish", offer)
    organisation = offer.organisation
    if organisation and organisation.acts_for_state and not organisation.can_publish_for_state:
        raise ValidationError(
            _("The secretariat must verify your organisation before it publishes.")
        )
    return _transition(
        actor, offer, OfferStatus.PUBLISHED, "published", published_at=timezone.now()
    )


@transaction.atomic
def offer_withdraw(*, actor, offer: Offer, reason: str = "") -> Offer:
    offer = _lock(offer)
    require(actor, "withdraw", offer)
    return _transition(actor, offer, OfferStatus.WITHDRAWN, "withdrawn", reason.strip())


@transaction.atomic
def offer_close(*, actor, offer: Offer, reason: str = "") -> Offer:
    """The provider has nothing left to give (or the window has passed)."""
    offer = _lock(offer)
    require(actor, "close", offer)
    return _transition(actor, offer, OfferStatus.CLOSED, "closed", reason.strip())


def offers_close_expired() -> int:
    """Close the published offers whose availability has ended (a daily job): they leave the
    matcher and their proposals go. Returns how many were closed."""
    today = timezone.localdate()
    expired = Offer.objects.filter(status=OfferStatus.PUBLISHED, available_until__lt=today)
    closed = 0
    for offer in expired.iterator():
        with transaction.atomic():
            offer = _lock(offer)
            if offer.status == OfferStatus.PUBLISHED:
                _transition(None, offer, OfferStatus.CLOSED, "expired")
                closed += 1
    return closed
