"""The roster of diaspora experts linked to a government's request: a Colombian expert joins the
roster with the interface in Spanish; a ministry's request for expertise, written in French, is
published; the hub's matcher proposes the expert; the ministry's editor sees the expert on the
request's page and contacts them; the expert accepts; the ministry then sees their e-mail."""

import pytest
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.diaspora import sections_roster  # noqa: F401  (the request page's section)
from passerelle.diaspora.models import ExpertContact, RosterEntry
from passerelle.diaspora.services import roster as services
from passerelle.diaspora.tests.factories_roster import contact, join, published_request
from passerelle.hub.matching import index, refresh
from passerelle.hub.models import Match
from passerelle.taxonomy.models import CapacityArea
from tests.browser.steps import click, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HEADLINE = "Experta en datos migratorios"
EXPERTISE = (
    "Estadística colombiana en Madrid. Diseño encuestas nacionales de migración laboral y "
    "sistemas de estadísticas sobre los trabajadores en el extranjero para los ministerios."
)
MESSAGE = "Bonjour, pourriez-vous nous aider à concevoir notre enquête ?"


def test_a_ministry_finds_a_roster_expert_through_its_request_and_contacts_them(
    live_server, open_page, check_a11y
):
    ministry = OrganisationFactory(
        name="Ministère du Travail", type="national_government", verification_status="verified"
    )
    aide = MembershipFactory(organisation=ministry, role="editor").user
    support_request = published_request(ministry, aide)
    expert = UserFactory(
        email="lucia@example.org", full_name="Lucía Fernández", preferred_language="es"
    )
    data_area = CapacityArea.objects.get(code="DATA")

    # The expert joins the roster, in Spanish.
    lucia = open_page()
    log_in(lucia, live_server, check_a11y, expert)
    lucia.goto(f"{live_server.url}/es/diaspora/roster/join/")
    check_a11y(lucia)
    lucia.locator("#id_headline").fill(HEADLINE)
    lucia.locator("#id_expertise").fill(EXPERTISE)
    lucia.locator(f'input[name="capacity_areas"][value="{data_area.pk}"]').check()
    lucia.locator('input[name="languages"][value="es"]').check()
    lucia.locator('input[name="languages"][value="fr"]').check()
    lucia.locator("#id_availability").select_option("remote")
    lucia.locator("#id_available_from").fill("2026-01-01")
    lucia.locator('input[name="cost_basis"][value="free"]').check()
    lucia.locator("#id_consent_listed").check()
    lucia.locator("main form button[type=submit]").click()
    lucia.wait_for_load_state()
    check_a11y(lucia)
    entry = RosterEntry.objects.get(expert=expert)
    assert entry.offer.status == "published" and entry.offer.language == "es"
    expect(lucia.get_by_role("heading", level=1)).to_contain_text(HEADLINE)

    # The matcher runs (as its task would) and proposes the expert for the request.
    index.forget()
    refresh.refresh_request(support_request.pk)
    assert Match.objects.filter(request=support_request, offer=entry.offer).exists()

    # The ministry sees the expert on its request's page, in French, and contacts them.
    aide_page = open_page()
    log_in(aide_page, live_server, check_a11y, aide)
    aide_page.goto(f"{live_server.url}/fr/hub/requests/{support_request.pk}/")
    check_a11y(aide_page)
    section = aide_page.locator("section", has=aide_page.locator("#roster-experts-heading"))
    expect(section).to_contain_text(HEADLINE)
    section.locator(f'a[href*="/diaspora/roster/{entry.pk}/contact/"]').click()
    aide_page.wait_for_load_state()
    check_a11y(aide_page)
    expect(aide_page.locator("#id_support_request")).to_have_value(str(support_request.pk))
    aide_page.locator("#id_message").fill(MESSAGE)
    aide_page.locator("main form button[type=submit]").click()
    aide_page.wait_for_load_state()
    check_a11y(aide_page)
    contact = ExpertContact.objects.get()
    assert contact.status == "pending" and contact.organisation == ministry
    expect(aide_page.locator("main")).not_to_contain_text("lucia@example.org")

    # The expert, in Spanish, opens her contacts and accepts.
    lucia.goto(f"{live_server.url}/es/diaspora/roster/contacts/")
    check_a11y(lucia)
    click(lucia, check_a11y, "link", "Ministère du Travail")
    expect(lucia.locator("main")).to_contain_text(MESSAGE)
    lucia.locator("#id_reply").fill("Con mucho gusto.")
    lucia.locator(f'form[action$="/contacts/{contact.pk}/accept/"] button').click()
    lucia.wait_for_load_state()
    check_a11y(lucia)
    contact.refresh_from_db()
    assert contact.status == "accepted"

    # The ministry now sees the accepted contact with the expert's e-mail address.
    aide_page.goto(f"{live_server.url}/fr/diaspora/roster/contacts/{contact.pk}/")
    check_a11y(aide_page)
    expect(aide_page.locator("main")).to_contain_text("lucia@example.org")
    expect(aide_page.locator("main")).to_contain_text("Con mucho gusto.")


def test_the_roster_and_cofunding_pages_pass_axe(live_server, open_page, check_a11y):
    ministry = OrganisationFactory(
        name="Ministère du Travail", type="national_government", verification_status="verified"
    )
    aide = MembershipFactory(organisation=ministry, role="editor").user
    support_request = published_request(ministry, aide)
    entry = join(UserFactory(preferred_language="es"))
    done = contact(entry, ministry, aide, support_request=support_request)
    services.contact_accept(actor=entry.expert, contact=done, reply="Sí")
    services.contact_complete(actor=aide, contact=done, outcome="Encuesta diseñada.")
    pending = contact(entry, ministry, aide, message="Une autre question")

    expert_page = open_page()
    log_in(expert_page, live_server, check_a11y, entry.expert)
    for path in (
        "/es/diaspora/roster/",
        "/es/diaspora/roster/?area=DATA&language=es&availability=short_missions",
        f"/es/diaspora/roster/{entry.pk}/",
        "/es/diaspora/roster/me/",
        "/es/diaspora/roster/contacts/",
        f"/es/diaspora/roster/contacts/{pending.pk}/",
        "/es/diaspora/cofunding/",
    ):
        expert_page.goto(f"{live_server.url}{path}")
        check_a11y(expert_page)
        if path.endswith(f"/roster/{entry.pk}/"):  # the track record
            expect(expert_page.locator("main")).to_contain_text("Encuesta diseñada.")

    aide_page = open_page()
    log_in(aide_page, live_server, check_a11y, aide)
    for path in (
        f"/fr/diaspora/roster/{entry.pk}/contact/?request={support_request.pk}",
        f"/fr/diaspora/roster/contacts/{done.pk}/",
        "/fr/diaspora/roster/contacts/",
        "/fr/diaspora/cofunding/",
    ):
        aide_page.goto(f"{live_server.url}{path}")
        check_a11y(aide_page)
    # A refused form shows its errors accessibly too.
    aide_page.goto(f"{live_server.url}/fr/diaspora/roster/{entry.pk}/contact/")
    check_a11y(aide_page)
    aide_page.locator("main form button[type=submit]").click()
    aide_page.wait_for_load_state()
    check_a11y(aide_page)
