"""What readers add to a published item: how useful it was, and that they replicated it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.permissions import require, user_can

from ..models import Item, Rating, Replication

DESCRIPTION_LIMIT = 5000


@transaction.atomic
def rating_set(*, actor, item: Item, stars: int) -> Rating:
    require(actor, "rate", item)
    if stars not in range(1, 6):
        raise ValidationError({"stars": _("Rate from 1 to 5.")})
    rating, _created = Rating.objects.update_or_create(
        item=item, user=actor, defaults={"stars": stars}
    )
    return rating


@transaction.atomic
def replication_report(
    *, actor, item: Item, organisation, description: str, project=None, country=None
) -> Replication:
    """`organisation` (one of the actor's, as an editor) says it replicated `item`, in
    `project` if it has one here (which the actor must be able to see)."""
    require(actor, "report_replication", item)
    if not actor.has_role(organisation.pk, MembershipRole.EDITOR):
        raise PermissionDenied
    errors = {}
    if not description.strip():
        errors["description"] = _("Say what you did and how it went.")
    elif len(description) > DESCRIPTION_LIMIT:
        errors["description"] = _("Keep it under %(limit)d characters.") % {
            "limit": DESCRIPTION_LIMIT
        }
    if project is not None and not user_can(actor, "view", project):
        errors["project"] = _("Choose a project you can see.")
    if errors:
        raise ValidationError(errors)
    replication = Replication.objects.create(
        item=item,
        organisation=organisation,
        project=project,
        country=country,
        description=description.strip(),
        reported_by=actor,
    )
    log_action(
        actor,
        item,
        "knowledge.item.replicated",
        {"replication": replication.pk, "organisation": organisation.pk},
    )
    return replication
