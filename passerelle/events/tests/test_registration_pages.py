"""The registration pages: registering (oneself, a delegation's member, an agenda item's seat),
the waiting list, double posts and bad input; a registration's page with its code, cancelling,
its data (download, deletion) and the certificate; and the organisers' pages — participants
with their filters and CSV export, check-in at the door, invitations — each for every role,
allowed and denied, with bounded queries."""

import csv
import io
import json
import re
import uuid

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.core.models import AuditEntry

from .. import certificates
from ..models import Event, EventInvitation, Registration
from ..services import registrations as services
from ..services.registrations import RegistrationData
from .factories import AgendaItemFactory, EventFactory, EventPartnerFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

QUESTION = {"key": "diet", "label": "Dietary needs", "required": True}


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fresh(user) -> User:
    """The same person with nothing cached (their roles)."""
    return User.objects.get(pk=user.pk)


def signup(user, event, item=None, **fields) -> Registration:
    """A registration through the service: it takes a seat or waits for one."""
    data = RegistrationData(registration_type=fields.pop("registration_type", "delegate"), **fields)
    return services.register(actor=fresh(user), event=event, item=item, data=data)


def url(name, *args) -> str:
    return reverse(f"events:{name}", args=args)


def register_url(event, item=None) -> str:
    address = url("register", event.slug)
    return f"{address}?item={item.pk}" if item else address


def form(**overrides) -> dict:
    return {"registration_type": "delegate", "submission": str(uuid.uuid4()), **overrides}


def page(response) -> str:
    return response.content.decode()


@pytest.fixture
def person(db):
    return UserFactory(full_name="Ana Pérez")


@pytest.fixture
def registration(person, published_event):
    return signup(person, published_event)


@pytest.fixture
def full_event(organisation):
    """A published event with one seat, taken."""
    event = EventFactory(status="published", capacity=1, slug="full")
    EventPartnerFactory(event=event, organisation=organisation, role="organiser")
    signup(UserFactory(), event)
    return event


# Who may open what ---------------------------------------------------------------------------


def every_page(event, code):
    return [
        url("register", event.slug),
        url("my_registrations"),
        url("registration_detail", code),
        url("registration_cancel", code),
        url("registration_data", code),
        url("registration_delete", code),
        url("certificate_pdf", code),
        url("participants", event.slug),
        url("participants_csv", event.slug),
        url("check_in", event.slug),
        url("invitations", event.slug),
    ]


def test_visitors_are_sent_to_log_in_everywhere(client, published_event, registration):
    for address in every_page(published_event, registration.code):
        response = client.get(address)
        assert response.status_code == 302, address
        assert response.url.startswith(reverse("account_login")), address


@pytest.mark.parametrize("who", ["outsider", "secretariat", "viewer"])
def test_someone_elses_registration_is_not_found(who, registration, request):
    client = logged_in(request.getfixturevalue(who))
    for name in (
        "registration_detail",
        "registration_cancel",
        "registration_data",
        "registration_delete",
        "certificate_pdf",
    ):
        assert client.get(url(name, registration.code)).status_code == 404, name
    assert client.post(url("registration_cancel", registration.code)).status_code == 404
    assert client.post(url("registration_delete", registration.code)).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


@pytest.mark.parametrize("name", ["participants", "participants_csv", "check_in", "invitations"])
def test_organisers_pages_are_theirs(name, published_event, editor, secretariat, viewer, outsider):
    address = url(name, published_event.slug)
    assert logged_in(editor).get(address).status_code == 200
    # Seen (the event is published) but not run by them: refused, the secretariat included
    # (registrations hold personal data).
    assert logged_in(secretariat).get(address).status_code == 403
    assert logged_in(outsider).get(address).status_code == 403
    assert logged_in(viewer).get(address).status_code == 403


@pytest.mark.parametrize("name", ["register", "participants", "check_in", "invitations"])
def test_a_draft_is_not_found_by_others(name, draft_event, outsider):
    assert logged_in(outsider).get(url(name, draft_event.slug)).status_code == 404


