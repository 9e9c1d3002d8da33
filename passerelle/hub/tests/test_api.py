"""Requests for support in the API: the same visibility as the pages, the same filters, bounded
queries, and no writing."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from passerelle.geo.models import Country
from passerelle.hub.models import SupportRequest
from passerelle.taxonomy.models import GCMObjective

from .conftest import fresh, requirement

pytestmark = pytest.mark.django_db

LIST = "/api/v1/requests/"


def detail(support_request) -> str:
    return f"{LIST}{support_request.pk}/"


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
def each_status(make_request):
    return {
        status: make_request(status, title=f"A {status} request")
        for status in ("draft", "submitted", "clarification", "open", "closed", "withdrawn")
    }


@pytest.mark.parametrize(
    "who, sees",
    [
        (None, {"open", "closed"}),
        ("outsider", {"open", "closed"}),
        ("secretariat", {"submitted", "clarification", "open", "closed"}),
        ("viewer", {"draft", "submitted", "clarification", "open", "closed", "withdrawn"}),
        ("editor", {"draft", "submitted", "clarification", "open", "closed", "withdrawn"}),
    ],
)
def test_who_sees_what(request, api, each_status, who, sees):
    client = as_(api, request.getfixturevalue(who) if who else None)
    assert ids(client.get(LIST)) == {each_status[status].pk for status in sees}
    for status, support_request in each_status.items():
        response = client.get(detail(support_request))
        assert response.status_code == (200 if status in sees else 404), (who, status)


def test_the_joint_government_sees_the_draft(api, joint_draft, government_admin, outsider):
    assert ids(as_(api, government_admin).get(LIST)) == {joint_draft.pk}
    assert as_(api, government_admin).get(detail(joint_draft)).status_code == 200
    assert as_(api, outsider).get(detail(joint_draft)).status_code == 404


def test_a_request_in_full(api, make_request, areas, government, senegal):
    objective = GCMObjective.objects.get(number=11)
    support_request = make_request(
        "open",
        joint_with=government,
        capacity_areas=[areas["BORD"], areas["DATA"]],
        gcm_objectives=[objective],
        support_types=["training", "funding"],
        requirements=[
            requirement(
                kind="money", currency="usd", quantity=Decimal("1500.50"), description="Travel"
            ),
            requirement(),
        ],
    )
    body = api.get(detail(support_request)).json()
    assert body["url"] == f"http://testserver{detail(support_request)}"
    assert body["id"] == support_request.pk
    assert body["title"] == "Training for border officials"
    assert body["language"] == "en"
    assert body["organisation"] == support_request.organisation.slug
    assert body["joint_with"] == government.slug
    assert body["status"] == "open"
    assert (body["scope"], body["country"], body["region"]) == ("national", "SEN", None)
    assert sorted(body["capacity_areas"]) == ["BORD", "DATA"]
    assert body["gcm_objectives"] == [11]
    assert sorted(body["support_types"]) == ["funding", "training"]
    assert body["modality"] == "hybrid"
    assert body["working_languages"] == ["en", "fr"]
    assert (body["starts_on"], body["ends_on"]) == ("2026-09-01", "2027-03-31")
    assert body["submitted_at"] and body["published_at"]
    assert sorted(body["requirements"], key=lambda r: r["kind"]) == [
        {"kind": "expert_days", "description": "A statistician", "quantity": "20.00",
         "currency": "", "estimated_value": None},
        {"kind": "money", "description": "Travel", "quantity": "1500.50", "currency": "USD",
         "estimated_value": None},
    ]  # fmt: skip
    # Nothing the API does not promise (review notes, the submission key, who wrote it).
    assert "submission_key" not in body and "created_by" not in body


@pytest.fixture
def published(make_request, areas, regions):
    senegal, france = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="FRA")
    return {
        "border": make_request(
            "open", title="Border training", capacity_areas=[areas["BORD"]],
            support_types=["training"], country=senegal, gcm_objectives=[
                GCMObjective.objects.get(number=11)],
            description="We need training for the officials who work at the border.",
        ),
        "data": make_request(
            "open", title="Données", capacity_areas=[areas["DATA"]], support_types=["research"],
            country=france, description="Nous voulons une étude sur les données.",
        ),
        "regional": make_request(
            "closed", title="Datos regionales", capacity_areas=[areas["DATA"]],
            support_types=["funding"], scope="regional", country=None, region=regions["011"],
            description="Necesitamos apoyo para los datos de la region.",
        ),
        "draft": make_request("draft", title="Secret border draft",
                              capacity_areas=[areas["BORD"]]),
    }  # fmt: skip


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"border", "data", "regional"}),
        ({"capacity_area": "BORD"}, {"border"}),
        ({"capacity_area": "DATA"}, {"data", "regional"}),
        ({"objective": "11"}, {"border"}),
        ({"support_type": "funding"}, {"regional"}),
        ({"country": "FRA"}, {"data"}),
        ({"region": "002"}, {"border", "regional"}),
        ({"region": "011"}, {"border", "regional"}),
        ({"region": "155"}, {"data"}),
        ({"language": "es"}, {"regional"}),
        ({"language": "fr"}, {"data"}),
        ({"status": "closed"}, {"regional"}),
        ({"status": "draft"}, set()),
        ({"q": "BORDER"}, {"border"}),
        ({"q": "étude"}, {"data"}),
        ({"capacity_area": "DATA", "status": "open"}, {"data"}),
    ],
)
def test_filters(api, published, params, expected):
    assert ids(api.get(LIST, params)) == {published[key].pk for key in expected}


def test_the_requesters_filter_their_drafts(api, published, editor):
    assert ids(as_(api, editor).get(LIST, {"status": "draft"})) == {published["draft"].pk}


@pytest.mark.parametrize(
    "params",
    [
        {"capacity_area": "NOPE"},
        {"support_type": "bribery"},
        {"country": "XXX"},
        {"region": "999"},
        {"language": "zz"},
        {"status": "lost"},
        {"objective": "one"},
    ],
)
def test_a_bad_filter_is_answered_400(api, published, params):
    response = api.get(LIST, params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert set(error["fields"]) == set(params)


def _queries(client, params) -> int:
    client.get(LIST, params)  # caches warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", [None, "editor", "secretariat"])
@pytest.mark.parametrize("params", [{}, {"capacity_area": "DATA", "region": "002"}])
def test_the_list_costs_the_same_queries_for_1_or_10_requests(
    request, api, make_request, areas, government, who, params
):
    government.verification_status = "verified"
    government.save()
    objective = GCMObjective.objects.get(number=11)

    def add(count):
        for number in range(count):
            make_request(
                "open", title=f"Request {number}", joint_with=government,
                capacity_areas=[areas["BORD"], areas["DATA"]], gcm_objectives=[objective],
                support_types=["training", "funding"],
                requirements=[requirement(), requirement(kind="money", currency="EUR")],
            )  # fmt: skip

    client = as_(api, request.getfixturevalue(who) if who else None)
    add(1)
    one = _queries(client, params)
    add(9)
    assert len(ids(client.get(LIST, params))) == 10
    assert _queries(client, params) == one


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_is_written_through_the_api(api, make_request, editor, method):
    draft = make_request("draft")
    client = as_(api, editor)
    url = LIST if method == "post" else detail(draft)
    response = getattr(client, method)(url, {"title": "Changed"}, format="json")
    assert response.status_code in (403, 405)
    draft.refresh_from_db()
    assert draft.title == "Training for border officials"
    assert SupportRequest.objects.count() == 1
