"""What funding shows on other modules' pages: coverage with a Contribute button on a request
and a project (and the link to set a project's requirements for those who run it), coverage in
each row of the lists of requests and projects at a fixed number of queries, the dashboard's
summary and a country's money required against funded."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from passerelle.hub import services as hub
from passerelle.hub.models import Match
from passerelle.hub.tests.conftest import advance, offer_data, request_data
from passerelle.projects import services as project_services
from passerelle.projects.choices import ProjectStatus
from passerelle.projects.tests.conftest import project_data

from .. import services
from .conftest import fresh, money

pytestmark = pytest.mark.django_db


def as_(person) -> Client:
    client = Client()
    if person is not None:
        assert client.login(email=person.email, password=PASSWORD)
    return client


def text_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_request_page_shows_its_coverage(rates, open_request, foundation, foundation_editor):
    services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, request=open_request,
        data=money("6000"), status="committed",
    )  # fmt: skip
    text = text_of(as_(None), open_request.get_absolute_url())
    assert "6,000 of 60,000 USD (10 %) funded, 0 pledged" in text
    assert f"/funding/contribute/?request={open_request.pk}" in text
    assert foundation.name in text


def test_the_project_page_shows_coverage_and_requirements_link(
    rates, public_project, project_runner, outsider
):
    url = public_project.get_absolute_url()
    requirements = reverse("funding:project_requirements", args=[public_project.pk])
    text = text_of(as_(outsider), url)
    assert "0 of 100,000 USD (0 %) funded, 0 pledged" in text
    assert "0 of 20 days (0 %) funded, 0 pledged" in text
    assert "Contribute" in text and requirements not in text
    assert requirements in text_of(as_(project_runner), url)


def _more_requests(organisation, requester, secretariat, count):
    for _number in range(count):
        made = hub.request_create(
            actor=fresh(requester), organisation=organisation,
            data=request_data(requirements=[{"kind": "money", "description": "Costs",
                                             "quantity": Decimal(1000), "currency": "EUR"}]),
        )  # fmt: skip
        advance(made, "open", requester=fresh(requester), broker=fresh(secretariat))


def test_the_request_list_shows_coverage_in_fixed_queries(
    rates, open_request, organisation, requester, secretariat
):
    url = reverse("hub:request_list")
    with CaptureQueriesContext(connection) as few:
        text = text_of(as_(None), url)
    assert "0 of 60,000 USD (0 %) funded, 0 pledged" in text
    _more_requests(organisation, requester, secretariat, 4)
    with CaptureQueriesContext(connection) as many:
        text = text_of(as_(None), url)
    assert text.count("0 of 1,200 USD (0 %) funded") == 4
    assert len(many) == len(few)


def test_the_project_list_shows_coverage_in_fixed_queries(
    rates, public_project, government, organisation, project_runner
):
    url = reverse("projects:project_list")
    text_of(as_(None), url)  # caches filled on the first visit (content types) are not counted
    with CaptureQueriesContext(connection) as few:
        assert "0 of 100,000 USD" in text_of(as_(None), url)
    for _number in range(3):
        project = project_services.project_create(
            actor=fresh(project_runner), organisation=government,
            data=project_data(government, organisation), status=ProjectStatus.IMPLEMENTATION,
        )  # fmt: skip
        services.project_requirements_set(
            actor=fresh(project_runner), project=project,
            lines=[{"kind": "money", "description": "Ops", "quantity": Decimal(500),
                    "currency": "USD"}],
        )  # fmt: skip
    with CaptureQueriesContext(connection) as many:
        assert text_of(as_(None), url).count("0 of 500 USD (0 %) funded") == 3
    assert len(many) == len(few)


def test_the_dashboard_and_the_country_page(rates, open_request, foundation, foundation_editor):
    services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, request=open_request,
        data=money("3000"), status="committed",
    )  # fmt: skip
    text = text_of(as_(foundation_editor), reverse("accounts:dashboard"))
    assert "Your contributions" in text and "3,000.00 USD" in text
    text = text_of(as_(None), open_request.country.get_absolute_url())
    assert "3,000 of 60,000 USD (5 %) funded, 0 pledged" in text


def test_a_project_from_a_match_shows_the_request_it_answers(
    rates, open_request, organisation, requester, government, foundation, foundation_editor
):
    """Money given to the request stays on the request; the project's page shows that coverage
    under the project's own, to those who may read the request."""
    provider = OrganisationFactory(type="civil_society")
    provider_editor = MembershipFactory(organisation=provider, role="editor").user
    offer = hub.offer_create(actor=fresh(provider_editor), organisation=provider, data=offer_data())
    hub.offer_publish(actor=fresh(provider_editor), offer=offer)
    match = Match.objects.create(
        request=open_request, offer=offer, score=0.8, computed_at=timezone.now(),
        explanation={"score": 0.8, "values": {}, "weights": {}}, in_request_top=True,
    )  # fmt: skip
    project = project_services.project_create(
        actor=fresh(requester), organisation=organisation, matches=[match],
        data=project_data(organisation, provider), status=ProjectStatus.IMPLEMENTATION,
    )  # fmt: skip
    services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, request=open_request,
        data=money("6000"), status="committed",
    )  # fmt: skip
    page = text_of(as_(None), project.get_absolute_url())
    assert "The request it answers: “" in page and open_request.title in page
    assert "6,000 of 60,000 USD (10 %) funded" in page
