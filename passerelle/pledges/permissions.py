"""Who sees and does what with pledges.

A draft is read by the members of the pledging organisation and of the partners it names (so that
they see how they are named before it goes public); nobody else, the secretariat included. Once
published, a pledge is public for good, to everyone including anonymous visitors: when it is
closed or withdrawn, that is public record too. The pledging organisation's editors write,
publish, report progress, close and withdraw.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .choices import PledgeStatus
from .models import Pledge, ProgressUpdate

PUBLIC = Q(published_at__isnull=False)


def _role(user, organisation_id, role=MembershipRole.EDITOR) -> bool:
    return user.is_authenticated and user.has_role(organisation_id, role)


def pledger_role(user, pledge, role=MembershipRole.EDITOR) -> bool:
    """A member with `role` (or more) of the pledging organisation."""
    return _role(user, pledge.organisation_id, role)


def partner_member(user, pledge) -> bool:
    return any(_role(user, partner.pk, MembershipRole.VIEWER) for partner in pledge.partners.all())


class PledgePolicy(Policy):
    def visible_q(self, user) -> Q:
        if not user.is_authenticated:
            return PUBLIC
        ids = user.organisation_ids
        # A subquery, not a join: a pledge with several partners is still one row.
        as_partner = Pledge.partners.through.objects.filter(organisation__in=ids)
        return PUBLIC | Q(organisation__in=ids) | Q(pk__in=as_partner.values("pledge"))

    def can(self, user, action, pledge) -> bool:
        if action == "view":
            return (
                pledge.is_public
                or pledger_role(user, pledge, MembershipRole.VIEWER)
                or partner_member(user, pledge)
            )
        if action in {"change", "publish"}:
            return pledge.status == PledgeStatus.DRAFT and pledger_role(user, pledge)
        if action in {"report", "close"}:
            return pledge.status == PledgeStatus.PUBLISHED and pledger_role(user, pledge)
        if action == "withdraw":
            return pledge.status in (
                PledgeStatus.DRAFT,
                PledgeStatus.PUBLISHED,
            ) and pledger_role(user, pledge)
        return False


class ProgressUpdatePolicy(Policy):
    """A progress report is read with its pledge; it is written through the pledge (`report`)."""

    def visible_q(self, user) -> Q:
        return Q(pledge__in=Pledge.objects.visible_to(user).values("pk"))

    def can(self, user, action, update) -> bool:
        return action == "view" and PledgePolicy().can(user, "view", update.pledge)


register_policy(Pledge, PledgePolicy())
register_policy(ProgressUpdate, ProgressUpdatePolicy())
