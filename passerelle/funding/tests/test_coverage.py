"""Coverage of requirements by contributions, exact to the cent: money in US dollars (the
requirement at today's rate, each contribution at its own), expert-days in days, in-kind items
by value; committed and paid count as funded, pledges apart, cancelled ones not at all."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from .. import coverage, services
from ..choices import ContributionKind
from .conftest import fresh, money

pytestmark = pytest.mark.django_db


def by_kind(rows):
    return {row.kind: row for row in rows}


def test_coverage_of_a_request(rates, open_request, foundation, foundation_editor, person):
    committed = services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, request=open_request,
        data=money("10000", "EUR", day=timezone.localdate() - datetime.timedelta(days=60)),
        status="committed",
    )  # fmt: skip
    assert committed.amount_usd == Decimal("11000.00")
    services.contribution_create(actor=fresh(person), data=money("2500.50"), request=open_request)
    services.contribution_create(
        actor=fresh(person), request=open_request, status="committed",
        data=money("1500", kind=ContributionKind.EXPERT_DAYS, description="Inspectors",
                   quantity=Decimal("12.5")),
    )  # fmt: skip
    services.contribution_create(
        actor=fresh(person), request=open_request,
        data=money("1200", kind=ContributionKind.EQUIPMENT, description="Two laptops"),
    )  # fmt: skip
    cancelled = services.contribution_create(actor=fresh(person), data=money(999),
                                             request=open_request)  # fmt: skip
    services.contribution_cancel(actor=fresh(person), contribution=cancelled, reason="Oops")

    rows = by_kind(coverage.for_requests([open_request.pk])[open_request.pk])
    cash, days, items = rows["money"], rows["expert_days"], rows["in_kind"]
    assert (cash.required, cash.funded, cash.pledged) == (
        Decimal("60000.00"), Decimal("11000.00"), Decimal("2500.50"),
    )  # fmt: skip
    assert (cash.percent_funded, cash.percent_pledged, cash.gap) == (18, 4, Decimal("49000.00"))
    assert (cash.bar_funded, cash.bar_pledged) == (18, 4)
    assert (days.required, days.funded, days.pledged) == (Decimal(40), Decimal("12.5"), 0)
    assert days.percent_funded == 31
    assert (items.required, items.funded, items.pledged) == (Decimal(3000), 0, Decimal(1200))


def test_coverage_of_many_projects_in_fixed_queries(
    rates, public_project, foundation, foundation_editor, django_assert_max_num_queries
):
    services.contribution_create(
        actor=fresh(foundation_editor), source_organisation=foundation, project=public_project,
        data=money("150000"), status="committed",
    )  # fmt: skip
    with django_assert_max_num_queries(5):
        found = coverage.for_projects([public_project.pk, 999_999])
    cash = by_kind(found[public_project.pk])["money"]
    assert (cash.percent_funded, cash.bar_funded, cash.bar_pledged, cash.gap) == (150, 100, 0, 0)
    assert found[999_999] == []


def test_a_requirement_without_an_exchange_rate_is_left_out_and_said(
    open_request, client, secretariat
):
    """No EUR rate is stored (no `rates` fixture): the 50,000 EUR line is not guessed at; the
    coverage says which currency it left out, on the request's page too."""
    (cash,) = [row for row in coverage.for_requests([open_request.pk])[open_request.pk]
               if row.kind == "money"]  # fmt: skip
    assert (cash.required, cash.unpriced) == (0, ("EUR",))
    page = client.get(open_request.get_absolute_url()).content.decode()
    assert "Not counted: requirements in EUR, which has no exchange rate yet" in page
