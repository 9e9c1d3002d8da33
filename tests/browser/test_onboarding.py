"""The first thing a person does: sign up, confirm the e-mail, log in, read the site in French,
register an organisation and invite a colleague."""

import re

import pytest
from django.core import mail

# serialized_rollback: the flush after a transactional test would wipe the reference data
# (countries, objectives) that migrations load; this restores it for the next test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_sign_up_verify_switch_language_create_organisation_and_invite(
    live_server, page, visit, check_a11y
):
    visit("/en/accounts/signup/")
    page.get_by_label("Full name:").fill("Aïcha Diallo")
    page.get_by_label("Email:").fill("aicha@example.org")
    page.get_by_label("Password:", exact=True).fill("a-long-browser-password")
    page.get_by_label("Password (again):").fill("a-long-browser-password")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert "verify" in page.content().lower()

    confirmation = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(confirmation.replace("http://testserver", live_server.url))
    check_a11y(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()
    check_a11y(page)

    if "/accounts/login/" in page.url:  # allauth logs in on confirmation; log in if it did not
        page.get_by_label("Email:").fill("aicha@example.org")
        page.get_by_label("Password:").fill("a-long-browser-password")
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_load_state()
        check_a11y(page)
    assert page.get_by_role("button", name="Log out").is_visible()

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert "/fr/" in page.url
    assert page.locator("html").get_attribute("lang") == "fr"

    visit("/fr/organisations/new/")
    page.get_by_label("Nom").fill("Association des femmes migrantes de Dakar")
    page.get_by_label("Type").select_option("migrant_organisation")
    page.get_by_label("Pays").select_option(label="Sénégal")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert page.get_by_role(
        "heading", name="Association des femmes migrantes de Dakar"
    ).is_visible()

    page.get_by_role("link", name="Membres").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.get_by_label("Adresse électronique").fill("collegue@example.org")
    page.locator("#id_role").select_option("editor")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.locator("#members-panel").get_by_text("collegue@example.org —").wait_for()
    check_a11y(page)
    assert any("collegue@example.org" in message.to for message in mail.outbox)
