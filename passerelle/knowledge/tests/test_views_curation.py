"""Curation pages for each role (anonymous, outsider, author, assigned reviewer, other reviewer,
curator): the curators' panel on an item's page and its steps, the queue, a reviewer's list and
the review itself, autosaved then submitted. Refused input comes back with its reasons (400, or
422 for an autosave); reviews stay blind."""

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from passerelle.knowledge.choices import (
    ItemKind,
    ItemStatus,
    Recommendation,
    ReviewStatus,
    Verdict,
)
from passerelle.knowledge.models import CriterionCheck, Item, Review
from passerelle.knowledge.services import items, reviews

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db


def as_(person) -> Client:
    client = Client()
    if person is not None:
        assert client.login(email=person.email, password=PASSWORD)
    return client


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def other_reviewer(db):
    """A reviewer of another item."""
    return MembershipFactory(organisation=OrganisationFactory(), role="viewer").user


@pytest.fixture
def review(in_review):
    return Review.objects.get(item=in_review)


@pytest.fixture
def other_review(in_review, curator, other_reviewer, editor, organisation):
    """`other_reviewer` reviews another item of the same organisation."""
    item = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="Another practice"),
    )  # fmt: skip
    items.item_submit(actor=fresh(editor), item=item)
    (assigned,) = reviews.reviewers_assign(
        actor=curator, item=item, reviewers=[fresh(other_reviewer)]
    )
    return assigned


def _complete(review, **overrides) -> dict:
    data = {f"v{c.position}": Verdict.MET for c in review.checks.all()}
    data.update({f"c{c.position}": "" for c in review.checks.all()})
    data.update(comment="Convincing results.", recommendation=Recommendation.PUBLISH)
    data.update(overrides)
    return data


def _submit(review):
    reviews.review_save(
        actor=fresh(review.reviewer),
        review=review,
        verdicts={c.position: (Verdict.MET, "") for c in review.checks.all()},
        comment="Strong evidence.",
        recommendation=Recommendation.PUBLISH,
    )
    return reviews.review_submit(actor=fresh(review.reviewer), review=review)


# --- the curators' panel and its steps ---------------------------------------------------------


def test_curators_see_the_panel_on_a_submitted_item(submitted, curator, reviewer, viewer):
    page = text(as_(curator).get(submitted.get_absolute_url()))
    assert "Assign peer reviewers" in page and "No reviewer assigned yet." in page
    assert reviewer.email in page and viewer.email not in page  # members are not offered
    assert 'name="publish-reason"' in page and 'name="decline-reason"' in page
    assert 'name="request_changes-reason"' in page


def test_nobody_else_sees_the_panel(in_review, editor, reviewer):
    for person in (editor, reviewer):
        response = as_(person).get(in_review.get_absolute_url())
        assert response.status_code == 200 and "Assign peer reviewers" not in text(response)


def test_the_panel_shows_the_reviewers_of_each_round(in_review, review, curator, reviewer):
    _submit(review)
    page = text(as_(curator).get(in_review.get_absolute_url()))
    assert "Reviewers, round 1" in page and str(reviewer) in page
    assert "Submitted: Publish" in page and "1 review of 1 in" in page


def test_the_panel_is_gone_once_decided(published, curator):
    page = text(as_(curator).get(published.get_absolute_url()))
    assert "Assign peer reviewers" not in page and 'name="decline-reason"' not in page


def test_a_curator_assigns_reviewers_from_the_list_or_by_address(
    submitted, curator, reviewer, other_reviewer
):
    url = reverse("knowledge:reviewers_assign", args=[submitted.pk])
    response = as_(curator).post(
        url, {"reviewers-reviewers": [reviewer.pk], "reviewers-emails": other_reviewer.email}
    )
    assert response.status_code == 302 and response.url == submitted.get_absolute_url()
    assert {r.reviewer for r in Review.objects.filter(item=submitted)} == {
        reviewer,
        other_reviewer,
    }
    assert Item.objects.get(pk=submitted.pk).status == ItemStatus.IN_REVIEW


def test_a_member_of_the_organisation_is_refused_with_the_reason(submitted, curator, viewer):
    url = reverse("knowledge:reviewers_assign", args=[submitted.pk])
    response = as_(curator).post(url, {"reviewers-emails": viewer.email})
    assert response.status_code == 400
    assert "Members of the submitting organisation cannot review it" in text(response)
    response = as_(curator).post(url, {"reviewers-reviewers": [viewer.pk]})
    assert response.status_code == 400
    assert not Review.objects.exists()


def test_bad_reviewer_input_is_400(submitted, curator):
    url = reverse("knowledge:reviewers_assign", args=[submitted.pk])
    for data in ({}, {"reviewers-reviewers": ["abc"]}, {"reviewers-emails": "nobody@nowhere"}):
        response = as_(curator).post(url, data)
        assert response.status_code == 400, data
    assert "No account has this address: nobody@nowhere." in text(response)
    assert not Review.objects.exists()


