"""Projects in the API: who sees which project, a project in full with its progress and the
matches it came from, the portfolio's filters, the results framework, the reporting periods and
the values — actuals before approval for the project's members only — and reporting through the
API (save, submit, approve, return) with the services' answers as 403, 400 and 409. Every list
costs a fixed number of queries."""

import math
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country, Region
from passerelle.hub.models import SupportRequest
from passerelle.projects import services
from passerelle.projects.choices import Measure, ParticipantRole, ProjectStatus, ResultType, Scope
from passerelle.projects.models import Indicator, PeriodValue
from passerelle.projects.periods import locks_on
from passerelle.taxonomy.models import CapacityArea, GCMObjective, GuidingPrinciple

from .conftest import days, fresh

pytestmark = pytest.mark.django_db

PROJECTS = "/api/v1/projects/"
VALUES = "/api/v1/project-values/"
PERIODS = "/api/v1/project-periods/"


def detail(project) -> str:
    return f"{PROJECTS}{project.pk}/"


@pytest.fixture
def api():
    return APIClient()


def as_(api, user):
    """The client acting as `user` (None: anonymous), a fresh object each time."""
    api.force_authenticate(fresh(user))
    return api


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def each_visibility(make_project):
    return {
        visibility: make_project(visibility=visibility, title=f"A {visibility} project")
        for visibility in Visibility.values
    }


PUBLIC = {"public"}
SHARED = {"public", "shared"}
EVERY = {"public", "shared", "private"}


@pytest.mark.parametrize(
    "who, sees",
    [
        (None, PUBLIC),
        ("outsider", PUBLIC),
        ("secretariat", SHARED),
        ("implementer_viewer", EVERY),
        ("donor_editor", EVERY),
        ("runner", EVERY),
    ],
)
def test_who_sees_which_project(request, api, each_visibility, who, sees):
    client = as_(api, request.getfixturevalue(who) if who else None)
    assert ids(client.get(PROJECTS)) == {each_visibility[v].pk for v in sees}
    for visibility, project in each_visibility.items():
        response = client.get(detail(project))
        assert response.status_code == (200 if visibility in sees else 404), (who, visibility)
        response = client.get(f"{detail(project)}results/")
        assert response.status_code == (200 if visibility in sees else 404), (who, visibility)


def test_a_project_in_full(api, make_project, accountable, implementer, donor):
    project = make_project(
        scope=Scope.MULTI_NATIONAL, visibility=Visibility.SHARED,
        countries=[(Country.objects.get(iso3="SEN"), Decimal(60)),
                   (Country.objects.get(iso3="GMB"), Decimal(40))],
        guiding_principles=list(GuidingPrinciple.objects.filter(number__in=[1, 4])),
        human_rights_marker=2, objectives="Every border post has trained staff.",
    )  # fmt: skip
    member = MembershipFactory(organisation=donor, role="viewer").user
    body = as_(api, member).get(detail(project)).json()
    assert body["url"] == f"http://testserver{detail(project)}"
    assert body["html_url"] == f"http://testserver/en/projects/{project.pk}/"
    assert body["iati_xml"] == f"http://testserver/en/projects/{project.pk}/iati.xml"
    assert (body["id"], body["title"], body["language"]) == (
        project.pk, "Border officials trained in screening", "en",
    )  # fmt: skip
    assert body["objectives"] == "Every border post has trained staff."
    assert body["status"] == {"code": 2, "label": "Implementation"}
    assert body["scope"] == {"code": 3, "label": "Multi-national"}
    assert body["visibility"] == "shared"
    assert (body["planned_start"], body["planned_end"]) == (
        days(-400).isoformat(), days(330).isoformat(),
    )  # fmt: skip
    # Recorded as running: it started when planned (or today, were that earlier).
    assert (body["actual_start"], body["actual_end"]) == (days(-400).isoformat(), None)
    assert body["recorded_by"] == {
        "id": accountable.pk, "slug": accountable.slug, "name": accountable.name,
        "iati_type": "10",
    }  # fmt: skip
    roles = {(p["organisation"]["id"], p["role"]["code"]) for p in body["participants"]}
    assert roles == {(accountable.pk, 2), (implementer.pk, 4), (donor.pk, 1)}
    funding = next(p for p in body["participants"] if p["role"]["code"] == 1)
    assert funding["role"]["label"] == "Funding"
    assert funding["organisation"]["iati_type"] == donor.iati_type
    assert body["countries"] == [
        {"country": "GMB", "percentage": "40.00"},
        {"country": "SEN", "percentage": "60.00"},
    ]
    assert body["regions"] == []
    assert body["capacity_areas"] == ["BORD"]
    assert body["gcm_objectives"] == [11]
    assert sorted(body["guiding_principles"]) == [1, 4]
    assert body["dac_sector"] == "15190"
    assert body["markers"] == {"gender": 1, "human_rights": 2, "child": None}
    assert body["matches"] == []
    assert body["progress"] is None
    # Nothing the API does not promise.
    assert not {"submission_key", "created_by", "is_demo"} & set(body)


