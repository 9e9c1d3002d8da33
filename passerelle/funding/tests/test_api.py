"""Funding in the API, per reader (anonymous, outsider, member, secretariat): funds with their
balance, calls with their criteria, proposals without reviews or scores, contributions with
their transactions and their sources named only to those who may read the names, requirements
and rates; recording a contribution, with the services' refusals as 400 (or 403) writing
nothing. Every list costs a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from passerelle.core.permissions import Visibility
from passerelle.projects import services as project_services
from passerelle.projects.choices import ProjectStatus
from passerelle.projects.tests.conftest import project_data

from .. import services
from ..choices import ContributionStatus
from ..models import Contribution, Fund
from .conftest import call_data, deposit, fresh, money, proposal_data

pytestmark = pytest.mark.django_db

FUNDS = "/api/v1/funds/"
CALLS = "/api/v1/calls/"
PROPOSALS = "/api/v1/proposals/"
CONTRIBUTIONS = "/api/v1/contributions/"
REQUIREMENTS = "/api/v1/project-requirements/"
RATES = "/api/v1/exchange-rates/"


@pytest.fixture
def api():
    return APIClient()


def as_(api, user):
    api.force_authenticate(fresh(user))
    return api


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def ids(response) -> set[int]:
    return {row["id"] for row in rows(response)}


def queries(api, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert api.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def private_project(government, organisation, project_runner):
    return project_services.project_create(
        actor=fresh(project_runner), organisation=government,
        data=project_data(government, organisation, visibility=Visibility.PRIVATE,
                          title="A private project"),
        status=ProjectStatus.IMPLEMENTATION,
    )  # fmt: skip


@pytest.fixture
def private_gift(private_project, project_runner):
    """A member of the project's organisation gives to it in person."""
    return services.contribution_create(
        actor=fresh(project_runner), data=money("300"), project=private_project,
        status="committed",
    )  # fmt: skip


@pytest.fixture
def anonymous_gift(public_project, person):
    person.full_name = "Awa Diallo"
    person.save()
    return services.contribution_create(
        actor=fresh(person), data=money("250", anonymous=True), project=public_project,
        status="committed",
    )  # fmt: skip


@pytest.fixture
def foundation_gift(public_project, foundation, foundation_editor, project_runner):
    """20,000 USD committed, 15,000 disbursed, 4,000 spent."""
    gift = services.contribution_create(
        actor=fresh(foundation_editor), data=money("20000"), project=public_project,
        source_organisation=foundation, status="committed",
    )  # fmt: skip
    today = timezone.localdate()
    services.disbursement_record(actor=fresh(foundation_editor), contribution=gift,
                                 amount=Decimal("15000"), on=today)  # fmt: skip
    services.expenditure_record(actor=fresh(project_runner), contribution=gift,
                                amount=Decimal("4000"), on=today, description="Venue")  # fmt: skip
    return gift


# --- funds -------------------------------------------------------------------------------------


def test_funds_with_their_balance(api, fund, foundation, foundation_editor, secretariat_org,
                                  approved, secretariat):  # fmt: skip
    deposit(fund, foundation, foundation_editor, "150000.10")
    deposit(fund, foundation, foundation_editor, "5000", paid=False)
    services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    other = Fund.objects.create(name="Another fund", slug="another", description="-",
                                manager=secretariat_org)  # fmt: skip
    [first, second] = rows(api.get(FUNDS))
    assert (first["id"], first["balance"]) == (other.pk, "0.00")
    assert (second["id"], second["balance"]) == (fund.pk, "30000.10")
    assert Decimal(second["balance"]) == services.balance(fund)
    assert second["manager"]["slug"] == secretariat_org.slug
    assert api.get(f"{FUNDS}{fund.pk}/").json()["balance"] == "30000.10"


def test_fund_list_queries_are_fixed(api, fund, secretariat_org, foundation, foundation_editor):
    deposit(fund, foundation, foundation_editor, "1000")
    one = queries(api, FUNDS)
    for number in range(4):
        other = Fund.objects.create(name=f"Fund {number}", slug=f"fund-{number}",
                                    description="-", manager=secretariat_org)  # fmt: skip
        deposit(other, foundation, foundation_editor, "1000")
    assert queries(api, FUNDS) == one


