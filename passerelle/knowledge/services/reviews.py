"""Curation: curators assign peer reviewers, who check the eligibility criteria one by one; the
curators then publish the item, decline it with a reason, or ask its authors for changes — after
which the same reviewers read the revision in a new round. Audited under `knowledge.item.*` and
`knowledge.review.*`."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core import search
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..choices import Criterion, ItemStatus, Recommendation, ReviewStatus, Verdict
from ..models import CriterionCheck, Item, ItemVersion, Review
from ..versions import snapshot

REASON_LIMIT = 2000


def _criteria(item: Item) -> list[tuple[str, str]]:
    if item.call_id is not None:
        return item.call.criteria()
    return list(Criterion.choices)


def _open_review(*, actor, item: Item, reviewer) -> Review:
    review = Review.objects.create(
        item=item, round=item.review_round, reviewer=reviewer, assigned_by=actor
    )
    CriterionCheck.objects.bulk_create(
        CriterionCheck(review=review, position=position, code=code, text=str(text)[:300])
        for position, (code, text) in enumerate(_criteria(item), start=1)
    )
    log_action(actor, review, "knowledge.review.assigned", {"item": item.pk})
    return review


@transaction.atomic
def reviewers_assign(*, actor, item: Item, reviewers: list) -> list[Review]:
    """Ask `reviewers` to review the item; the first assignment starts the review. A member of
    the submitting organisation cannot review its own item."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "assign_reviewers", item)
    if not reviewers:
        raise ValidationError({"reviewers": _("Choose at least one reviewer.")})
    conflicted = [
        str(person) for person in reviewers if item.organisation_id in person.organisation_ids
    ]
    if conflicted:
        raise ValidationError(
            {
                "reviewers": _("Members of the submitting organisation cannot review it: %(n)s.")
                % {"n": ", ".join(conflicted)}
            }
        )
    if item.status == ItemStatus.SUBMITTED:
        item.status = ItemStatus.IN_REVIEW
        item.review_round += 1
        item.save(update_fields=["status", "review_round", "updated"])
    already = set(item.reviews.filter(round=item.review_round).values_list("reviewer", flat=True))
    assigned = []
    for person in reviewers:
        if person.pk not in already:  # a reviewer named twice is asked once
            already.add(person.pk)
            assigned.append(_open_review(actor=actor, item=item, reviewer=person))
    return assigned


def start_next_round(*, actor, item: Item) -> None:
    """A revised item goes back to the reviewers of its last round (in the caller's
    transaction); with none, it waits for the curators to assign some."""
    previous = list(
        get_user_model().objects.filter(
            knowledge_reviews__item=item, knowledge_reviews__round=item.review_round
        )
    )
    if not previous:
        return
    item.status = ItemStatus.IN_REVIEW
    item.review_round += 1
    item.save(update_fields=["status", "review_round", "updated"])
    for person in previous:
        _open_review(actor=actor, item=item, reviewer=person)


@transaction.atomic
def review_save(
    *, actor, review: Review, verdicts: dict[int, tuple[str, str]], comment: str, recommendation
) -> Review:
    """Keep what the reviewer wrote so far (autosave): `verdicts` is {position: (verdict,
    comment)}."""
    review = Review.objects.select_for_update().select_related("item").get(pk=review.pk)
    require(actor, "submit", review)
    if recommendation and recommendation not in Recommendation.values:
        raise ValidationError({"recommendation": _("Choose a recommendation.")})
    for check in review.checks.all():
        if check.position not in verdicts:
            continue
        verdict, note = verdicts[check.position]
        if verdict and verdict not in Verdict.values:
            raise ValidationError({"verdicts": _("Choose met, partly met or not met.")})
        check.verdict, check.comment = verdict or "", (note or "").strip()
        check.full_clean()
        check.save(update_fields=["verdict", "comment"])
    review.comment = comment.strip()
    review.recommendation = recommendation or ""
    review.full_clean()
    review.save(update_fields=["comment", "recommendation", "updated"])
    return review


@transaction.atomic
def review_submit(*, actor, review: Review) -> Review:
    review = Review.objects.select_for_update().select_related("item").get(pk=review.pk)
    require(actor, "submit", review)
    errors = {}
    if review.checks.filter(verdict="").exists():
        errors["verdicts"] = _("Give a verdict on every criterion.")
    if not review.recommendation:
        errors["recommendation"] = _("Choose a recommendation.")
    if review.recommendation != Recommendation.PUBLISH and not review.comment:
        errors["comment"] = _("Tell the authors what to change or why not to publish.")
    if errors:
        raise ValidationError(errors)
    review.status = ReviewStatus.SUBMITTED
    review.submitted_at = timezone.now()
    review.save(update_fields=["status", "submitted_at", "updated"])
    log_action(
        actor,
        review,
        "knowledge.review.submitted",
        {"item": review.item_id, "recommendation": review.recommendation},
    )
    return review


def _reason(reason: str, required_message) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": required_message})
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            {"reason": _("Keep the reason under %(limit)d characters.") % {"limit": REASON_LIMIT}}
        )
    return reason


@transaction.atomic
def item_request_changes(*, actor, item: Item, reason: str) -> Item:
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "request_changes", item)
    item.decision_reason = _reason(reason, _("Tell the authors what to change."))
    item.status = ItemStatus.CHANGES_REQUESTED
    item.save(update_fields=["status", "decision_reason", "updated"])
    log_action(actor, item, "knowledge.item.changes_requested", {"reason": item.decision_reason})
    return item


@transaction.atomic
def item_publish(*, actor, item: Item, reason: str = "") -> Item:
    """Publish: the item becomes public as its version 1."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "publish", item)
    item.status = ItemStatus.PUBLISHED
    item.published_at = timezone.now()
    item.decision_reason = (reason or "").strip()[:REASON_LIMIT]
    item.version = 1
    item.save(update_fields=["status", "published_at", "decision_reason", "version", "updated"])
    ItemVersion.objects.create(
        item=item, number=1, snapshot=snapshot(item), note=_("First publication"), created_by=actor
    )
    log_action(actor, item, "knowledge.item.published")
    search.index_later(item)
    return item


@transaction.atomic
def item_decline(*, actor, item: Item, reason: str) -> Item:
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "decline", item)
    item.decision_reason = _reason(reason, _("Say why the item is declined."))
    item.status = ItemStatus.DECLINED
    item.save(update_fields=["status", "decision_reason", "updated"])
    log_action(actor, item, "knowledge.item.declined", {"reason": item.decision_reason})
    search.index_later(item)
    return item
