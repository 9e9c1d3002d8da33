"""A whole-of-government assessment as people click through it: the coordinator of a verified
government opens an assessment and gives a section to a member of another ministry; that person
answers (the answer saves itself); the coordinator agrees on the answer, submits, validates as
focal point and publishes; the gap profile shows the radar chart and the gap list."""

import re
import time

import pytest
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from passerelle.assessments.models import AgreedAnswer, Answer, Assessment, FrameworkVersion
from tests.browser.steps import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

INDICATOR = "RIGHTS.1.1"


def submit(page, check_a11y, button):
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    check_a11y(page)


def test_coordinator_and_other_ministry_assess_validate_and_publish(
    live_server, open_page, check_a11y
):
    government = OrganisationFactory(
        name="Ministry of the Interior", type="national_government", verification_status="verified"
    )
    coordinator = MembershipFactory(
        organisation=government, role="admin", user=UserFactory(full_name="Awa Coordinator")
    ).user
    labour = OrganisationFactory(name="Ministry of Labour", type="national_government")
    colleague = MembershipFactory(
        organisation=labour, role="editor", user=UserFactory(full_name="Moussa Labour")
    ).user

    # The coordinator opens the assessment and assigns a section to the other ministry.
    lead = open_page()
    log_in(lead, live_server, check_a11y, coordinator)
    lead.goto(f"{live_server.url}/en/assessments/")
    check_a11y(lead)
    lead.get_by_role("link", name="Open an assessment").click()
    lead.wait_for_load_state()
    check_a11y(lead)
    lead.get_by_label("Organisation assessing itself").select_option(label=government.name)
    national = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL")
    lead.get_by_label("Framework").select_option(label=str(national))
    lead.get_by_label("Title").fill("Whole-of-government assessment 2026")
    submit(lead, check_a11y, "Open the assessment")
    assessment = Assessment.objects.get(title="Whole-of-government assessment 2026")
    lead.get_by_label("Section:").select_option(value=str(_domain(assessment).pk))
    lead.get_by_label("Contributor's e-mail address").fill(colleague.email)
    submit(lead, check_a11y, "Assign")
    expect(lead.get_by_text("The section is assigned.")).to_be_visible()

    # The colleague from the other ministry sees only that section, and answers.
    other = open_page()
    log_in(other, live_server, check_a11y, colleague)
    other.get_by_role("link", name=_domain(assessment).name).first.click()
    other.wait_for_load_state()
    check_a11y(other)
    other.get_by_label("Current level").first.select_option("2")
    expect(other.get_by_text(re.compile("Saved at")).first).to_be_visible()
    other.get_by_label("Desired level").first.select_option("4")
    other.get_by_label("Evidence").first.fill("The 2019 law covers it; no decree yet.")
    other.get_by_label("Evidence").first.blur()
    _wait_until(lambda: Answer.objects.filter(author=colleague, evidence__contains="2019").exists())
    check_a11y(other)
    elsewhere = assessment.version.domains.exclude(code="RIGHTS").first()
    response = other.goto(
        f"{live_server.url}/en/assessments/{assessment.pk}/sections/{elsewhere.code}/"
    )
    assert response.status == 403
    check_a11y(other)

    # The coordinator reads the view, agrees, and takes the assessment to publication.
    lead.goto(
        f"{live_server.url}/en/assessments/{assessment.pk}/sections/{_domain(assessment).code}/"
    )
    check_a11y(lead)
    expect(lead.get_by_role("table", name=f"Contributors' views on {INDICATOR}")).to_contain_text(
        "Moussa Labour"
    )
    agreed = lead.locator(f"#agreed-form-{_indicator(assessment).pk}")
    agreed.get_by_label("Current level").select_option("2")
    agreed.get_by_label("Desired level").select_option("4")
    agreed.get_by_label("Priority").select_option("high")
    _wait_until(
        lambda: AgreedAnswer.objects.filter(
            assessment=assessment, desired_level=4, priority="high"
        ).exists()
    )
    check_a11y(lead)
    lead.goto(f"{live_server.url}{assessment.get_absolute_url()}")
    check_a11y(lead)
    submit(lead, check_a11y, "Submit for validation")
    submit(lead, check_a11y, "Validate and sign")
    lead.get_by_label("Scores only").check()
    submit(lead, check_a11y, "Publish")
    assessment.refresh_from_db()
    assert assessment.status == "published" and assessment.disclosure == "scores"

    lead.get_by_role("link", name="Gap profile").click()
    lead.wait_for_load_state()
    check_a11y(lead)
    expect(lead.get_by_role("img", name=re.compile("Domain values"))).to_be_visible()
    gaps = lead.get_by_role("table", name="Gaps, most urgent first")
    expect(gaps).to_contain_text(INDICATOR)

    # Published: anyone reads the profile.
    visitor = open_page()
    visitor.goto(f"{live_server.url}/en/assessments/{assessment.pk}/profile/")
    check_a11y(visitor)
    expect(visitor.get_by_role("img", name=re.compile("Domain values"))).to_be_visible()


def _domain(assessment):
    return assessment.version.domains.get(code="RIGHTS")


def _indicator(assessment):
    return assessment.version.indicators.get(code=INDICATOR)


def _wait_until(condition, timeout=10.0):
    """Autosave runs in the background: wait for its write to reach the database."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("the autosave did not reach the database")
