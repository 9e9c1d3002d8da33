"""The International Dialogue on Migration 2018, run on the platform: a delegate registers for
the event and for the iDiaspora launch (a side event with its own seats), receives the
confirmation with a personal code; the side event is then full and the next person is put on
the waiting list; at the door an organiser checks the delegate in with the code, and the
delegate downloads the certificate of attendance."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.events.models import AgendaItem, Event, Registration
from passerelle.events.seed import load_idm2018
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIDE_EVENT = "Launch of the iDiaspora platform"


@pytest.fixture
def idm(db):
    """The seed loaded, its organisers re-opening registration (the seed's closed in 2018), and
    the side event down to one seat so that the next person waits."""
    iom = OrganisationFactory(type="international_organisation", name="IOM")
    event = load_idm2018(organiser=iom, is_demo=False)
    Event.objects.filter(pk=event.pk).update(
        registration_closes_at=timezone.now() + datetime.timedelta(days=7)
    )
    side_event = AgendaItem.objects.get(event=event, kind="side_event")
    AgendaItem.objects.filter(pk=side_event.pk).update(capacity=1)
    senegal = OrganisationFactory(type="national_government", name="Ministry of Foreign Affairs")
    return {
        "event": event,
        "side_event": side_event,
        "organiser": MembershipFactory(organisation=iom, role="editor").user,
        "delegate": MembershipFactory(organisation=senegal, role="viewer").user,
        "next_person": MembershipFactory(role="viewer").user,
    }


def register(page, check_a11y, registration_type="Delegate of a Member State"):
    page.get_by_role("radio", name=registration_type).check()
    click(page, check_a11y, "button", "Register")


def test_a_delegate_registers_is_checked_in_and_gets_a_certificate(
    page, live_server, check_a11y, idm
):
    event, delegate = idm["event"], idm["delegate"]
    log_in(page, live_server, check_a11y, delegate)
    page.goto(f"{live_server.url}/en/events/")
    check_a11y(page)
    click(page, check_a11y, "link", "International Dialogue on Migration 2018")
    expect(page.get_by_role("heading", level=1)).to_contain_text("International Dialogue")
    page.get_by_role("link", name="Register", exact=True).first.click()
    page.wait_for_load_state()
    check_a11y(page)
    register(page, check_a11y)
    registration = Registration.objects.get(user=delegate, item__isnull=True)
    assert registration.status == "confirmed"
    expect(page.get_by_text(registration.code, exact=True)).to_be_visible()
    confirmation = [m for m in mail.outbox if m.to == [delegate.email]][-1]
    assert registration.code in confirmation.body

    # The side event, from the agenda: it has its own seats.
    page.goto(f"{live_server.url}/en/events/{event.slug}/agenda/")
    check_a11y(page)
    page.get_by_role("link", name=SIDE_EVENT).first.click()
    page.wait_for_load_state()
    check_a11y(page)
    click(page, check_a11y, "link", "Register for this item")
    register(page, check_a11y)
    on_side = Registration.objects.get(user=delegate, item=idm["side_event"])
    assert on_side.status == "confirmed"

    # The side event is full: the next person waits.
    page.context.clear_cookies()
    log_in(page, live_server, check_a11y, idm["next_person"])
    page.goto(f"{live_server.url}/en/events/{event.slug}/agenda/{idm['side_event'].pk}/")
    check_a11y(page)
    click(page, check_a11y, "link", "Register for this item")
    register(page, check_a11y, "Observer")
    waiting = Registration.objects.get(user=idm["next_person"])
    assert waiting.status == "waitlisted"
    expect(page.get_by_text(re.compile("waiting list", re.I)).first).to_be_visible()

    # At the door: the organiser checks the delegate in with the code.
    page.context.clear_cookies()
    log_in(page, live_server, check_a11y, idm["organiser"])
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    check_a11y(page)
    click(page, check_a11y, "link", "Check-in at the door")
    page.get_by_role("textbox", name=re.compile("^Personal code")).fill(registration.code.lower())
    page.get_by_role("button", name="Check in", exact=True).first.click()
    expect(page.get_by_role("status").first).to_contain_text(delegate.get_full_name())
    check_a11y(page)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None

    # The delegate downloads the certificate of attendance.
    page.context.clear_cookies()
    log_in(page, live_server, check_a11y, delegate)
    page.goto(f"{live_server.url}/en/events/registrations/")
    check_a11y(page)
    page.get_by_role("link", name=f"Registration {registration.code}").click()
    page.wait_for_load_state()
    check_a11y(page)
    link = page.get_by_role("link", name="Download my certificate")
    response = page.request.get(live_server.url + link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
