"""What a country's review pack holds, as each reader may see it, and what it costs."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.core.permissions import Visibility
from passerelle.projects.choices import ParticipantRole, Progress
from passerelle.reviews.pack import country_pack

from .conftest import fresh, publish_cycle

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


def titles(pack) -> list[str]:
    return [row.project.title for row in pack.projects]


def test_the_projects_in_the_country_with_their_participants_and_progress(
    senegal, ghana, make_project, approved, project, accountable, implementer, donor
):
    make_project(title="Elsewhere", countries=[(ghana, None)])
    pack = country_pack(senegal, user=ANONYMOUS)

    assert titles(pack) == [project.title]
    row = pack.projects[0]
    assert row.percent is not None and row.percent > 0
    assert row.participants == [
        (ParticipantRole.FUNDING.label, [donor]),
        (ParticipantRole.ACCOUNTABLE.label, [accountable]),
        (ParticipantRole.IMPLEMENTING.label, [implementer]),
    ]
    assert ("projects", 1) in pack.summary()


def test_a_private_project_is_for_its_members_only(senegal, make_project, runner, implementer):
    make_project(title="Private partnership", visibility=Visibility.PRIVATE)
    make_project(title="Public partnership")
    outsider = MembershipFactory(organisation=OrganisationFactory(), role="admin").user

    assert titles(country_pack(senegal, user=ANONYMOUS)) == ["Public partnership"]
    assert titles(country_pack(senegal, user=outsider)) == ["Public partnership"]
    member = MembershipFactory(organisation=implementer, role="viewer").user
    for user in (fresh(runner), member):
        assert set(titles(country_pack(senegal, user=user))) == {
            "Private partnership",
            "Public partnership",
        }


def test_each_indicator_against_its_targets(senegal, project, approved, open_period):
    pack = country_pack(senegal, user=ANONYMOUS)
    by_title = {row.indicator.title: row for row in pack.indicators}

    # Impact first, then the outcome and the output, as the results framework reads.
    assert [row.result.title for row in pack.indicators] == [
        "Safer borders",
        "Screening works",
        "Officials trained",
    ]
    trained = by_title["Officials trained"]
    periods = list(project.periods.order_by("start"))
    assert trained.baseline == Decimal(0)
    assert trained.latest_actual == Decimal(12)
    assert trained.latest_period == open_period
    assert trained.final_target == Decimal(10 * len(periods))
    assert trained.percent == pytest.approx(12 / (10 * len(periods)) * 100)
    assert trained.standing in Progress.values and trained.standing != Progress.NO_DATA
    share = by_title["Border posts applying screening"]
    assert share.baseline == Decimal(20)
    assert share.latest_actual is None and share.latest_period is None
    assert share.standing == Progress.NO_DATA and share.percent is None
    assert pack.projects[0].indicators == pack.indicators


def test_an_actual_not_yet_approved_does_not_count(
    senegal, results_framework, reporter, open_period
):
    from passerelle.projects import services

    services.value_save(
        actor=fresh(reporter), indicator=results_framework["trained"], period=open_period,
        data=services.ValueData(actual=Decimal(12), disaggregation={}), expected_version=None,
    )  # fmt: skip
    services.values_submit(actor=fresh(reporter), period=open_period)
    for user in (ANONYMOUS, fresh(reporter)):
        trained = country_pack(senegal, user=user).indicators[-1]
        assert trained.latest_actual is None and trained.standing == Progress.NO_DATA


def test_assessments_over_time_with_the_change_between_cycles(senegal, ghana, cycles, ministry):
    organisation, admin = ministry
    elsewhere = OrganisationFactory(
        type="national_government", verification_status="verified", country=ghana
    )
    publish_cycle(elsewhere, MembershipFactory(organisation=elsewhere, role="admin").user, "GH", 3)
    from passerelle.assessments import services
    from passerelle.assessments.models import FrameworkVersion

    services.assessment_open(
        actor=admin, organisation=organisation,
        version=FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL"),
        title="Draft 2028", scope="national", language="en",
    )  # fmt: skip

    for user in (ANONYMOUS, fresh(admin)):  # drafts stay out, even for the ministry's members
        pack = country_pack(senegal, user=user)
        [series] = pack.assessments
        assert series.organisation == organisation
        assert [cycle.assessment for cycle in series.cycles] == list(cycles)
        assert series.has_change
        rights = next(row for row in series.rows if row.code == "RIGHTS")
        assert rights.name == "Migrants' rights"
        assert rights.cells == [(200.0, None), (400.0, 200.0)]
        assert rights.overall == 200.0
        unanswered = next(row for row in series.rows if row.code == "WGA")
        assert unanswered.cells == [(None, None), (None, None)] and unanswered.overall is None
        assert ("published capacity assessments", 2) in pack.summary()


def test_a_single_cycle_has_no_change(senegal, ministry):
    organisation, admin = ministry
    publish_cycle(organisation, admin, "National assessment 2026", 3)
    [series] = country_pack(senegal, user=ANONYMOUS).assessments
    assert not series.has_change
    assert next(row for row in series.rows if row.code == "RIGHTS").cells == [(300.0, None)]


def test_the_requests_for_support_of_the_country_organisations(
    senegal, make_request, runner, accountable
):
    published = make_request("open", title="Border training")
    make_request("draft", title="Registry draft")
    other = OrganisationFactory(type="civil_society")  # no country
    MembershipFactory(organisation=other, role="editor")

    pack = country_pack(senegal, user=ANONYMOUS)
    [row] = pack.requests
    assert row.request == published
    assert row.request.organisation == accountable
    assert row.capacity_areas == ["Border management systems"]
    assert row.date == published.published_at.date()
    assert row.request.get_status_display() == "Open"

    member_pack = country_pack(senegal, user=fresh(runner))
    assert {row.request.title for row in member_pack.requests} == {
        "Border training",
        "Registry draft",
    }
    summary = dict(member_pack.summary())
    assert summary["requests for support"] == 2 and summary["requests open for support"] == 1


def test_the_pledges_of_the_country_organisations(senegal, make_pledge, runner):
    published = make_pledge("published", title="Training 200 officials")
    make_pledge("draft", title="A draft pledge")
    assert country_pack(senegal, user=ANONYMOUS).pledges == [published]
    assert len(country_pack(senegal, user=fresh(runner)).pledges) == 2


def test_an_empty_pack(senegal):
    pack = country_pack(senegal, user=ANONYMOUS)
    assert (pack.assessments, pack.requests, pack.projects, pack.pledges) == ([], [], [], [])
    assert not pack.has_demo
    assert all(value == 0 for _label, value in pack.summary())


def test_demo_data_is_known(senegal, project):
    type(project).objects.filter(pk=project.pk).update(is_demo=True)
    assert country_pack(senegal, user=ANONYMOUS).has_demo


# --- Queries ----------------------------------------------------------------------------------


def _framework(project, runner):
    """A result and an indicator with a target on each period."""
    from passerelle.projects import services
    from passerelle.projects.choices import Measure, ResultType

    result = services.result_create(
        actor=fresh(runner), project=project,
        data=services.ResultData(type=ResultType.OUTCOME, title="Screening works"),
    )  # fmt: skip
    indicator = services.indicator_create(
        actor=fresh(runner), result=result,
        data=services.IndicatorData(title="Posts screening", measure=Measure.UNIT),
    )  # fmt: skip
    for n, period in enumerate(project.periods.all(), start=1):
        services.target_set(actor=fresh(runner), indicator=indicator, period=period, target=n)


def _queries(senegal, user) -> int:
    with CaptureQueriesContext(connection) as captured:
        country_pack(senegal, user=user)
    return len(captured)


def test_the_queries_do_not_grow_with_the_rows(
    senegal, make_project, runner, make_request, make_pledge, cycles
):
    def add(count):
        for n in range(count):
            project = make_project(title=f"Partnership {n}")
            _framework(project, runner)
            make_request("open", title=f"Request {n}")
            make_pledge("published", title=f"Pledge {n}")

    add(2)
    country_pack(senegal, user=ANONYMOUS)  # the progress rules' row is written on first read
    counts = {
        "anonymous": [_queries(senegal, ANONYMOUS)],
        "member": [_queries(senegal, fresh(runner))],
    }
    add(6)
    counts["anonymous"].append(_queries(senegal, ANONYMOUS))
    counts["member"].append(_queries(senegal, fresh(runner)))
    pack = country_pack(senegal, user=ANONYMOUS)
    assert len(pack.projects) == len(pack.requests) == len(pack.pledges) == 8
    assert len(pack.indicators) == 8
    for persona, (few, many) in counts.items():
        assert few == many, (persona, few, many)
        assert many <= 20, (persona, many)