def test_only_curators_assign(submitted, editor, outsider, reviewer):
    url = reverse("knowledge:reviewers_assign", args=[submitted.pk])
    data = {"reviewers-reviewers": [reviewer.pk]}
    assert Client().post(url, data).status_code == 302  # to the login page
    assert as_(outsider).post(url, data).status_code == 404
    assert as_(editor).post(url, data).status_code == 403
    assert as_(fresh(editor)).get(url).status_code == 405
    assert not Review.objects.exists()


def test_a_curator_publishes_with_a_note(in_review, curator):
    url = reverse("knowledge:item_publish", args=[in_review.pk])
    response = as_(curator).post(url, {"publish-reason": "A model for other cities."})
    assert response.status_code == 302 and response.url == in_review.get_absolute_url()
    item = Item.objects.get(pk=in_review.pk)
    assert item.status == ItemStatus.PUBLISHED and item.version == 1
    assert item.decision_reason == "A model for other cities."


def test_declining_and_requesting_changes_need_a_reason(in_review, curator):
    for action, message in (
        ("item_decline", "Say why the item is declined."),
        ("item_request_changes", "Tell the authors what to change."),
    ):
        url = reverse(f"knowledge:{action}", args=[in_review.pk])
        response = as_(curator).post(url, {})
        assert response.status_code == 400 and message in text(response)
    assert Item.objects.get(pk=in_review.pk).status == ItemStatus.IN_REVIEW

    url = reverse("knowledge:item_request_changes", args=[in_review.pk])
    response = as_(curator).post(url, {"request_changes-reason": "Add the figures."})
    assert response.status_code == 302
    item = Item.objects.get(pk=in_review.pk)
    assert (
        item.status == ItemStatus.CHANGES_REQUESTED and item.decision_reason == "Add the figures."
    )


def test_a_curator_declines(in_review, curator):
    url = reverse("knowledge:item_decline", args=[in_review.pk])
    response = as_(curator).post(url, {"decline-reason": "Not a practice: an announcement."})
    assert response.status_code == 302
    assert Item.objects.get(pk=in_review.pk).status == ItemStatus.DECLINED


def test_a_too_long_reason_comes_back(in_review, curator):
    url = reverse("knowledge:item_decline", args=[in_review.pk])
    response = as_(curator).post(url, {"decline-reason": "x" * 2001})
    assert response.status_code == 400
    assert Item.objects.get(pk=in_review.pk).status == ItemStatus.IN_REVIEW


def test_only_curators_decide(in_review, editor, reviewer, outsider):
    for action in ("item_publish", "item_decline", "item_request_changes"):
        url = reverse(f"knowledge:{action}", args=[in_review.pk])
        data = {"decline-reason": "No.", "request_changes-reason": "More."}
        assert Client().post(url, data).status_code == 302  # to the login page
        assert as_(outsider).post(url, data).status_code == 404
        assert as_(editor).post(url, data).status_code == 403
        assert as_(reviewer).post(url, data).status_code == 403
        assert as_(editor).get(url).status_code == 405
    assert Item.objects.get(pk=in_review.pk).status == ItemStatus.IN_REVIEW


def test_deciding_twice_is_refused(published, curator):
    url = reverse("knowledge:item_publish", args=[published.pk])
    assert as_(curator).post(url).status_code == 403
    assert as_(curator).post(reverse("knowledge:item_publish", args=[999])).status_code == 404


# --- the queue ---------------------------------------------------------------------------------


def test_the_queue_is_the_curators(curator, editor, reviewer, outsider, in_review):
    url = reverse("knowledge:curation_queue")
    assert Client().get(url).status_code == 302  # to the login page
    for person in (editor, reviewer, outsider):
        assert as_(person).get(url).status_code == 403
    assert as_(curator).get(url).status_code == 200


def test_the_queue_groups_new_reviewed_and_revised_items(
    in_review, review, curator, editor, organisation, open_call, reviewer
):
    new = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="Mobile legal clinics"), call=open_call,
    )  # fmt: skip
    items.item_submit(actor=fresh(editor), item=new)
    revised = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="Housing guarantees"),
    )  # fmt: skip
    items.item_submit(actor=fresh(editor), item=revised)
    reviews.reviewers_assign(actor=curator, item=revised, reviewers=[fresh(reviewer)])
    reviews.item_request_changes(actor=curator, item=revised, reason="Figures.")
    items.item_submit(actor=fresh(editor), item=Item.objects.get(pk=revised.pk))
    _submit(review)

    page = text(as_(curator).get(reverse("knowledge:curation_queue")))
    waiting, rest = page.split('id="review-heading"')
    first_round, back = rest.split('id="revised-heading"')
    assert "Mobile legal clinics" in waiting
    assert in_review.title in first_round and "1 of 1" in first_round
    assert "ready for a decision" in first_round
    assert "Housing guarantees" in back and "round 2" in back and "0 of 1" in back
    assert "3 items waiting" in page

    by_call = text(as_(curator).get(reverse("knowledge:curation_queue"), {"call": open_call.pk}))
    assert "Mobile legal clinics" in by_call and "Housing guarantees" not in by_call
    by_kind = text(as_(curator).get(reverse("knowledge:curation_queue"), {"kind": "resource"}))
    assert "0 items waiting" in by_kind