def test_nobody_registers_for_a_draft(draft_event, editor):
    response = logged_in(editor).post(url("register", draft_event.slug), form())
    assert response.status_code == 403
    assert "not open for registration" in page(response)
    assert not Registration.objects.exists()


# Registering ---------------------------------------------------------------------------------


def test_a_person_registers_and_sees_their_code(
    person, published_event, django_capture_on_commit_callbacks
):
    client = logged_in(person)
    response = client.get(register_url(published_event))
    assert response.status_code == 200
    assert 'name="submission"' in page(response)
    assert "For a focal point" not in page(response)  # not an editor of a delegation
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(published_event), form(), follow=True)
    registration = Registration.objects.get()
    assert (registration.user, registration.status) == (person, "confirmed")
    assert response.redirect_chain[-1][0] == url("registration_detail", registration.code)
    content = page(response)
    assert registration.code in content
    assert "You are registered. Your personal code is" in content
    assert 'src="data:image/svg+xml;base64,' in content  # the QR code
    assert mail.outbox[-1].to == [person.email]
    published_event.refresh_from_db()
    assert published_event.seats_taken == 1


def test_a_full_event_puts_people_on_the_waiting_list(person, full_event):
    signup(UserFactory(), full_event)  # first on the waiting list
    response = logged_in(person).post(register_url(full_event), form(), follow=True)
    registration = Registration.objects.get(user=person)
    assert registration.status == "waitlisted"
    content = page(response)
    assert "you are on the waiting list, number 2" in content
    assert "You are number 2 on the waiting list" in content


def test_the_same_form_posted_twice_registers_once(person, published_event):
    client, data = logged_in(person), form()
    first = client.post(register_url(published_event), data)
    second = client.post(register_url(published_event), data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert Registration.objects.count() == 1
    published_event.refresh_from_db()
    assert published_event.seats_taken == 1


def test_a_registered_person_is_shown_their_registration(person, registration, published_event):
    response = logged_in(person).get(register_url(published_event))
    assert "You are already registered here." in page(response)
    assert url("registration_detail", registration.code) in page(response)
    assert '<form method="post"' not in page(response).split("<main")[1]


def test_answers_are_asked_and_kept(person, published_event):
    Event.objects.filter(pk=published_event.pk).update(questionnaire=[QUESTION])
    response = logged_in(person).post(register_url(published_event), form(answer_diet="Vegetarian"))
    assert response.status_code == 302
    assert Registration.objects.get().answers == {"diet": "Vegetarian"}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"answer_diet": "  "}, "answer_diet", "This field is required."),
        ({"registration_type": "tourist"}, "registration_type", "Select a valid choice."),
        ({"on_behalf": "on", "name": "Awa Ndiaye", "email": "not-an-address"}, "email", "valid"),
    ],
)
def test_bad_input_is_shown_on_its_field_and_nothing_is_written(
    person, published_event, data, field, message
):
    Event.objects.filter(pk=published_event.pk).update(questionnaire=[QUESTION])
    typed = {"answer_diet": "No nuts, please", **data}
    response = logged_in(person).post(register_url(published_event), form(**typed))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert message in " ".join(errors[field])
    if field != "answer_diet":
        assert "No nuts, please" in page(response)  # what was typed stays
    assert not Registration.objects.exists()
    published_event.refresh_from_db()
    assert published_event.seats_taken == 0


def test_a_service_error_lands_on_its_field(person, published_event):
    """The form accepts an empty answer the service refuses: its error is mapped back."""
    Event.objects.filter(pk=published_event.pk).update(
        questionnaire=[{"key": "diet", "label": "Diet", "required": False}]
    )
    published_event.refresh_from_db()
    response = logged_in(person).post(register_url(published_event), form(answer_diet="x" * 2001))
    assert response.status_code == 400
    assert "answer_diet" in response.context["form"].errors
    assert not Registration.objects.exists()


