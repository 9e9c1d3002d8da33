"""Pledges in the API: the same visibility as the pages, a pledge in full with its progress and
light, the same filters, bounded queries, and no writing."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from passerelle.geo.models import Country
from passerelle.pledges import services
from passerelle.taxonomy.models import GCMObjective

from .conftest import days, fresh, progress

pytestmark = pytest.mark.django_db

LIST = "/api/v1/pledges/"


def detail(pledge) -> str:
    return f"{LIST}{pledge.pk}/"


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
def each_status(make_pledge, partner):
    return {
        status: make_pledge(status, title=f"A {status} pledge", type="common", partners=[partner])
        for status in ("draft", "published", "closed", "withdrawn")
    }


PUBLIC = {"published", "closed", "withdrawn"}
EVERY = {"draft", *PUBLIC}


@pytest.mark.parametrize(
    "who, sees",
    [
        (None, PUBLIC),
        ("outsider", PUBLIC),
        ("secretariat", PUBLIC),
        ("viewer", EVERY),
        ("editor", EVERY),
        ("partner_viewer", EVERY),
    ],
)
def test_who_sees_what(request, api, each_status, who, sees):
    client = as_(api, request.getfixturevalue(who) if who else None)
    assert ids(client.get(LIST)) == {each_status[status].pk for status in sees}
    for status, pledge in each_status.items():
        response = client.get(detail(pledge))
        assert response.status_code == (200 if status in sees else 404), (who, status)


def test_drafts_are_not_found_through_a_filter_either(api, each_status):
    assert ids(api.get(LIST, {"status": "draft"})) == set()
    assert ids(api.get(LIST, {"q": "draft"})) == set()


def test_a_pledge_in_full(api, make_pledge, editor, partner):
    matched = make_pledge("published", title="Matched")
    pledge = make_pledge(
        "published", form="financial", type="matching", matches=matched,
        amount=Decimal("250000.50"), currency="usd", pledged_on=days(-20),
        gcm_objectives=list(GCMObjective.objects.filter(number__in=[5, 11])),
    )  # fmt: skip
    services.progress_record(actor=fresh(editor), pledge=pledge, data=progress(as_of=days(-1)))
    body = api.get(detail(pledge)).json()
    assert body["url"] == f"http://testserver{detail(pledge)}"
    assert (body["id"], body["title"], body["language"]) == (
        pledge.pk, "Training 200 border officials", "en",
    )  # fmt: skip
    assert body["organisation"] == pledge.organisation.slug
    assert (body["form"], body["type"], body["matches"], body["partners"]) == (
        "financial", "matching", matched.pk, [],
    )  # fmt: skip
    assert (body["status"], body["completion"], body["light"]) == ("published", "limited", "green")
    assert (body["country"], body["region"]) == ("SEN", None)
    assert body["capacity_areas"] == ["BORD"]
    assert sorted(body["gcm_objectives"]) == [5, 11]
    assert (body["metric"], body["baseline"], body["target"], body["unit"]) == (
        "Border officials trained", "0.00", "200.00", "officials",
    )  # fmt: skip
    assert (body["amount"], body["currency"]) == ("250000.50", "USD")
    assert body["deadline"] == days(365).isoformat()
    assert body["pledged_on"] == days(-20).isoformat()
    assert (body["reporting_interval"], body["last_report_on"]) == (6, days(-1).isoformat())
    assert body["next_report_due"] == services.reporting.add_months(days(-1), 6).isoformat()
    assert body["published_at"]
    assert body["progress_updates"] == [
        {"as_of": days(-1).isoformat(), "completion": "limited", "value_reached": "40.00",
         "note": "Two courses took place."},
    ]  # fmt: skip
    # Nothing the API does not promise (the submission key, who wrote it).
    assert "submission_key" not in body and "created_by" not in body


def test_the_light_is_null_out_of_reporting(api, make_pledge):
    assert api.get(detail(make_pledge("closed"))).json()["light"] is None


@pytest.fixture
def published(make_pledge, editor):
    senegal, france = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="FRA")
    pledges = {
        "border": make_pledge("published", title="Border", country=senegal, pledged_on=days(-5)),
        "data": make_pledge(
            "published", title="Données", form="policy", country=france, pledged_on=days(-200),
            gcm_objectives=[GCMObjective.objects.get(number=1)],
            description="Nous publierons les données de la migration.",
        ),
        "draft": make_pledge("draft", title="Secret border draft"),
    }  # fmt: skip
    services.progress_record(
        actor=fresh(editor), pledge=pledges["border"], data=progress(completion="complete")
    )
    return pledges


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"border", "data"}),
        ({"capacity_area": "BORD"}, {"border", "data"}),
        ({"objective": "1"}, {"data"}),
        ({"country": "FRA"}, {"data"}),
        ({"region": "002"}, {"border"}),
        ({"form": "policy"}, {"data"}),
        ({"type": "individual"}, {"border", "data"}),
        ({"status": "published"}, {"border", "data"}),
        ({"completion": "complete"}, {"border"}),
        ({"light": "red"}, {"data"}),
        ({"language": "fr"}, {"data"}),
        ({"q": "Données"}, {"data"}),
    ],
)
def test_filters(api, published, params, expected):
    assert ids(api.get(LIST, params)) == {published[key].pk for key in expected}


def test_the_editors_filter_their_drafts(api, published, editor):
    assert ids(as_(api, editor).get(LIST, {"status": "draft"})) == {published["draft"].pk}


@pytest.mark.parametrize(
    "params",
    [{"capacity_area": "NOPE"}, {"form": "goodwill"}, {"light": "blue"}, {"objective": "one"},
     {"region": "999"}, {"completion": "halfway"}],
)  # fmt: skip
def test_a_bad_filter_is_answered_400(api, published, params):
    response = api.get(LIST, params)
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == set(params)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_does_not_write(api, published, editor, method):
    client = as_(api, editor)
    url = LIST if method == "post" else detail(published["draft"])
    assert getattr(client, method)(url, {}).status_code in {403, 405}


@pytest.mark.parametrize("who", [None, "editor"])
def test_the_list_costs_a_fixed_number_of_queries(
    request, api, make_pledge, editor, partner, who, django_assert_max_num_queries
):
    client = as_(api, request.getfixturevalue(who) if who else None)
    for count in (1, 10):
        for number in range(count):
            pledge = make_pledge("published", title=f"P{number}", type="common",
                                 partners=[partner], pledged_on=days(-30))  # fmt: skip
            services.progress_record(actor=fresh(editor), pledge=pledge, data=progress())
        client.get(LIST)
        # The user and their roles; the count; the page; its partners, areas, objectives and
        # progress reports, one query each.
        with django_assert_max_num_queries(8):
            assert client.get(LIST).status_code == 200


def test_the_schema_documents_the_endpoint(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert "/api/v1/pledges/" in schema["paths"]
    assert "/api/v1/pledges/{id}/" in schema["paths"]
    components = schema["components"]["schemas"]
    assert set(components["ReportingLightEnum"]["enum"]) == {"green", "amber", "red"}
    assert "CompletionEnum" in components and "PledgeFormEnum" in components
