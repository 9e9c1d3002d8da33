"""An organisation pledges: its editor writes a pledge without a target, the SMART check refuses to
publish it, the editor adds the target and publishes, then reports progress and sees the
completion and the status light; a visitor finds the pledge in the list, with its light."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.geo.models import Country
from passerelle.pledges.models import Pledge
from passerelle.taxonomy.models import GCMObjective
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESCRIPTION = (
    "We will train the border officials of Senegal in screening and referral, with courses that "
    "the national police academy will take over."
)


def test_an_editor_pledges_publishes_after_the_smart_check_and_reports_progress(
    live_server, open_page, check_a11y
):
    organisation = OrganisationFactory(
        name="Border Watch Senegal", type="civil_society", country=Country.objects.get(iso3="SEN")
    )
    writer = MembershipFactory(organisation=organisation, role="editor").user
    deadline = timezone.localdate() + timedelta(days=365)

    page = open_page()
    log_in(page, live_server, check_a11y, writer)
    page.goto(f"{live_server.url}/en/pledges/")
    check_a11y(page)
    click(page, check_a11y, "link", "Make a pledge")
    page.get_by_label("Title").fill("Training 200 border officials")
    page.get_by_label("What do you commit to?").fill(DESCRIPTION)
    page.get_by_label("Human resources").check()
    page.get_by_label("Individual").check()
    page.get_by_label("GCM objectives").select_option(str(GCMObjective.objects.get(number=11).pk))
    page.get_by_label("Country").select_option(label="Senegal")
    page.get_by_label("Metric").fill("Border officials trained")
    page.get_by_label("Unit").fill("officials")
    page.get_by_label("Deadline").fill(deadline.isoformat())
    click(page, check_a11y, "button", "Save as draft")
    pledge = Pledge.objects.get(title="Training 200 border officials")
    assert pledge.status == "draft"

    # The SMART check: no target, no publication.
    expect(page.get_by_role("heading", name="Before publishing")).to_be_visible()
    click(page, check_a11y, "button", "Publish")
    expect(page.locator(".messages")).to_contain_text("Give the target value to reach.")
    pledge.refresh_from_db()
    assert pledge.status == "draft"

    click(page, check_a11y, "link", "Edit")
    page.get_by_label("Target value").fill("200")
    click(page, check_a11y, "button", "Save as draft")
    expect(page.get_by_text("can be published")).to_be_visible()
    click(page, check_a11y, "button", "Publish")
    expect(page.get_by_text("Published: everyone can read it now.")).to_be_visible()
    expect(page.locator(".lead .status-chip")).to_have_text("On track")

    click(page, check_a11y, "link", "Report progress")
    page.get_by_label("Substantial").check()
    page.get_by_label("Value reached").fill("120")
    page.get_by_label("What was done").fill("Six courses took place in Dakar and Rosso.")
    click(page, check_a11y, "button", "Record the report")
    expect(page.get_by_text("Your progress report is recorded.")).to_be_visible()
    completion = page.get_by_role("progressbar", name="Completion").first
    expect(completion).to_have_attribute("aria-valuetext", "Substantial")
    expect(page.locator('.steps [aria-current="step"]')).to_have_text("Substantial")
    expect(page.locator(".lead .status-chip")).to_have_text("On track")
    expect(page.get_by_role("img", name="Value reached against the target")).to_be_visible()
    expect(page.get_by_role("cell", name="120", exact=True)).to_be_visible()  # the data table

    visitor = open_page()
    visitor.goto(f"{live_server.url}/en/pledges/?completion=substantial")
    check_a11y(visitor)
    row = visitor.get_by_role("row").filter(has_text="Training 200 border officials")
    expect(row).to_contain_text("On track")
    expect(row).to_contain_text("Substantial")
