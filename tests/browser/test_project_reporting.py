"""Reporting on a project, DHIS2-style: the implementer enters the quarter's values (saved as they
type) and submits them; the accountable organisation returns one with a comment and approves
the other; the implementer fixes the returned value and submits it again; it is approved, and
the indicator's chart and the project's progress move."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.geo.models import Country
from passerelle.projects import services
from passerelle.projects.choices import Measure, ParticipantRole, ProjectStatus, ResultType, Scope
from passerelle.projects.models import PeriodValue
from passerelle.taxonomy.models import GCMObjective
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def enter(page, indicator, label, value):
    """Type a figure in an indicator's row and leave the field: autosave runs on change."""
    row = page.locator(f"#indicator-{indicator.pk}")
    field = row.get_by_label(re.compile(rf"^{label}:?$"))
    field.fill(value)
    field.press("Tab")


def wait_saved(page, indicator, count):
    """Wait for the row's status line, and for the save to reach the database."""
    expect(page.locator(f"#value-status-{indicator.pk}")).to_contain_text("Saved at")
    for _attempt in range(50):
        value = PeriodValue.objects.filter(indicator=indicator).first()
        if value is not None and value.lock_version >= count:
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"{indicator} was not saved {count} time(s)")


@pytest.fixture
def partnership(db):
    ministry = OrganisationFactory(
        name="Ministry of the Interior", type="national_government",
        verification_status="verified", country=Country.objects.get(iso3="SEN"),
    )  # fmt: skip
    ngo = OrganisationFactory(name="Border Watch Senegal", type="civil_society")
    runner = MembershipFactory(organisation=ministry, role="editor").user
    reporter = MembershipFactory(organisation=ngo, role="contributor").user
    today = timezone.localdate()
    project = services.project_create(
        actor=runner,
        organisation=ministry,
        status=ProjectStatus.IMPLEMENTATION,
        data=services.ProjectData(
            title="Screening at the border posts",
            description="Training the officials of every border post in protection-sensitive "
            "screening and referral.",
            planned_start=today - timedelta(days=200),
            planned_end=today + timedelta(days=400),
            scope=Scope.NATIONAL,
            countries=[(Country.objects.get(iso3="SEN"), None)],
            gcm_objectives=[GCMObjective.objects.get(number=11)],
            participants=[
                (ministry, ParticipantRole.ACCOUNTABLE),
                (ngo, ParticipantRole.IMPLEMENTING),
            ],
        ),
    )
    outcome = services.result_create(
        actor=runner, project=project,
        data=services.ResultData(type=ResultType.OUTCOME, title="Screening works"),
    )  # fmt: skip
    output = services.result_create(
        actor=runner, project=project,
        data=services.ResultData(type=ResultType.OUTPUT, title="Officials trained",
                                 parent=outcome),
    )  # fmt: skip
    trained = services.indicator_create(
        actor=runner, result=output,
        data=services.IndicatorData(
            title="Officials trained", measure=Measure.UNIT, unit="officials",
            baseline_value=Decimal(0), dimensions={"sex": ["Female", "Male"]},
        ),
    )  # fmt: skip
    share = services.indicator_create(
        actor=runner, result=outcome,
        data=services.IndicatorData(
            title="Border posts screening", measure=Measure.PERCENTAGE,
            baseline_value=Decimal(20),
        ),
    )  # fmt: skip
    period = project.periods.get(start__lte=today, end__gte=today)
    services.target_set(actor=runner, indicator=trained, period=period, target=Decimal(40))
    services.target_set(actor=runner, indicator=share, period=period, target=Decimal(60))
    return {"project": project, "period": period, "trained": trained, "share": share,
            "runner": runner, "reporter": reporter}  # fmt: skip


def test_a_quarter_is_reported_returned_fixed_and_approved(
    live_server, open_page, check_a11y, partnership
):
    project, trained, share = partnership["project"], partnership["trained"], partnership["share"]

    implementer = open_page()
    log_in(implementer, live_server, check_a11y, partnership["reporter"])
    implementer.goto(f"{live_server.url}{project.get_absolute_url()}")
    check_a11y(implementer)
    expect(implementer.get_by_text("No approved values yet").first).to_be_visible()
    click(implementer, check_a11y, "link", "Report this period's values")

    enter(implementer, trained, "Actual", "22")
    wait_saved(implementer, trained, 1)
    enter(implementer, trained, "Female", "12")
    enter(implementer, trained, "Male", "10")
    wait_saved(implementer, trained, 3)
    enter(implementer, share, "Actual", "30")
    wait_saved(implementer, share, 1)
    check_a11y(implementer)
    click(implementer, check_a11y, "button", "Submit my values for approval")
    expect(implementer.locator(".messages")).to_contain_text("2 value(s) submitted for approval.")

    approver = open_page()
    log_in(approver, live_server, check_a11y, partnership["runner"])
    approver.goto(f"{live_server.url}{partnership['period'].get_absolute_url()}")
    check_a11y(approver)
    row = approver.locator(f"#indicator-{share.pk}")
    row.get_by_label("What should be fixed").fill("The survey covered 8 posts of 25: count all.")
    click(approver, check_a11y, "button", "Return “Border posts screening” with this comment")
    expect(approver.locator(".messages")).to_contain_text("Returned with your comment")
    click(approver, check_a11y, "button", "Approve “Officials trained”")
    expect(approver.locator(".messages")).to_contain_text("Approved: Officials trained.")

    # The chart of the returned indicator has no approved figure yet.
    approver.goto(f"{live_server.url}/en/projects/{project.pk}/indicators/{share.pk}/")
    check_a11y(approver)
    table = approver.locator("figure.chart table")
    expect(table).not_to_contain_text("45")

    implementer.reload()
    check_a11y(implementer)
    expect(implementer.locator(f"#indicator-{share.pk}")).to_contain_text(
        "The survey covered 8 posts of 25: count all."
    )
    enter(implementer, share, "Actual", "45")
    wait_saved(implementer, share, 2)
    click(implementer, check_a11y, "button", "Submit my values for approval")
    expect(implementer.locator(".messages")).to_contain_text("1 value(s) submitted for approval.")

    approver.goto(f"{live_server.url}{partnership['period'].get_absolute_url()}")
    check_a11y(approver)
    click(approver, check_a11y, "button", "Approve “Border posts screening”")
    assert set(PeriodValue.objects.values_list("status", flat=True)) == {"approved"}

    # The chart moves: the approved actual is drawn and in its data table.
    approver.goto(f"{live_server.url}/en/projects/{project.pk}/indicators/{share.pk}/")
    check_a11y(approver)
    expect(approver.get_by_role("img", name="Approved actuals against the targets")).to_be_visible()
    expect(approver.locator("figure.chart table")).to_contain_text("45")
    approver.goto(f"{live_server.url}{project.get_absolute_url()}")
    check_a11y(approver)
    expect(approver.get_by_text("No approved values yet")).to_have_count(0)