def test_a_bad_filter_is_400(curator):
    url = reverse("knowledge:curation_queue")
    assert as_(curator).get(url, {"call": "999"}).status_code == 400
    assert as_(curator).get(url, {"kind": "poem"}).status_code == 400
    assert as_(curator).get(url, {"call": "abc"}).status_code == 400


def test_the_queue_costs_the_same_whatever_its_rows(
    curator, editor, organisation, reviewer, django_assert_max_num_queries
):
    client = as_(curator)
    url = reverse("knowledge:curation_queue")

    def add(n):
        item = items.item_create(
            actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
            data=practice_data(title=f"Practice {n}"),
        )  # fmt: skip
        items.item_submit(actor=fresh(editor), item=item)
        if n % 2:
            reviews.reviewers_assign(actor=curator, item=item, reviewers=[fresh(reviewer)])

    add(1)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for n in range(2, 8):
        add(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "7 items waiting" in text(client.get(url))


# --- my reviews --------------------------------------------------------------------------------


def test_my_reviews_lists_mine_only(review, reviewer, other_review, other_reviewer, editor):
    url = reverse("knowledge:my_reviews")
    assert Client().get(url).status_code == 302  # to the login page
    page = text(as_(reviewer).get(url))
    assert review.item.title in page and "Another practice" not in page
    assert "Round" in page
    page = text(as_(other_reviewer).get(url))
    assert "Another practice" in page and review.item.title not in page
    assert "Nothing to review at the moment." in text(as_(editor).get(url))


def test_a_review_no_longer_needed_is_set_apart(review, reviewer, curator):
    reviews.item_publish(actor=curator, item=review.item)
    page = text(as_(reviewer).get(reverse("knowledge:my_reviews")))
    assert "No longer needed" in page and "Nothing to review at the moment." in page


# --- the review --------------------------------------------------------------------------------


def test_the_reviewer_reads_the_item_beside_the_criteria(review, reviewer):
    page = text(as_(reviewer).get(review.get_absolute_url()))
    assert review.item.title in page
    assert "Returning migrants went to five offices" in page  # a section, rendered
    assert "What was done" in page and "Not written." in page
    assert "Relates to one or more GCM objectives" in page
    assert page.count("<legend>") >= review.checks.count() + 1
    assert 'value="partly"' in page and 'aria-live="polite"' in page
    assert 'hx-post="' + reverse("knowledge:review_save", args=[review.pk]) in page
    assert 'name="submit_review"' in page and "formaction" not in page


def test_the_items_texts_are_sanitised(draft, curator, reviewer, editor):
    items.item_update(
        actor=fresh(editor),
        item=draft,
        data=practice_data(texts={**practice_data().texts,
                                  "results": "**Bold** <script>alert(1)</script>"}),
    )  # fmt: skip
    submitted = items.item_submit(actor=fresh(editor), item=draft)
    (review,) = reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[fresh(reviewer)])
    page = text(as_(reviewer).get(review.get_absolute_url()))
    assert "<strong>Bold</strong>" in page and "<script>alert(1)" not in page


def test_who_reads_a_review(
    review, reviewer, other_reviewer, other_review, outsider, editor, curator
):
    url = review.get_absolute_url()
    assert Client().get(url).status_code == 302  # to the login page
    for person in (other_reviewer, outsider, editor):  # the authors, before it is submitted
        assert as_(person).get(url).status_code == 404
    page = text(as_(curator).get(url))
    assert str(reviewer) in page and 'id="review-form"' not in page
    assert "Not submitted yet" in page
    assert as_(reviewer).get(reverse("knowledge:review", args=[999])).status_code == 404


def test_the_authors_read_a_submitted_review_without_the_reviewers_name(review, reviewer, editor):
    _submit(review)
    page = text(as_(editor).get(review.get_absolute_url()))
    assert "Strong evidence." in page and str(reviewer) not in page
    assert 'id="review-form"' not in page


