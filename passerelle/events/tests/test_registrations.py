"""The registration services: seats, the waiting list, cancellation and promotion, double posts,
delegations, invitations, windows, check-in and erasure."""

import datetime
import uuid

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.core.models import AuditEntry

from ..models import AgendaItem, Event, EventInvitation, EventPartner, Registration
from ..services import registrations as services
from ..services.registrations import RegistrationData

pytestmark = pytest.mark.django_db

DELEGATE = "delegate"


@pytest.fixture
def event(organisation):
    event = Event.objects.create(
        slug="idm", title="IDM", language="fr", kind="idm", format="in_person",
        status="published", starts_on=datetime.date(2027, 10, 8),
        ends_on=datetime.date(2027, 10, 9), time_zone="Europe/Zurich", capacity=2,
    )  # fmt: skip
    EventPartner.objects.create(event=event, organisation=organisation, role="organiser")
    return event


@pytest.fixture
def side_event(event):
    starts = datetime.datetime(2027, 10, 8, 11, 15, tzinfo=datetime.UTC)
    return AgendaItem.objects.create(
        event=event, kind="side_event", title="iDiaspora", capacity=1,
        starts_at=starts, ends_at=starts + datetime.timedelta(minutes=90),
    )  # fmt: skip


def person():
    return UserFactory()


def register(user, event, item=None, **fields):
    return services.register(
        actor=user, event=event, item=item,
        data=RegistrationData(registration_type=fields.pop("registration_type", DELEGATE),
                              **fields),
    )  # fmt: skip


def test_seats_are_confirmed_until_full_then_waitlisted(event):
    first, second, third = (register(person(), event) for _ in range(3))
    assert [r.status for r in (first, second, third)] == ["confirmed", "confirmed", "waitlisted"]
    event.refresh_from_db()
    assert event.seats_taken == 2 and event.seats_left == 0
    assert len(first.code) == 10 and first.code != second.code


def test_an_event_without_capacity_confirms_everyone(event):
    Event.objects.filter(pk=event.pk).update(capacity=None)
    event.refresh_from_db()
    assert {register(person(), event).status for _ in range(5)} == {"confirmed"}


def test_the_database_refuses_more_seats_than_there_are(event):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(seats_taken=3)


def test_an_agenda_item_has_its_own_seats(event, side_event):
    assert register(person(), event, side_event).status == "confirmed"
    assert register(person(), event, side_event).status == "waitlisted"
    assert register(person(), event).status == "confirmed"  # the event's seats are apart
    side_event.refresh_from_db()
    event.refresh_from_db()
    assert (side_event.seats_taken, event.seats_taken) == (1, 1)


def test_an_item_without_seats_takes_no_registration(event):
    plenary = AgendaItem.objects.create(
        event=event, kind="plenary", title="Session 1",
        starts_at=timezone.now(), ends_at=timezone.now() + datetime.timedelta(hours=1),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        register(person(), event, plenary)
    assert "item" in error.value.message_dict
    assert not Registration.objects.exists()


def test_cancelling_a_seat_promotes_the_first_person_waiting(
    event, django_capture_on_commit_callbacks
):
    confirmed = [register(person(), event) for _ in range(2)]
    first_waiting, second_waiting = register(person(), event), register(person(), event)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(actor=confirmed[0].user, registration=confirmed[0])
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == "confirmed"
    assert second_waiting.status == "waitlisted"
    event.refresh_from_db()
    assert event.seats_taken == 2
    assert [message.to for message in mail.outbox] == [[first_waiting.email]]
    assert "confirmed" in mail.outbox[0].subject.lower()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"events.registration.cancelled", "events.registration.promoted"} <= actions


def test_cancelling_a_waitlisted_place_promotes_nobody(event):
    [register(person(), event) for _ in range(2)]
    waiting, behind = register(person(), event), register(person(), event)
    services.cancel(actor=waiting.user, registration=waiting)
    behind.refresh_from_db()
    assert behind.status == "waitlisted"
    event.refresh_from_db()
    assert event.seats_taken == 2


def test_cancelling_twice_changes_nothing_more(event):
    registration = register(person(), event)
    services.cancel(actor=registration.user, registration=registration)
    services.cancel(actor=registration.user, registration=registration)
    event.refresh_from_db()
    assert event.seats_taken == 0


def test_a_person_cancelled_may_register_again(event):
    registration = register(user := person(), event)
    services.cancel(actor=user, registration=registration)
    assert register(user, event).status == "confirmed"


def test_nobody_else_cancels_a_registration(event, outsider):
    registration = register(person(), event)
    with pytest.raises(PermissionDenied):
        services.cancel(actor=outsider, registration=registration)


def test_an_organiser_cancels_a_registration(event, editor):
    registration = register(person(), event)
    services.cancel(actor=editor, registration=registration)
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_the_same_form_posted_twice_registers_once(event):
    user, token = person(), uuid.uuid4()
    first = register(user, event, submission=token)
    second = register(user, event, submission=token)
    assert first.pk == second.pk
    assert Registration.objects.count() == 1
    event.refresh_from_db()
    assert event.seats_taken == 1


def test_someone_elses_token_is_refused(event):
    token = uuid.uuid4()
    register(person(), event, submission=token)
    with pytest.raises(PermissionDenied):
        register(person(), event, submission=token)


def test_a_person_registers_once_and_keeps_their_seat(event):
    user = person()
    register(user, event)
    with pytest.raises(ValidationError) as error:
        register(user, event)
    assert "already registered" in str(error.value)
    event.refresh_from_db()
    assert event.seats_taken == 1  # the refused attempt gave its seat back


