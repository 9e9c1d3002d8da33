"""Offers and matches in the API: the same visibility as the pages, the same filters, experts
named by their handle, matches for the secretariat and the two parties only, explanations
criterion by criterion, bounded queries, and no writing."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.geo.models import Country
from passerelle.hub import services
from passerelle.hub.matching.criteria import CRITERIA
from passerelle.hub.models import Match, Offer
from passerelle.taxonomy.models import GCMObjective

from .conftest import fresh

pytestmark = pytest.mark.django_db

OFFERS, MATCHES = "/api/v1/offers/", "/api/v1/matches/"


def detail(listing: str, row) -> str:
    return f"{listing}{row.pk}/"


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
def provider_viewer(provider):
    return MembershipFactory(organisation=provider, role="viewer").user


@pytest.fixture
def expert(db):
    return UserFactory(full_name="Aminata Diallo", email="aminata@example.org")


# --- Offers: who sees what -----------------------------------------------------------------


@pytest.fixture
def each_status(make_offer):
    return {
        status: make_offer(status, title=f"A {status} offer")
        for status in ("draft", "published", "closed", "withdrawn")
    }


@pytest.mark.parametrize(
    "who, sees",
    [
        (None, {"published", "closed"}),
        ("outsider", {"published", "closed"}),
        ("secretariat", {"published", "closed"}),
        ("provider_viewer", {"draft", "published", "closed", "withdrawn"}),
        ("provider_editor", {"draft", "published", "closed", "withdrawn"}),
    ],
)
def test_who_sees_which_offers(request, api, each_status, who, sees):
    client = as_(api, request.getfixturevalue(who) if who else None)
    assert ids(client.get(OFFERS)) == {each_status[status].pk for status in sees}
    for status, offer in each_status.items():
        response = client.get(detail(OFFERS, offer))
        assert response.status_code == (200 if status in sees else 404), (who, status)


def test_an_offer_in_full(api, make_offer, provider, areas, regions):
    offer = make_offer(
        capacity_areas=[areas["BORD"], areas["DATA"]],
        gcm_objectives=[GCMObjective.objects.get(number=11)],
        support_types=["training", "funding"],
        countries=[Country.objects.get(iso3="SEN")],
        regions=[regions["011"]],
        language="en",
        available_until=datetime.date(2027, 6, 30),
        max_engagements=3,
        expert_days=40,
        cost_basis="co_funded",
        money_amount=Decimal("25000"),
        currency="eur",
    )
    body = api.get(detail(OFFERS, offer)).json()
    assert body["url"] == f"http://testserver{detail(OFFERS, offer)}"
    assert (body["id"], body["title"]) == (offer.pk, "Training courses on border management")
    assert body["description"].startswith("Our trainers run courses")
    assert (body["provider_kind"], body["provider"]) == ("organisation", provider.slug)
    assert (body["status"], body["language"]) == ("published", "en")
    assert sorted(body["capacity_areas"]) == ["BORD", "DATA"]
    assert body["gcm_objectives"] == [11]
    assert sorted(body["support_types"]) == ["funding", "training"]
    assert (body["countries"], body["regions"], body["is_global"]) == (["SEN"], ["011"], False)
    assert (body["languages"], body["modality"]) == (["en", "fr"], "hybrid")
    assert (body["available_from"], body["available_until"]) == ("2026-06-01", "2027-06-30")
    assert (body["max_engagements"], body["expert_days"]) == (3, 40)
    assert (body["cost_basis"], body["money_amount"], body["currency"]) == (
        "co_funded",
        "25000.00",
        "EUR",
    )
    assert body["in_response_to"] is None and body["published_at"]
    # Nothing the API does not promise: the submission key, who wrote it, the embedding.
    assert not {"submission_key", "created_by", "embedding", "is_demo"} & set(body)


def test_an_individual_expert_is_named_by_their_handle(api, make_offer, expert):
    offer = make_offer(organisation=None, actor=expert)
    response = api.get(detail(OFFERS, offer))
    body = response.json()
    assert (body["provider_kind"], body["provider"]) == ("expert", fresh(expert).handle)
    assert b"aminata@example.org" not in response.content
    assert b"aminata@example.org" not in api.get(OFFERS).content


def test_an_expert_sees_their_own_draft(api, make_offer, expert, outsider):
    draft = make_offer("draft", organisation=None, actor=expert)
    assert ids(as_(api, expert).get(OFFERS)) == {draft.pk}
    assert ids(as_(api, outsider).get(OFFERS)) == set()


def test_the_request_answered_is_shown_while_the_reader_may_see_it(
    api, make_request, make_offer, editor
):
    answered = make_request("open")
    offer = make_offer(in_response_to=answered)
    assert api.get(detail(OFFERS, offer)).json()["in_response_to"] == answered.pk
    services.request_withdraw(actor=fresh(editor), support_request=answered)
    assert as_(api, None).get(detail(OFFERS, offer)).json()["in_response_to"] is None
    assert as_(api, editor).get(detail(OFFERS, offer)).json()["in_response_to"] == answered.pk


# --- Offers: filters -------------------------------------------------------------------------


@pytest.fixture
def published(make_offer, areas, regions):
    """Offers naming a country, a sub-region, a continent, the whole world (closed), and a
    draft, each with its own area, type, cost and language."""
    senegal, france = Country.objects.get(iso3="SEN"), Country.objects.get(iso3="FRA")
    return {
        "border": make_offer(
            title="Border training", description="Courses for border officials.",
            capacity_areas=[areas["BORD"]], support_types=["training"], countries=[senegal],
            gcm_objectives=[GCMObjective.objects.get(number=11)], cost_basis="free",
            language="en",
        ),
        "data": make_offer(
            title="Données", description="Une étude sur les données de migration.",
            capacity_areas=[areas["DATA"]], support_types=["research"], countries=[france],
            cost_basis="paid", language="fr",
        ),
        "west_africa": make_offer(
            title="Fondos regionales", description="Financiamos proyectos en la región.",
            capacity_areas=[areas["CONS"]], support_types=["funding"], countries=[],
            regions=[regions["011"]], cost_basis="co_funded", language="es",
        ),
        "africa": make_offer(
            title="Coordination across Africa", description="Advisers for agencies.",
            capacity_areas=[areas["COORD"]], support_types=["technical_assistance"],
            countries=[], regions=[regions["002"]], cost_basis="free", language="en",
        ),
        "world": make_offer(
            "closed", title="Study visits anywhere", description="Peer exchanges.",
            capacity_areas=[areas["WGWS"]], support_types=["peer_exchange"], countries=[],
            is_global=True, cost_basis="free", language="en",
        ),
        "draft": make_offer("draft", title="Secret border draft", countries=[senegal]),
    }  # fmt: skip


AFRICA = {"border", "west_africa", "africa", "world"}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"border", "data", "west_africa", "africa", "world"}),
        ({"capacity_area": "BORD"}, {"border"}),
        ({"capacity_area": "CONS"}, {"west_africa"}),
        ({"objective": "11"}, {"border"}),
        ({"support_type": "funding"}, {"west_africa"}),
        ({"support_type": "peer_exchange"}, {"world"}),
        # A country: named, in a region named (at any level), or anywhere.
        ({"country": "SEN"}, AFRICA),
        ({"country": "MLI"}, {"west_africa", "africa", "world"}),
        ({"country": "FRA"}, {"data", "world"}),
        ({"country": "BRA"}, {"world"}),
        # A region: a country or an area inside it, the region, an area containing it, anywhere.
        ({"region": "002"}, AFRICA),
        ({"region": "202"}, AFRICA),
        ({"region": "011"}, AFRICA),
        ({"region": "150"}, {"data", "world"}),
        ({"region": "155"}, {"data", "world"}),
        ({"region": "019"}, {"world"}),
        ({"status": "closed"}, {"world"}),
        ({"status": "published"}, {"border", "data", "west_africa", "africa"}),
        ({"status": "draft"}, set()),
        ({"language": "es"}, {"west_africa"}),
        ({"language": "fr"}, {"data"}),
        ({"cost_basis": "paid"}, {"data"}),
        ({"cost_basis": "co_funded"}, {"west_africa"}),
        ({"cost_basis": "free"}, {"border", "africa", "world"}),
        ({"q": "BORDER"}, {"border"}),
        ({"q": "données"}, {"data"}),
        ({"country": "SEN", "cost_basis": "free"}, {"border", "africa", "world"}),
        ({"region": "011", "status": "published", "language": "en"}, {"border", "africa"}),
    ],
)
def test_offer_filters(api, published, params, expected):
    assert ids(api.get(OFFERS, params)) == {published[key].pk for key in expected}


def test_the_provider_filters_their_drafts(api, published, provider_editor):
    client = as_(api, provider_editor)
    assert ids(client.get(OFFERS, {"status": "draft"})) == {published["draft"].pk}
    assert published["draft"].pk in ids(client.get(OFFERS, {"country": "SEN"}))


def test_an_offer_in_several_places_of_a_region_is_listed_once(api, make_offer, regions):
    countries = Country.objects.filter(iso3__in=["SEN", "MLI", "GHA"])
    offer = make_offer(countries=list(countries), regions=[regions["011"], regions["002"]])
    response = api.get(OFFERS, {"region": "002"})
    assert [row["id"] for row in response.json()["results"]] == [offer.pk]


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
        {"cost_basis": "cheap"},
    ],
)
def test_a_bad_offer_filter_is_answered_400(api, published, params):
    response = api.get(OFFERS, params)
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == set(params)


def _queries(client, url, params) -> int:
    client.get(url, params)  # caches warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", [None, "provider_editor", "secretariat"])
@pytest.mark.parametrize("params", [{}, {"country": "SEN"}, {"region": "002", "q": "border"}])
def test_the_offer_list_costs_the_same_queries_for_1_or_10_offers(
    request,
    api,
    make_offer,
    make_request,
    areas,
    regions,
    who,
    params,
    django_assert_max_num_queries,
):
    answered = make_request("open")

    def add(count):
        for number in range(count):
            make_offer(
                title=f"Offer {number}", capacity_areas=[areas["BORD"], areas["DATA"]],
                gcm_objectives=list(GCMObjective.objects.filter(number__in=[10, 11])),
                support_types=["training", "funding"], regions=[regions["002"]],
                in_response_to=answered,
            )  # fmt: skip
        make_offer(organisation=None, actor=UserFactory(), title="An expert's border offer")

    client = as_(api, request.getfixturevalue(who) if who else None)
    add(1)
    one = _queries(client, OFFERS, params)
    add(9)
    assert len(ids(client.get(OFFERS, params))) >= 10
    assert _queries(client, OFFERS, params) == one
    with django_assert_max_num_queries(8):  # count, offers, 5 relations, the place filtered
        client.get(OFFERS, params)


# --- Matches ---------------------------------------------------------------------------------

EXPLANATION = {
    "score": 0.73,
    "values": {"areas": 1.0, "languages": 0.5, "semantic": 0.4, "timing": 1.0},
    "weights": {"areas": 0.5, "languages": 0.3, "semantic": 0.2, "timing": 0.0},
}


def match(support_request, offer, score=0.7, **fields) -> Match:
    return Match.objects.create(
        request=support_request, offer=offer, score=score, explanation=EXPLANATION,
        computed_at=timezone.now(), **fields,
    )  # fmt: skip


@pytest.fixture
def other_provider(db):
    return MembershipFactory(role="editor").user


@pytest.fixture
def matches(make_request, make_offer, government, other_provider, expert):
    """The organisation's joint request with the government matched with the provider's offer
    and an expert's; another organisation's offer matched with someone else's request."""
    government.verification_status = "verified"
    government.save()
    ours = make_request("open", joint_with=government)
    theirs = make_request("open", organisation=other_provider.memberships.get().organisation,
                          actor=other_provider, title="Their request")  # fmt: skip
    offer = make_offer()
    experts = make_offer(organisation=None, actor=expert, title="An expert's offer")
    elsewhere = make_offer(organisation=other_provider.memberships.get().organisation,
                           actor=other_provider, title="Their offer")  # fmt: skip
    return {
        "ours": match(ours, offer, 0.8),
        "expert": match(ours, experts, 0.55),
        "theirs": match(theirs, elsewhere, 0.4),
    }


