"""Seats under concurrency (PostgreSQL: threads with their own connections, started together by
a barrier). SQLite takes one writer at a time (IMMEDIATE transactions); the 500-attempt run on
both databases is `benchmarks/bench_registration.py`."""

import datetime
import threading

import pytest
from django.db import connection

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import UserFactory

from ..models import Event, EventPartner, Registration
from ..services import registrations as services
from ..services.registrations import RegistrationData

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def race(calls) -> list:
    """Run the calls in parallel threads, started together; each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome under test
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def event(organisation):
    event = Event.objects.create(
        slug="race", title="Race", language="en", kind="conference", format="in_person",
        status="published", starts_on=datetime.date(2027, 1, 1),
        ends_on=datetime.date(2027, 1, 1), time_zone="UTC", capacity=10,
    )  # fmt: skip
    EventPartner.objects.create(event=event, organisation=organisation, role="organiser")
    return event


def registering(user_id, event):
    def call():
        user = User.objects.get(pk=user_id)  # this thread's own connection
        data = RegistrationData(registration_type="observer")
        return services.register(actor=user, event=event, data=data)

    return call


def test_thirty_people_for_ten_seats_ten_confirmed_twenty_waiting(event):
    people = [UserFactory().pk for _ in range(30)]
    outcomes = race([registering(pk, event) for pk in people])
    assert all(isinstance(outcome, Registration) for outcome in outcomes), outcomes
    statuses = sorted(outcome.status for outcome in outcomes)
    assert statuses.count("confirmed") == 10 and statuses.count("waitlisted") == 20
    event.refresh_from_db()
    assert event.seats_taken == 10


def test_parallel_cancellations_promote_the_first_waiting_in_order(event):
    people = [UserFactory() for _ in range(14)]
    registrations = [
        services.register(actor=p, event=event, data=RegistrationData(registration_type="media"))
        for p in people
    ]
    confirmed, waiting = registrations[:10], registrations[10:]

    def cancelling(registration):
        def call():
            actor = User.objects.get(pk=registration.user_id)
            return services.cancel(actor=actor, registration=registration)

        return call

    outcomes = race([cancelling(r) for r in confirmed[:3]])
    assert all(isinstance(outcome, Registration) for outcome in outcomes), outcomes
    promoted = Registration.objects.filter(pk__in=[w.pk for w in waiting], status="confirmed")
    assert sorted(promoted.values_list("pk", flat=True)) == [w.pk for w in waiting[:3]]
    event.refresh_from_db()
    assert event.seats_taken == 10
