"""Who sees and does what with engagement opportunities. Open and closed opportunities are public;
a draft is seen by the members of the posting organisation. A response is seen by the person who
sent it and the members of the posting organisation — never by other applicants; the public sees
counts only. The poster's editors change, publish and close an opportunity and answer responses;
signed-in hub members respond to open opportunities other than their own organisation's."""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .choices import OpportunityStatus
from .models import Opportunity, OpportunityResponse
from .permissions import is_active_user, is_member

PUBLISHED = (OpportunityStatus.OPEN, OpportunityStatus.CLOSED)
POSTER_ACTIONS = ("change", "publish", "close", "view_responses")


def edits_for(user, organisation_id: int) -> bool:
    return is_active_user(user) and user.has_role(organisation_id, MembershipRole.EDITOR)


def member_of(user, organisation_id: int) -> bool:
    return is_active_user(user) and organisation_id in user.organisation_ids


def may_respond(user, opportunity: Opportunity) -> bool:
    return (
        is_member(user)
        and opportunity.status == OpportunityStatus.OPEN
        and not member_of(user, opportunity.organisation_id)
    )


class OpportunityPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status__in=PUBLISHED)
        if is_active_user(user):
            visible |= Q(organisation__in=user.organisation_ids)
        return visible

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return obj.status in PUBLISHED or member_of(user, obj.organisation_id)
        if action == "view_responses":
            return member_of(user, obj.organisation_id)
        if action == "respond":
            return may_respond(user, obj)
        return action in POSTER_ACTIONS and edits_for(user, obj.organisation_id)


class OpportunityResponsePolicy(Policy):
    def visible_q(self, user) -> Q:
        if not is_active_user(user):
            return Q(pk__in=[])
        return Q(person=user) | Q(opportunity__organisation__in=user.organisation_ids)

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return (is_active_user(user) and obj.person_id == user.pk) or member_of(
                user, obj.opportunity.organisation_id
            )
        if action == "withdraw":
            return is_active_user(user) and obj.person_id == user.pk
        return action == "answer" and edits_for(user, obj.opportunity.organisation_id)


register_policy(Opportunity, OpportunityPolicy())
register_policy(OpportunityResponse, OpportunityResponsePolicy())
