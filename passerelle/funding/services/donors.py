"""Donor profiles: a contributor's stated priorities, which the funding suggestions read. A
person keeps their own; an organisation's editors keep the organisation's."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action

from ..choices import DonorType
from ..models import DonorProfile


@dataclass
class DonorProfileData:
    donor_type: str
    capacity_areas: list = field(default_factory=list)
    gcm_objectives: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    ticket_min: Decimal | None = None
    ticket_max: Decimal | None = None


def _errors(data: DonorProfileData) -> dict:
    errors = {}
    if data.donor_type not in DonorType.values:
        errors["donor_type"] = _("Choose a type of donor.")
    for name in ("ticket_min", "ticket_max"):
        value = getattr(data, name)
        if value is not None and value < 0:
            errors[name] = _("An amount cannot be negative.")
    if (
        data.ticket_min is not None
        and data.ticket_max is not None
        and data.ticket_min > data.ticket_max
    ):
        errors["ticket_max"] = _("The largest contribution cannot be below the smallest.")
    return errors


@transaction.atomic
def donor_profile_save(*, actor, data: DonorProfileData, organisation=None) -> DonorProfile:
    """Create or replace the profile of `organisation` (the actor edits it) or, without one, of
    the actor in person."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if organisation is not None and not actor.has_role(organisation.pk, MembershipRole.EDITOR):
        raise PermissionDenied
    errors = _errors(data)
    if errors:
        raise ValidationError(errors)
    owner = {"organisation": organisation} if organisation is not None else {"person": actor}
    profile, created = DonorProfile.objects.select_for_update().get_or_create(
        **owner,
        defaults={"donor_type": data.donor_type},
    )
    profile.donor_type = data.donor_type
    profile.ticket_min = data.ticket_min
    profile.ticket_max = data.ticket_max
    profile.is_demo = bool(organisation is not None and organisation.is_demo)
    profile.full_clean()
    profile.save()
    profile.capacity_areas.set(data.capacity_areas)
    profile.gcm_objectives.set(data.gcm_objectives)
    profile.regions.set(data.regions)
    profile.countries.set(data.countries)
    log_action(
        actor,
        profile,
        "funding.donor_profile.created" if created else "funding.donor_profile.updated",
        {"donor_type": profile.donor_type},
    )
    return profile
