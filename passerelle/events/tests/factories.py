"""Factories of the events' tests: a published event in Geneva in 2027, its agenda items,
speakers and registrations. A RegistrationFactory row is written as is: it does not take a
seat (use `services.registrations.register` for that)."""

import datetime
import zoneinfo
from contextlib import contextmanager

import factory
import pytest
from django.core.files.storage import FileSystemStorage

from passerelle.accounts.tests.factories import UserFactory

from ..models import (
    AgendaItem,
    Event,
    EventDocument,
    EventPartner,
    Registration,
    Speaker,
    Statement,
)

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"International Dialogue on Migration {n}")
    theme = "Partnerships for capacity development"
    description = "Two days of dialogue between States and their partners."
    language = "en"
    kind = "idm"
    format = "in_person"
    status = "published"
    starts_on = datetime.date(2027, 10, 11)
    ends_on = datetime.date(2027, 10, 12)
    time_zone = "Europe/Zurich"
    venue_room = "Room XVIII"
    venue_building = "Palais des Nations"
    venue_city = "Geneva"
    languages = factory.LazyFunction(lambda: ["en", "fr", "es"])


class EventPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventPartner

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory("passerelle.accounts.tests.factories.OrganisationFactory")
    role = "organiser"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    """A plenary session of 90 minutes on the event's first day, at 10:00 Geneva time."""

    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    kind = "plenary"
    title = factory.Sequence(lambda n: f"Session {n}")
    description = "Guided by the questions below."
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(o.event.starts_on, datetime.time(10), tzinfo=GENEVA)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=90))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Faker("name")
    position = "Director of migration policy"
    affiliation = factory.Sequence(lambda n: f"Ministry {n}")
    bio = "Works on labour migration and skills partnerships."
    language = "en"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration of a person with an account, written directly: it takes no
    seat."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    item = None
    user = factory.SubFactory(UserFactory)
    name = factory.LazyAttribute(lambda o: o.user.full_name if o.user else "Ana Pérez")
    email = factory.LazyAttributeSequence(
        lambda o, n: o.user.email if o.user else f"guest{n}@example.org"
    )
    registration_type = "delegate"
    status = "confirmed"


@contextmanager
def private_files_in(path):
    """The events' files (documents, statements: the private storage) kept under `path` while
    the block runs, so that a test can count them."""
    storage = FileSystemStorage(location=path)
    with pytest.MonkeyPatch.context() as patch:
        for model in (EventDocument, Statement):
            patch.setattr(model._meta.get_field("file"), "storage", storage)
        yield path