@pytest.mark.parametrize(
    "who, sees",
    [
        ("outsider", set()),
        ("secretariat", {"ours", "expert", "theirs"}),
        ("viewer", {"ours", "expert"}),
        ("editor", {"ours", "expert"}),
        ("government_admin", {"ours", "expert"}),
        ("provider_viewer", {"ours"}),
        ("provider_editor", {"ours"}),
        ("expert", {"expert"}),
        ("other_provider", {"theirs"}),
    ],
)
def test_who_sees_which_matches(request, api, matches, who, sees):
    client = as_(api, request.getfixturevalue(who))
    assert ids(client.get(MATCHES)) == {matches[key].pk for key in sees}
    for key, row in matches.items():
        response = client.get(detail(MATCHES, row))
        assert response.status_code == (200 if key in sees else 404), (who, key)


def test_anonymous_callers_get_no_matches(api, matches):
    assert as_(api, None).get(MATCHES).status_code == 401
    assert as_(api, None).get(detail(MATCHES, matches["ours"])).status_code == 401


def test_a_match_in_full(api, matches, secretariat, provider, organisation, expert):
    ours = matches["ours"]
    Match.objects.filter(pk=ours.pk).update(
        status="introduced", introduced_at=timezone.now(), introduction_note="Meet them.",
        requester_decision="declined", requester_reason="Too far away.",
    )  # fmt: skip
    body = as_(api, secretariat).get(detail(MATCHES, ours)).json()
    assert body["url"] == f"http://testserver{detail(MATCHES, ours)}"
    assert body["request"] == {
        "id": ours.request_id, "title": "Training for border officials",
        "organisation": organisation.slug,
    }  # fmt: skip
    assert body["offer"] == {
        "id": ours.offer_id, "title": "Training courses on border management",
        "provider_kind": "organisation", "provider": provider.slug,
    }  # fmt: skip
    assert (body["score"], body["status"]) == (0.8, "introduced")
    assert body["introduced_at"] and body["introduction_note"] == "Meet them."
    assert (body["requester_decision"], body["requester_reason"]) == ("declined", "Too far away.")
    assert (body["provider_decision"], body["provider_reason"]) == ("pending", "")
    assert body["computed_at"] and body["decided_at"] is None and body["partnership_at"] is None
    expert_match = as_(api, secretariat).get(detail(MATCHES, matches["expert"])).json()
    assert expert_match["offer"]["provider_kind"] == "expert"
    assert expert_match["offer"]["provider"] == fresh(expert).handle


