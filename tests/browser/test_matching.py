"""A ministry publishes a request in French; a partner's English offer appears among its top
matches with the explanation; the secretariat introduces them; both accept."""

import datetime

import pytest
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.geo.models import Country
from passerelle.hub import services
from passerelle.hub.models import Match, Offer, SupportRequest
from passerelle.taxonomy.models import CapacityArea

from .test_support_request import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REQUEST_FR = (
    "Former nos agents aux frontières à identifier les victimes de la traite",
    "Le ministère souhaite former les agents des postes frontaliers à l'identification des "
    "victimes de la traite des personnes et à leur orientation vers les services de protection.",
)
OFFER_EN = (
    "Training border officials to identify victims of trafficking",
    "We train border officials to identify victims of human trafficking at border posts and "
    "to refer them to protection services. Courses in English and French.",
)


def test_a_french_request_meets_an_english_offer_through_the_secretariat(
    live_server, open_page, check_a11y
):
    senegal = Country.objects.get(iso3="SEN")
    ministry = OrganisationFactory(
        name="Ministère de l'Intérieur", type="national_government",
        verification_status="verified", country=senegal,
    )  # fmt: skip
    minister_aide = MembershipFactory(organisation=ministry, role="editor").user
    agency = OrganisationFactory(name="Border Training Agency", type="un_agency")
    trainer = MembershipFactory(organisation=agency, role="editor").user
    broker = UserFactory(is_broker=True, full_name="Secretariat broker")
    draft = services.request_create(
        actor=minister_aide,
        organisation=ministry,
        data=services.RequestData(
            title=REQUEST_FR[0], description=REQUEST_FR[1],
            capacity_areas=[CapacityArea.objects.get(code="BORD")], scope="national",
            country=senegal, modality="hybrid", starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2027, 12, 31), support_types=["training"],
            working_languages=["fr"],
            requirements=[{"kind": "expert_days", "description": "Formateurs", "quantity": 40}],
        ),
    )  # fmt: skip

    # The partner publishes its offer in English.
    partner = open_page()
    log_in(partner, live_server, check_a11y, trainer)
    partner.goto(f"{live_server.url}/en/hub/offers/")
    check_a11y(partner)
    click(partner, check_a11y, "link", "Offer support")
    partner.get_by_label("Offered by").select_option(label="Border Training Agency")
    partner.get_by_label("Title").fill(OFFER_EN[0])
    partner.get_by_label("What do you offer, and what have you done before?").fill(OFFER_EN[1])
    partner.get_by_label("Training", exact=True).check()
    partner.get_by_label("Border management").check()
    partner.get_by_label("Countries covered").select_option(label="Senegal")
    partner.get_by_label("Languages of work").fill("en, fr")
    partner.get_by_label("Modality").select_option("in_person")
    partner.get_by_label("Available from").fill("2026-12-01")
    partner.get_by_label("Cost").select_option("free")
    click(partner, check_a11y, "button", "Save as draft")
    click(partner, check_a11y, "button", "Publish the offer")
    offer = Offer.objects.get(title=OFFER_EN[0])
    assert offer.status == "published" and offer.language == "en"

    # The ministry submits its request in French; the secretariat publishes it.
    ministry_page = open_page()
    log_in(ministry_page, live_server, check_a11y, minister_aide)
    ministry_page.goto(f"{live_server.url}/en/hub/requests/{draft.pk}/")
    check_a11y(ministry_page)
    click(ministry_page, check_a11y, "button", "Submit for review")
    secretariat = open_page()
    log_in(secretariat, live_server, check_a11y, broker)
    secretariat.goto(f"{live_server.url}/en/hub/requests/{draft.pk}/")
    check_a11y(secretariat)
    secretariat.get_by_label("Accept: publish the request").check()
    click(secretariat, check_a11y, "button", "Record the review")
    assert SupportRequest.objects.get(pk=draft.pk).status == "open"

    # The English offer is among the request's top matches, with why.
    ministry_page.goto(f"{live_server.url}/en/hub/requests/{draft.pk}/")
    check_a11y(ministry_page)
    matches = ministry_page.get_by_role("table", name="Matching offers, best first")
    expect(matches.get_by_role("row").nth(1)).to_contain_text(OFFER_EN[0])
    expect(matches).to_contain_text("Similar texts")
    match = Match.objects.get(request=draft, offer=offer)
    assert match.explanation["values"]["semantic"] > 0.5

    # The secretariat finds it on its console and introduces the parties.
    secretariat.goto(f"{live_server.url}/en/hub/brokering/")
    check_a11y(secretariat)
    click(secretariat, check_a11y, "link", f"Proposed — {REQUEST_FR[0]}")
    expect(secretariat.get_by_role("table", name="Why this match")).to_contain_text("Similar texts")
    secretariat.get_by_label("Note to both parties (optional)").fill("Vous devriez vous parler.")
    click(secretariat, check_a11y, "button", "Introduce them")
    expect(secretariat.get_by_text("Both parties are told about each other.")).to_be_visible()

    # Both accept: the ministry as the requester, the agency as the provider.
    for page in (ministry_page, partner):
        page.goto(f"{live_server.url}/en/hub/matches/{match.pk}/")
        check_a11y(page)
        page.get_by_label("Accept: go ahead").check()
        click(page, check_a11y, "button", "Send my answer")
        expect(page.get_by_text("Your answer is recorded.")).to_be_visible()
    match.refresh_from_db()
    assert match.status == "accepted"
    expect(partner.get_by_text("Accepted by both")).to_be_visible()

    # The map shows where support is asked for and offered.
    secretariat.goto(f"{live_server.url}/en/hub/map/")
    check_a11y(secretariat)
    expect(
        secretariat.get_by_role("table", name="Open requests — by capacity area and region")
    ).to_be_visible()
