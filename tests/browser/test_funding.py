"""A pooled fund's call, end to end: the secretariat opens and publishes a call; an NGO writes a
joint proposal with a government partner and submits it; the secretariat asks two reviewers, who
declare no conflict and score it; the steering committee approves it, so it waits in the public
pipeline; a diaspora organisation commits money earmarked for it, and the proposal's coverage bar
moves from 0 % to 10 %."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.funding.models import Contribution, Fund, Proposal
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def people(db):
    manager = OrganisationFactory(type="international_organisation", name="IOM")
    committee_member = UserFactory()
    fund = Fund.objects.create(
        name="Migration Start-up Fund", slug="start-up-fund", manager=manager,
        description="The pooled fund of the Global Compact, paragraph 43(b).",
    )  # fmt: skip
    fund.committee.add(committee_member)
    ngo = OrganisationFactory(type="civil_society", name="Route Sûre")
    OrganisationFactory(type="national_government", name="Ministry of Labour of Senegal")
    diaspora = OrganisationFactory(type="diaspora_organisation", name="Senegalese in Lyon")
    return {
        "fund": fund,
        "secretariat": UserFactory(is_broker=True),
        "applicant": MembershipFactory(organisation=ngo, role="editor").user,
        "reviewers": [UserFactory(), UserFactory()],
        "committee": committee_member,
        "donor": MembershipFactory(organisation=diaspora, role="editor").user,
    }


def label(text):
    """A form label as Django writes it (label_tag may add a colon)."""
    return re.compile(rf"^{re.escape(text)}:?$")


def open_call(page, live_server, check_a11y, fund):
    page.goto(f"{live_server.url}/en/funding/funds/{fund.slug}/")
    check_a11y(page)
    click(page, check_a11y, "link", "Open a call for proposals")
    page.get_by_label(label("Title")).fill("Safe labour migration")
    page.get_by_label(label("Description")).fill("Proposals that make recruitment fair.")
    page.get_by_label(label("Eligibility")).fill("Joint proposals with a government entity.")
    page.get_by_label("Whole-of-government and whole-of-society approaches").check()
    page.get_by_label(label("Budget ceiling per proposal (USD)")).fill("200000")
    deadline = timezone.localtime() + timedelta(days=30)
    page.get_by_label(label("Deadline")).fill(deadline.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("A government entity must take part").check()
    click(page, check_a11y, "button", "Save the call")
    click(page, check_a11y, "button", "Publish the call")
    expect(page.locator(".lead")).to_contain_text("Call for proposals · Open")
    return page.url


def write_proposal(page, check_a11y, call_url):
    page.goto(call_url)
    check_a11y(page)
    click(page, check_a11y, "link", "Submit a proposal")
    page.get_by_label(label("Title")).fill("Fair recruitment for seasonal workers")
    page.get_by_label(label("Summary")).fill("Ethical recruitment between Senegal and Spain.")
    page.get_by_label(label("Objectives")).fill("No worker pays a recruitment fee.")
    page.get_by_label(label("Activities")).fill("Training labour inspectors; a complaint line.")
    page.get_by_label(label("Partners")).select_option(label="Ministry of Labour of Senegal")
    page.get_by_label(label("Countries")).select_option(label="Senegal")
    page.get_by_label("Whole-of-government and whole-of-society approaches").check()
    page.get_by_label(label("Gender equality")).select_option(label="Significant objective")
    page.get_by_label(label("Human rights")).select_option(label="Principal objective")
    page.get_by_label(label("Budget requested (USD)")).fill("150000")
    page.get_by_label(label("Duration in months")).fill("18")
    click(page, check_a11y, "button", "Save the draft")
    click(page, check_a11y, "button", "Submit the proposal")
    expect(page.locator(".lead")).to_contain_text("Proposal · Submitted")
    return page.url


def review(page, live_server, check_a11y, proposal):
    page.goto(f"{live_server.url}/en/funding/reviews/")
    check_a11y(page)
    click(page, check_a11y, "link", proposal.title)
    page.get_by_label("No, I have no conflict of interest").check()
    click(page, check_a11y, "button", "Declare")
    good = page.get_by_role("radio", name="3 — good", exact=True)  # one per criterion
    assert good.count() == 13  # the ten guiding principles and the three markers
    for index in range(good.count()):
        good.nth(index).check()
    page.get_by_label(label("Overall comment")).fill("Sound and well targeted.")
    click(page, check_a11y, "button", "Submit the review")
    expect(page.get_by_role("heading", name="The other reviews")).to_be_visible()


def test_call_proposal_reviews_approval_and_diaspora_cofunding(
    live_server, open_page, check_a11y, people
):
    secretariat = open_page()
    log_in(secretariat, live_server, check_a11y, people["secretariat"])
    call_url = open_call(secretariat, live_server, check_a11y, people["fund"])

    applicant = open_page()
    log_in(applicant, live_server, check_a11y, people["applicant"])
    proposal_url = write_proposal(applicant, check_a11y, call_url)
    proposal = Proposal.objects.get()
    assert [p.name for p in proposal.partners.all()] == ["Ministry of Labour of Senegal"]

    secretariat.goto(proposal_url)
    check_a11y(secretariat)
    emails = "\n".join(person.email for person in people["reviewers"])
    secretariat.get_by_label(label("Reviewers' e-mail addresses")).fill(emails)
    click(secretariat, check_a11y, "button", "Assign")
    assert proposal.reviews.count() == 2

    for reviewer in people["reviewers"]:
        page = open_page()
        log_in(page, live_server, check_a11y, reviewer)
        review(page, live_server, check_a11y, proposal)
    assert proposal.reviews.filter(status="submitted").count() == 2

    committee = open_page()
    log_in(committee, live_server, check_a11y, people["committee"])
    committee.goto(proposal_url)
    check_a11y(committee)
    committee.get_by_label("Approve", exact=True).check()
    committee.get_by_label(label("Note to the applicants")).fill("Fits the fund's priorities.")
    click(committee, check_a11y, "button", "Record the decision")
    proposal.refresh_from_db()
    assert proposal.status == "approved"

    donor = open_page()
    log_in(donor, live_server, check_a11y, people["donor"])
    donor.goto(f"{live_server.url}/en/funding/pipeline/")
    check_a11y(donor)
    row = donor.get_by_role("row").filter(has_text=proposal.title)
    expect(row).to_contain_text("0 of 150,000 USD (0 %) funded")
    row.get_by_role("link", name=re.compile("^Contribute to this")).click()
    donor.wait_for_load_state()
    check_a11y(donor)
    donor.get_by_label(label("Give as")).select_option(label="Senegalese in Lyon")
    donor.get_by_label(label("Amount, or the value of in-kind help")).fill("15000")
    donor.get_by_label("Commit now: a firm commitment").check()
    click(donor, check_a11y, "button", "Record the contribution")
    deposit = Contribution.objects.get()
    assert (deposit.fund, deposit.earmark_proposal, deposit.status) == (
        people["fund"], proposal, "committed"
    )  # fmt: skip

    donor.goto(f"{live_server.url}/en/funding/pipeline/")
    check_a11y(donor)
    row = donor.get_by_role("row").filter(has_text=proposal.title)
    expect(row).to_contain_text("15,000 of 150,000 USD (10 %) funded")