def test_the_matches_show_what_the_caller_may_see(api, project, make_match, runner, secretariat):
    match = make_match("accepted")
    project.matches.add(match)
    full = {"match": match.pk, "request": match.request_id, "offer": match.offer_id}
    assert as_(api, runner).get(detail(project)).json()["matches"] == [full]
    assert as_(api, secretariat).get(detail(project)).json()["matches"] == [full]
    # The match is its parties' and the secretariat's; the request and the offer are public.
    assert as_(api, None).get(detail(project)).json()["matches"] == [
        {"match": None, "request": match.request_id, "offer": match.offer_id}
    ]
    SupportRequest.objects.filter(pk=match.request_id).update(status="withdrawn")
    assert as_(api, None).get(detail(project)).json()["matches"] == [
        {"match": None, "request": None, "offer": match.offer_id}
    ]


@pytest.fixture
def portfolio(make_project, accountable, implementer, donor):
    other = OrganisationFactory(type="un_agency")
    return {
        "border": make_project(title="Border"),
        "data": make_project(
            ProjectStatus.PIPELINE, title="Data",
            countries=[(Country.objects.get(iso3="FRA"), None)],
            capacity_areas=[CapacityArea.objects.get(code="DATA")],
            gcm_objectives=[GCMObjective.objects.get(number=1)],
            participants=[(accountable, ParticipantRole.ACCOUNTABLE),
                          (other, ParticipantRole.IMPLEMENTING),
                          (implementer, ParticipantRole.FUNDING)],
        ),
        "sahel": make_project(
            title="Sahel", scope=Scope.REGIONAL, countries=[],
            regions=[(Region.objects.get(code="011"), None)],
        ),
        "other": other,
    }  # fmt: skip


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"border", "data", "sahel"}),
        ({"status": "1"}, {"data"}),
        ({"status": "2"}, {"border", "sahel"}),
        ({"country": "FRA"}, {"data"}),
        ({"country": "SEN"}, {"border"}),
        ({"region": "011"}, {"border", "sahel"}),  # a country in it, or the region itself
        ({"region": "002"}, {"border", "sahel"}),  # Africa holds Western Africa
        ({"region": "150"}, {"data"}),
        ({"capacity_area": "DATA"}, {"data"}),
        ({"objective": "11"}, {"border", "sahel"}),
        ({"scope": "2"}, {"sahel"}),
        ({"q": "sahel"}, {"sahel"}),
    ],
)
def test_filters(api, portfolio, params, expected):
    assert ids(api.get(PROJECTS, params)) == {portfolio[key].pk for key in expected}


def test_the_organisation_filter_with_and_without_its_role(api, portfolio, implementer):
    assert ids(api.get(PROJECTS, {"organisation": portfolio["other"].slug})) == {
        portfolio["data"].pk
    }
    everywhere = {portfolio[key].pk for key in ("border", "data", "sahel")}
    assert ids(api.get(PROJECTS, {"organisation": implementer.slug})) == everywhere
    implementing = api.get(PROJECTS, {"organisation": implementer.slug, "role": "4"})
    assert ids(implementing) == everywhere - {portfolio["data"].pk}
    funding = api.get(PROJECTS, {"organisation": implementer.slug, "role": "1"})
    assert ids(funding) == {portfolio["data"].pk}


@pytest.mark.parametrize(
    "params",
    [{"status": "9"}, {"country": "XXX"}, {"region": "999"}, {"capacity_area": "NOPE"},
     {"objective": "99"}, {"role": "7"}],
)  # fmt: skip
def test_a_bad_filter_is_answered_400(api, portfolio, params):
    response = api.get(PROJECTS, params)
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == set(params)


