"""Who sees and does what with requests for support.

A request is its organisations' (the requester and, for a joint request, the government it is
made with) until the secretariat accepts it: then everyone reads it. The secretariat's brokers
read what is submitted to them, never drafts. The requester's editors write and submit; only a
verified government or local authority may submit on a State's behalf.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .choices import CLOSABLE_STATUSES, EDITABLE_STATUSES, PUBLIC_STATUSES, RequestStatus
from .models import SupportRequest

REVIEWABLE = (RequestStatus.SUBMITTED,)
SEEN_BY_BROKERS = (RequestStatus.SUBMITTED, RequestStatus.CLARIFICATION, *PUBLIC_STATUSES)


def is_broker(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_broker or user.is_superuser)


def _role(user, organisation_id, role) -> bool:
    return (
        organisation_id is not None
        and user.is_authenticated
        and user.has_role(organisation_id, role)
    )


def requester_role(user, request, role=MembershipRole.EDITOR) -> bool:
    """A member with `role` of the requesting organisation or of the one it requests with."""
    return _role(user, request.organisation_id, role) or _role(user, request.joint_with_id, role)


class SupportRequestPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status__in=PUBLIC_STATUSES)
        if not user.is_authenticated:
            return visible
        ids = user.organisation_ids
        visible |= Q(organisation__in=ids) | Q(joint_with__in=ids)
        if is_broker(user):
            visible |= Q(status__in=SEEN_BY_BROKERS)
        return visible

    def can(self, user, action, request) -> bool:
        if action == "view":
            return (
                request.status in PUBLIC_STATUSES
                or requester_role(user, request, MembershipRole.VIEWER)
                or (is_broker(user) and request.status in SEEN_BY_BROKERS)
            )
        if action in {"change", "submit"}:
            return request.status in EDITABLE_STATUSES and requester_role(user, request)
        if action == "withdraw":
            return request.status not in (
                RequestStatus.CLOSED,
                RequestStatus.WITHDRAWN,
            ) and requester_role(user, request)
        if action == "close":
            return request.status in CLOSABLE_STATUSES and requester_role(user, request)
        if action == "review":
            return request.status in REVIEWABLE and is_broker(user)
        if action == "view_review_notes":
            return requester_role(user, request, MembershipRole.VIEWER) or is_broker(user)
        return False


register_policy(SupportRequest, SupportRequestPolicy())