def test_a_focal_point_registers_a_member_of_the_delegation(
    event, government, government_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(
            government_admin, event, organisation=government, name="Awa Ndiaye",
            email="Awa.Ndiaye@example.org",
        )  # fmt: skip
    assert registration.user is None
    assert registration.registered_by == government_admin
    assert (registration.name, registration.email) == ("Awa Ndiaye", "awa.ndiaye@example.org")
    assert mail.outbox[-1].to == ["awa.ndiaye@example.org"]


def test_only_an_editor_of_the_delegation_registers_others(event, government):
    viewer = MembershipFactory(organisation=government, role="viewer").user
    with pytest.raises(ValidationError) as error:
        register(viewer, event, organisation=government, name="X", email="x@example.org")
    assert "organisation" in error.value.message_dict
    assert not Registration.objects.exists()


def test_bad_input_is_refused_field_by_field_and_nothing_is_written(event):
    Event.objects.filter(pk=event.pk).update(
        questionnaire=[{"key": "diet", "label": "Dietary needs", "required": True}]
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        register(person(), event, registration_type="tourist", answers={"diet": " "})
    assert set(error.value.message_dict) == {"registration_type", "answer_diet"}
    assert not Registration.objects.exists()
    event.refresh_from_db()
    assert event.seats_taken == 0


def test_answers_are_kept(event):
    Event.objects.filter(pk=event.pk).update(
        questionnaire=[{"key": "diet", "label": "Dietary needs", "required": True}]
    )
    event.refresh_from_db()
    registration = register(person(), event, answers={"diet": "vegetarian", "other": "x"})
    assert registration.answers == {"diet": "vegetarian"}


def test_invitation_only_events_take_the_invited(event):
    Event.objects.filter(pk=event.pk).update(invitation_only=True)
    event.refresh_from_db()
    invited, stranger = person(), person()
    EventInvitation.objects.create(event=event, email=invited.email.upper())
    assert register(invited, event).status == "confirmed"
    with pytest.raises(ValidationError, match="invitation only"):
        register(stranger, event)


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [(1, 2, "Registration opens"), (-2, -1, "Registration is closed")],
)
def test_registration_follows_its_window(event, opens, closes, message):
    now = timezone.now()
    Event.objects.filter(pk=event.pk).update(
        registration_opens_at=now + datetime.timedelta(days=opens),
        registration_closes_at=now + datetime.timedelta(days=closes),
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError, match=message):
        register(person(), event)


def test_registration_closes_when_the_event_is_over_unless_the_organisers_say_otherwise(event):
    Event.objects.filter(pk=event.pk).update(
        starts_on=datetime.date(2018, 10, 8), ends_on=datetime.date(2018, 10, 9)
    )
    event.refresh_from_db()
    with pytest.raises(ValidationError, match="Registration is closed"):
        register(person(), event)
    Event.objects.filter(pk=event.pk).update(
        registration_closes_at=timezone.now() + datetime.timedelta(days=1)
    )
    event.refresh_from_db()
    assert register(person(), event).status == "confirmed"


def test_a_draft_event_takes_no_registration(event):
    Event.objects.filter(pk=event.pk).update(status="draft")
    event.refresh_from_db()
    with pytest.raises(PermissionDenied):
        register(person(), event)


def test_check_in_once_by_code(event, editor):
    registration = register(person(), event)
    found = services.find_by_code(
        event, f" {registration.code[:5].lower()}-{registration.code[5:]}"
    )
    assert found == registration
    services.check_in(actor=editor, registration=found)
    first = Registration.objects.get(pk=registration.pk).checked_in_at
    services.check_in(actor=editor, registration=found)
    assert Registration.objects.get(pk=registration.pk).checked_in_at == first
    assert AuditEntry.objects.filter(action="events.registration.checked_in").count() == 1


def test_only_organisers_check_in(event, outsider):
    registration = register(person(), event)
    with pytest.raises(PermissionDenied):
        services.check_in(actor=outsider, registration=registration)
    with pytest.raises(PermissionDenied):
        services.check_in(actor=registration.user, registration=registration)


def test_a_waitlisted_registration_is_not_checked_in(event, editor):
    [register(person(), event) for _ in range(2)]
    waiting = register(person(), event)
    with pytest.raises(ValidationError, match="Only a confirmed registration"):
        services.check_in(actor=editor, registration=waiting)


def test_a_registrant_erases_their_registration_and_frees_the_seat(event):
    registration = register(user := person(), event)
    [register(person(), event) for _ in range(2)]  # one confirmed, one waiting
    services.delete_personal_data(actor=user, registration=registration)
    assert not Registration.objects.filter(pk=registration.pk).exists()
    assert Registration.objects.filter(status="confirmed").count() == 2
    assert not AuditEntry.objects.filter(object_repr__icontains=user.email).exists()


def test_only_the_registrant_erases_their_data(event, editor):
    registration = register(person(), event)
    with pytest.raises(PermissionDenied):
        services.delete_personal_data(actor=editor, registration=registration)


def test_the_confirmation_e_mail_carries_the_personal_code(
    event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(person(), event)
    assert registration.code in mail.outbox[-1].body
    assert f"/events/registrations/{registration.code}/" in mail.outbox[-1].body


def test_registration_status_is_valid_in_the_database(event):
    registration = register(person(), event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.filter(pk=registration.pk).update(status="maybe")


def test_a_checked_in_registration_must_be_confirmed(event):
    [register(person(), event) for _ in range(2)]
    waiting = register(person(), event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.filter(pk=waiting.pk).update(checked_in_at=timezone.now())
