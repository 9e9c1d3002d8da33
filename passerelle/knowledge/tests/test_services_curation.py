"""Curation through the services: curators assign peer reviewers (the criteria copied from the
call, or the default ones), reviewers check each criterion and recommend, the authors revise and
the same reviewers read the revision in a new round; curators publish (version 1) or decline with
a reason. Who hears of each step: the reviewer, the curators, the authors."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community.registry import notification_types_for_action
from passerelle.core.models import AuditEntry
from passerelle.knowledge.choices import (
    Criterion,
    ItemKind,
    ItemStatus,
    Recommendation,
    ReviewStatus,
    Verdict,
)
from passerelle.knowledge.models import CriterionCheck, Item, ItemVersion, Review
from passerelle.knowledge.services import items, reviews

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db

DEFAULTS = len(Criterion.choices)


def all_met(review, *, recommendation=Recommendation.PUBLISH, comment="Clear and convincing."):
    verdicts = {check.position: (Verdict.MET, "") for check in review.checks.all()}
    return reviews.review_save(
        actor=fresh(review.reviewer),
        review=review,
        verdicts=verdicts,
        comment=comment,
        recommendation=recommendation,
    )


@pytest.fixture
def second_reviewer(db):
    return MembershipFactory(organisation=OrganisationFactory(), role="editor").user


@pytest.fixture
def call_practice(open_call, editor, organisation):
    item = items.item_create(
        actor=fresh(editor),
        organisation=organisation,
        kind=ItemKind.PRACTICE,
        data=practice_data(),
        call=open_call,
    )
    return items.item_submit(actor=fresh(editor), item=item)


# --- assigning reviewers -----------------------------------------------------------------------


def test_assigning_starts_the_first_round_with_the_default_criteria(submitted, curator, reviewer):
    (review,) = reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[fresh(reviewer)])
    item = Item.objects.get(pk=submitted.pk)
    assert item.status == ItemStatus.IN_REVIEW and item.review_round == 1
    assert review.round == 1 and review.status == ReviewStatus.ASSIGNED
    checks = list(review.checks.order_by("position"))
    assert [c.code for c in checks] == [code for code, _label in Criterion.choices]
    assert [c.position for c in checks] == list(range(1, DEFAULTS + 1))
    assert AuditEntry.objects.filter(action="knowledge.review.assigned").count() == 1


def test_a_call_adds_its_own_criteria_after_the_default_ones(call_practice, curator, reviewer):
    (review,) = reviews.reviewers_assign(
        actor=curator, item=call_practice, reviewers=[fresh(reviewer)]
    )
    checks = list(review.checks.order_by("position"))
    assert len(checks) == DEFAULTS + 1
    assert checks[-1].code == "" and checks[-1].label == "Involves migrants in the design"
    assert checks[0].label == Criterion.GCM_OBJECTIVES.label


def test_a_member_of_the_submitting_organisation_cannot_review(submitted, curator, viewer):
    with pytest.raises(ValidationError) as error:
        reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[fresh(viewer)])
    assert "Members of the submitting organisation cannot review it" in str(error.value)
    assert str(viewer) in str(error.value)
    assert not Review.objects.exists()
    assert Item.objects.get(pk=submitted.pk).status == ItemStatus.SUBMITTED


def test_no_reviewer_is_refused(submitted, curator):
    with pytest.raises(ValidationError, match="Choose at least one reviewer"):
        reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[])


def test_assigning_the_same_reviewer_twice_in_a_round_makes_one_review(
    submitted, curator, reviewer, second_reviewer
):
    reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[fresh(reviewer)])
    again = reviews.reviewers_assign(
        actor=curator, item=submitted, reviewers=[fresh(reviewer), fresh(second_reviewer)]
    )
    assert [r.reviewer for r in again] == [second_reviewer]
    assert Review.objects.filter(reviewer=reviewer).count() == 1
    assert Item.objects.get(pk=submitted.pk).review_round == 1


def test_the_same_reviewer_named_twice_at_once_makes_one_review(submitted, curator, reviewer):
    assigned = reviews.reviewers_assign(
        actor=curator, item=submitted, reviewers=[fresh(reviewer), fresh(reviewer)]
    )
    assert len(assigned) == 1 and Review.objects.count() == 1


def test_only_curators_assign(submitted, reviewer, editor):
    with pytest.raises(PermissionDenied):
        reviews.reviewers_assign(actor=fresh(editor), item=submitted, reviewers=[fresh(reviewer)])
    with pytest.raises(PermissionDenied):
        reviews.reviewers_assign(actor=UserFactory(), item=submitted, reviewers=[fresh(reviewer)])


def test_a_draft_cannot_be_given_reviewers(draft, curator, reviewer):
    with pytest.raises(PermissionDenied):
        reviews.reviewers_assign(actor=curator, item=draft, reviewers=[fresh(reviewer)])


# --- reviewing ---------------------------------------------------------------------------------


def test_a_reviewer_saves_as_they_go_then_submits(in_review, reviewer):
    review = Review.objects.get(item=in_review)
    first = review.checks.order_by("position").first()
    reviews.review_save(
        actor=fresh(reviewer),
        review=review,
        verdicts={first.position: (Verdict.PARTLY, "Only two objectives.")},
        comment="",
        recommendation="",
    )
    check = CriterionCheck.objects.get(pk=first.pk)
    assert check.verdict == Verdict.PARTLY and check.comment == "Only two objectives."
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.ASSIGNED

    all_met(review)
    submitted = reviews.review_submit(actor=fresh(reviewer), review=review)
    assert submitted.status == ReviewStatus.SUBMITTED and submitted.submitted_at is not None
    entry = AuditEntry.objects.get(action="knowledge.review.submitted")
    assert entry.data == {"item": in_review.pk, "recommendation": "publish"}


def test_submitting_without_every_verdict_is_refused_by_field(in_review, reviewer):
    review = Review.objects.get(item=in_review)
    first = review.checks.order_by("position").first()
    reviews.review_save(
        actor=fresh(reviewer),
        review=review,
        verdicts={first.position: (Verdict.MET, "")},
        comment="",
        recommendation=Recommendation.CHANGES,
    )
    with pytest.raises(ValidationError) as error:
        reviews.review_submit(actor=fresh(reviewer), review=review)
    assert set(error.value.error_dict) == {"verdicts", "comment"}
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.ASSIGNED


def test_submitting_without_a_recommendation_is_refused(in_review, reviewer):
    review = Review.objects.get(item=in_review)
    all_met(review, recommendation="")
    with pytest.raises(ValidationError) as error:
        reviews.review_submit(actor=fresh(reviewer), review=review)
    assert set(error.value.error_dict) == {"recommendation"}


def test_an_unknown_verdict_or_recommendation_is_refused(in_review, reviewer):
    review = Review.objects.get(item=in_review)
    with pytest.raises(ValidationError):
        reviews.review_save(
            actor=fresh(reviewer), review=review, verdicts={1: ("maybe", "")}, comment="",
            recommendation="",
        )  # fmt: skip
    with pytest.raises(ValidationError):
        reviews.review_save(
            actor=fresh(reviewer), review=review, verdicts={}, comment="", recommendation="yes"
        )


def test_only_the_assigned_reviewer_writes_the_review(in_review, curator, second_reviewer, editor):
    review = Review.objects.get(item=in_review)
    for person in (second_reviewer, curator, editor):
        with pytest.raises(PermissionDenied):
            reviews.review_save(
                actor=fresh(person), review=review, verdicts={}, comment="x", recommendation=""
            )
        with pytest.raises(PermissionDenied):
            reviews.review_submit(actor=fresh(person), review=review)


def test_a_submitted_review_cannot_be_changed(in_review, reviewer):
    review = Review.objects.get(item=in_review)
    all_met(review)
    reviews.review_submit(actor=fresh(reviewer), review=review)
    with pytest.raises(PermissionDenied):
        all_met(review, comment="Changed my mind.")
    assert Review.objects.get(pk=review.pk).comment == "Clear and convincing."


# --- changes, revision, the next round ---------------------------------------------------------


def test_a_revision_goes_back_to_the_same_reviewers_in_a_new_round(
    submitted, curator, reviewer, second_reviewer, editor
):
    reviews.reviewers_assign(
        actor=curator, item=submitted, reviewers=[fresh(reviewer), fresh(second_reviewer)]
    )
    first = Review.objects.get(item=submitted, reviewer=reviewer)
    all_met(first, recommendation=Recommendation.CHANGES, comment="Give figures on results.")
    reviews.review_submit(actor=fresh(reviewer), review=first)

    item = reviews.item_request_changes(
        actor=curator, item=submitted, reason="Add evidence of the results."
    )
    assert item.status == ItemStatus.CHANGES_REQUESTED
    assert item.decision_reason == "Add evidence of the results."

    items.item_update(
        actor=fresh(editor),
        item=item,
        data=practice_data(texts={**practice_data().texts, "evidence": "An evaluation in 2024."}),
    )
    items.item_submit(actor=fresh(editor), item=item)
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_REVIEW and item.review_round == 2
    second_round = Review.objects.filter(item=item, round=2)
    assert {r.reviewer for r in second_round} == {reviewer, second_reviewer}
    assert all(r.checks.count() == DEFAULTS for r in second_round)
    assert AuditEntry.objects.filter(action="knowledge.item.revised").exists()


def test_a_review_of_an_earlier_round_cannot_be_submitted(submitted, curator, reviewer, editor):
    reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[fresh(reviewer)])
    old = Review.objects.get(item=submitted, round=1)
    all_met(old, recommendation=Recommendation.CHANGES, comment="More detail.")
    reviews.item_request_changes(actor=curator, item=submitted, reason="More detail.")
    with pytest.raises(PermissionDenied):
        reviews.review_submit(actor=fresh(reviewer), review=old)
    items.item_submit(actor=fresh(editor), item=Item.objects.get(pk=submitted.pk))
    with pytest.raises(PermissionDenied):
        reviews.review_submit(actor=fresh(reviewer), review=old)
    new = Review.objects.get(item=submitted, round=2)
    all_met(new)
    assert reviews.review_submit(actor=fresh(reviewer), review=new).status == "submitted"


def test_changes_need_a_reason(in_review, curator):
    with pytest.raises(ValidationError) as error:
        reviews.item_request_changes(actor=curator, item=in_review, reason="  ")
    assert "reason" in error.value.error_dict
    assert Item.objects.get(pk=in_review.pk).status == ItemStatus.IN_REVIEW


# --- decisions ---------------------------------------------------------------------------------


def test_publishing_keeps_version_1(in_review, curator):
    item = reviews.item_publish(actor=curator, item=in_review, reason="A model for other cities.")
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED and item.published_at is not None
    assert item.version == 1 and item.decision_reason == "A model for other cities."
    version = ItemVersion.objects.get(item=item)
    assert version.number == 1 and version.snapshot["title"] == item.title
    with pytest.raises(PermissionDenied):
        reviews.item_publish(actor=curator, item=item)


def test_declining_needs_a_reason(in_review, curator):
    with pytest.raises(ValidationError) as error:
        reviews.item_decline(actor=curator, item=in_review, reason="")
    assert "reason" in error.value.error_dict
    with pytest.raises(ValidationError):
        reviews.item_decline(actor=curator, item=in_review, reason="x" * 2001)
    item = reviews.item_decline(actor=curator, item=in_review, reason="Not a practice.")
    assert item.status == ItemStatus.DECLINED and item.decision_reason == "Not a practice."


def test_only_curators_decide(in_review, editor, reviewer):
    for person in (editor, reviewer):
        with pytest.raises(PermissionDenied):
            reviews.item_publish(actor=fresh(person), item=in_review)
        with pytest.raises(PermissionDenied):
            reviews.item_decline(actor=fresh(person), item=in_review, reason="No.")
        with pytest.raises(PermissionDenied):
            reviews.item_request_changes(actor=fresh(person), item=in_review, reason="More.")


# --- notifications -----------------------------------------------------------------------------


def _recipients(action, obj):
    entry = AuditEntry.objects.filter(action=action, object_id=str(obj.pk)).latest("pk")
    (kind,) = notification_types_for_action(action)
    return kind, list(kind.recipients(entry))


def test_the_reviewer_hears_of_an_assignment(in_review, reviewer):
    review = Review.objects.get(item=in_review)
    kind, rows = _recipients("knowledge.review.assigned", review)
    assert [(person, target) for person, target, _data in rows] == [(reviewer, review)]
    assert in_review.title in kind.message(rows[0][2])
    assert rows[0][2]["url"].endswith(f"/reviews/{review.pk}/")


def test_curators_hear_of_a_submission_and_of_a_review(in_review, curator, reviewer, editor):
    kind, rows = _recipients("knowledge.item.submitted", in_review)
    people = [person for person, _target, _data in rows]
    assert curator in people and editor not in people and reviewer not in people
    assert "Submitted to the knowledge base" in kind.message(rows[0][2])

    review = Review.objects.get(item=in_review)
    all_met(review)
    reviews.review_submit(actor=fresh(reviewer), review=review)
    kind, rows = _recipients("knowledge.review.submitted", review)
    assert [target for _person, target, _data in rows] == [in_review] * len(rows)
    assert curator in [person for person, _target, _data in rows]
    assert "A peer review came in" in kind.message(rows[0][2])


@pytest.mark.parametrize(
    ("decide", "action", "words"),
    [
        (lambda c, i: reviews.item_publish(actor=c, item=i), "knowledge.item.published",
         "Published in the knowledge base"),
        (lambda c, i: reviews.item_decline(actor=c, item=i, reason="No."),
         "knowledge.item.declined", "Not published"),
        (lambda c, i: reviews.item_request_changes(actor=c, item=i, reason="More."),
         "knowledge.item.changes_requested", "Changes requested"),
    ],
)  # fmt: skip
def test_the_authors_hear_of_the_decision(
    in_review, curator, editor, viewer, reviewer, decide, action, words
):
    decide(curator, in_review)
    kind, rows = _recipients(action, in_review)
    people = [person for person, _target, _data in rows]
    assert people == [editor]
    assert words in kind.message(rows[0][2])