@pytest.fixture
def reported(project, framework, open_period, reporter, runner):
    """In the current period: "share" approved (30 %), "trained" submitted (12 officials),
    "story" a draft (no target)."""
    for indicator, figure in ((framework["trained"], 12), (framework["share"], 30)):
        services.value_save(
            actor=fresh(reporter), indicator=indicator, period=open_period,
            data=services.ValueData(actual=Decimal(figure)), expected_version=0,
        )  # fmt: skip
    services.values_submit(actor=fresh(reporter), period=open_period)
    approved = PeriodValue.objects.get(indicator=framework["share"], period=open_period)
    services.value_approve(actor=fresh(runner), value=approved)
    services.value_save(
        actor=fresh(reporter), indicator=framework["story"], period=open_period,
        data=services.ValueData(narrative="Fewer people turned back."), expected_version=None,
    )  # fmt: skip
    return {
        name: PeriodValue.objects.get(indicator=framework[name], period=open_period)
        for name in ("trained", "share", "story")
    }


def test_the_results_framework(api, project, framework, reported):
    body = api.get(f"{detail(project)}results/").json()
    assert [row["title"] for row in body] == ["Safer borders", "Screening works",
                                              "Officials trained"]  # fmt: skip
    impact, outcome, output = body
    assert (impact["parent"], outcome["parent"], output["parent"]) == (
        None, framework["impact"].pk, framework["outcome"].pk,
    )  # fmt: skip
    assert impact["type"] == {"code": ResultType.IMPACT, "label": "Impact"}
    assert (output["weight"], output["description"]) == (1, "")
    [trained] = output["indicators"]
    assert trained["id"] == framework["trained"].pk
    assert trained["measure"] == {"code": Measure.UNIT, "label": "Unit"}
    assert (trained["unit"], trained["ascending"], trained["baseline_value"]) == (
        "officials", True, "0.00",
    )  # fmt: skip
    assert trained["baseline_date"] == project.planned_start.isoformat()
    assert trained["dimensions"] == [{"dimension": "sex", "categories": ["Female", "Male"]}]
    assert (trained["reporter"], trained["capacity_area"], trained["gcm_objective"]) == (
        None, None, None,
    )  # fmt: skip
    # Only approved values count: the submitted 12 officials do not yet.
    assert (trained["standing"], trained["percent"], output["progress"]) == ("no_data", None, None)
    [share] = outcome["indicators"]
    assert share["standing"] in {"on_track", "at_risk", "off_track"}
    assert share["percent"] > 0
    assert outcome["progress"] == pytest.approx(share["percent"])
    [story] = impact["indicators"]
    assert (story["standing"], story["percent"]) == ("no_data", None)
    progress = api.get(detail(project)).json()["progress"]
    assert progress == pytest.approx(share["percent"], abs=0.01)


def by_indicator(response, framework) -> dict:
    assert response.status_code == 200, response.content
    names = {indicator.pk: name for name, indicator in framework.items()}
    return {names[row["indicator"]]: row for row in response.json()["results"]}


def test_members_read_every_value(api, framework, open_period, reported, implementer_viewer):
    client = as_(api, implementer_viewer)
    rows = by_indicator(client.get(VALUES, {"period": open_period.pk}), framework)
    assert set(rows) == {"trained", "share", "story"}
    trained = rows["trained"]
    assert (trained["status"], trained["actual"], trained["target"]) == (
        "submitted", "12.00", f"{reported['trained'].target:.2f}",
    )  # fmt: skip
    assert trained["period"] == {
        "id": open_period.pk, "start": open_period.start.isoformat(),
        "end": open_period.end.isoformat(),
    }  # fmt: skip
    assert trained["project"] == open_period.project_id
    assert trained["submitted_at"] and trained["lock_version"] == 1
    assert (rows["story"]["status"], rows["story"]["narrative"]) == (
        "draft", "Fewer people turned back.",
    )  # fmt: skip
    drafts = client.get(VALUES, {"period": open_period.pk, "status": "draft"})
    assert set(by_indicator(drafts, framework)) == {"story"}


