"""Who sees and does what with requests for support.

A request is its organisations' (the requester and, for a joint request, the government it is
made with) until the secretariat accepts it: then everyone reads it. The secretariat's brokers
read what is submitted to them, never drafts. The requester's editors write and submit; only a
verified government or local authority may submit on a State's behalf.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .choices import (
    CLOSABLE_STATUSES,
    EDITABLE_STATUSES,
    PUBLIC_STATUSES,
    Decision,
    MatchStatus,
    OfferStatus,
    RequestStatus,
    Side,
)
from .models import Match, Offer, SupportRequest

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
        if action in {"view_review_notes", "view_matches"}:
            return requester_role(user, request, MembershipRole.VIEWER) or is_broker(user)
        return False


register_policy(SupportRequest, SupportRequestPolicy())

# Offers are published without review: published and closed offers are public, a draft or a
# withdrawn offer is its provider's.
PUBLIC_OFFER_STATUSES = (OfferStatus.PUBLISHED, OfferStatus.CLOSED)


def provider_role(user, offer, role=MembershipRole.EDITOR) -> bool:
    """The expert who offers, or a member with `role` of the offering organisation."""
    if offer.expert_id is not None:
        return user.is_authenticated and user.pk == offer.expert_id
    return _role(user, offer.organisation_id, role)


class OfferPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status__in=PUBLIC_OFFER_STATUSES)
        if user.is_authenticated:
            visible |= Q(organisation__in=user.organisation_ids) | Q(expert=user)
        return visible

    def can(self, user, action, offer) -> bool:
        if action == "view":
            return offer.status in PUBLIC_OFFER_STATUSES or provider_role(
                user, offer, MembershipRole.VIEWER
            )
        if action == "change":
            return offer.status in (OfferStatus.DRAFT, OfferStatus.PUBLISHED) and provider_role(
                user, offer
            )
        if action == "publish":
            return offer.status == OfferStatus.DRAFT and provider_role(user, offer)
        if action == "withdraw":
            return offer.status in (OfferStatus.DRAFT, OfferStatus.PUBLISHED) and provider_role(
                user, offer
            )
        if action == "close":
            return offer.status == OfferStatus.PUBLISHED and provider_role(user, offer)
        if action == "view_matches":
            return provider_role(user, offer, MembershipRole.VIEWER) or is_broker(user)
        return False


register_policy(Offer, OfferPolicy())


def match_sides(user, match) -> set[str]:
    """The sides of a match `user` answers for: the requester's editors, the provider's."""
    sides = set()
    if requester_role(user, match.request):
        sides.add(Side.REQUESTER)
    if provider_role(user, match.offer):
        sides.add(Side.PROVIDER)
    return sides


class MatchPolicy(Policy):
    """A match is seen by the secretariat and by the two parties, never by others: it says who
    was proposed to whom, and why."""

    def visible_q(self, user) -> Q:
        if is_broker(user):
            return Q()
        if not user.is_authenticated:
            return Q(pk__in=[])
        ids = user.organisation_ids
        return (
            Q(request__organisation__in=ids)
            | Q(request__joint_with__in=ids)
            | Q(offer__organisation__in=ids)
            | Q(offer__expert=user)
        )

    def can(self, user, action, match) -> bool:
        if action == "view":
            return (
                is_broker(user)
                or requester_role(user, match.request, MembershipRole.VIEWER)
                or provider_role(user, match.offer, MembershipRole.VIEWER)
            )
        if action == "introduce":
            return (
                match.status == MatchStatus.PROPOSED
                and is_broker(user)
                and match.request.status in (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED)
                and match.offer.status == OfferStatus.PUBLISHED
            )
        if action == "decide":
            return match.status == MatchStatus.INTRODUCED and any(
                getattr(match, f"{side}_decision") == Decision.PENDING
                for side in match_sides(user, match)
            )
        if action == "start_partnership":
            # The partnership starts when one of the two parties, or the secretariat, records
            # the project it becomes.
            return match.status == MatchStatus.ACCEPTED and (
                is_broker(user)
                or requester_role(user, match.request, MembershipRole.EDITOR)
                or provider_role(user, match.offer, MembershipRole.EDITOR)
            )
        return False


register_policy(Match, MatchPolicy())
