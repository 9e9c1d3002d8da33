import pytest
from django.core import mail

from passerelle.accounts import services
from passerelle.accounts.models import Invitation, Membership, Organisation
from passerelle.geo.models import Country

from .factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_organisation_form_shows_translated_errors_and_writes_nothing(client):
    client.force_login(UserFactory())
    response = client.post("/fr/organisations/new/", {"name": "", "type": "nope"})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not Organisation.objects.exists()


def test_create_organisation_redirects_to_it(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/organisations/new/",
        {"name": "Diaspora Hub", "type": "diaspora_organisation", "language": "en"},
    )
    organisation = Organisation.objects.get()
    assert response.status_code == 302 and response["Location"] == organisation.get_absolute_url()
    assert user.memberships.get().role == "admin"


def test_update_by_editor_with_bad_website_is_a_400(client, organisation, editor):
    client.force_login(editor)
    data = {
        "name": organisation.name,
        "type": organisation.type,
        "website": "javascript:x",
        "language": "en",
    }
    response = client.post(f"/en/organisations/{organisation.slug}/edit/", data)
    assert response.status_code == 400
    assert "Enter a valid URL" in response.content.decode()


def test_invite_with_htmx_swaps_the_panel_and_sends_mail(
    client, organisation, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/organisations/{organisation.slug}/members/",
            {"email": "colleague@example.org", "role": "editor"},
            HTTP_HX_REQUEST="true",
        )
    assert response.status_code == 200
    content = response.content.decode()
    assert "<html" not in content and "colleague@example.org" in content
    assert Invitation.objects.filter(email="colleague@example.org").exists()
    assert mail.outbox[-1].to == ["colleague@example.org"]


def test_invite_with_bad_email_is_a_400(client, organisation, owner):
    client.force_login(owner)
    response = client.post(
        f"/en/organisations/{organisation.slug}/members/", {"email": "nope", "role": "boss"}
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_viewer_sees_members_but_cannot_invite(client, organisation, viewer):
    client.force_login(viewer)
    url = f"/en/organisations/{organisation.slug}/members/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"email": "a@example.org", "role": "viewer"}).status_code == 403


def test_invitation_accept_flow(client, organisation, owner):
    invitation = services.invitation_create(
        actor=owner, organisation=organisation, email="new@example.org", role="viewer"
    )
    url = invitation.get_absolute_url()
    assert client.post(url)["Location"].startswith("/en/accounts/login/")
    client.force_login(UserFactory(email="other@example.org"))
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(email="new@example.org"))
    assert client.post(url).status_code == 302
    assert Membership.objects.filter(user__email="new@example.org").exists()
    assert client.post(url).status_code == 400  # used once


def test_secretariat_decides_verification(client, government, government_admin, secretariat):
    services.verification_request(actor=government_admin, organisation=government, evidence="x")
    client.force_login(secretariat)
    assert government.name in client.get("/en/verifications/").content.decode()
    url = f"/en/organisations/{government.slug}/verification/decide/"
    assert client.post(url, {"decision": "decline", "note": ""}).status_code == 400
    assert client.post(url, {"decision": "approve", "note": "Letter checked"}).status_code == 302
    government.refresh_from_db()
    assert government.verification_status == "verified"


def test_evidence_is_private_to_admins_and_secretariat(client, government, government_admin):
    services.verification_request(
        actor=government_admin, organisation=government, evidence="Decree 77-1"
    )
    url = government.get_absolute_url()
    assert "Decree 77-1" not in client.get(url).content.decode()
    client.force_login(government_admin)
    assert "Decree 77-1" in client.get(url).content.decode()


def test_language_switch_remembers_the_preference(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/en/organisations/"})
    assert response["Location"] == "/es/organisations/"
    user.refresh_from_db()
    assert user.preferred_language == "es"


def test_login_redirects_to_preferred_language(client):
    user = UserFactory(preferred_language="fr")
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": "a-long-test-password"}
    )
    assert response.status_code == 302 and response["Location"].startswith("/fr/"), response[
        "Location"
    ]


@pytest.mark.parametrize("count", [5, 40])
def test_directory_query_count_does_not_grow(client, count, django_assert_max_num_queries):
    OrganisationFactory.create_batch(count)
    with django_assert_max_num_queries(8):
        assert client.get("/en/organisations/").status_code == 200


def test_directory_filters_by_region(client):
    OrganisationFactory(name="In Senegal", country=Country.objects.get(iso3="SEN"))
    OrganisationFactory(name="In Mexico", country=Country.objects.get(iso3="MEX"))
    content = client.get("/en/organisations/?region=002").content.decode()  # Africa
    assert "In Senegal" in content and "In Mexico" not in content