def test_a_closed_registration_says_so(person, published_event):
    Event.objects.filter(pk=published_event.pk).update(
        registration_closes_at=timezone.now() - timezone.timedelta(hours=1),
        registration_opens_at=timezone.now() - timezone.timedelta(days=9),
    )
    client = logged_in(person)
    assert "Registration is closed." in page(client.get(register_url(published_event)))
    response = client.post(register_url(published_event), form())
    assert response.status_code == 400
    assert "Registration is closed." in page(response)
    assert not Registration.objects.exists()


def test_a_focal_point_registers_a_member_of_the_delegation(
    government, government_admin, published_event, django_capture_on_commit_callbacks
):
    client = logged_in(government_admin)
    assert "For a focal point" in page(client.get(register_url(published_event)))
    data = form(
        organisation=government.pk, on_behalf="on", name="Awa Ndiaye", email="awa@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(published_event), data, follow=True)
    registration = Registration.objects.get()
    assert (registration.user, registration.registered_by) == (None, government_admin)
    assert (registration.name, registration.email) == ("Awa Ndiaye", "awa@example.org")
    assert "Awa Ndiaye is registered. Their personal code is" in page(response)
    assert mail.outbox[-1].to == ["awa@example.org"]
    assert registration.code in page(client.get(url("my_registrations")))


def test_only_an_editor_of_the_delegation_registers_its_members(
    government, organisation, published_event
):
    # An editor elsewhere (so the delegation fields show) but only a viewer of the government.
    focal_point = MembershipFactory(organisation=organisation, role="editor").user
    MembershipFactory(user=focal_point, organisation=government, role="viewer")
    data = form(
        organisation=government.pk, on_behalf="on", name="Awa Ndiaye", email="awa@example.org"
    )
    response = logged_in(focal_point).post(register_url(published_event), data)
    assert response.status_code == 400
    assert "Only a focal point" in " ".join(response.context["form"].errors["organisation"])
    assert 'value="Awa Ndiaye"' in page(response)
    assert not Registration.objects.exists()


def test_someone_elses_organisation_is_not_offered(person, published_event):
    stranger = OrganisationFactory()
    response = logged_in(person).post(register_url(published_event), form(organisation=stranger.pk))
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Registration.objects.exists()


def test_registering_for_a_side_event_takes_its_seats(person, published_event, side_event):
    response = logged_in(person).post(register_url(published_event, side_event), form())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.item == side_event
    side_event.refresh_from_db()
    published_event.refresh_from_db()
    assert (side_event.seats_taken, published_event.seats_taken) == (1, 0)


def test_an_item_without_seats_or_of_another_event_is_not_found(person, published_event):
    plenary = AgendaItemFactory(event=published_event)
    elsewhere = AgendaItemFactory(capacity=5)
    client = logged_in(person)
    for item in ("abc", "²", "9" * 30, plenary.pk, elsewhere.pk, 999999):
        address = f"{url('register', published_event.slug)}?item={item}"
        assert client.get(address).status_code == 404, item
        assert client.post(address, form()).status_code == 404, item
    assert not Registration.objects.exists()


# A registration ------------------------------------------------------------------------------


def test_my_registrations_lists_mine_and_my_delegations_only(
    person, registration, published_event, government, government_admin,
    django_assert_max_num_queries,
):  # fmt: skip
    signup(government_admin, published_event, organisation=government, name="Awa", email="a@b.c")
    for _ in range(5):
        signup(person, EventFactory(status="published"))
    other = signup(UserFactory(), published_event)
    client = logged_in(person)
    with django_assert_max_num_queries(7):
        response = client.get(url("my_registrations"))
    assert response.status_code == 200
    content = page(response)
    assert registration.code in content
    assert len(response.context["page_obj"].object_list) == 6
    assert other.code not in content
    assert "Awa" not in content


def test_a_registration_page_for_its_person_and_its_organisers(
    person, registration, editor, outsider
):
    mine = page(logged_in(person).get(url("registration_detail", registration.code)))
    assert registration.code in mine and "Download my data" in mine and "Delete my data" in mine
    assert "Download my certificate" not in mine
    organiser = logged_in(editor).get(url("registration_detail", registration.code))
    assert organiser.status_code == 200
    assert "Delete my data" not in page(organiser)  # only the person erases their data
    lower = url("registration_detail", registration.code.lower())
    assert logged_in(person).get(lower).status_code == 200
    assert logged_in(outsider).get(url("registration_detail", registration.code)).status_code == 404


def test_cancelling_asks_then_gives_the_seat_to_the_first_waiting(person, organisation):
    event = EventFactory(status="published", capacity=1)
    EventPartnerFactory(event=event, organisation=organisation)
    mine = signup(person, event)
    first, second = signup(UserFactory(), event), signup(UserFactory(), event)
    client = logged_in(person)
    confirm = client.get(url("registration_cancel", mine.code))
    assert confirm.status_code == 200
    assert "Yes, cancel the registration" in page(confirm)
    mine.refresh_from_db()
    assert mine.status == "confirmed"  # asking changes nothing
    response = client.post(url("registration_cancel", mine.code), {"reason": "Ill"}, follow=True)
    assert "The registration is cancelled" in page(response)
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert statuses == {mine.pk: "cancelled", first.pk: "confirmed", second.pk: "waitlisted"}


def test_an_organiser_cancels_and_a_bad_reason_is_refused(registration, editor):
    client = logged_in(editor)
    response = client.post(url("registration_cancel", registration.code), {"reason": "x" * 2001})
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    client.post(url("registration_cancel", registration.code), {"reason": ""})
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_my_data_downloads_as_json(person, published_event):
    Event.objects.filter(pk=published_event.pk).update(questionnaire=[QUESTION])
    published_event.refresh_from_db()
    registration = signup(person, published_event, answers={"diet": "Halal"})
    response = logged_in(person).get(url("registration_data", registration.code))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["personal_code"] == registration.code
    assert data["answers"] == {"diet": "Halal"}
    assert data["email"] == person.email


def test_deleting_my_data_asks_then_erases_the_row(person, registration, editor):
    client = logged_in(person)
    assert "Yes, delete my data" in page(client.get(url("registration_delete", registration.code)))
    assert Registration.objects.filter(pk=registration.pk).exists()
    # The organisers see the registration but may not erase it.
    assert logged_in(editor).post(url("registration_delete", registration.code)).status_code == 403
    response = client.post(url("registration_delete", registration.code))
    assert response.url == url("my_registrations")
    assert not Registration.objects.filter(pk=registration.pk).exists()
    assert AuditEntry.objects.filter(action="events.registration.deleted").exists()


def test_the_certificate_comes_once_checked_in(person, registration, editor, outsider):
    client = logged_in(person)
    before = client.get(url("certificate_pdf", registration.code))
    assert before.status_code == 404
    assert "once you are checked in" in page(before)
    services.check_in(actor=fresh(editor), registration=registration)
    response = client.get(url("certificate_pdf", registration.code))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "Download my certificate" in page(
        client.get(url("registration_detail", registration.code))
    )
    assert logged_in(outsider).get(url("certificate_pdf", registration.code)).status_code == 404


def test_the_certificate_is_in_the_registrants_language(published_event, editor):
    french = UserFactory(full_name="Awa Ndiaye", preferred_language="fr")
    registration = signup(french, published_event)
    services.check_in(actor=fresh(editor), registration=registration)
    registration.refresh_from_db()
    assert certificates.registrant_language(registration) == "fr"
    content = certificates.certificate_pdf(registration, compress=False)
    assert b"Awa Ndiaye" in content
    assert registration.code.encode() in content
    assert b"/Lang (fr)" in content
    assert len(re.findall(rb"/Type /Page\b(?!s)", content)) == 1  # one page


def test_a_certificate_needs_a_check_in(registration):
    with pytest.raises(ValueError):
        certificates.certificate_pdf(registration)


# Participants --------------------------------------------------------------------------------


@pytest.fixture
def crowd(published_event, side_event, government):
    """Registrations of the event: confirmed, waitlisted (on the side event), cancelled, one
    checked in, some for a government; and one of another event."""
    people = [signup(UserFactory(), published_event) for _ in range(3)]
    delegate = signup(
        UserFactory(), published_event, organisation=None, registration_type="observer"
    )
    for _ in range(3):
        signup(UserFactory(), published_event, side_event)  # 2 seats: the third waits
    RegistrationFactory(event=published_event, organisation=government, name="Minister")
    cancelled = signup(UserFactory(), published_event)
    services.cancel(actor=cancelled.user, registration=cancelled)
    elsewhere = RegistrationFactory(name="Somebody Elsewhere")
    return {"people": people, "delegate": delegate, "elsewhere": elsewhere}


def test_participants_are_filtered(published_event, crowd, editor):
    client = logged_in(editor)
    listed = client.get(url("participants", published_event.slug))
    assert listed.status_code == 200
    assert listed.context["counts"]["total"] == 9
    assert "Somebody Elsewhere" not in page(listed)
    waiting = client.get(url("participants", published_event.slug), {"status": "waitlisted"})
    assert [r.status for r in waiting.context["page_obj"]] == ["waitlisted"]
    observers = client.get(
        url("participants", published_event.slug), {"registration_type": "observer"}
    )
    assert list(observers.context["page_obj"]) == [crowd["delegate"]]
    itself = client.get(url("participants", published_event.slug), {"item": "0"})
    assert itself.context["counts"]["total"] == 6
    governments = client.get(
        url("participants", published_event.slug), {"organisation_type": "national_government"}
    )
    assert [r.name for r in governments.context["page_obj"]] == ["Minister"]


def test_participants_by_type_of_organisation_as_a_chart_and_a_table(
    published_event, crowd, editor
):
    response = logged_in(editor).get(url("participants", published_event.slug))
    chart = response.context["chart"]
    assert chart["rows"][0] == {"label": "No organisation", "cells": [8]}
    assert {"label": "National government", "cells": [1]} in chart["rows"]
    content = page(response)
    assert 'role="img"' in content and '<table class="chart-table">' in content


@pytest.mark.parametrize("params", [{"status": "maybe"}, {"item": "abc"}, {"checked_in": "x"}])
def test_bad_filters_are_a_bad_request(published_event, editor, params):
    assert (
        logged_in(editor).get(url("participants", published_event.slug), params).status_code == 400
    )
    response = logged_in(editor).get(url("participants_csv", published_event.slug), params)
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action="events.participants.exported").exists()