# --- calls -------------------------------------------------------------------------------------


def test_calls_with_criteria_drafts_for_the_secretariat_only(
    api, call, fund, secretariat, outsider, applicant_editor
):
    draft = services.call_create(actor=fresh(secretariat), fund=fund,
                                 data=call_data(title="Draft"))  # fmt: skip
    for user in (None, outsider, applicant_editor):
        assert ids(as_(api, user).get(CALLS)) == {call.pk}
    assert ids(as_(api, secretariat).get(CALLS)) == {call.pk, draft.pk}
    [row] = rows(as_(api, None).get(f"{CALLS}?fund={fund.slug}&status=open"))
    assert len(row["criteria"]) == 13
    assert sum(1 for criterion in row["criteria"] if criterion["mandatory"]) == 3
    assert row["criteria"][0]["label"]
    assert api.get(f"{CALLS}{draft.pk}/").status_code == 404


def test_call_list_queries_are_fixed(api, call, fund, secretariat):
    one = queries(as_(api, None), CALLS)
    for number in range(3):
        services.call_publish(
            actor=fresh(secretariat),
            call=services.call_create(actor=fresh(secretariat), fund=fund,
                                      data=call_data(title=f"Call {number}")),
        )  # fmt: skip
    assert queries(as_(api, None), CALLS) == one


# --- proposals ---------------------------------------------------------------------------------


def test_a_draft_proposal_is_its_applicants_only(
    api, draft_proposal, applicant_editor, partner_viewer, outsider, secretariat,
    committee_member,
):  # fmt: skip
    for user in (None, outsider, secretariat, committee_member):
        assert draft_proposal.pk not in ids(as_(api, user).get(PROPOSALS))
    for user in (applicant_editor, partner_viewer):
        assert ids(as_(api, user).get(PROPOSALS)) == {draft_proposal.pk}


def test_a_submitted_proposal_is_hidden_from_outsiders(
    api, reviewed, applicant_editor, outsider, secretariat, committee_member, reviewers
):
    for user in (None, outsider):
        assert ids(as_(api, user).get(PROPOSALS)) == set()
        assert as_(api, user).get(f"{PROPOSALS}{reviewed.pk}/").status_code == 404
    for user in (applicant_editor, secretariat, committee_member, reviewers[0]):
        assert ids(as_(api, user).get(PROPOSALS)) == {reviewed.pk}


def test_reviews_and_scores_are_never_in_the_api(api, approved, secretariat, committee_member):
    for user in (None, secretariat, committee_member):
        response = as_(api, user).get(f"{PROPOSALS}{approved.pk}/")
        assert response.status_code == 200
        body = response.json()
        assert not {"reviews", "scores", "decision_note", "score"} & set(body)
        assert "Sound." not in response.content.decode()  # the reviewers' comment
        assert body["title"] == approved.title
        assert body["status"] == "approved"
        assert body["markers"] == {"gender": 1, "human_rights": 2, "child": 0}
        assert body["countries"] == ["SEN"]


def test_proposal_list_queries_are_fixed(
    api, call, applicant, applicant_editor, partner_government, secretariat
):
    def propose(title):
        proposal = services.proposal_create(
            actor=fresh(applicant_editor), call=call, organisation=applicant,
            data=proposal_data(title=title, partners=[partner_government]),
        )  # fmt: skip
        return services.proposal_submit(actor=fresh(applicant_editor), proposal=proposal)

    propose("One")
    one = queries(as_(api, secretariat), PROPOSALS)
    for number in range(4):
        propose(f"More {number}")
    assert queries(as_(api, secretariat), PROPOSALS) == one


# --- contributions -----------------------------------------------------------------------------


def test_a_contribution_to_a_private_project_is_its_members_only(
    api, private_gift, foundation_gift, project_runner, outsider, secretariat
):
    for user in (None, outsider, secretariat):
        assert ids(as_(api, user).get(CONTRIBUTIONS)) == {foundation_gift.pk}
        assert as_(api, user).get(f"{CONTRIBUTIONS}{private_gift.pk}/").status_code == 404
    assert ids(as_(api, project_runner).get(CONTRIBUTIONS)) == {private_gift.pk,
                                                               foundation_gift.pk}  # fmt: skip