@pytest.mark.parametrize("who", [None, "outsider", "secretariat"])
def test_others_read_approved_values_and_targets(
    request, api, framework, open_period, reported, who
):
    client = as_(api, request.getfixturevalue(who) if who else None)
    rows = by_indicator(client.get(VALUES, {"period": open_period.pk}), framework)
    # The draft without a target is left out; the submitted value shows its target only.
    assert set(rows) == {"trained", "share"}
    share = rows["share"]
    assert (share["status"], share["actual"], share["target"]) == (
        "approved", "30.00", f"{reported['share'].target:.2f}",
    )  # fmt: skip
    assert share["reviewed_at"]
    trained = rows["trained"]
    assert trained["target"] is not None
    hidden = ["actual", "narrative", "disaggregation", "evidence_url", "status", "submitted_at",
              "reviewed_at", "review_comment", "lock_version"]  # fmt: skip
    assert all(trained[name] is None for name in hidden), trained
    # Nor does a status filter reveal what is not approved.
    assert ids(client.get(VALUES, {"status": "submitted"})) == set()
    assert ids(client.get(VALUES, {"status": "draft"})) == set()
    assert ids(client.get(VALUES, {"status": "approved"})) == {reported["share"].pk}
    assert client.get(f"{VALUES}{reported['story'].pk}/").status_code == 404


def test_values_follow_the_project(api, make_project, framework, project, reported, secretariat):
    project.visibility = Visibility.PRIVATE
    project.save(update_fields=["visibility"])
    assert ids(as_(api, None).get(VALUES)) == set()
    assert ids(as_(api, secretariat).get(VALUES)) == set()
    assert ids(as_(api, None).get(PERIODS)) == set()
    assert as_(api, None).get(f"{VALUES}{reported['share'].pk}/").status_code == 404


def test_the_value_filters(api, make_project, framework, open_period, reported):
    other = make_project(title="Another project")
    assert ids(api.get(VALUES, {"project": other.pk})) == set()
    project_values = ids(api.get(VALUES, {"project": open_period.project_id, "page_size": 200}))
    assert reported["share"].pk in project_values
    assert ids(api.get(VALUES, {"indicator": framework["share"].pk, "period": open_period.pk})) == {
        reported["share"].pk
    }
    response = api.get(VALUES, {"status": "lost", "period": "x"})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"status", "period"}


def test_periods_with_their_counts(
    api, project, framework, open_period, reported, implementer_viewer
):
    rows = {
        row["id"]: row
        for row in as_(api, implementer_viewer)
        .get(PERIODS, {"project": project.pk})
        .json()["results"]
    }
    assert set(rows) == set(project.periods.values_list("pk", flat=True))
    current = rows[open_period.pk]
    assert (current["project"], current["start"], current["end"]) == (
        project.pk, open_period.start.isoformat(), open_period.end.isoformat(),
    )  # fmt: skip
    assert current["locks_on"] == locks_on(open_period.end, project.lock_after_days).isoformat()
    assert current["values"] == {"draft": 1, "submitted": 1, "returned": 0, "approved": 1}
    other = next(row for pk, row in rows.items() if pk != open_period.pk)
    assert other["values"] == {"draft": 2, "submitted": 0, "returned": 0, "approved": 0}
    public = as_(api, None).get(f"{PERIODS}{open_period.pk}/").json()
    assert public["values"] == {"draft": None, "submitted": None, "returned": None, "approved": 1}


def entry(indicator, period, **overrides) -> dict:
    return {"indicator": indicator.pk, "period": period.pk, "lock_version": 0, **overrides}


def test_the_reporter_saves_an_actual(api, framework, open_period, reporter):
    client = as_(api, reporter)
    response = client.post(
        VALUES,
        entry(framework["trained"], open_period, actual="12", narrative="Two courses.",
              disaggregation={"sex": {"Female": "5", "Male": "7"}},
              evidence_url="https://example.org/attendance.pdf"),
        format="json",
    )  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["actual"], body["status"], body["lock_version"]) == ("12.00", "draft", 1)
    assert body["disaggregation"] == {"sex": {"Female": "5.00", "Male": "7.00"}}
    value = PeriodValue.objects.get(indicator=framework["trained"], period=open_period)
    assert (value.actual, value.narrative, value.entered_by_id) == (
        Decimal(12), "Two courses.", reporter.pk,
    )  # fmt: skip
    again = client.post(
        VALUES, entry(framework["trained"], open_period, actual="14", lock_version=1),
        format="json",
    )  # fmt: skip
    assert again.status_code == 200 and again.json()["lock_version"] == 2