def test_participants_in_bounded_queries(
    published_event, side_event, editor, django_assert_max_num_queries
):
    client = logged_in(editor)
    organisations = [OrganisationFactory(type=kind) for kind in ("un_agency", "academia")]
    for number in range(30):
        RegistrationFactory(
            event=published_event,
            organisation=organisations[number % 2],
            item=side_event if number % 3 == 0 else None,
        )
    with django_assert_max_num_queries(12):
        response = client.get(url("participants", published_event.slug))
    assert len(response.context["page_obj"].object_list) == 30


def test_the_csv_export_holds_this_events_rows_and_is_audited(
    published_event, crowd, editor, django_assert_max_num_queries
):
    Event.objects.filter(pk=published_event.pk).update(questionnaire=[QUESTION])
    RegistrationFactory(event=published_event, name="=HYPERLINK()", answers={"diet": "None"})
    client = logged_in(editor)
    with django_assert_max_num_queries(10):
        response = client.get(url("participants_csv", published_event.slug))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 10
    names = {row["name"] for row in rows}
    assert "Somebody Elsewhere" not in names and "'=HYPERLINK()" in names
    assert {row["answer_diet"] for row in rows} == {"", "None"}
    entry = AuditEntry.objects.get(action="events.participants.exported")
    assert (entry.actor, entry.data, entry.object_id) == (
        editor,
        {"rows": 10},
        str(published_event.pk),
    )
    waiting = client.get(url("participants_csv", published_event.slug), {"status": "waitlisted"})
    assert len(list(csv.DictReader(io.StringIO(waiting.content.decode("utf-8-sig"))))) == 1


