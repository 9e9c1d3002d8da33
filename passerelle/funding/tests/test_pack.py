"""The steering committee's review pack of a call, as a PDF: who may download it, what it holds
(read back from its uncompressed page streams), that it costs the same number of queries
whatever the number of proposals, and that the same call gives the same bytes."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.assessments.tests.test_pdf import flat, text

from .. import services
from ..models import Criterion
from ..pdf import call_pack_pdf
from .conftest import fresh, proposal_data, score_all
from .test_funds_views import as_

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 14)


def url(call) -> str:
    return reverse("funding:call_pack_pdf", args=[call.pk])


def build(call, user) -> bytes:
    return call_pack_pdf(call, user=fresh(user), compress=False, today=TODAY)


def content(call, user) -> str:
    return flat(text(build(call, user)))


def submitted(call, title, *, value=None, reviewers=(), secretariat=None):
    """A new organisation's proposal to the call with a government partner, submitted; with
    `value`, each reviewer scores every criterion with it and submits."""
    lead = OrganisationFactory(type="civil_society")
    editor = MembershipFactory(organisation=lead, role="editor").user
    government = OrganisationFactory(type="national_government", verification_status="verified")
    draft = services.proposal_create(
        actor=fresh(editor), call=call, organisation=lead,
        data=proposal_data(title=title, partners=[government]),
    )  # fmt: skip
    proposal = services.proposal_submit(actor=fresh(editor), proposal=draft)
    if value is not None:
        reviews = services.review_assign(
            actor=fresh(secretariat), proposal=proposal, reviewers=reviewers
        )
        for review in reviews:
            services.review_declare(actor=fresh(review.reviewer), review=review,
                                    has_conflict=False)  # fmt: skip
            score_all(review, value)
    return proposal


# --- access ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["secretariat", "committee_member"])
def test_the_secretariat_and_the_committee_download_the_pack(reviewed, who, request):
    response = as_(request.getfixturevalue(who)).get(url(reviewed.call))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == (
        'attachment; filename="review-pack-capacity-for-safe-labour-migration.pdf"'
    )


@pytest.mark.parametrize("who", ["applicant_editor", "partner_viewer", "outsider"])
def test_others_may_not(reviewed, who, request):
    assert as_(request.getfixturevalue(who)).get(url(reviewed.call)).status_code == 403


def test_nor_the_proposals_reviewers(reviewed, reviewers):
    assert as_(reviewers[0]).get(url(reviewed.call)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(call):
    response = Client().get(url(call))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_draft_call_is_hidden_but_from_the_secretariat(draft_call, committee_member,
                                                         secretariat):  # fmt: skip
    assert as_(committee_member).get(url(draft_call)).status_code == 404
    response = as_(secretariat).get(url(draft_call))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_proposals_page_links_to_it(call, committee_member):
    page = as_(committee_member).get(reverse("funding:call_proposals", args=[call.pk]))
    assert url(call) in page.content.decode()
    assert "Download the review pack (PDF)" in page.content.decode()


# --- content -----------------------------------------------------------------------------------


def test_the_pack_ranks_the_proposals_with_their_reviews(
    approved, reviewers, secretariat, committee_member, partner_government
):
    call = approved.call
    Criterion.objects.filter(call=call, marker="gender").update(weight=Decimal("2.50"))
    best = submitted(call, "Border screening academy", value=4, reviewers=reviewers,
                     secretariat=secretariat)  # fmt: skip
    unscored = submitted(call, "Diaspora skills register")
    withdrawn = submitted(call, "Withdrawn idea")
    services.proposal_withdraw(actor=fresh(withdrawn.organisation.memberships.get().user),
                               proposal=withdrawn)  # fmt: skip
    conflicted = UserFactory(full_name="Ines Conflicted")
    [review] = services.review_assign(actor=fresh(secretariat), proposal=best,
                                      reviewers=[conflicted])  # fmt: skip
    services.review_declare(actor=fresh(conflicted), review=review, has_conflict=True,
                            statement="I advised the applicant last year.")  # fmt: skip

    page = content(call, committee_member)

    # The cover.
    assert "Review pack of a call for proposals" in page and call.title in page
    assert call.fund.name in page and "250,000" in page
    assert "A government entity must take part Yes" in page
    assert "Submitted proposals 3" in page and "Generated on March 14, 2026" in page
    assert "Demo data" not in page
    # The criteria, with their weights.
    assert "Criteria and weights" in page
    assert "Gender equality 2.5" in page and "Mandatory" in page
    # The proposals, best first, the unscored last, without the withdrawn one.
    order = [page.index(p.title) for p in (best, approved, unscored)]
    assert order == sorted(order)
    assert withdrawn.title not in page
    # A proposal's facts, its scores by reviewer with the means and weighted score.
    assert partner_government.name in page and "Senegal" in page and "120,000" in page
    assert "Human rights: Principal objective" in page
    for reviewer in reviewers:
        assert str(reviewer) in page
    weighted = "Weighted score (0\u20134)"
    assert f"{weighted} 4.00" in page and f"{weighted} 3.00" in page
    assert "3 3 3.00" in page and "4 4 4.00" in page
    assert "Sound." in page  # the reviewers' comment
    # The conflict, with its statement, and the committee's decision with its note.
    assert "Ines Conflicted, on" in page and "I advised the applicant last year." in page
    assert "The steering committee's decision" in page
    assert "Fits the fund's priorities." in page
    assert "No review submitted yet." in page  # the unscored proposal


def test_a_demo_call_says_so(call, secretariat):
    call.is_demo = True
    call.save(update_fields=["is_demo"])
    page = content(call, secretariat)
    assert "Demo data" in page and "No proposal submitted yet." in page


def test_the_pack_costs_the_same_whatever_its_proposals(reviewed, reviewers, secretariat,
                                                        committee_member):  # fmt: skip
    call = reviewed.call

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            build(call, committee_member)
        return len(queries)

    one = count()
    for number in range(2):
        submitted(call, f"More {number}", value=2, reviewers=reviewers, secretariat=secretariat)
    assert count() == one
    assert one <= 15


def test_the_same_call_gives_the_same_bytes(approved, secretariat):
    def compressed() -> bytes:
        return call_pack_pdf(approved.call, user=fresh(secretariat), today=TODAY)

    first = compressed()
    assert first.startswith(b"%PDF") and first == compressed()
    assert len(first) < len(build(approved.call, secretariat))