@pytest.mark.parametrize(
    "who, code",
    [(None, 401), ("outsider", 403), ("runner", 403), ("implementer_viewer", 403),
     ("secretariat", 403)],
)  # fmt: skip
def test_others_may_not_save_an_actual(request, api, framework, open_period, who, code):
    client = as_(api, request.getfixturevalue(who) if who else None)
    response = client.post(VALUES, entry(framework["trained"], open_period, actual="3"))
    assert response.status_code == code
    assert response.json()["error"]["status"] == code
    assert (
        PeriodValue.objects.get(indicator=framework["trained"], period=open_period).actual is None
    )


def test_a_private_project_is_not_found_for_writing(api, project, framework, open_period, outsider):
    project.visibility = Visibility.PRIVATE
    project.save(update_fields=["visibility"])
    response = as_(api, outsider).post(VALUES, entry(framework["trained"], open_period, actual=3))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"indicator": "share", "actual": "150"}, "actual", "A percentage is from 0 to 100."),
        ({"actual": "lots"}, "actual", "A valid number is required."),
        ({"actual": "12", "disaggregation": {"sex": {"Female": "5", "Male": "6"}}},
         "disaggregation", "The figures by sex add up to 11.00, not the 12.00 reported."),
        ({"indicator": "story", "actual": "3"}, "actual",
         "This indicator is reported in words: use the narrative."),
        ({"evidence_url": "not a link"}, "evidence_url",
         "Give a web address starting with https://."),
        ({"lock_version": None}, "lock_version", "This field may not be null."),
    ],
)  # fmt: skip
def test_bad_input_is_a_400_and_nothing_is_written(
    api, framework, open_period, reporter, overrides, field, message
):
    overrides = dict(overrides)
    indicator = framework[overrides.pop("indicator", "trained")]
    response = as_(api, reporter).post(
        VALUES, entry(indicator, open_period, **overrides), format="json"
    )
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (400, "invalid")
    assert message in error["fields"][field]
    assert not PeriodValue.objects.filter(period=open_period, lock_version__gt=0).exists()


def test_a_locked_period_or_another_projects_indicator_is_refused(
    api, make_project, framework, locked_period, open_period, reporter
):
    client = as_(api, reporter)
    locked = client.post(VALUES, entry(framework["trained"], locked_period, actual="3"))
    assert locked.status_code == 400
    assert "This period is locked" in locked.json()["error"]["fields"]["non_field_errors"][0]
    other = make_project(title="Another project")
    elsewhere = other.periods.get(start__lte=days(0), end__gte=days(0))
    response = client.post(VALUES, entry(framework["trained"], elsewhere, actual="3"))
    assert response.json()["error"]["fields"] == {
        "non_field_errors": ["This indicator belongs to another project."]
    }


def test_a_stale_save_is_a_409_with_the_current_value(api, framework, open_period, reporter):
    client = as_(api, reporter)
    first = client.post(VALUES, entry(framework["trained"], open_period, actual="12"))
    assert first.status_code == 200
    stale = client.post(VALUES, entry(framework["trained"], open_period, actual="13"))
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert (error["status"], error["code"]) == (409, "conflict")
    assert "nothing was written" in error["message"]
    assert (error["current"]["actual"], error["current"]["lock_version"]) == ("12.00", 1)
    value = PeriodValue.objects.get(indicator=framework["trained"], period=open_period)
    assert (value.actual, value.lock_version) == (Decimal(12), 1)


def test_submit_approve_and_return(api, framework, open_period, reporter, runner):
    reporting = as_(api, reporter)
    for name in ("trained", "share"):
        saved = reporting.post(VALUES, entry(framework[name], open_period, actual="20"))
        assert saved.status_code == 200, saved.content
    submit = f"{PERIODS}{open_period.pk}/submit/"
    assert as_(api, runner).post(submit).status_code == 403
    assert as_(api, reporter).post(submit).json() == {"submitted": 2}
    nothing_left = as_(api, reporter).post(submit)
    assert nothing_left.status_code == 400
    trained, share = (
        PeriodValue.objects.get(indicator=framework[name], period=open_period)
        for name in ("trained", "share")
    )
    assert as_(api, reporter).post(f"{VALUES}{trained.pk}/approve/").status_code == 403
    assert as_(api, None).post(f"{VALUES}{trained.pk}/approve/").status_code == 401
    approved = as_(api, runner).post(f"{VALUES}{trained.pk}/approve/")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    again = as_(api, runner).post(f"{VALUES}{trained.pk}/approve/")
    assert again.status_code == 400
    returned = f"{VALUES}{share.pk}/return/"
    empty = as_(api, runner).post(returned, {"comment": " "})
    assert empty.status_code == 400
    assert empty.json()["error"]["fields"] == {"comment": ["Say what should be fixed."]}
    response = as_(api, runner).post(returned, {"comment": "Which posts?"})
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["review_comment"]) == (
        "returned", "Which posts?",
    )  # fmt: skip