# Check-in ------------------------------------------------------------------------------------


def check_in_url(event) -> str:
    return url("check_in", event.slug)


def test_check_in_by_code_then_again_says_when(published_event, registration, editor):
    client = logged_in(editor)
    code = f"{registration.code[:5].lower()} {registration.code[5:]}"  # as typed at the door
    response = client.post(check_in_url(published_event), {"code": code}, follow=True)
    assert "Ana Pérez is checked in." in page(response)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    again = client.post(check_in_url(published_event), {"code": registration.code}, follow=True)
    assert "was already checked in at" in page(again)
    first = registration.checked_in_at
    registration.refresh_from_db()
    assert registration.checked_in_at == first
    assert AuditEntry.objects.filter(action="events.registration.checked_in").count() == 1


def test_check_in_with_htmx_swaps_the_code_box_and_the_figures(
    published_event, registration, editor
):
    response = logged_in(editor).post(
        check_in_url(published_event), {"code": registration.code}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = page(response)
    assert 'id="check-in-scan"' in content and "is checked in" in content
    assert (
        'id="check-in-counts" aria-labelledby="check-in-counts-heading" hx-swap-oob="true"'
        in content
    )
    assert 'value=""' in content  # the code box is empty for the next person


def test_a_result_rows_button_checks_in_with_and_without_javascript(
    published_event, registration, editor
):
    client = logged_in(editor)
    data = {"code": registration.code, "q": "Ana", "row": "1"}
    response = client.post(check_in_url(published_event), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert page(response).startswith(f'<tr id="registration-{registration.pk}">')
    services.cancel(actor=registration.user, registration=registration)
    other = signup(UserFactory(full_name="Ana Silva"), published_event)
    response = client.post(check_in_url(published_event), {**data, "code": other.code})
    assert response.status_code == 302
    assert response.url == f"{check_in_url(published_event)}?q=Ana"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "This field is required."),
        ("ABC", "A personal code has 10 letters and digits."),
        ("ABCDEFGHJK", "No registration for this event has the code ABCDEFGHJK."),
    ],
)
def test_a_wrong_code_is_said_and_checks_nobody_in(
    published_event, registration, editor, code, message
):
    client = logged_in(editor)
    response = client.post(check_in_url(published_event), {"code": code})
    assert response.status_code == 400
    assert message in page(response)
    assert f'value="{code}"' in page(response)
    htmx = client.post(check_in_url(published_event), {"code": code}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 422  # htmx swaps it in
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_the_code_of_another_event_is_not_checked_in(published_event, editor, organisation):
    other_event = EventFactory(status="published")
    EventPartnerFactory(event=other_event, organisation=organisation)
    elsewhere = signup(UserFactory(), other_event)
    response = logged_in(editor).post(check_in_url(published_event), {"code": elsewhere.code})
    assert response.status_code == 400
    elsewhere.refresh_from_db()
    assert elsewhere.checked_in_at is None


def test_a_waitlisted_person_is_not_checked_in(full_event, editor):
    waiting = signup(UserFactory(), full_event)
    response = logged_in(editor).post(check_in_url(full_event), {"code": waiting.code})
    assert response.status_code == 400
    assert "Only a confirmed registration can be checked in" in page(response)


def test_others_check_nobody_in(published_event, registration, outsider, person):
    for user in (outsider, person):
        response = logged_in(user).post(check_in_url(published_event), {"code": registration.code})
        assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_the_search_finds_by_name_email_or_code_and_counts(
    published_event, side_event, registration, editor, django_assert_max_num_queries
):
    for number in range(20):
        RegistrationFactory(
            event=published_event, name=f"Delegate {number}", registration_type="observer"
        )
    RegistrationFactory(name="Delegate elsewhere")
    client = logged_in(editor)
    with django_assert_max_num_queries(9):
        response = client.get(check_in_url(published_event), {"q": "delegate"})
    assert len(response.context["results"]) == 20
    counts = response.context["counts"]
    assert counts["total"] == {"registered": 21, "confirmed": 21, "waitlisted": 0, "checked_in": 0}
    assert {row["label"]: row["registered"] for row in counts["by_type"]} == {
        "Delegate of a Member State": 1,
        "Observer": 20,
    }
    by_code = client.get(check_in_url(published_event), {"q": registration.code.lower()})
    assert list(by_code.context["results"]) == [registration]
    by_email = client.get(
        check_in_url(published_event), {"q": registration.email}, HTTP_HX_REQUEST="true"
    )
    assert page(by_email).startswith('<div id="check-in-results">')
    assert "Ana Pérez" in page(by_email)
    too_long = client.get(check_in_url(published_event), {"q": "x" * 201})
    assert too_long.status_code == 400


# Invitations ---------------------------------------------------------------------------------


def test_organisers_invite_and_uninvite(published_event, editor):
    Event.objects.filter(pk=published_event.pk).update(invitation_only=True)
    client = logged_in(editor)
    emails = "Awa@Example.org\n\n  bob@example.org  \nawa@example.org"
    response = client.post(
        url("invitations", published_event.slug), {"emails": emails}, follow=True
    )
    assert "Invited: 2. Already invited: 0." in page(response)
    assert set(EventInvitation.objects.values_list("email", flat=True)) == {
        "awa@example.org",
        "bob@example.org",
    }
    client.post(url("invitations", published_event.slug), {"emails": "bob@example.org"})
    assert EventInvitation.objects.count() == 2
    bob = EventInvitation.objects.get(email="bob@example.org")
    client.post(url("invitations", published_event.slug), {"invitation": bob.pk})
    assert list(EventInvitation.objects.values_list("email", flat=True)) == ["awa@example.org"]
    assert AuditEntry.objects.filter(action="events.invitation.removed").exists()


def test_the_invited_register_and_others_are_told(published_event, editor, person):
    Event.objects.filter(pk=published_event.pk).update(invitation_only=True)
    stranger = UserFactory()
    logged_in(editor).post(url("invitations", published_event.slug), {"emails": person.email})
    refused = logged_in(stranger).post(register_url(published_event), form())
    assert refused.status_code == 400
    assert "This event is by invitation only." in page(refused)
    assert logged_in(person).post(register_url(published_event), form()).status_code == 302
    listed = logged_in(editor).get(url("invitations", published_event.slug))
    assert [invitation.registered for invitation in listed.context["page_obj"]] == [True]


def test_bad_addresses_are_refused_and_kept(published_event, editor):
    client = logged_in(editor)
    response = client.post(
        url("invitations", published_event.slug), {"emails": "awa@example.org\nnot an address"}
    )
    assert response.status_code == 400
    assert "These lines are not e-mail addresses: not an address" in page(response)
    assert "awa@example.org" in page(response)
    assert not EventInvitation.objects.exists()
    bad = client.post(url("invitations", published_event.slug), {"invitation": "x"})
    assert bad.status_code == 400


def test_others_neither_invite_nor_uninvite(published_event, editor, outsider):
    invitation = EventInvitation.objects.create(event=published_event, email="awa@example.org")
    client = logged_in(outsider)
    assert (
        client.post(
            url("invitations", published_event.slug), {"emails": "x@example.org"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            url("invitations", published_event.slug), {"invitation": invitation.pk}
        ).status_code
        == 403
    )
    # An invitation of another event is not found from this one.
    other = EventFactory(status="published")
    foreign = EventInvitation.objects.create(event=other, email="b@example.org")
    response = logged_in(editor).post(
        url("invitations", published_event.slug), {"invitation": foreign.pk}
    )
    assert response.status_code == 404
    assert EventInvitation.objects.count() == 2
