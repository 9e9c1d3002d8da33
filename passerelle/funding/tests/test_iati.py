"""A project's money in its IATI activity: budgets of twelve months at most that add up to the
requirement, the commitments, disbursements and expenditure of its contributions, the fund's
transfers traced to the fund's activity, anonymous people unnamed; valid against the official
schema, in a number of queries that does not grow with the projects."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from passerelle.projects import iati as project_iati
from passerelle.projects import services as project_services
from passerelle.projects.choices import ProjectStatus
from passerelle.projects.tests.conftest import project_data
from passerelle.projects.tests.test_iati import BASE_URL, schema  # noqa: F401

from .. import services
from ..iati import budget_periods, fund_activity_identifier, pro_rata
from .conftest import deposit, fresh, money


def activity_of(project, schema):  # noqa: F811
    project = project_iati.exportable_projects().get(pk=project.pk)
    content = project_iati.activities_document([project], base_url=BASE_URL)
    document = etree.fromstring(content)
    schema.assertValid(document)
    return document.find("iati-activity")


def transactions(activity, code):
    return activity.xpath("transaction[transaction-type/@code=$code]", code=code)


def test_periods_are_twelve_months_at_most_and_cover_the_dates():
    periods = budget_periods(date(2024, 3, 15), date(2026, 3, 20))
    assert periods == [
        (date(2024, 3, 15), date(2025, 3, 14)),
        (date(2025, 3, 15), date(2026, 3, 14)),
        (date(2026, 3, 15), date(2026, 3, 20)),
    ]
    assert budget_periods(date(2024, 2, 29), date(2025, 6, 1))[0] == (
        date(2024, 2, 29),
        date(2025, 2, 28),
    )
    assert budget_periods(date(2025, 1, 1), date(2025, 1, 1)) == [
        (date(2025, 1, 1), date(2025, 1, 1))
    ]


def test_pro_rata_shares_add_up_to_the_total_exactly():
    periods = budget_periods(date(2024, 1, 1), date(2026, 7, 4))
    for total in (Decimal("100000.00"), Decimal("0.01"), Decimal("33333.33"), Decimal("7")):
        shares = pro_rata(total, periods)
        assert sum(shares) == total
        assert all(share >= 0 and share == share.quantize(Decimal("0.01")) for share in shares)


def test_a_project_without_contributions_has_budgets_and_no_transactions(public_project, schema):  # noqa: F811
    activity = activity_of(public_project, schema)
    budgets = activity.findall("budget")
    periods = budget_periods(public_project.planned_start, public_project.planned_end)
    assert len(budgets) == len(periods) == 3
    values = [Decimal(b.findtext("value")) for b in budgets]
    assert sum(values) == Decimal("100000.00")
    for budget, (start, end) in zip(budgets, periods, strict=True):
        assert budget.find("period-start").get("iso-date") == start.isoformat()
        assert budget.find("period-end").get("iso-date") == end.isoformat()
        assert budget.find("value").get("currency") == "USD"
        assert budget.find("value").get("value-date") == start.isoformat()
        assert (end - start).days < 366
    assert activity.findall("transaction") == []
    # The schema's order: budgets after the policy markers, before the documents and results.
    tags = [child.tag for child in activity]
    assert tags.index("policy-marker") < tags.index("budget")


def test_budgets_in_several_currencies_are_converted_to_dollars(
    public_project,
    project_runner,
    rates,
    schema,  # noqa: F811
):
    services.project_requirements_set(
        actor=fresh(project_runner), project=public_project,
        lines=[
            {"kind": "money", "description": "Operations", "quantity": Decimal(1000),
             "currency": "USD"},
            {"kind": "money", "description": "Venue", "quantity": Decimal(500),
             "currency": "EUR"},
        ],
    )  # fmt: skip
    activity = activity_of(public_project, schema)
    values = [budget.find("value") for budget in activity.findall("budget")]
    assert {value.get("currency") for value in values} == {"USD"}
    # EUR at the latest rate, 1.20: 1,000 + 600.
    assert sum(Decimal(value.text) for value in values) == Decimal("1600.00")


def test_contributions_in_several_currencies(
    public_project, foundation, foundation_editor, state_donor, state_editor, project_runner,
    rates, schema,  # noqa: F811
):  # fmt: skip
    today = timezone.localdate()
    euros = services.contribution_create(
        actor=fresh(foundation_editor), data=money("20000", "EUR"), project=public_project,
        source_organisation=foundation, status="committed",
    )  # fmt: skip
    francs = services.contribution_create(
        actor=fresh(state_editor), data=money("5000000", "XOF"), project=public_project,
        source_organisation=state_donor, status="committed",
    )  # fmt: skip
    services.contribution_create(
        actor=fresh(state_editor),
        data=money("999", "USD"),
        project=public_project,
        source_organisation=state_donor,
    )  # a pledge: not a commitment yet
    services.disbursement_record(actor=fresh(foundation_editor), contribution=euros,
                                 amount=Decimal("15000"), on=today)  # fmt: skip
    services.disbursement_record(actor=fresh(state_editor), contribution=francs,
                                 amount=Decimal("5000000"), on=today)  # fmt: skip
    services.expenditure_record(actor=fresh(project_runner), contribution=euros,
                                amount=Decimal("4000.50"), on=today,
                                description="Training venue")  # fmt: skip
    activity = activity_of(public_project, schema)

    commitments = transactions(activity, "11")
    assert sorted((t.find("value").text, t.find("value").get("currency")) for t in commitments) == [
        ("20000.00", "EUR"),
        ("5000000.00", "XOF"),
    ]
    incoming = transactions(activity, "1")
    assert sorted(t.find("value").text for t in incoming) == ["15000.00", "5000000.00"]
    (spent,) = transactions(activity, "4")
    assert spent.find("value").text == "4000.50"
    assert spent.find("value").get("currency") == "EUR"
    assert spent.findtext("description/narrative") == "Training venue"
    identifier = project_iati.activity_identifier(public_project)
    for transaction in commitments + incoming:
        receiver = transaction.find("receiver-org")
        assert receiver.get("receiver-activity-id") == identifier
        assert (
            receiver.findtext("narrative")
            == public_project.participants.get(role=2).organisation.name
        )
    providers = {t.findtext("provider-org/narrative") for t in commitments}
    assert providers == {foundation.name, state_donor.name}
    assert {t.find("provider-org").get("type") for t in commitments} == {
        foundation.iati_type,
        state_donor.iati_type,
    }


def test_an_anonymous_person_is_not_named(public_project, person, schema):  # noqa: F811
    person.full_name = "Awa Diallo"
    person.save()
    services.contribution_create(
        actor=fresh(person), data=money("200", anonymous=True), project=public_project,
        status="committed",
    )  # fmt: skip
    activity = activity_of(public_project, schema)
    (commitment,) = transactions(activity, "11")
    assert commitment.findtext("provider-org/narrative") == "Individual contributor"
    assert "Awa Diallo" not in etree.tostring(activity, encoding="unicode")


def test_a_fund_transfer_names_the_fund_activity(
    fund,
    approved,
    foundation,
    foundation_editor,
    secretariat,
    schema,  # noqa: F811
):
    deposit(fund, foundation, foundation_editor, "150000")
    project = services.proposal_fund(actor=fresh(secretariat), proposal=approved)
    activity = activity_of(project, schema)
    (commitment,) = transactions(activity, "11")
    provider = commitment.find("provider-org")
    assert provider.get("provider-activity-id") == fund_activity_identifier(fund)
    assert provider.get("provider-activity-id") == (
        f"{settings.PROJECTS['IATI_PUBLISHER']['ref']}-FUND-{fund.slug}"
    )
    assert provider.findtext("narrative") == fund.name
    assert commitment.find("value").text == "120000.00"


def test_queries_do_not_grow_with_projects(
    public_project, make_other_project, foundation, foundation_editor, rates
):
    def export_queries():
        with CaptureQueriesContext(connection) as queries:
            project_iati.activities_document(project_iati.exportable_projects(), base_url=BASE_URL)
        return len(queries)

    give = lambda project: services.contribution_create(  # noqa: E731
        actor=fresh(foundation_editor), data=money("1000", "EUR"), project=project,
        source_organisation=foundation, status="committed",
    )  # fmt: skip
    give(public_project)
    one = export_queries()
    for _ in range(3):
        give(make_other_project())
    assert export_queries() == one


@pytest.fixture
def make_other_project(government, organisation, project_runner):
    def make():
        return project_services.project_create(
            actor=fresh(project_runner), organisation=government,
            data=project_data(government, organisation,
                              planned_end=timezone.localdate() + timedelta(days=30)),
            status=ProjectStatus.IMPLEMENTATION,
        )  # fmt: skip

    return make