def _small_framework(project, runner):
    actor = fresh(runner)
    result = services.result_create(
        actor=actor, project=project,
        data=services.ResultData(type=ResultType.OUTPUT, title="Officials trained"),
    )  # fmt: skip
    indicator = services.indicator_create(
        actor=actor, result=result,
        data=services.IndicatorData(title="Trained", measure=Measure.UNIT),
    )  # fmt: skip
    period = project.periods.order_by("start").first()
    services.target_set(actor=actor, indicator=indicator, period=period, target=Decimal(10))
    PeriodValue.objects.filter(indicator=indicator).update(status="approved", actual=Decimal(4))


def queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


# The memberships; the count; the page; its participants, countries, regions, capacity areas,
# objectives, principles and matches; the progress (rules, periods, values, results, indicators).
PROJECT_LIST_BUDGET = 15


@pytest.mark.parametrize("who", [None, "implementer_viewer"])
def test_the_project_list_costs_a_fixed_number_of_queries(request, api, make_project, runner, who):
    person = request.getfixturevalue(who) if who else None
    counts, made = [], 0
    for total in (3, 12):
        for _ in range(total - made):
            _small_framework(make_project(), runner)
        made = total
        as_(api, person).get(PROJECTS)  # caches warmed (the progress rules, content types)
        counts.append(queries(as_(api, person), PROJECTS))
    assert counts[0] == counts[1] <= PROJECT_LIST_BUDGET, counts


# The memberships; the count; the page (visibility and approval are subqueries).
VALUE_LIST_BUDGET = 3


@pytest.mark.parametrize("who", [None, "implementer_viewer"])
def test_the_value_list_costs_a_fixed_number_of_queries(request, api, project, runner, who):
    person = request.getfixturevalue(who) if who else None
    periods = list(project.periods.order_by("start"))
    result = services.result_create(
        actor=fresh(runner), project=project,
        data=services.ResultData(type=ResultType.OUTPUT, title="Many counts"),
    )  # fmt: skip
    indicators = Indicator.objects.bulk_create(
        Indicator(result=result, title=f"Count {n}", measure=Measure.UNIT, position=n)
        for n in range(math.ceil(500 / len(periods)))
    )
    pairs = [(indicator, period) for indicator in indicators for period in periods]
    counts = []
    for total, done in ((50, 0), (500, 50)):
        PeriodValue.objects.bulk_create(
            PeriodValue(
                indicator=indicator, period=period, target=Decimal(10), actual=Decimal(n % 9),
                status="approved" if n % 2 else "submitted",
            )
            for n, (indicator, period) in enumerate(pairs[done:total], start=done)
        )  # fmt: skip
        counts.append(queries(as_(api, person), VALUES, {"page_size": 200}))
    assert counts[0] == counts[1] <= VALUE_LIST_BUDGET, counts


def test_the_period_list_costs_a_fixed_number_of_queries(api, make_project, implementer_viewer):
    make_project()
    few = queries(as_(api, implementer_viewer), PERIODS)
    for _ in range(4):
        make_project()
    assert few == queries(as_(api, implementer_viewer), PERIODS) <= 3


def test_the_schema_documents_the_endpoints(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/projects/", "/api/v1/projects/{id}/", "/api/v1/projects/{id}/results/",
        "/api/v1/project-values/", "/api/v1/project-values/{id}/",
        "/api/v1/project-values/{id}/approve/", "/api/v1/project-values/{id}/return/",
        "/api/v1/project-periods/", "/api/v1/project-periods/{id}/",
        "/api/v1/project-periods/{id}/submit/",
    ):  # fmt: skip
        assert path in paths, path
    assert "post" in paths["/api/v1/project-values/"]
    components = schema["components"]["schemas"]
    assert "Project" in components and "ProjectValueEntry" in components