def test_an_anonymous_person_is_named_only_to_those_allowed(
    api, anonymous_gift, person, project_runner, outsider, secretariat
):
    url = f"{CONTRIBUTIONS}{anonymous_gift.pk}/"
    for user in (None, outsider):
        response = as_(api, user).get(url)
        source = response.json()["source"]
        assert source == {"type": "person", "id": None, "name": None,
                          "donor_type": "individual"}  # fmt: skip
        assert "Awa Diallo" not in response.content.decode()
    for user in (person, project_runner, secretariat):
        source = as_(api, user).get(url).json()["source"]
        assert (source["id"], source["name"]) == (person.pk, "Awa Diallo")


def test_a_contribution_in_full(api, foundation_gift, foundation, public_project):
    body = api.get(f"{CONTRIBUTIONS}{foundation_gift.pk}/").json()
    assert body["source"] == {"type": "organisation", "id": foundation.pk,
                              "name": foundation.name, "donor_type": "foundation"}  # fmt: skip
    assert body["destination"] == {"type": "project", "id": public_project.pk}
    assert (body["amount"], body["currency"], body["amount_usd"]) == ("20000.00", "USD",
                                                                       "20000.00")  # fmt: skip
    assert body["usd_per_unit"] == "1.00000000"
    assert body["status"] == "committed"
    assert body["parent"] is None
    assert [(t["kind"], t["amount"]) for t in body["transactions"]] == [
        ("disbursement", "15000.00"),
        ("expenditure", "4000.00"),
    ]


def test_a_fund_transfer_names_its_deposit(api, fund, approved, foundation, foundation_editor,
                                           secretariat):  # fmt: skip
    source = deposit(fund, foundation, foundation_editor, "150000")
    project = services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    [transfer] = rows(api.get(f"{CONTRIBUTIONS}?project={project.pk}"))
    assert transfer["parent"] == source.pk
    assert transfer["source"]["type"] == "fund"
    assert transfer["source"]["name"] == fund.name
    assert ids(api.get(f"{CONTRIBUTIONS}?parent={source.pk}")) == {transfer["id"]}
    assert ids(api.get(f"{CONTRIBUTIONS}?fund={fund.pk}")) == {source.pk}


def test_contribution_filters(api, foundation_gift, anonymous_gift, rates, public_project,
                              state_donor, state_editor):  # fmt: skip
    euros = services.contribution_create(
        actor=fresh(state_editor), data=money("1000", "EUR"), project=public_project,
        source_organisation=state_donor,
    )  # fmt: skip
    assert ids(api.get(f"{CONTRIBUTIONS}?currency=eur")) == {euros.pk}
    assert ids(api.get(f"{CONTRIBUTIONS}?status=pledged")) == {euros.pk}
    year = timezone.localdate().year
    assert len(ids(api.get(f"{CONTRIBUTIONS}?year={year}"))) == 3
    assert ids(api.get(f"{CONTRIBUTIONS}?year={year - 5}")) == set()


def test_contribution_list_queries_are_fixed(
    api, public_project, foundation, foundation_editor, person, project_runner
):
    def give():
        gift = services.contribution_create(
            actor=fresh(foundation_editor), data=money("1000"), project=public_project,
            source_organisation=foundation, status="committed",
        )  # fmt: skip
        services.disbursement_record(actor=fresh(foundation_editor), contribution=gift,
                                     amount=Decimal("400"), on=timezone.localdate())  # fmt: skip

    give()
    before = {user: queries(as_(api, user), CONTRIBUTIONS) for user in (None, project_runner)}
    for _ in range(4):
        give()
    services.contribution_create(actor=fresh(person), data=money("50", anonymous=True),
                                 project=public_project)  # fmt: skip
    after = {user: queries(as_(api, user), CONTRIBUTIONS) for user in (None, project_runner)}
    assert after == before
    assert max(after.values()) <= 8


# --- recording a contribution ------------------------------------------------------------------


