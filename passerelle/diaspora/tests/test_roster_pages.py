"""The roster's pages and API, per role: the search (active experts only, filtered, in place
with htmx, a fixed number of queries), an expert's page with the track record, joining and
editing, contacting, answering; the expert's e-mail address is shown to the organisation only
once the expert accepts, never before, never in the API; diaspora co-funding."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.funding import services as funding
from passerelle.taxonomy.models import CapacityArea

from ..models import Block, ExpertContact, RosterEntry
from ..services import roster as services
from .factories import OrganisationProfileFactory, country
from .factories_roster import contact, join, ministry, published_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert():
    return UserFactory(email="lucia@example.org", full_name="Lucía Fernández")


@pytest.fixture
def entry(expert):
    return join(expert)


# --- the search ---------------------------------------------------------------------------------


def test_the_roster_lists_active_experts_to_everyone(client, entry):
    paused = join(headline="Border management trainer")
    services.roster_pause(actor=paused.expert, entry=paused)

    response = client.get(reverse("diaspora:roster_list"))

    assert response.status_code == 200
    assert entry.headline in response.text
    assert paused.headline not in response.text
    assert "lucia@example.org" not in response.text


@pytest.mark.parametrize(
    "query, found",
    [
        ({"area": "DATA"}, True),
        ({"area": "BORD"}, False),
        ({"language": "es"}, True),
        ({"language": "ar"}, False),
        ({"country": "COL"}, True),
        ({"country": "FRA"}, False),
        ({"availability": "short_missions"}, True),
        ({"availability": "remote"}, False),
        ({"q": "statistics"}, True),
        ({"q": "notaword"}, False),
    ],
)
def test_the_search_filters(client, entry, query, found):
    response = client.get(reverse("diaspora:roster_list"), query)

    assert response.status_code == 200
    assert (entry.headline in response.text) is found


def test_a_bad_filter_is_a_400_not_an_error(client, entry):
    response = client.get(reverse("diaspora:roster_list"), {"country": "XXX"})
    assert response.status_code == 400


def test_htmx_gets_only_the_results(client, entry):
    response = client.get(reverse("diaspora:roster_list"), {"q": "data"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert 'id="roster-results"' in response.text
    assert "<h1" not in response.text


def test_the_search_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for number in range(3):
        join(headline=f"Expert {number}")
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("diaspora:roster_list"))
    for number in range(3, 15):
        join(headline=f"Expert {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("diaspora:roster_list"))
    assert response.text.count("Expert 1") >= 1


# --- an expert's page ---------------------------------------------------------------------------


def test_the_experts_page_shows_the_track_record_but_never_the_email(client, entry):
    organisation, editor = ministry()
    request = published_request(organisation, editor)
    done = contact(entry, organisation, editor, support_request=request)
    services.contact_accept(actor=entry.expert, contact=done)
    services.contact_complete(actor=editor, contact=done, outcome="The survey was fielded.")

    response = client.get(entry.get_absolute_url())

    assert response.status_code == 200
    assert "The survey was fielded." in response.text
    assert "Ministry of Labour" in response.text
    assert request.title in response.text
    assert "lucia@example.org" not in response.text


def test_an_entry_that_left_is_the_experts_only(client, entry):
    services.roster_leave(actor=entry.expert, entry=entry)

    assert client.get(entry.get_absolute_url()).status_code == 404
    client.force_login(entry.expert)
    assert client.get(entry.get_absolute_url()).status_code == 200


def test_a_paused_entry_is_seen_by_an_organisation_in_contact(client, entry):
    organisation, editor = ministry()
    contact(entry, organisation, editor)
    services.roster_pause(actor=entry.expert, entry=entry)

    client.force_login(UserFactory())
    assert client.get(entry.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(entry.get_absolute_url()).status_code == 200


# --- joining and editing ------------------------------------------------------------------------


def join_form(**overrides):
    data = {
        "headline": "Especialista en datos migratorios",
        "expertise": "Diseño de encuestas de migración laboral y sistemas de estadísticas.",
        "capacity_areas": [CapacityArea.objects.get(code="DATA").pk],
        "languages": ["es", "en"],
        "work_countries": [country("COL").pk],
        "availability": "remote",
        "available_from": "2026-01-01",
        "cost_basis": "free",
        "max_engagements": "1",
        "consent_listed": "on",
    }
    return {**data, **overrides}


def test_joining_through_the_form(client):
    person = UserFactory()
    client.force_login(person)

    assert client.get(reverse("diaspora:roster_join")).status_code == 200
    response = client.post("/es/diaspora/roster/join/", join_form())

    entry = RosterEntry.objects.get(expert=person)
    assert response.status_code == 302 and response["Location"].endswith(f"/roster/{entry.pk}/")
    assert entry.offer.language == "es" and entry.offer.modality == "remote"


def test_joining_without_consent_says_why(client):
    client.force_login(UserFactory())
    form = join_form()
    del form["consent_listed"]

    response = client.post(reverse("diaspora:roster_join"), form)

    assert response.status_code == 400
    assert "You must agree to be listed publicly" in response.text
    assert not RosterEntry.objects.exists()


def test_the_join_page_asks_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("diaspora:roster_join"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_editing_pausing_resuming_and_leaving(client, entry):
    client.force_login(entry.expert)
    assert client.get(reverse("diaspora:roster_edit")).status_code == 200
    form = join_form(headline="Senior migration data analyst")
    del form["consent_listed"]
    assert client.post(reverse("diaspora:roster_edit"), form).status_code == 302
    entry.refresh_from_db()
    assert entry.headline == "Senior migration data analyst"

    client.post(reverse("diaspora:roster_pause"))
    entry.refresh_from_db()
    assert entry.status == "paused"
    client.post(reverse("diaspora:roster_resume"))
    entry.refresh_from_db()
    assert entry.status == "active"
    client.post(reverse("diaspora:roster_leave"))
    entry.refresh_from_db()
    assert entry.status == "left"


def test_pausing_without_an_entry_sends_to_the_join_page(client):
    client.force_login(UserFactory())
    response = client.post(reverse("diaspora:roster_pause"))
    assert response.status_code == 302 and response["Location"].endswith("/roster/join/")


# --- contacts -----------------------------------------------------------------------------------


def test_the_contact_form_preselects_the_request(client, entry):
    organisation, editor = ministry()
    request = published_request(organisation, editor)
    client.force_login(editor)

    response = client.get(
        reverse("diaspora:contact_create", kwargs={"pk": entry.pk}), {"request": request.pk}
    )

    assert response.status_code == 200
    assert f'<option value="{request.pk}" selected>' in response.text


def test_someone_without_an_organisation_cannot_contact(client, entry):
    client.force_login(UserFactory())
    response = client.get(reverse("diaspora:contact_create", kwargs={"pk": entry.pk}))
    assert response.status_code == 403


def test_contacting_through_the_form(client, entry):
    organisation, editor = ministry()
    client.force_login(editor)
    url = reverse("diaspora:contact_create", kwargs={"pk": entry.pk})

    empty = client.post(url, {"organisation": organisation.pk, "message": ""})
    assert empty.status_code == 400
    response = client.post(url, {"organisation": organisation.pk, "message": "Hello"})

    sent = ExpertContact.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/contacts/{sent.pk}/")


def test_a_blocked_sender_is_told_and_nothing_is_sent(client, entry):
    organisation, editor = ministry()
    Block.objects.create(blocker=entry.expert, blocked=editor)
    client.force_login(editor)

    response = client.post(
        reverse("diaspora:contact_create", kwargs={"pk": entry.pk}),
        {"organisation": organisation.pk, "message": "Hello"},
    )

    assert response.status_code == 400
    assert "does not accept contacts from you" in response.text
    assert not ExpertContact.objects.exists()


def test_the_email_is_shown_to_the_organisation_only_after_acceptance(client, entry):
    organisation, editor = ministry()
    colleague = MembershipFactory(organisation=organisation, role="viewer").user
    sent = contact(entry, organisation, editor)
    url = sent.get_absolute_url()

    client.force_login(editor)
    assert "lucia@example.org" not in client.get(url).text
    client.force_login(entry.expert)
    page = client.get(url)
    assert "Accept and share my e-mail" in page.text
    assert (
        client.post(reverse("diaspora:contact_accept", kwargs={"pk": sent.pk})).status_code == 302
    )

    for person in (editor, colleague):
        client.force_login(person)
        assert "lucia@example.org" in client.get(url).text
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_answering_is_the_experts_and_completing_the_organisations(client, entry):
    organisation, editor = ministry()
    sent = contact(entry, organisation, editor)

    client.force_login(editor)
    assert (
        client.post(reverse("diaspora:contact_accept", kwargs={"pk": sent.pk})).status_code == 403
    )
    client.force_login(entry.expert)
    client.post(reverse("diaspora:contact_accept", kwargs={"pk": sent.pk}), {"reply": "Yes"})
    complete = reverse("diaspora:contact_complete", kwargs={"pk": sent.pk})
    assert client.post(complete, {"outcome": "Done"}).status_code == 403

    client.force_login(editor)
    assert client.post(complete, {"outcome": ""}).status_code == 400
    assert client.post(complete, {"outcome": "A survey designed"}).status_code == 302
    sent.refresh_from_db()
    assert sent.status == "completed" and sent.reply == "Yes"


def test_withdrawing_and_declining(client, entry):
    organisation, editor = ministry()
    first = contact(entry, organisation, editor)
    client.force_login(editor)
    client.post(reverse("diaspora:contact_withdraw", kwargs={"pk": first.pk}))
    second = contact(entry, organisation, editor)
    client.force_login(entry.expert)
    client.post(reverse("diaspora:contact_decline", kwargs={"pk": second.pk}), {"reason": "No"})

    assert set(ExpertContact.objects.values_list("status", flat=True)) == {"withdrawn", "declined"}


def test_the_contact_list_shows_received_and_sent(client, entry):
    organisation, editor = ministry()
    contact(entry, organisation, editor)

    client.force_login(entry.expert)
    assert "Ministry of Labour" in client.get(reverse("diaspora:contact_list")).text
    client.force_login(editor)
    assert entry.headline in client.get(reverse("diaspora:contact_list")).text


# --- API ----------------------------------------------------------------------------------------


def test_the_api_lists_active_experts_with_their_track_record_and_no_email(client, entry):
    organisation, editor = ministry()
    done = contact(entry, organisation, editor)
    services.contact_accept(actor=entry.expert, contact=done)
    services.contact_complete(actor=editor, contact=done, outcome="Survey fielded")
    left = join(headline="Gone")
    services.roster_leave(actor=left.expert, entry=left)

    response = client.get(reverse("api:diaspora-roster-list"))

    assert response.status_code == 200
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    assert [row["headline"] for row in rows] == [entry.headline]
    assert rows[0]["track_record"][0]["outcome"] == "Survey fielded"
    assert rows[0]["name"] == "A member of the hub"
    assert "@" not in response.text
    assert (
        client.get(reverse("api:diaspora-roster-detail", kwargs={"pk": left.pk})).status_code == 404
    )


# --- co-funding ---------------------------------------------------------------------------------


def test_cofunding_lists_requests_short_of_money_with_the_giving_link(client):
    organisation, editor = ministry()
    request = published_request(organisation, editor)

    response = client.get(reverse("diaspora:cofunding"))

    assert response.status_code == 200
    assert request.title in response.text
    assert f"{reverse('funding:contribution_create')}?request={request.pk}" in response.text


def test_cofunding_shows_a_signed_in_persons_contributions(client):
    client.force_login(UserFactory())
    response = client.get(reverse("diaspora:cofunding"))
    assert "What my contributions delivered" in response.text


def test_a_contact_is_private_to_its_two_parties_not_the_secretariat(client, entry, secretariat):
    organisation, editor = ministry()
    sent = contact(entry, organisation, editor)

    client.force_login(secretariat)
    assert client.get(sent.get_absolute_url()).status_code == 404
    accept = reverse("diaspora:contact_accept", kwargs={"pk": sent.pk})
    assert client.post(accept).status_code == 404


def test_cofunding_totals_separate_diaspora_organisations_and_individuals(client):
    organisation, editor = ministry()
    request = published_request(organisation, editor)
    association = OrganisationProfileFactory().organisation
    treasurer = MembershipFactory(organisation=association, role="editor").user
    person = UserFactory()

    def give(actor, amount, **source):
        funding.contribution_create(
            actor=actor, request=request, status="committed", **source,
            data=funding.ContributionData(
                kind="financial", amount=Decimal(amount), currency="USD",
                value_date=datetime.date.today(),
            ),
        )  # fmt: skip

    give(treasurer, 1200, source_organisation=association)
    give(person, 300)

    response = client.get(reverse("diaspora:cofunding"))

    totals = response.context
    assert totals["by_organisations"]["funded"] == Decimal("1200")
    assert totals["by_individuals"]["funded"] == Decimal("300")
    client.force_login(person)
    assert "300" in client.get(reverse("diaspora:cofunding")).text
