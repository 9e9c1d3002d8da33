"""Every pooled-fund page and action, per role: anonymous visitor, outsider, applicant (an
editor of the lead organisation), partner (a viewer of the partner organisation), reviewer
(before and after submitting, and with a conflict), another reviewer, steering-committee member
and secretariat. Allowed is 200 (or 302 after an action; the login page for visitors); denied is
404 for what must stay hidden and 403 for a forbidden action on something visible."""

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD

from .. import services
from ..models import Review
from .conftest import fresh, score_all

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "outsider", "applicant", "partner", "reviewer", "other_reviewer", "committee",
    "secretariat",
]  # fmt: skip


@pytest.fixture
def people(outsider, applicant_editor, partner_viewer, reviewers, committee_member, secretariat):
    return {
        "anonymous": None,
        "outsider": outsider,
        "applicant": applicant_editor,
        "partner": partner_viewer,
        "reviewer": reviewers[0],
        "other_reviewer": reviewers[1],
        "committee": committee_member,
        "secretariat": secretariat,
    }


@pytest.fixture
def assigned(proposal, secretariat, reviewers):
    """The proposal with two reviews: both declared without conflict, neither submitted."""
    reviews = services.review_assign(actor=fresh(secretariat), proposal=proposal,
                                     reviewers=reviewers)  # fmt: skip
    for review in reviews:
        services.review_declare(actor=fresh(review.reviewer), review=review, has_conflict=False)
    return reviews


def client_for(person) -> Client:
    client = Client()
    if person is not None:
        assert client.login(email=person.email, password=PASSWORD)
    return client


def status(person, url, method="get", data=None) -> int:
    response = getattr(client_for(person), method)(url, data or {})
    if response.status_code == 302 and "/accounts/login/" in response.url:
        return "login"
    return response.status_code


def check(people, url, expected: dict, method="get", data=None):
    got = {role: status(people[role], url, method, data) for role in expected}
    assert got == expected


def everyone(value) -> dict:
    return dict.fromkeys(ROLES, value)


# --- public pages ------------------------------------------------------------------------------


def test_funds_an_open_call_and_the_pipeline_are_public(people, fund, call):
    for url in (reverse("funding:fund_list"), fund.get_absolute_url(), call.get_absolute_url(),
                reverse("funding:pipeline")):  # fmt: skip
        check(people, url, everyone(200))


def test_a_draft_call_is_the_secretariats(people, draft_call):
    expected = {**everyone(404), "secretariat": 200}
    check(people, draft_call.get_absolute_url(), expected)
    for name in ("call_update", "call_criteria"):
        url = reverse(f"funding:{name}", args=[draft_call.pk])
        check(people, url, {**expected, "anonymous": "login"})


# --- calls -------------------------------------------------------------------------------------


def test_only_the_secretariat_opens_a_call(people, fund):
    expected = {**everyone(403), "anonymous": "login", "secretariat": 200}
    check(people, reverse("funding:call_create", args=[fund.slug]), expected)


def test_an_open_call_is_no_longer_edited(people, call):
    expected = {**everyone(403), "anonymous": "login"}
    for name in ("call_update", "call_criteria", "call_publish"):
        method = "post" if name == "call_publish" else "get"
        check(people, reverse(f"funding:{name}", args=[call.pk]), expected, method)


def test_only_the_secretariat_closes_a_call(people, call):
    url = reverse("funding:call_close", args=[call.pk])
    others = {role: 403 for role in ROLES if role != "secretariat"}
    check(people, url, {**others, "anonymous": "login"}, "post")
    assert status(people["secretariat"], url, "post") == 302


def test_the_secretariat_and_committee_list_a_calls_proposals(people, call):
    expected = {**everyone(403), "anonymous": "login", "committee": 200, "secretariat": 200}
    check(people, reverse("funding:call_proposals", args=[call.pk]), expected)


def test_editors_propose_to_an_open_call(people, call):
    # The partner is only a viewer of its organisation; the others belong to none or are
    # editors (the outsider is its organisation's administrator).
    expected = {
        **everyone(403), "anonymous": "login", "applicant": 200, "outsider": 200,
    }  # fmt: skip
    check(people, reverse("funding:proposal_create", args=[call.pk]), expected)


# --- proposals ---------------------------------------------------------------------------------


def test_a_draft_is_its_applicants(people, draft_proposal):
    url = draft_proposal.get_absolute_url()
    check(people, url, {**everyone(404), "applicant": 200, "partner": 200})
    edit = reverse("funding:proposal_update", args=[draft_proposal.pk])
    check(people, edit, {**everyone(404), "anonymous": "login", "applicant": 200, "partner": 403})