def post(api, user, **values):
    body = {"amount": "500.00", "currency": "USD",
            "value_date": timezone.localdate().isoformat(), **values}  # fmt: skip
    return as_(api, user).post(CONTRIBUTIONS, body, format="json")


def test_an_organisation_pledges_through_the_api(api, public_project, foundation,
                                                 foundation_editor):  # fmt: skip
    response = post(api, foundation_editor, project=public_project.pk,
                    source_organisation=foundation.pk, status="committed")  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    contribution = Contribution.objects.get(pk=body["id"])
    assert contribution.source_organisation == foundation
    assert contribution.status == ContributionStatus.COMMITTED
    assert contribution.amount == Decimal("500.00")
    assert body["source"]["name"] == foundation.name


def test_a_person_gives_in_their_own_name_once_per_key(api, public_project, person):
    key = "5b1a0a56-7a4e-4d8e-9c1b-2e0b7d3c1f00"
    first = post(api, person, project=public_project.pk, submission_key=key, anonymous=True)
    again = post(api, person, project=public_project.pk, submission_key=key, anonymous=True)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    contribution = Contribution.objects.get()
    assert (contribution.source_person, contribution.anonymous) == (person, True)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({}, "destination", "exactly one"),
        ({"project": "P", "fund": "F"}, "destination", "exactly one"),
        ({"project": "P", "amount": "0"}, "amount", "above zero"),
        ({"project": "P", "currency": "ZZZ"}, "currency", "currency code"),
        ({"project": "P", "currency": "GBP"}, "currency", "no exchange rate"),
        ({"project": "P", "kind": "expert_days", "description": "Trainers"}, "quantity",
         "expert-days"),
        ({"project": "P", "amount": "90000"}, "amount", "co-funding"),
        ({"project": 999999}, "project", "No project"),
        ({"project": "private"}, "project", "No project"),
        ({"source_organisation": 999999, "project": "P"}, "source_organisation",
         "No organisation"),
    ],
)  # fmt: skip
def test_refusals_are_400_and_write_nothing(
    api, public_project, private_project, fund, person, values, field, message
):
    replace = {"P": public_project.pk, "F": fund.pk, "private": private_project.pk}
    values = {name: replace.get(value, value) for name, value in values.items()}
    response = post(api, person, **values)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "invalid")
    assert message.lower() in " ".join(error["fields"][field]).lower()
    assert not Contribution.objects.exists()


def test_giving_for_an_organisation_one_does_not_edit_is_refused(
    api, public_project, foundation, outsider
):
    response = post(api, outsider, project=public_project.pk, source_organisation=foundation.pk)
    assert response.status_code == 403
    assert response.json()["error"]["status"] == 403
    assert not Contribution.objects.exists()


def test_anonymous_visitors_cannot_post(api, public_project):
    response = post(api, None, project=public_project.pk)
    assert response.status_code in (401, 403)
    assert not Contribution.objects.exists()


# --- requirements and rates --------------------------------------------------------------------


def test_requirements_follow_the_project(api, public_project, private_project, project_runner,
                                         outsider):  # fmt: skip
    services.project_requirements_set(
        actor=fresh(project_runner), project=private_project,
        lines=[{"kind": "money", "description": "Secret", "quantity": Decimal(5),
                "currency": "USD"}],
    )  # fmt: skip
    for user in (None, outsider):
        found = rows(as_(api, user).get(REQUIREMENTS))
        assert {row["project"] for row in found} == {public_project.pk}
        assert len(found) == 2
    found = rows(as_(api, project_runner).get(f"{REQUIREMENTS}?project={private_project.pk}"))
    assert [(row["description"], row["quantity"]) for row in found] == [("Secret", "5.00")]
    assert rows(api.get(f"{REQUIREMENTS}?kind=expert_days"))[0]["quantity"] == "20.00"


def test_exchange_rates_are_public(api, rates):
    found = rows(as_(api, None).get(f"{RATES}?currency=eur"))
    assert [(row["currency"], row["usd_per_unit"]) for row in found] == [
        ("EUR", "1.20000000"),
        ("EUR", "1.10000000"),
    ]
    assert len(rows(api.get(RATES))) == 3
