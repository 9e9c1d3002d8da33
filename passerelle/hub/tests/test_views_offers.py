"""Pages of offers and of brokering: writing an offer (for an organisation or as an individual
expert, possibly in answer to a request), its workflow, the matches each party sees with their
explanation, the secretariat's introduction, the parties' answers, the console and the
weights."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Country
from passerelle.hub.matching.weights import matching_settings
from passerelle.hub.models import Match, Offer
from passerelle.taxonomy.models import CapacityArea

from .. import services
from .conftest import fresh

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def offer_form(provider="individual", **overrides) -> dict:
    data = {
        "provider": provider,
        "title": "Mentoring for consular staff",
        "description": "I have twenty years of consular work and mentor staff in consulates.",
        "language": "",
        "support_types": ["technical_assistance"],
        "capacity_areas": [CapacityArea.objects.get(code="CONS").pk],
        "countries": [Country.objects.get(iso3="SEN").pk],
        "languages": "fr, EN",
        "modality": "remote",
        "available_from": "2026-10-01",
        "available_until": "",
        "max_engagements": "2",
        "expert_days": "30",
        "cost_basis": "free",
        "money_amount": "",
        "currency": "",
        "submission_key": str(uuid.uuid4()),
    }
    return {**data, **overrides}


@pytest.fixture
def expert(db):
    return UserFactory(full_name="Aminata Diaspora")


def test_an_individual_expert_offers_in_their_own_name(expert):
    response = logged_in(expert).post(reverse("hub:offer_create"), offer_form())

    offer = Offer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == offer.get_absolute_url()
    assert offer.expert == expert and offer.organisation is None
    assert offer.languages == ["en", "fr"]
    assert offer.language == "en"
    assert offer.status == "draft"


def test_an_editor_offers_for_their_organisation(provider, provider_editor):
    logged_in(provider_editor).post(reverse("hub:offer_create"), offer_form(provider=provider.pk))

    assert Offer.objects.get().organisation == provider


def test_someone_cannot_offer_for_an_organisation_they_do_not_edit(expert, provider):
    response = logged_in(expert).post(reverse("hub:offer_create"), offer_form(provider=provider.pk))

    assert response.status_code == 400
    assert not Offer.objects.exists()


def test_a_form_posted_twice_creates_one_offer(expert):
    client, data = logged_in(expert), offer_form()
    client.post(reverse("hub:offer_create"), data)
    client.post(reverse("hub:offer_create"), data)

    assert Offer.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"available_until": "2026-01-01"}, "available_until", "The end comes before the start."),
        ({"countries": [], "regions": []}, "countries", "Say where you can work"),
        ({"languages": "xx"}, "languages", "ISO codes"),
        ({"money_amount": "500", "currency": "ZZZ"}, "currency", "currency code"),
        ({"max_engagements": "0"}, "max_engagements", ""),
        ({"description": "x" * 10_001}, "description", ""),
        ({"support_types": ["teleportation"]}, "support_types", ""),
    ],
)
def test_bad_input_is_refused_with_its_message_and_nothing_saved(expert, change, field, message):
    response = logged_in(expert).post(reverse("hub:offer_create"), offer_form(**change))

    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert errors and message in errors
    assert not Offer.objects.exists()


def test_an_offer_made_in_answer_to_a_request_is_linked_to_it(expert, make_request):
    request = make_request("open")
    url = reverse("hub:offer_create") + f"?request={request.pk}"
    page = logged_in(expert).get(url)
    assert page.context["form"].initial["countries"] == [request.country]

    logged_in(expert).post(url, offer_form())

    assert Offer.objects.get().in_response_to == request


def test_a_draft_request_cannot_be_answered(expert, make_request):
    request = make_request("draft")

    response = logged_in(expert).get(reverse("hub:offer_create") + f"?request={request.pk}")

    assert response.status_code == 404


def test_the_provider_publishes_edits_and_withdraws(make_offer, provider_editor):
    offer = make_offer("draft")
    client = logged_in(provider_editor)

    client.post(reverse("hub:offer_transition", kwargs={"pk": offer.pk, "action": "publish"}))
    offer.refresh_from_db()
    assert offer.status == "published" and offer.published_at

    data = offer_form(provider=offer.organisation_id, title="Training, renewed")
    client.post(reverse("hub:offer_update", kwargs={"pk": offer.pk}), data)
    offer.refresh_from_db()
    assert offer.title == "Training, renewed" and offer.embedding is None

    client.post(
        reverse("hub:offer_transition", kwargs={"pk": offer.pk, "action": "withdraw"}),
        {"reason": "Our budget was cut."},
    )
    offer.refresh_from_db()
    assert offer.status == "withdrawn"
    assert AuditEntry.objects.filter(action="hub.offer.withdrawn", object_id=str(offer.pk)).exists()


def test_the_list_costs_the_same_whatever_its_length(make_offer, django_assert_max_num_queries):
    for number in range(3):
        make_offer(title=f"Offer {number}")
    client = Client()
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("hub:offer_list"))
    for number in range(3, 20):
        make_offer(title=f"Offer {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("hub:offer_list"))
    assert response.context["page_obj"].paginator.count == 20


def test_a_bad_filter_is_answered_400():
    response = Client().get(reverse("hub:offer_list"), {"capacity_area": "NOPE"})

    assert response.status_code == 400


@pytest.fixture
def match(make_request, make_offer):
    return Match.objects.create(
        request=make_request("open"),
        offer=make_offer(),
        score=0.72,
        explanation={
            "score": 0.72,
            "values": {"areas": 1.0, "semantic": 0.6},
            "weights": {"areas": 0.5, "semantic": 0.5},
        },
        computed_at=timezone.now(),
        in_request_top=True,
    )


def test_the_parties_and_the_secretariat_see_the_match_with_its_explanation(
    match, editor, provider_editor, secretariat
):
    pages = [
        (editor, reverse("hub:request_detail", kwargs={"pk": match.request_id})),
        (provider_editor, reverse("hub:offer_detail", kwargs={"pk": match.offer_id})),
        (secretariat, reverse("hub:offer_detail", kwargs={"pk": match.offer_id})),
        (secretariat, reverse("hub:request_detail", kwargs={"pk": match.request_id})),
    ]
    for person, url in pages:
        page = logged_in(person).get(url)
        assert page.status_code == 200
        assert [m for m, _ in page.context["matches"]] == [match]
    rows = page.context["matches"][0][1]
    assert [row["criterion"] for row in rows] == ["areas", "semantic"]
    assert rows[0]["points"] == 50.0
    assert "Capacity areas" in page.content.decode()


def test_others_do_not_see_the_match(match, expert):
    page = logged_in(expert).get(reverse("hub:request_detail", kwargs={"pk": match.request_id}))
    assert page.context["matches"] == []
    response = logged_in(expert).get(reverse("hub:match_detail", kwargs={"pk": match.pk}))
    assert response.status_code == 404


def test_introduction_answers_and_partnership_through_the_pages(
    match, editor, provider_editor, secretariat
):
    detail = reverse("hub:match_detail", kwargs={"pk": match.pk})
    broker = logged_in(secretariat)
    broker.post(reverse("hub:match_introduce", kwargs={"pk": match.pk}), {"note": "Meet."})
    page = logged_in(editor).get(detail)
    assert page.context["sides"] == ["requester"]

    decide = "hub:match_decide"
    logged_in(editor).post(
        reverse(decide, kwargs={"pk": match.pk, "side": "requester"}), {"decision": "accept"}
    )
    refused = logged_in(provider_editor).post(
        reverse(decide, kwargs={"pk": match.pk, "side": "provider"}), {"decision": "decline"}
    )
    assert refused.status_code == 400
    assert "Say why you decline" in refused.content.decode()
    logged_in(provider_editor).post(
        reverse(decide, kwargs={"pk": match.pk, "side": "provider"}), {"decision": "accept"}
    )
    # The partnership starts when a party records the project (the projects module's page).
    services.match_start_partnership(actor=fresh(editor), match=match)

    match.refresh_from_db()
    assert match.status == "partnership"
    timeline = logged_in(editor).get(detail).context["timeline"]
    assert [entry.action for entry in timeline] == [
        "hub.match.introduced",
        "hub.match.accepted",
        "hub.match.accepted",
        "hub.match.partnership",
    ]


def test_an_unknown_side_is_not_found(match, editor):
    response = logged_in(editor).post(
        reverse("hub:match_decide", kwargs={"pk": match.pk, "side": "referee"})
    )
    assert response.status_code == 404


def test_the_console_lists_what_waits_for_the_secretariat(
    match, secretariat, make_request, django_assert_max_num_queries
):
    lonely = make_request("open", title="A request nobody answers")
    client = logged_in(secretariat)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("hub:console"))

    assert list(page.context["to_introduce"]) == [match]
    assert lonely in list(page.context["without_good_match"])


def test_the_secretariat_saves_weights_and_bad_ones_are_refused(secretariat):
    client = logged_in(secretariat)
    weights = dict.fromkeys(matching_settings().weights, "10")
    before = matching_settings().version

    refused = client.post(reverse("hub:weights"), {**weights, "semantic": "-3"})
    assert refused.status_code == 400
    assert matching_settings().version == before

    client.post(reverse("hub:weights"), weights)
    assert matching_settings().version == before + 1
    assert set(matching_settings().weights.values()) == {10}
