"""Assessment cycles and benchmarks in the API: who sees which assessment, its scores and its
agreed answers, before and after publication; filters; bounded queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.assessments import services
from passerelle.assessments.models import Indicator
from passerelle.geo.models import Country

pytestmark = pytest.mark.django_db

LIST = "/api/v1/assessments/"
BENCHMARKS = "/api/v1/benchmarks/"


def detail(assessment, suffix=""):
    return f"{LIST}{assessment.pk}/{suffix}"


@pytest.fixture
def api():
    return APIClient()


def as_(api, user):
    """The client acting as `user` (None: anonymous), with a fresh user object each time so that
    nothing cached on it carries from one request to the next."""
    api.force_authenticate(User.objects.get(pk=user.pk) if user else None)
    return api


def indicator(version, code):
    return Indicator.objects.get(version=version, code=code)


def agree(assessment, actor, code, **fields):
    values = {"level": 2, "desired_level": 3, "priority": "high", "evidence": "A decree."}
    target = indicator(assessment.version, code)
    current = assessment.agreed_answers.filter(indicator=target).first()
    return services.agreed_answer_set(
        actor=actor,
        assessment=assessment,
        indicator=target,
        expected_version=current.lock_version if current else None,
        **{**values, **fields},
    )


def publish(assessment, focal_point, disclosure):
    services.assessment_submit(actor=focal_point, assessment=assessment)
    services.assessment_sign(actor=focal_point, assessment=assessment)
    services.assessment_publish(actor=focal_point, assessment=assessment, disclosure=disclosure)
    assessment.refresh_from_db()
    return assessment


@pytest.fixture
def answered(assessment, focal_point, ministry_contributor, national_version):
    """The draft assessment with agreed answers in two sections (RIGHTS and WGA); the ministry
    contributor is invited to RIGHTS and gave a view there."""
    agree(assessment, focal_point, "RIGHTS.1.1", links="https://example.org/decree")
    agree(assessment, focal_point, "WGA.1.1", level=3, desired_level=4, priority="low")
    services.assignment_add(
        actor=focal_point,
        assessment=assessment,
        domain=national_version.domains.get(code="RIGHTS"),
        user=ministry_contributor,
    )
    services.answer_save(
        actor=ministry_contributor,
        assessment=assessment,
        indicator=indicator(national_version, "RIGHTS.1.1"),
        expected_version=None,
        level=1,
        desired_level=3,
        evidence="Our ministry's view.",
    )
    return assessment


@pytest.fixture
def viewer(verified_government):
    return MembershipFactory(organisation=verified_government, role="viewer").user


def listed_ids(api, user, query=""):
    response = as_(api, user).get(LIST + query)
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


# --- Before publication -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "outsider", "secretariat"])
def test_an_unpublished_assessment_is_invisible_to_others(api, answered, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert answered.pk not in listed_ids(api, user)
    for suffix in ("", "scores/", "answers/"):
        response = as_(api, user).get(detail(answered, suffix))
        assert response.status_code == 404, (suffix, response.status_code)
        assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("member", ["focal_point", "viewer"])
def test_members_see_everything_of_their_draft(api, answered, member, request):
    user = request.getfixturevalue(member)
    assert listed_ids(api, user) == [answered.pk]
    body = as_(api, user).get(detail(answered)).json()
    assert body["status"] == "draft" and body["framework"] == "PASSERELLE-NATIONAL"
    scores = as_(api, user).get(detail(answered, "scores/"))
    assert scores.status_code == 200
    total = answered.applicable_indicators().count()
    assert scores.json()["coverage"] == {"answered": 2, "total": total}
    answers = as_(api, user).get(detail(answered, "answers/"))
    assert answers.status_code == 200
    assert [row["indicator"] for row in answers.json()] == ["RIGHTS.1.1", "WGA.1.1"]


def test_an_invited_contributor_sees_the_assessment_and_only_their_sections(
    api, answered, ministry_contributor
):
    assert listed_ids(api, ministry_contributor) == [answered.pk]
    assert as_(api, ministry_contributor).get(detail(answered)).status_code == 200
    # Scores are the organisation's until published.
    response = as_(api, ministry_contributor).get(detail(answered, "scores/"))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    # The agreed answers of the assigned section only, and never anyone's own view.
    answers = as_(api, ministry_contributor).get(detail(answered, "answers/"))
    assert answers.status_code == 200
    rows = answers.json()
    assert [(row["indicator"], row["domain"]) for row in rows] == [("RIGHTS.1.1", "RIGHTS")]
    assert rows[0]["level"] == 2  # the agreed level, not the contributor's view (1)
    assert "Our ministry's view." not in answers.content.decode()


def test_detail_shape(api, answered, focal_point, verified_government):
    verified_government.country = Country.objects.get(iso3="SEN")
    verified_government.save()
    body = as_(api, focal_point).get(detail(answered)).json()
    assert body["id"] == answered.pk
    assert body["url"].endswith(detail(answered))
    assert body["organisation"] == {
        "slug": verified_government.slug,
        "name": verified_government.name,
    }
    assert (body["country"], body["version"], body["scope"]) == ("SEN", "1.0", "national")
    assert (body["language"], body["disclosure"]) == ("en", "nothing")
    assert body["published_at"] is None and body["validated_at"] is None
    assert body["baseline"] is None


def test_answer_shape(api, answered, focal_point):
    row = as_(api, focal_point).get(detail(answered, "answers/")).json()[0]
    assert row["indicator"] == "RIGHTS.1.1"
    assert (row["domain"], row["sub_area"]) == ("RIGHTS", "RIGHTS.1")
    assert (row["level"], row["desired_level"], row["gap"]) == (2, 3, 1)
    assert (row["priority"], row["evidence"]) == ("high", "A decree.")
    assert row["links"] == ["https://example.org/decree"]
    assert row["from_baseline"] is False and row["set_at"]


def test_scores_shape(api, answered, focal_point):
    body = as_(api, focal_point).get(detail(answered, "scores/")).json()
    assert body["scale"] == "four_level"
    rights = next(domain for domain in body["domains"] if domain["code"] == "RIGHTS")
    assert (rights["value"], rights["answered"], rights["total"]) == (200.0, 1, 8)
    sub_area = rights["sub_areas"][0]
    assert (sub_area["code"], sub_area["value"], sub_area["answered"]) == ("RIGHTS.1", 200.0, 1)
    unanswered = next(domain for domain in body["domains"] if domain["code"] == "CRISIS")
    assert unanswered["value"] is None and unanswered["answered"] == 0


# --- After publication ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "outsider", "secretariat"])
def test_published_scores_only(api, answered, focal_point, who, request):
    publish(answered, focal_point, "scores")
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert listed_ids(api, user) == [answered.pk]
    body = as_(api, user).get(detail(answered)).json()
    assert (body["status"], body["disclosure"]) == ("published", "scores")
    assert body["published_at"] and body["validated_at"]
    assert as_(api, user).get(detail(answered, "scores/")).status_code == 200
    assert as_(api, user).get(detail(answered, "answers/")).status_code == 403


def test_published_scores_only_keeps_the_contributors_sections(
    api, answered, focal_point, ministry_contributor
):
    publish(answered, focal_point, "scores")
    assert as_(api, ministry_contributor).get(detail(answered, "scores/")).status_code == 200
    rows = as_(api, ministry_contributor).get(detail(answered, "answers/")).json()
    assert [row["indicator"] for row in rows] == ["RIGHTS.1.1"]


@pytest.mark.parametrize("who", ["anonymous", "outsider", "ministry_contributor"])
def test_published_with_answers(api, answered, focal_point, who, request):
    publish(answered, focal_point, "all")
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert as_(api, user).get(detail(answered, "scores/")).status_code == 200
    answers = as_(api, user).get(detail(answered, "answers/"))
    assert answers.status_code == 200
    assert [row["indicator"] for row in answers.json()] == ["RIGHTS.1.1", "WGA.1.1"]
    assert "Our ministry's view." not in answers.content.decode()


def test_the_baseline_is_linked_only_when_visible(api, answered, focal_point, outsider):
    publish(answered, focal_point, "all")
    follow_up = services.assessment_open(
        actor=focal_point,
        organisation=answered.organisation,
        version=answered.version,
        title="National assessment 2028",
        scope="national",
        language="en",
        baseline=answered,
    )
    body = as_(api, focal_point).get(detail(follow_up)).json()
    assert body["baseline"].endswith(detail(answered))
    rows = as_(api, focal_point).get(detail(follow_up, "answers/")).json()
    assert {row["indicator"]: row["from_baseline"] for row in rows} == {
        "RIGHTS.1.1": True,
        "WGA.1.1": True,
    }
    # A published cycle whose baseline was never published does not link to it.
    agree(follow_up, focal_point, "RIGHTS.1.1", level=3)
    publish(follow_up, focal_point, "scores")
    assert as_(api, outsider).get(detail(follow_up)).json()["baseline"].endswith(detail(answered))


def test_an_unpublished_baseline_is_not_linked_for_outsiders(
    api, assessment, focal_point, outsider
):
    agree(assessment, focal_point, "RIGHTS.1.1")
    services.assessment_submit(actor=focal_point, assessment=assessment)
    services.assessment_sign(actor=focal_point, assessment=assessment)  # validated, unpublished
    assessment.refresh_from_db()
    follow_up = services.assessment_open(
        actor=focal_point,
        organisation=assessment.organisation,
        version=assessment.version,
        title="Next cycle",
        scope="national",
        language="en",
        baseline=assessment,
    )
    publish(follow_up, focal_point, "scores")
    assert (
        as_(api, focal_point).get(detail(follow_up)).json()["baseline"].endswith(detail(assessment))
    )
    assert as_(api, outsider).get(detail(follow_up)).json()["baseline"] is None
    assert as_(api, outsider).get(detail(assessment)).status_code == 404


# --- Filters and queries ----------------------------------------------------------------


def test_filters(api, answered, focal_point, verified_government):
    verified_government.country = Country.objects.get(iso3="SEN")
    verified_government.save()
    publish(answered, focal_point, "scores")
    other = OrganisationFactory(type="national_government", verification_status="verified")
    other_admin = MembershipFactory(organisation=other, role="admin").user
    theirs = services.assessment_open(
        actor=other_admin,
        organisation=other,
        version=answered.version,
        title="Theirs",
        scope="national",
        language="fr",
    )
    mine = services.assessment_open(
        actor=focal_point,
        organisation=verified_government,
        version=answered.version,
        title="Mine, draft",
        scope="national",
        language="en",
    )
    slug = verified_government.slug
    assert set(listed_ids(api, focal_point)) == {answered.pk, mine.pk}
    assert set(listed_ids(api, other_admin)) == {answered.pk, theirs.pk}
    assert listed_ids(api, other_admin, f"?organisation={slug}") == [answered.pk]
    assert listed_ids(api, focal_point, "?status=draft") == [mine.pk]
    assert listed_ids(api, focal_point, "?status=published") == [answered.pk]
    assert listed_ids(api, None, "?country=sen") == [answered.pk]
    assert listed_ids(api, None, "?country=FRA") == []
    assert listed_ids(api, None, "?framework=PASSERELLE-NATIONAL") == [answered.pk]
    assert listed_ids(api, None, "?framework=PASSERELLE-LOCAL") == []
    assert listed_ids(api, None, "?organisation=nobody") == []


@pytest.mark.parametrize(
    "query",
    [
        "?status=bogus",
        "?country=%00",
        "?organisation=" + "x" * 500,
        "?framework=%27%22",
        "?page=abc",
        "?page_size=-1",
    ],
)
def test_bad_filter_values_are_not_server_errors(api, answered, focal_point, query):
    response = as_(api, focal_point).get(LIST + query)
    assert response.status_code in {200, 400, 404}, response.status_code
    assert response.status_code == 200 or "error" in response.json()


def test_bad_ids_are_404(api, focal_point):
    for url in (f"{LIST}abc/", f"{LIST}999999/scores/", f"{LIST}1.5/answers/"):
        assert as_(api, focal_point).get(url).status_code == 404


def test_the_list_costs_the_same_queries_for_one_or_five(
    api, answered, focal_point, ministry_contributor, django_assert_max_num_queries
):
    def count(user):
        client = as_(api, user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    one = {user.pk: count(user) for user in (focal_point, ministry_contributor)}
    publish(answered, focal_point, "scores")
    for year in range(4):
        services.assessment_open(
            actor=focal_point,
            organisation=answered.organisation,
            version=answered.version,
            title=f"Cycle {year}",
            scope="national",
            language="en",
            baseline=answered,
        )
    for user in (focal_point, ministry_contributor):
        client = as_(api, user)
        with django_assert_max_num_queries(one[user.pk]):
            response = client.get(LIST)
        assert response.json()["count"] == (5 if user == focal_point else 1)


# --- Benchmarks ---------------------------------------------------------------------------


def test_benchmarks(api, answered, focal_point, viewer, outsider, verified_government):
    publish(answered, focal_point, "scores")
    services.benchmark_create(
        actor=focal_point,
        organisation=verified_government,
        indicator=indicator(answered.version, "RIGHTS.1.1"),
        target_level=4,
        target_date=timezone.localdate() + timedelta(days=365),
    )
    other = OrganisationFactory()
    other_admin = MembershipFactory(organisation=other, role="admin").user
    MembershipFactory(organisation=other, user=viewer, role="viewer")
    services.benchmark_create(
        actor=other_admin,
        organisation=other,
        indicator=indicator(answered.version, "WGA.1.1"),
        target_level=2,
        target_date=timezone.localdate() + timedelta(days=30),
    )

    assert as_(api, None).get(BENCHMARKS).status_code == 401
    assert as_(api, outsider).get(BENCHMARKS).json()["count"] == 0

    rows = as_(api, focal_point).get(BENCHMARKS).json()["results"]
    assert len(rows) == 1
    row = rows[0]
    assert (row["organisation"], row["indicator"], row["framework"]) == (
        verified_government.slug,
        "RIGHTS.1.1",
        "PASSERELLE-NATIONAL",
    )
    assert (row["target_level"], row["start_level"], row["current_level"]) == (4, 2, 2)
    assert row["status"] in {"on_track", "at_risk"}
    assert row["target_date"] == str(timezone.localdate() + timedelta(days=365))

    # A member of two organisations sees both boards, and filters them.
    both = as_(api, viewer).get(BENCHMARKS).json()
    assert {row["organisation"] for row in both["results"]} == {
        verified_government.slug,
        other.slug,
    }
    mine = as_(api, viewer).get(BENCHMARKS, {"organisation": other.slug}).json()["results"]
    assert [row["indicator"] for row in mine] == ["WGA.1.1"]
    # Another organisation's slug is just no rows.
    response = as_(api, outsider).get(BENCHMARKS, {"organisation": verified_government.slug})
    assert response.status_code == 200 and response.json()["count"] == 0
    assert as_(api, viewer).get(BENCHMARKS, {"organisation": "%00"}).status_code == 200