def test_a_reviewer_never_reads_another_review_of_the_same_item(
    submitted, curator, reviewer, other_reviewer
):
    first, second = reviews.reviewers_assign(
        actor=curator, item=submitted, reviewers=[fresh(reviewer), fresh(other_reviewer)]
    )
    _submit(second)
    assert as_(reviewer).get(second.get_absolute_url()).status_code == 404
    page = text(as_(reviewer).get(first.get_absolute_url()))
    assert "Strong evidence." not in page and str(other_reviewer) not in page
    assert (
        as_(reviewer).post(reverse("knowledge:review_save", args=[second.pk]), {}).status_code
        == 404
    )


def test_autosave_then_submit(review, reviewer):
    client = as_(reviewer)
    save = reverse("knowledge:review_save", args=[review.pk])
    autosave = client.post(
        save, {"v1": Verdict.PARTLY, "c1": "Two objectives only.", "comment": ""},
        HTTP_HX_REQUEST="true",
    )  # fmt: skip
    assert autosave.status_code == 200 and "Saved at" in text(autosave)
    assert 'id="review-status"' in text(autosave)
    check = CriterionCheck.objects.get(review=review, position=1)
    assert check.verdict == Verdict.PARTLY and check.comment == "Two objectives only."

    # htmx sends the last clicked button with every request: an autosave never submits.
    autosave = client.post(
        save, {**_complete(review), "submit_review": "1"}, HTTP_HX_REQUEST="true"
    )
    assert autosave.status_code == 200
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.ASSIGNED

    response = client.post(save, {**_complete(review), "submit_review": "1"})
    assert response.status_code == 302 and response.url == reverse("knowledge:my_reviews")
    done = Review.objects.get(pk=review.pk)
    assert done.status == ReviewStatus.SUBMITTED and done.recommendation == "publish"

    page = text(client.get(review.get_absolute_url()))
    assert 'id="review-form"' not in page and "Convincing results." in page
    assert client.post(save, _complete(review)).status_code == 403


def test_submitting_an_incomplete_review_says_what_is_missing(review, reviewer):
    save = reverse("knowledge:review_save", args=[review.pk])
    response = as_(reviewer).post(
        save, {"v1": Verdict.MET, "comment": "", "recommendation": Recommendation.DECLINE,
               "submit_review": "1"},
    )  # fmt: skip
    page = text(response)
    assert response.status_code == 400
    assert "Give a verdict on every criterion." in page
    assert 'id="id_v2_error"' in page and 'id="id_v1_error"' not in page
    assert "Tell the authors what to change or why not to publish." in page
    assert Review.objects.get(pk=review.pk).status == ReviewStatus.ASSIGNED
    assert Review.objects.get(pk=review.pk).recommendation == "decline"  # kept as saved

    response = as_(reviewer).post(save, {**_complete(review), "recommendation": "",
                                         "submit_review": "1"})  # fmt: skip
    assert response.status_code == 400 and "Choose a recommendation." in text(response)


def test_a_refused_autosave_comes_back_with_the_form(review, reviewer):
    response = as_(reviewer).post(
        reverse("knowledge:review_save", args=[review.pk]),
        {"v1": "maybe", "comment": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert 'id="review-form"' in text(response) and "Not saved" in text(response)
    assert CriterionCheck.objects.get(review=review, position=1).verdict == ""


def test_a_plain_save_without_submitting(review, reviewer):
    save = reverse("knowledge:review_save", args=[review.pk])
    response = as_(reviewer).post(save, {"v1": Verdict.NOT_MET, "comment": "Draft."})
    assert response.status_code == 302 and response.url == review.get_absolute_url()
    assert Review.objects.get(pk=review.pk).comment == "Draft."
    response = as_(reviewer).post(save, {"v1": "maybe"})
    assert response.status_code == 400


def test_only_the_assigned_reviewer_saves(review, curator, editor, outsider, other_reviewer):
    save = reverse("knowledge:review_save", args=[review.pk])
    assert Client().post(save, {}).status_code == 302  # to the login page
    assert as_(curator).post(save, {"comment": "x"}).status_code == 403
    for person in (editor, outsider, other_reviewer):
        assert as_(person).post(save, {"comment": "x"}).status_code == 404
    assert as_(curator).get(save).status_code == 405
    assert Review.objects.get(pk=review.pk).comment == ""


def test_a_review_of_an_earlier_round_is_read_only(review, reviewer, curator, editor):
    reviews.item_request_changes(actor=curator, item=review.item, reason="More figures.")
    items.item_submit(actor=fresh(editor), item=Item.objects.get(pk=review.item_id))
    page = text(as_(reviewer).get(review.get_absolute_url()))
    assert 'id="review-form"' not in page and "no longer in this review round" in page
    save = reverse("knowledge:review_save", args=[review.pk])
    assert as_(reviewer).post(save, _complete(review)).status_code == 403

    new = Review.objects.get(item=review.item, round=2)
    page = text(as_(reviewer).get(new.get_absolute_url()))
    assert 'id="review-form"' in page and "More figures." in page and "round 1" in page