def test_the_explanation_lists_each_criterion_with_its_points(api, matches, secretariat):
    body = as_(api, secretariat).get(detail(MATCHES, matches["ours"])).json()
    # Criteria that weigh nothing are left out; the most telling come first.
    assert body["explanation"] == [
        {"criterion": "areas", "label": "Capacity areas", "weight": 0.5, "value": 1.0,
         "points": 0.5},
        {"criterion": "languages", "label": "Languages", "weight": 0.3, "value": 0.5,
         "points": 0.15},
        {"criterion": "semantic", "label": "Similar texts", "weight": 0.2, "value": 0.4,
         "points": 0.08},
    ]  # fmt: skip


def test_the_explanation_labels_speak_the_readers_language(api, matches, secretariat):
    client = as_(api, secretariat)
    body = client.get(detail(MATCHES, matches["ours"]), HTTP_ACCEPT_LANGUAGE="fr").json()
    with translation.override("fr"):
        assert body["explanation"][0]["label"] == str(CRITERIA["areas"])


def test_a_match_not_yet_explained_has_an_empty_explanation(api, matches, secretariat):
    Match.objects.filter(pk=matches["ours"].pk).update(explanation=[])
    body = as_(api, secretariat).get(detail(MATCHES, matches["ours"])).json()
    assert body["explanation"] == []


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["ours", "expert", "theirs"]),  # best first
        ({"request": "ours"}, ["ours", "expert"]),
        ({"offer": "ours"}, ["ours"]),
        ({"status": "introduced"}, ["expert"]),
        ({"status": "proposed"}, ["ours", "theirs"]),
        ({"min_score": "0.5"}, ["ours", "expert"]),
        ({"min_score": "0.9"}, []),
        ({"request": "ours", "min_score": "0.6"}, ["ours"]),
    ],
)
def test_match_filters(api, matches, secretariat, params, expected):
    Match.objects.filter(pk=matches["expert"].pk).update(
        status="introduced", introduced_at=timezone.now()
    )
    # "ours": the id of the request, or of the offer, of the organisation's best match.
    ours = {"request": matches["ours"].request_id, "offer": matches["ours"].offer_id}
    query = {key: ours[key] if value == "ours" else value for key, value in params.items()}
    response = as_(api, secretariat).get(MATCHES, query)
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [
        matches[key].pk for key in expected
    ]


