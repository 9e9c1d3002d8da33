"""A ministry asks for support in French: it writes the request with what it would take, submits
it, the secretariat publishes it from its review queue, and anyone then finds it."""

import pytest
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from passerelle.geo.models import Country
from passerelle.hub.models import SupportRequest
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESCRIPTION = (
    "Nous souhaitons moderniser le registre consulaire de nos ambassades afin de mieux "
    "connaître notre diaspora et de lui offrir des services en ligne."
)


def test_a_ministry_requests_support_and_the_secretariat_publishes_it(
    live_server, open_page, check_a11y
):
    ministry = OrganisationFactory(
        name="Ministère des Affaires étrangères",
        type="national_government",
        verification_status="verified",
        country=Country.objects.get(iso3="SEN"),
    )
    writer = MembershipFactory(organisation=ministry, role="editor").user
    broker = UserFactory(is_broker=True, full_name="Secretariat broker")

    page = open_page()
    log_in(page, live_server, check_a11y, writer)
    page.goto(f"{live_server.url}/en/hub/requests/")
    check_a11y(page)
    click(page, check_a11y, "link", "Request support")
    page.get_by_label("Title").fill("Modernisation du registre consulaire")
    page.get_by_label("What do you need, and why?").fill(DESCRIPTION)
    page.get_by_label("Technical assistance").check()
    page.get_by_label("Consular practices").check()
    page.get_by_label("Country").select_option(label="Senegal")
    page.get_by_label("Preferred modality").select_option("hybrid")
    page.get_by_label("From").fill("2027-01-15")
    page.get_by_label("Until").fill("2027-09-30")
    first = page.locator("fieldset.requirement").first
    first.get_by_label("Kind").select_option("expert_days")
    first.get_by_label("What").fill("Consular registry expert")
    first.get_by_label("Quantity").fill("40")
    click(page, check_a11y, "button", "Save as draft")
    support_request = SupportRequest.objects.get(title="Modernisation du registre consulaire")
    assert support_request.language == "fr"  # recognised from the description
    click(page, check_a11y, "button", "Submit for review")
    expect(page.get_by_text("Submitted: the secretariat will review it.")).to_be_visible()

    secretariat = open_page()
    log_in(secretariat, live_server, check_a11y, broker)
    secretariat.goto(f"{live_server.url}/en/hub/review/")
    check_a11y(secretariat)
    click(secretariat, check_a11y, "link", "Modernisation du registre consulaire")
    secretariat.get_by_label("Accept: publish the request").check()
    click(secretariat, check_a11y, "button", "Record the review")
    support_request.refresh_from_db()
    assert support_request.status == "open"

    visitor = open_page()
    visitor.goto(f"{live_server.url}/en/hub/requests/?language=fr")
    check_a11y(visitor)
    click(visitor, check_a11y, "link", "Modernisation du registre consulaire")
    expect(visitor.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(visitor.get_by_text("Accepted and published")).to_be_visible()
