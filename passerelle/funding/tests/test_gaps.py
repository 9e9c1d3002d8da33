"""The public funding-gaps page: requirements against funding by capacity area, objective,
region and country, exact, in a fixed number of queries."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.hub import services as hub
from passerelle.hub.tests.conftest import advance, request_data
from passerelle.taxonomy.models import CapacityArea

from .. import services
from ..selectors.gaps import country_totals, funding_gaps
from .conftest import fresh, money

pytestmark = pytest.mark.django_db
URL = reverse("funding:funding_gaps")


def test_gaps_by_area_and_country(rates, open_request, public_project, foundation,
                                  foundation_editor, secretariat):  # fmt: skip
    services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, project=public_project,
        data=money("30000"), status="committed",
    )  # fmt: skip
    services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, request=open_request,
        data=money("5000"),
    )  # fmt: skip
    gaps = funding_gaps(user=secretariat)
    assert (gaps.requests, gaps.projects) == (1, 1)
    total = gaps.total.money
    assert (total.required, total.funded, total.pledged) == (
        Decimal("160000.00"), Decimal("30000.00"), Decimal("5000.00"),
    )  # fmt: skip
    assert gaps.total.days.required == Decimal(60)
    tables = {key: rows for key, _title, _heading, rows in gaps.tables}
    (senegal,) = tables["countries"]
    assert (senegal.label, senegal.items, senegal.money.gap) == ("Senegal", 2, Decimal("130000"))
    name = CapacityArea.objects.get(code="BORD").name
    border = next(row for row in tables["areas"] if row.label == name)
    assert border.items == 2
    senegal_totals = country_totals(user=secretariat, country=open_request.country)
    assert senegal_totals.money.funded == Decimal("30000.00")


def test_an_item_with_two_areas_counts_in_both(rates, organisation, requester, secretariat):
    areas = list(CapacityArea.objects.filter(code__in=["BORD", "WGWS"]))
    made = hub.request_create(
        actor=fresh(requester), organisation=organisation,
        data=request_data(capacity_areas=areas, requirements=[
            {"kind": "money", "description": "Costs", "quantity": Decimal(1000),
             "currency": "USD"}]),
    )  # fmt: skip
    advance(made, "open", requester=fresh(requester), broker=fresh(secretariat))
    gaps = funding_gaps(user=secretariat)
    rows = {key: rows for key, _t, _h, rows in gaps.tables}["areas"]
    assert [row.money.required for row in rows] == [Decimal(1000), Decimal(1000)]
    assert gaps.total.money.required == Decimal(1000)


def test_the_page_is_public_and_its_queries_fixed(
    rates, open_request, organisation, requester, secretariat, public_project
):
    with CaptureQueriesContext(connection) as few:
        response = Client().get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "By capacity area" in text and "counts in full under each" in text
    assert "<caption>" in text and 'scope="row"' in text
    for _number in range(4):
        made = hub.request_create(actor=fresh(requester), organisation=organisation,
                                  data=request_data())  # fmt: skip
        advance(made, "open", requester=fresh(requester), broker=fresh(secretariat))
    with CaptureQueriesContext(connection) as many:
        Client().get(URL)
    assert len(many) == len(few)
