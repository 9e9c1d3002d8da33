"""The contribution pages per role: giving (to a request, a project, a fund), the public list with
its filters and totals, a contribution's page with its steps, a project's requirements and my
contributions. Hidden things are 404s, forbidden steps 403s; refused input comes back 400 with
its message and writes nothing; lists cost the same number of queries whatever their rows; an
anonymous person's name is kept from the public."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import PASSWORD, UserFactory
from passerelle.projects.models import Project

from .. import services
from ..choices import ContributionKind, ContributionStatus
from ..models import Contribution, ProjectRequirement
from .conftest import fresh, money

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
CREATE = reverse("funding:contribution_create")
LIST = reverse("funding:contribution_list")


def as_(person) -> Client:
    client = Client()
    if person is not None:
        assert client.login(email=person.email, password=PASSWORD)
    return client


def page_of(response) -> str:
    return response.content.decode()


def form(**overrides) -> dict:
    return {
        "source": "me",
        "kind": "financial",
        "amount": "250",
        "currency": "USD",
        "value_date": timezone.localdate().isoformat(),
        "status": "pledged",
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


def action(contribution, name) -> str:
    return reverse("funding:contribution_action", args=[contribution.pk, name])


@pytest.fixture
def pledge(rates, public_project, foundation, foundation_editor):
    return services.contribution_create(
        actor=fresh(foundation_editor), data=money("1000"), project=public_project,
        source_organisation=foundation,
    )  # fmt: skip


# Giving ---------------------------------------------------------------------------------------


def test_giving_needs_an_account(rates, open_request):
    response = as_(None).get(f"{CREATE}?request={open_request.pk}")
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_a_person_gives_to_a_request(rates, open_request, person):
    response = as_(person).get(f"{CREATE}?request={open_request.pk}")
    assert response.status_code == 200
    assert "0 of 60,000 USD (0 %) funded, 0 pledged" in page_of(response)
    response = as_(person).post(f"{CREATE}?request={open_request.pk}", form())
    contribution = Contribution.objects.get()
    assert response.status_code == 302 and response.url == contribution.get_absolute_url()
    assert (contribution.source_person, contribution.request) == (person, open_request)


def test_the_same_form_posted_twice_records_once(rates, open_request, person):
    data = form()
    as_(person).post(f"{CREATE}?request={open_request.pk}", data)
    as_(person).post(f"{CREATE}?request={open_request.pk}", data)
    assert Contribution.objects.count() == 1


def test_an_editor_gives_for_the_organisation_to_a_project(
    rates, public_project, foundation, foundation_editor
):
    response = as_(foundation_editor).post(
        f"{CREATE}?project={public_project.pk}",
        form(source=str(foundation.pk), kind="expert_days", description="Trainers",
             quantity="4", amount="2000", status="committed"),
    )  # fmt: skip
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.source_organisation == foundation
    assert (contribution.status, contribution.quantity) == ("committed", Decimal(4))


def test_a_deposit_into_a_fund_may_be_earmarked(rates, fund, state_donor, state_editor, approved):
    url = f"{CREATE}?fund={fund.slug}&proposal={approved.pk}"
    assert as_(state_editor).get(url).status_code == 200
    response = as_(state_editor).post(url, form(source=str(state_donor.pk), amount="90000"))
    assert response.status_code == 302
    assert Contribution.objects.get().earmark_proposal == approved


@pytest.mark.parametrize("query", ["", "?request=abc", "?fund=nowhere", "?request=1&project=1"])
def test_an_unknown_destination_is_not_found(rates, person, query):
    assert as_(person).get(f"{CREATE}{query}").status_code == 404


def test_a_hidden_destination_is_not_found(rates, public_project, person):
    Project.objects.filter(pk=public_project.pk).update(visibility="private")
    assert as_(person).get(f"{CREATE}?project={public_project.pk}").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"currency": "GBP"}, "There is no exchange rate for GBP"),
        ({"amount": "5"}, "A co-funding contribution is worth between 10 and 50000"),
        ({"kind": "equipment"}, "Say what is given."),
        ({"kind": "expert_days", "description": "Trainers"}, "Give the number of expert-days."),
        ({"amount": "-3"}, "greater than or equal to 0.01"),
    ],
)
def test_refused_input_is_explained_and_nothing_is_written(
    rates, open_request, person, overrides, message
):
    response = as_(person).post(f"{CREATE}?request={open_request.pk}", form(**overrides))
    assert response.status_code == 400
    assert message in page_of(response)
    assert not Contribution.objects.exists()


def test_an_organisation_cannot_stay_anonymous(rates, open_request, foundation, foundation_editor):
    response = as_(foundation_editor).post(
        f"{CREATE}?request={open_request.pk}", form(source=str(foundation.pk), anonymous="on")
    )
    assert response.status_code == 400
    assert "always shown with its name" in page_of(response)


def test_one_cannot_give_as_an_organisation_one_does_not_edit(
    rates, open_request, foundation, person
):
    response = as_(person).post(
        f"{CREATE}?request={open_request.pk}", form(source=str(foundation.pk))
    )
    assert response.status_code == 400
    assert not Contribution.objects.exists()


# The list -------------------------------------------------------------------------------------


def test_an_anonymous_person_is_hidden_from_the_public(
    rates, open_request, requester, secretariat, outsider
):
    giver = UserFactory(full_name="Aminata Diallo")
    services.contribution_create(
        actor=fresh(giver), data=money(100, anonymous=True), request=open_request
    )
    for reader, named in (
        (None, False), (outsider, False), (secretariat, True), (requester, True), (giver, True),
    ):  # fmt: skip
        text = page_of(as_(reader).get(LIST))
        assert ("Aminata Diallo" in text) is named
        assert ("Anonymous contributor" in text) is not named


def test_the_list_is_filtered_and_totalled(
    rates, open_request, fund, foundation, foundation_editor, state_donor, state_editor
):
    services.contribution_create(
        actor=fresh(foundation_editor), data=money("1000", "EUR"), request=open_request,
        source_organisation=foundation, status="committed",
    )  # fmt: skip
    services.contribution_create(
        actor=fresh(state_editor), data=money("500"), fund=fund, source_organisation=state_donor,
    )  # fmt: skip
    text = page_of(as_(None).get(LIST))
    assert "1,200.00 USD" in text and "500.00 USD" in text
    text = page_of(as_(None).get(LIST, {"donor_type": "foundation"}))
    assert foundation.name in text and state_donor.name not in text
    text = page_of(as_(None).get(LIST, {"destination": "fund", "status": "pledged"}))
    assert state_donor.name in text and foundation.name not in text
    year = timezone.localdate().year
    assert "0 contributions" in page_of(as_(None).get(LIST, {"year": year - 3}))
    assert as_(None).get(LIST, {"status": "lost"}).status_code == 400


def test_the_list_costs_the_same_whatever_its_rows(
    rates, open_request, public_project, foundation, foundation_editor, person
):
    def make(count):
        for number in range(count):
            destination = {"request": open_request} if number % 2 else {"project": public_project}
            services.contribution_create(
                actor=fresh(foundation_editor), data=money(100 + number),
                source_organisation=foundation, **destination,
            )  # fmt: skip
            services.contribution_create(
                actor=fresh(person), data=money(50, anonymous=True), **destination
            )

    make(1)
    client = as_(person)
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST).status_code == 200
    make(5)
    with CaptureQueriesContext(connection) as many:
        client.get(LIST)
    assert len(many) == len(few)


# A contribution's page and its steps ----------------------------------------------------------


def test_the_page_shows_money_and_history(pledge, foundation_editor, outsider):
    response = as_(outsider).get(pledge.get_absolute_url())
    assert response.status_code == 200
    text = page_of(response)
    assert "Pledged" in text and "Next step" not in text
    text = page_of(as_(foundation_editor).get(pledge.get_absolute_url()))
    assert "Commit" in text and "Cancel the contribution" in text


def test_a_contribution_to_a_hidden_project_is_not_found(pledge, outsider, foundation_editor):
    Project.objects.filter(pk=pledge.project_id).update(visibility="private")
    assert as_(outsider).get(pledge.get_absolute_url()).status_code == 404
    assert as_(outsider).post(action(pledge, "commit"), {"on": "2026-01-01"}).status_code == 404
    assert as_(foundation_editor).get(pledge.get_absolute_url()).status_code == 200


def test_steps_are_for_the_source(pledge, outsider, project_runner, foundation_editor):
    today = timezone.localdate().isoformat()
    response = as_(None).post(action(pledge, "commit"), {"on": today})
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    for someone in (outsider, project_runner):
        assert as_(someone).post(action(pledge, "commit"), {"on": today}).status_code == 403
    assert as_(foundation_editor).post(action(pledge, "nothing"), {}).status_code == 404
    response = as_(foundation_editor).post(action(pledge, "commit"), {"on": today})
    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == ContributionStatus.COMMITTED


def test_disburse_report_and_trace(pledge, foundation_editor, project_runner):
    today = timezone.localdate().isoformat()
    editor = as_(foundation_editor)
    editor.post(action(pledge, "commit"), {"on": today})
    response = editor.post(action(pledge, "disburse"), {"on": today, "amount": "1500"})
    assert response.status_code == 400
    assert "1000.00 USD is left to pay" in page_of(response)
    assert not pledge.transactions.exists()
    assert (
        editor.post(action(pledge, "disburse"), {"on": today, "amount": "600"}).status_code == 302
    )
    assert (
        as_(project_runner)
        .post(
            action(pledge, "expenditure"), {"on": today, "amount": "700", "description": "Travel"}
        )
        .status_code
        == 400
    )
    assert (
        as_(project_runner)
        .post(
            action(pledge, "expenditure"), {"on": today, "amount": "200", "description": "Travel"}
        )
        .status_code
        == 302
    )
    text = page_of(editor.get(pledge.get_absolute_url()))
    assert "Left to pay" in text and "400.00 USD" in text
    assert "Left to report" in text and "Travel" in text
    assert "Disbursed 600" in text


def test_cancel_needs_a_reason(pledge, foundation_editor):
    response = as_(foundation_editor).post(action(pledge, "cancel"), {"reason": ""})
    assert response.status_code == 400
    pledge.refresh_from_db()
    assert pledge.status == ContributionStatus.PLEDGED
    as_(foundation_editor).post(action(pledge, "cancel"), {"reason": "Budget cut"})
    pledge.refresh_from_db()
    assert pledge.status == ContributionStatus.CANCELLED
    assert "Budget cut" in page_of(as_(None).get(pledge.get_absolute_url()))


def test_in_kind_help_is_delivered(rates, open_request, person):
    help_ = services.contribution_create(
        actor=fresh(person), request=open_request,
        data=money(900, kind=ContributionKind.VENUE, description="A training hall"),
    )  # fmt: skip
    today = timezone.localdate().isoformat()
    assert as_(person).post(action(help_, "deliver"), {"on": today}).status_code == 302
    help_.refresh_from_db()
    assert help_.status == ContributionStatus.PAID


def test_the_chain_donor_fund_project(rates, fund, foundation, foundation_editor, approved,
                                      secretariat):  # fmt: skip
    from .conftest import deposit

    held = deposit(fund, foundation, foundation_editor, 200000)
    project = services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    transfer = held.children.get()
    text = page_of(as_(None).get(held.get_absolute_url()))
    assert "Transfers from this deposit" in text and project.title in text
    text = page_of(as_(None).get(transfer.get_absolute_url()))
    assert f"Drawn from a deposit by {foundation.name}" in text


# Requirements ---------------------------------------------------------------------------------


def _lines(*rows) -> dict:
    data = {"requirements-TOTAL_FORMS": len(rows), "requirements-INITIAL_FORMS": 0}
    for number, row in enumerate(rows):
        data |= {f"requirements-{number}-{key}": value for key, value in row.items()}
    return data


def test_requirements_are_set_by_those_who_run_the_project(
    rates, public_project, project_runner, outsider, foundation_editor
):
    url = reverse("funding:project_requirements", args=[public_project.pk])
    assert as_(None).get(url).status_code == 302
    assert as_(outsider).get(url).status_code == 403
    assert as_(foundation_editor).post(url, _lines()).status_code == 403
    assert as_(project_runner).get(url).status_code == 200
    response = as_(project_runner).post(
        url, _lines({"kind": "money", "description": "Per diems", "quantity": "5000",
                     "currency": "EUR"})
    )  # fmt: skip
    assert response.status_code == 302
    assert list(public_project.requirements.values_list("description", flat=True)) == ["Per diems"]


def test_bad_requirements_change_nothing(rates, public_project, project_runner):
    url = reverse("funding:project_requirements", args=[public_project.pk])
    response = as_(project_runner).post(
        url, _lines({"kind": "money", "description": "Per diems", "quantity": "5000"})
    )
    assert response.status_code == 400
    assert "give a currency code" in page_of(response)
    assert ProjectRequirement.objects.filter(project=public_project).count() == 2


def test_requirements_of_a_hidden_project_are_not_found(public_project, outsider):
    Project.objects.filter(pk=public_project.pk).update(visibility="private")
    url = reverse("funding:project_requirements", args=[public_project.pk])
    assert as_(outsider).get(url).status_code == 404


# My contributions -----------------------------------------------------------------------------


def test_my_contributions_show_what_they_delivered(pledge, foundation_editor, outsider):
    url = reverse("funding:my_contributions")
    assert as_(None).get(url).status_code == 302
    text = page_of(as_(foundation_editor).get(url))
    assert pledge.project.title in text and "The project's progress" in text
    assert pledge.project.title not in page_of(as_(outsider).get(url))