def test_filtering_by_a_request_one_may_not_see_reveals_nothing(api, matches, outsider):
    client = as_(api, outsider)
    hidden = client.get(MATCHES, {"request": matches["ours"].request_id})
    missing = client.get(MATCHES, {"request": 999999})
    assert hidden.status_code == missing.status_code == 200
    assert hidden.json() == missing.json()


@pytest.mark.parametrize(
    "params",
    [{"status": "lost"}, {"min_score": "2"}, {"min_score": "high"}, {"request": "abc"}],
)
def test_a_bad_match_filter_is_answered_400(api, matches, secretariat, params):
    response = as_(api, secretariat).get(MATCHES, params)
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == set(params)


@pytest.mark.parametrize("who", ["secretariat", "editor", "provider_editor"])
def test_the_match_list_costs_the_same_queries_for_1_or_10_matches(
    request, api, make_request, make_offer, expert, who, django_assert_max_num_queries
):
    support_request = make_request("open")
    client = as_(api, request.getfixturevalue(who))
    match(support_request, make_offer(title="First offer"))
    one = _queries(client, MATCHES, {})
    for number in range(8):
        match(support_request, make_offer(title=f"Offer {number}"), score=0.5)
    match(support_request, make_offer(organisation=None, actor=expert, title="Expert"))
    # The provider's editor sees their nine matches, not the expert's.
    assert len(ids(client.get(MATCHES))) == (9 if who == "provider_editor" else 10)
    assert _queries(client, MATCHES, {}) == one
    with django_assert_max_num_queries(2):  # count, matches with both sides
        client.get(MATCHES)


# --- No writing ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_is_written_through_the_api(api, matches, secretariat, provider_editor, method):
    offer = Offer.objects.get(pk=matches["ours"].offer_id)
    changes = {"title": "Changed", "status": "accepted"}
    for listing, row, who in [
        (OFFERS, offer, provider_editor),
        (MATCHES, matches["ours"], secretariat),
    ]:
        url = listing if method == "post" else detail(listing, row)
        response = getattr(as_(api, who), method)(url, changes, format="json")
        assert response.status_code in (403, 405), (listing, method)
    offer.refresh_from_db()
    assert offer.title == "Training courses on border management"
    assert Match.objects.get(pk=matches["ours"].pk).status == "proposed"
    assert Match.objects.count() == 3


def test_the_schema_documents_offers_and_matches(api):
    schema = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert {"/api/v1/offers/", "/api/v1/offers/{id}/", "/api/v1/matches/",
            "/api/v1/matches/{id}/"} <= set(schema["paths"])  # fmt: skip
    enums = schema["components"]["schemas"]
    assert enums["MatchDecisionEnum"]["enum"] == ["pending", "accepted", "declined"]
    assert enums["CostBasisEnum"]["enum"] == ["free", "co_funded", "paid"]
