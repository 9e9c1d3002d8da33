"""Who sees and does what in the knowledge base.

Published items, their versions, ratings and replications, and open or closed calls are public.
Before publication an item is its organisation's: its members read it, its editors write and
submit it. Curators (the secretariat's `is_curator` duty) read every submitted item, assign peer
reviewers and decide; a reviewer reads the items assigned to them. Authors read the reviews of
their items once submitted, without the reviewers' names; reviewers read their own reviews.
Drafts are never shown to curators: an item reaches them when it is submitted.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import NOTHING, Policy, register_policy

from .choices import AUTHOR_EDITABLE, CallStatus, ItemStatus, ReviewStatus
from .models import CriterionCheck, Item, ItemVersion, PracticeCall, Rating, Replication, Review

# Where curators act: an item submitted to them or under review.
CURATED = (ItemStatus.SUBMITTED, ItemStatus.IN_REVIEW)
SEEN_BY_CURATORS = tuple(status for status in ItemStatus.values if status != ItemStatus.DRAFT)


def is_curator(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_curator or user.is_superuser)


def _member(user, organisation_id, role=MembershipRole.VIEWER) -> bool:
    return user.is_authenticated and user.has_role(organisation_id, role)


def is_author(user, item, role=MembershipRole.EDITOR) -> bool:
    """A member with `role` of the organisation that submits the item."""
    return _member(user, item.organisation_id, role)


def reviews_item(user, item) -> bool:
    return user.is_authenticated and item.reviews.filter(reviewer=user).exists()


class ItemPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status=ItemStatus.PUBLISHED)
        if not user.is_authenticated:
            return visible
        visible |= Q(organisation__in=user.organisation_ids)
        visible |= Q(pk__in=Review.objects.filter(reviewer=user).values("item"))
        if is_curator(user):
            visible |= Q(status__in=SEEN_BY_CURATORS)
        return visible

    def can(self, user, action, item) -> bool:
        if action in ("view", "download"):
            return self._sees(user, item)
        if action == "change":
            return (item.status in AUTHOR_EDITABLE and is_author(user, item)) or (
                item.status == ItemStatus.PUBLISHED and is_curator(user)
            )
        if action == "submit":
            return item.status in (
                ItemStatus.DRAFT,
                ItemStatus.CHANGES_REQUESTED,
            ) and is_author(user, item)
        if action in ("assign_reviewers", "publish", "decline", "request_changes"):
            return item.status in CURATED and is_curator(user)
        if action == "withdraw":
            return item.status == ItemStatus.PUBLISHED and (
                is_author(user, item) or is_curator(user)
            )
        if action == "translate":
            return item.status != ItemStatus.WITHDRAWN and (
                is_author(user, item) or (is_curator(user) and item.status in SEEN_BY_CURATORS)
            )
        if action in ("rate", "report_replication"):
            return item.status == ItemStatus.PUBLISHED and user.is_authenticated
        if action == "view_reviews":
            return is_author(user, item, MembershipRole.VIEWER) or is_curator(user)
        return False

    def _sees(self, user, item) -> bool:
        return (
            item.status == ItemStatus.PUBLISHED
            or _member(user, item.organisation_id)
            or (is_curator(user) and item.status in SEEN_BY_CURATORS)
            or reviews_item(user, item)
        )


register_policy(Item, ItemPolicy())


def _through_item(user, prefix="item") -> Q:
    """Rows of a model hanging from an item that are visible when the item is."""
    return Q(**{f"{prefix}__in": Item.objects.visible_to(user).values("pk")})


class ItemPartPolicy(Policy):
    """Versions, ratings and replications: as visible as their item."""

    def visible_q(self, user) -> Q:
        return _through_item(user)

    def can(self, user, action, obj) -> bool:
        return action == "view" and ItemPolicy().can(user, "view", obj.item)


for part in (ItemVersion, Rating, Replication):
    register_policy(part, ItemPartPolicy())


class ReviewPolicy(Policy):
    """A reviewer's own reviews; every review for curators; submitted reviews of their items
    for the authors (whose pages leave out the reviewer's name)."""

    def visible_q(self, user) -> Q:
        if not user.is_authenticated:
            return NOTHING
        if is_curator(user):
            return Q()
        return Q(reviewer=user) | Q(
            status=ReviewStatus.SUBMITTED, item__organisation__in=user.organisation_ids
        )

    def can(self, user, action, review) -> bool:
        if action == "view":
            return (
                is_curator(user)
                or review.reviewer_id == user.pk
                or (
                    review.status == ReviewStatus.SUBMITTED
                    and is_author(user, review.item, MembershipRole.VIEWER)
                )
            )
        if action == "submit":
            return (
                review.reviewer_id == user.pk
                and review.status == ReviewStatus.ASSIGNED
                and review.item.status == ItemStatus.IN_REVIEW
                and review.round == review.item.review_round
            )
        if action == "view_reviewer":
            return is_curator(user) or review.reviewer_id == user.pk
        return False


register_policy(Review, ReviewPolicy())


class CriterionCheckPolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q(review__in=Review.objects.visible_to(user).values("pk"))

    def can(self, user, action, check) -> bool:
        return action == "view" and ReviewPolicy().can(user, "view", check.review)


register_policy(CriterionCheck, CriterionCheckPolicy())


class PracticeCallPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status__in=(CallStatus.OPEN, CallStatus.CLOSED))
        if is_curator(user):
            return Q()
        return visible

    def can(self, user, action, call) -> bool:
        if action == "view":
            return call.status != CallStatus.DRAFT or is_curator(user)
        if action == "change":
            return call.status != CallStatus.CLOSED and is_curator(user)
        if action == "open":
            return call.status == CallStatus.DRAFT and is_curator(user)
        if action == "close":
            return call.status == CallStatus.OPEN and is_curator(user)
        if action == "answer":
            return (
                call.status == CallStatus.OPEN
                and user.is_authenticated
                and bool(user.organisation_ids)
            )
        return False


register_policy(PracticeCall, PracticeCallPolicy())
