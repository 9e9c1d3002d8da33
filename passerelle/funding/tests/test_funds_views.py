"""The pooled funds' pages, as the people who use them click through: the fund's page and its
dashboard, opening and publishing a call with its criteria, writing and submitting a proposal,
assigning reviewers, declaring and scoring (autosaved with htmx), the committee's decision and
the grant. Refused input comes back with its message (400, or 422 for an autosave) and nothing
is written. Lists and the fund's page cost the same number of queries whatever their rows."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from passerelle.geo.models import Country
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea

from .. import services
from ..choices import CallStatus, ProposalStatus, ReviewStatus
from ..models import Call, Contribution, Criterion, Fund, Proposal, Review, Score
from .conftest import call_data, deposit, fresh, money, proposal_data, score_all

pytestmark = pytest.mark.django_db


def as_(person) -> Client:
    client = Client()
    if person is not None:
        assert client.login(email=person.email, password=PASSWORD)
    return client


def text(response) -> str:
    return response.content.decode()


# --- funds -------------------------------------------------------------------------------------


def test_the_fund_page_shows_its_accounts_deposits_calls_and_pipeline(
    approved, fund, foundation, foundation_editor, person, outsider, secretariat
):
    deposit(fund, foundation, foundation_editor, "80000.00")
    services.contribution_create(
        actor=fresh(person), fund=fund, status="committed",
        data=money("500.00", anonymous=True),
    )  # fmt: skip
    page = text(as_(outsider).get(fund.get_absolute_url()))
    assert fund.name in page and fund.description in page
    assert foundation.name in page
    assert "Anonymous contributor" in page and str(person) not in page
    assert approved.title in page  # in the pipeline
    assert approved.call.title in page
    assert "80,000.00 US dollars available for grants" in page
    assert str(person) in text(as_(secretariat).get(fund.get_absolute_url()))


def test_the_fund_page_charts_its_grants_with_their_data_tables(
    approved, fund, foundation, foundation_editor, secretariat
):
    deposit(fund, foundation, foundation_editor, "200000.00")
    services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    page = text(Client().get(fund.get_absolute_url()))
    assert page.count('class="chart-svg"') == 3
    assert page.count('<table class="chart-table">') == 3
    assert "By thematic area" in page and "By country" in page
    assert "120,000" in page and approved.title in page
    assert "Delivery rate" in page


def test_the_contribute_link_goes_to_the_contribution_form_when_it_exists(fund):
    page = text(Client().get(fund.get_absolute_url()))
    try:
        url = reverse("funding:contribution_create")
    except NoReverseMatch:  # the contributions pages are another part of the module
        return
    assert f"{url}?fund={fund.slug}" in page


def test_an_unknown_fund_is_404():
    assert Client().get(reverse("funding:fund_detail", args=["nope"])).status_code == 404


# --- calls -------------------------------------------------------------------------------------


def _call_post(**overrides):
    deadline = timezone.localtime() + datetime.timedelta(days=20)
    data = {
        "title": "Return and reintegration",
        "description": "Sustainable reintegration of returning migrants.",
        "eligibility": "Local authorities with a civil-society partner.",
        "capacity_areas": [CapacityArea.objects.get(code="WGWS").pk],
        "countries": [],
        "budget_ceiling": "150000",
        "deadline": deadline.strftime("%Y-%m-%dT%H:%M"),
        "requires_government": "on",
    }
    data.update(overrides)
    return data


def test_the_secretariat_opens_weighs_and_publishes_a_call(fund, secretariat):
    client = as_(secretariat)
    response = client.post(reverse("funding:call_create", args=[fund.slug]), _call_post())
    call = Call.objects.get()
    assert response.status_code == 302 and response.url == call.get_absolute_url()
    assert call.status == CallStatus.DRAFT and call.requires_government
    page = text(client.get(call.get_absolute_url()))
    assert "Publish the call" in page and "Criteria and weights" in page

    principle = call.criteria.get(principle__number=2)
    weights = {f"w{c.pk}": str(c.weight) for c in call.criteria.exclude(name__gt="")}
    weights[f"w{principle.pk}"] = "2.5"
    response = client.post(
        reverse("funding:call_criteria", args=[call.pk]),
        {**weights, "extra-TOTAL_FORMS": "2", "extra-INITIAL_FORMS": "0",
         "extra-0-name": "Local ownership", "extra-0-weight": "1.5", "extra-0-guidance": "",
         "extra-1-name": "", "extra-1-weight": "", "extra-1-guidance": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert Criterion.objects.get(pk=principle.pk).weight == Decimal("2.50")
    assert call.criteria.filter(name="Local ownership", weight=Decimal("1.50")).exists()

    assert client.post(reverse("funding:call_publish", args=[call.pk])).status_code == 302
    assert Call.objects.get(pk=call.pk).status == CallStatus.OPEN
    page = text(client.get(call.get_absolute_url()))
    assert "Local ownership" in page and "2.50" in page and "Close the call" in page
    assert client.post(reverse("funding:call_close", args=[call.pk])).status_code == 302
    assert Call.objects.get(pk=call.pk).status == CallStatus.CLOSED


def test_a_call_without_its_texts_comes_back_and_nothing_is_written(fund, secretariat):
    response = as_(secretariat).post(
        reverse("funding:call_create", args=[fund.slug]),
        _call_post(title="", budget_ceiling="-5", deadline="not a date"),
    )
    assert response.status_code == 400
    assert "This field is required." in text(response)
    assert not Call.objects.exists()


def test_a_zero_weight_on_a_marker_comes_back_with_its_message(draft_call, secretariat):
    marker = draft_call.criteria.get(marker="human_rights")
    weights = {f"w{c.pk}": "1" for c in draft_call.criteria.all()}
    weights[f"w{marker.pk}"] = "0"
    response = as_(secretariat).post(
        reverse("funding:call_criteria", args=[draft_call.pk]),
        {**weights, "extra-TOTAL_FORMS": "0", "extra-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 400
    assert "Human rights: give a weight above zero." in text(response)
    assert Criterion.objects.get(pk=marker.pk).weight == Decimal("1.00")


def test_publishing_past_the_deadline_says_why(draft_call, secretariat):
    Call.objects.filter(pk=draft_call.pk).update(deadline=timezone.now() - datetime.timedelta(1))
    response = as_(secretariat).post(reverse("funding:call_publish", args=[draft_call.pk]))
    assert response.status_code == 400
    assert "The deadline has passed" in text(response)
    assert Call.objects.get(pk=draft_call.pk).status == CallStatus.DRAFT


def test_an_open_call_offers_a_proposal_to_editors_only(call, applicant_editor, partner_viewer):
    assert "Submit a proposal" in text(as_(applicant_editor).get(call.get_absolute_url()))
    assert "Submit a proposal" not in text(as_(partner_viewer).get(call.get_absolute_url()))
    assert "Submit a proposal" not in text(Client().get(call.get_absolute_url()))


def test_the_call_page_gives_the_deadline_with_its_time_zone(call):
    page = text(Client().get(call.get_absolute_url()))
    assert "(UTC)" in page or f"({timezone.get_current_timezone_name()})" in page
    assert "A government entity must take part" in page


# --- proposals ---------------------------------------------------------------------------------


def _proposal_post(partners=(), **overrides):
    data = {
        "title": "Skills partnership",
        "summary": "Vocational training matched to labour demand.",
        "objectives": "200 trainees placed in decent work.",
        "activities": "Curricula; recognition of skills; job fairs.",
        "language": "en",
        "budget": "90000",
        "months": "24",
        "countries": [Country.objects.get(iso3="SEN").pk],
        "capacity_areas": [CapacityArea.objects.get(code="WGWS").pk],
        "gcm_objectives": [],
        "partners": [p.pk for p in partners],
        "gender_marker": "1",
        "human_rights_marker": "1",
        "child_marker": "0",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_an_editor_writes_edits_and_submits_a_proposal(
    call, applicant, applicant_editor, partner_government
):
    client = as_(applicant_editor)
    url = reverse("funding:proposal_create", args=[call.pk])
    form = text(client.get(url))
    assert applicant.name in form and "At most 250000.00 US dollars." in form
    post = _proposal_post([partner_government], organisation=applicant.pk)
    response = client.post(url, post)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    assert client.post(url, post).status_code == 302  # posted twice: one proposal
    assert Proposal.objects.count() == 1
    assert list(proposal.partners.all()) == [partner_government]

    edit = reverse("funding:proposal_update", args=[proposal.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {**post, "title": "Skills partnership, phase 1"})
    assert response.status_code == 302
    assert Proposal.objects.get().title == "Skills partnership, phase 1"

    response = client.post(reverse("funding:proposal_submit", args=[proposal.pk]))
    assert response.status_code == 302
    assert Proposal.objects.get().status == ProposalStatus.SUBMITTED
    assert client.get(edit).status_code == 403


def test_a_proposal_over_the_ceiling_comes_back_and_nothing_is_written(
    call, applicant, applicant_editor
):
    response = as_(applicant_editor).post(
        reverse("funding:proposal_create", args=[call.pk]),
        _proposal_post(organisation=applicant.pk, budget="300000"),
    )
    assert response.status_code == 400
    assert "The call funds at most 250000.00 US dollars per proposal." in text(response)
    assert not Proposal.objects.exists()


def test_an_organisation_of_someone_else_cannot_lead(call, applicant_editor):
    other = OrganisationFactory()
    response = as_(applicant_editor).post(
        reverse("funding:proposal_create", args=[call.pk]),
        _proposal_post(organisation=other.pk),
    )
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_submitting_without_a_government_says_why(call, applicant, applicant_editor):
    draft = services.proposal_create(actor=fresh(applicant_editor), call=call,
                                     organisation=applicant, data=proposal_data())  # fmt: skip
    response = as_(applicant_editor).post(reverse("funding:proposal_submit", args=[draft.pk]))
    assert response.status_code == 400
    assert "government entity" in text(response)
    assert Proposal.objects.get(pk=draft.pk).status == ProposalStatus.DRAFT


def test_the_secretariat_assigns_reviewers_by_e_mail(proposal, secretariat, reviewers):
    url = reverse("funding:proposal_assign", args=[proposal.pk])
    emails = "\n".join(r.email.upper() for r in reviewers)
    response = as_(secretariat).post(url, {"emails": emails})
    assert response.status_code == 302
    assert set(Review.objects.values_list("reviewer", flat=True)) == {r.pk for r in reviewers}


def test_unknown_addresses_and_applicants_are_refused(
    proposal, secretariat, reviewers, partner_viewer
):
    url = reverse("funding:proposal_assign", args=[proposal.pk])
    response = as_(secretariat).post(url, {"emails": f"{reviewers[0].email}\nnobody@example.org"})
    assert response.status_code == 400
    assert "No account has this address: nobody@example.org." in text(response)
    response = as_(secretariat).post(url, {"emails": partner_viewer.email})
    assert response.status_code == 400
    assert "is a member of an applying organisation" in text(response)
    assert not Review.objects.exists()


# --- reviews -----------------------------------------------------------------------------------


def _assigned(proposal, secretariat, reviewers):
    return services.review_assign(actor=fresh(secretariat), proposal=proposal,
                                  reviewers=reviewers)  # fmt: skip


def _scores_post(review, value=3, **overrides):
    data = {f"c{c.pk}": str(value) for c in review.proposal.call.criteria.all()}
    data.update({f"c{c.pk}_comment": "" for c in review.proposal.call.criteria.all()})
    data["comment"] = "Convincing."
    data.update(overrides)
    return data


def test_a_reviewer_declares_scores_as_they_go_and_submits(proposal, secretariat, reviewers):
    first, second = _assigned(proposal, secretariat, reviewers)
    client = as_(reviewers[0])
    url = reverse("funding:review_detail", args=[first.pk])
    page = text(client.get(url))
    assert "Conflict of interest" in page and "Submit the review" not in page
    assert proposal.organisation.name in page

    response = client.post(reverse("funding:review_declare", args=[first.pk]),
                           {"has_conflict": "0"})  # fmt: skip
    assert response.status_code == 302
    page = text(client.get(url))
    assert "Submit the review" in page and "hx-post" in page

    criterion = proposal.call.criteria.order_by("position").first()
    autosave = client.post(
        reverse("funding:review_save", args=[first.pk]),
        {f"c{criterion.pk}": "4", f"c{criterion.pk}_comment": "Rights-based.", "comment": ""},
        HTTP_HX_REQUEST="true",
    )
    assert autosave.status_code == 200 and "Saved at" in text(autosave)
    assert Score.objects.get(review=first).value == 4

    submit = reverse("funding:review_save", args=[first.pk])
    incomplete = client.post(submit, {f"c{criterion.pk}": "4", "comment": "", "submit_review": "1"})
    assert incomplete.status_code == 400
    assert "Score every criterion before submitting" in text(incomplete)
    assert Review.objects.get(pk=first.pk).status == ReviewStatus.ASSIGNED

    response = client.post(submit, {**_scores_post(first), "submit_review": "1"})
    assert response.status_code == 302
    assert Review.objects.get(pk=first.pk).status == ReviewStatus.SUBMITTED
    page = text(client.get(url))
    assert "The other reviews" in page and "No other review submitted yet." in page

    services.review_declare(actor=fresh(reviewers[1]), review=second, has_conflict=False)
    score_all(second, value=2)
    page = text(client.get(url))
    assert "Another reviewer (1)" in page and str(reviewers[1]) not in page


def test_an_out_of_range_autosave_is_refused_with_the_form(proposal, secretariat, reviewers):
    (review,) = _assigned(proposal, secretariat, reviewers[:1])
    services.review_declare(actor=fresh(reviewers[0]), review=review, has_conflict=False)
    criterion = proposal.call.criteria.first()
    response = as_(reviewers[0]).post(
        reverse("funding:review_save", args=[review.pk]),
        {f"c{criterion.pk}": "7", "comment": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert 'id="review-form"' in text(response) and "Not saved" in text(response)
    assert not Score.objects.exists()


def test_a_declared_conflict_ends_the_review(proposal, secretariat, reviewers):
    (review,) = _assigned(proposal, secretariat, reviewers[:1])
    client = as_(reviewers[0])
    declare = reverse("funding:review_declare", args=[review.pk])
    response = client.post(declare, {"has_conflict": "1", "conflict_statement": ""})
    assert response.status_code == 400 and "Describe the conflict of interest." in text(response)
    response = client.post(declare, {"has_conflict": "1", "conflict_statement": "My employer."})
    assert response.status_code == 302
    page = text(client.get(reverse("funding:review_detail", args=[review.pk])))
    assert "no longer have access" in page and proposal.title not in page
    assert client.get(proposal.get_absolute_url()).status_code == 404
    scores = client.post(reverse("funding:review_save", args=[review.pk]), _scores_post(review))
    assert scores.status_code == 403 and not Score.objects.exists()


def test_my_reviews_lists_mine(proposal, secretariat, reviewers):
    _assigned(proposal, secretariat, reviewers)
    page = text(as_(reviewers[0]).get(reverse("funding:review_list")))
    assert proposal.title in page and "declaration to make" in page


# --- the committee and the grant ---------------------------------------------------------------


def test_the_committee_reads_the_scores_and_decides(reviewed, committee_member, applicant_editor):
    client = as_(committee_member)
    page = text(client.get(reviewed.get_absolute_url()))
    assert "Weighted score 3.00 out of 4, from 2 submitted reviews." in page
    assert "The committee&#x27;s decision" in page or "The committee's decision" in page
    url = reverse("funding:proposal_decide", args=[reviewed.pk])
    response = client.post(url, {"decision": "0", "note": ""})
    assert response.status_code == 400
    assert "Give the applicants the committee&#x27;s reasons." in text(response)
    assert Proposal.objects.get(pk=reviewed.pk).status == ProposalStatus.SUBMITTED
    response = client.post(url, {"decision": "1", "note": "A strong partnership."})
    assert response.status_code == 302
    assert Proposal.objects.get(pk=reviewed.pk).status == ProposalStatus.APPROVED
    page = text(as_(applicant_editor).get(reviewed.get_absolute_url()))
    assert "A strong partnership." in page and "Weighted score" not in page


def test_the_committee_sees_the_calls_proposals_by_score(reviewed, committee_member):
    page = text(as_(committee_member).get(reverse("funding:call_proposals",
                                                  args=[reviewed.call_id])))  # fmt: skip
    assert reviewed.title in page and "3.00" in page and "2 of 2" in page


def test_funding_with_a_short_balance_says_so_and_writes_nothing(
    approved, fund, secretariat, foundation, foundation_editor
):
    deposit(fund, foundation, foundation_editor, "1000.00")
    response = as_(secretariat).post(reverse("funding:proposal_fund", args=[approved.pk]))
    assert response.status_code == 400
    assert "The fund holds 1000.00 US dollars this proposal may use" in text(response)
    assert not Project.objects.exists()
    assert not Contribution.objects.filter(source_fund=fund).exists()


def test_funding_leads_to_the_new_project(
    approved, fund, secretariat, foundation, foundation_editor
):
    deposit(fund, foundation, foundation_editor, "500000.00")
    response = as_(secretariat).post(reverse("funding:proposal_fund", args=[approved.pk]))
    project = Project.objects.get()
    assert response.status_code == 302 and response.url == project.get_absolute_url()
    assert Proposal.objects.get(pk=approved.pk).status == ProposalStatus.FUNDED


def test_the_pipeline_is_public_without_reviews(approved):
    response = Client().get(reverse("funding:pipeline"))
    assert response.status_code == 200 and approved.title in text(response)
    page = text(Client().get(approved.get_absolute_url()))
    assert approved.summary in page
    assert "Weighted score" not in page and "Reviews" not in page
    assert approved.activities not in page


# --- query budgets -----------------------------------------------------------------------------


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _more_grants(fund, approved, secretariat, reviewers, committee_member, count):
    """`count` more approved and funded proposals with several partners each."""
    for number in range(count):
        lead = OrganisationFactory(type="civil_society")
        editor = MembershipFactory(organisation=lead, role="editor").user
        partners = [OrganisationFactory(type="national_government") for _ in range(2)]
        draft = services.proposal_create(
            actor=fresh(editor), call=approved.call, organisation=lead,
            data=proposal_data(title=f"Grant {number}", partners=partners,
                               countries=list(Country.objects.order_by("pk")[:2])),
        )  # fmt: skip
        submitted = services.proposal_submit(actor=fresh(editor), proposal=draft)
        for review in services.review_assign(actor=fresh(secretariat), proposal=submitted,
                                             reviewers=reviewers):  # fmt: skip
            services.review_declare(actor=fresh(review.reviewer), review=review,
                                    has_conflict=False)  # fmt: skip
            score_all(review)
        decided = services.proposal_decide(actor=fresh(committee_member), proposal=submitted,
                                           approve=True, note="")  # fmt: skip
        services.proposal_fund(actor=fresh(secretariat), proposal=decided)


def test_the_fund_page_costs_the_same_whatever_its_rows(
    approved, fund, secretariat, reviewers, committee_member, foundation, foundation_editor,
    person,
):  # fmt: skip
    for _ in range(2):
        deposit(fund, foundation, foundation_editor, "400000.00")
    services.contribution_create(actor=fresh(person), fund=fund, status="committed",
                                 data=money("100.00", anonymous=True))  # fmt: skip
    _more_grants(fund, approved, secretariat, reviewers, committee_member, 1)
    client = Client()
    few = _count(client, fund.get_absolute_url())
    for _ in range(3):
        deposit(fund, foundation, foundation_editor, "300000.00")
    _more_grants(fund, approved, secretariat, reviewers, committee_member, 3)
    assert _count(client, fund.get_absolute_url()) == few
    assert few <= 25


def test_the_lists_cost_the_same_whatever_their_rows(
    approved, fund, secretariat, reviewers, committee_member, foundation, foundation_editor,
    django_assert_max_num_queries,
):  # fmt: skip
    deposit(fund, foundation, foundation_editor, "900000.00")
    for number in range(3):
        Fund.objects.create(name=f"Fund {number}", slug=f"fund-{number}", description="A fund.",
                            manager=fund.manager)  # fmt: skip
    _more_grants(fund, approved, secretariat, reviewers, committee_member, 2)
    secretariat_client, reviewer_client = as_(secretariat), as_(reviewers[0])
    with django_assert_max_num_queries(12):
        assert Client().get(reverse("funding:fund_list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert Client().get(reverse("funding:pipeline")).status_code == 200
    with django_assert_max_num_queries(14):
        url = reverse("funding:call_proposals", args=[approved.call_id])
        assert secretariat_client.get(url).status_code == 200
    with django_assert_max_num_queries(12):
        assert reviewer_client.get(reverse("funding:review_list")).status_code == 200


def test_a_new_call_appears_on_the_fund_page_for_the_secretariat_only(fund, secretariat):
    draft = services.call_create(actor=fresh(secretariat), fund=fund, data=call_data(title="Q3"))
    assert "Q3" in text(as_(secretariat).get(fund.get_absolute_url()))
    assert "Q3" not in text(Client().get(fund.get_absolute_url()))
    assert draft.status == CallStatus.DRAFT