def test_a_submitted_proposal_is_for_applicants_reviewers_and_overseers(people, assigned):
    proposal = assigned[0].proposal
    expected = {**everyone(200), "anonymous": 404, "outsider": 404}
    check(people, proposal.get_absolute_url(), expected)


def test_a_reviewer_with_a_conflict_no_longer_reads_the_proposal(
    people, proposal, secretariat, reviewers
):
    (review,) = services.review_assign(actor=fresh(secretariat), proposal=proposal,
                                       reviewers=reviewers[:1])  # fmt: skip
    services.review_declare(actor=fresh(reviewers[0]), review=review, has_conflict=True,
                            statement="A former employer.")  # fmt: skip
    assert status(people["reviewer"], proposal.get_absolute_url()) == 404
    assert status(people["reviewer"], reverse("funding:review_detail", args=[review.pk])) == 200
    url = reverse("funding:review_save", args=[review.pk])
    assert status(people["reviewer"], url, "post") == 403


def test_who_acts_on_a_submitted_proposal(people, assigned):
    proposal = assigned[0].proposal
    hidden = {"anonymous": "login", "outsider": 404}
    forbidden = {**everyone(403), **hidden}
    actions = {
        "proposal_update": ("get", forbidden),
        "proposal_submit": ("post", forbidden),
        "proposal_assign": ("post", {**forbidden, "secretariat": 400}),  # no address: the form
        "proposal_decide": ("post", {**forbidden, "committee": 400}),  # no decision: the form
        "proposal_fund": ("post", forbidden),
    }
    for name, (method, expected) in actions.items():
        check(people, reverse(f"funding:{name}", args=[proposal.pk]), expected, method)


def test_applicants_withdraw_their_proposal(people, assigned):
    url = reverse("funding:proposal_withdraw", args=[assigned[0].proposal.pk])
    expected = {**everyone(403), "anonymous": "login", "outsider": 404, "partner": 403}
    check(people, url, {k: v for k, v in expected.items() if k != "applicant"}, "post")
    assert status(people["applicant"], url, "post") == 302


def test_reviews_show_to_overseers_only_on_the_proposal_page(people, reviewed):
    for role in ROLES:
        response = client_for(people[role]).get(reviewed.get_absolute_url())
        shows = "Weighted score" in response.content.decode()
        assert shows == (role in {"committee", "secretariat"}), role


def test_an_approved_proposal_is_public_its_reviews_are_not(people, approved):
    check(people, approved.get_absolute_url(), everyone(200))
    page = Client().get(approved.get_absolute_url()).content.decode()
    assert approved.summary in page and "Weighted score" not in page
    expected = {**everyone(403), "anonymous": "login", "secretariat": 400}
    # The secretariat may fund it: with an empty fund, it is told the balance is short.
    check(people, reverse("funding:proposal_fund", args=[approved.pk]), expected, "post")


# --- reviews -----------------------------------------------------------------------------------


def test_a_review_is_blind_until_the_reviewer_submits(people, assigned):
    mine, theirs = assigned
    url = reverse("funding:review_detail", args=[mine.pk])
    expected = {
        **everyone(404), "anonymous": "login", "reviewer": 200, "committee": 200,
        "secretariat": 200,
    }  # fmt: skip
    check(people, url, expected)
    score_all(theirs)
    check(people, url, expected)  # mine is not submitted: still hidden from the other
    check(people, reverse("funding:review_detail", args=[theirs.pk]),
          {**expected, "reviewer": 404, "other_reviewer": 200})  # fmt: skip
    score_all(Review.objects.get(pk=mine.pk))
    check(people, reverse("funding:review_detail", args=[theirs.pk]),
          {**expected, "other_reviewer": 200})  # fmt: skip


def test_only_the_reviewer_scores_their_review(people, assigned):
    review = assigned[0]
    for name in ("review_declare", "review_save"):
        url = reverse(f"funding:{name}", args=[review.pk])
        expected = {**everyone(404), "anonymous": "login", "committee": 403, "secretariat": 403}
        del expected["reviewer"]
        check(people, url, expected, "post")
    # The reviewer may still declare a conflict found while reading; an empty form comes back.
    assert status(people["reviewer"], reverse("funding:review_declare", args=[review.pk]),
                  "post") == 400  # fmt: skip
    submit = reverse("funding:review_save", args=[review.pk])
    assert status(people["reviewer"], submit, "post", {"submit_review": "1"}) == 400


def test_my_reviews_needs_an_account(people):
    check(people, reverse("funding:review_list"), {**everyone(200), "anonymous": "login"})
