"""What events add to other pages: the dashboard (my registrations, the events I run) and an
organisation's page (its events)."""

import pytest
from django.test import Client
from django.urls import reverse

from ..services import registrations
from ..services.registrations import RegistrationData
from .factories import EventFactory, EventPartnerFactory

pytestmark = pytest.mark.django_db


def page(user, url) -> str:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(url).content.decode()


def test_the_dashboard_lists_my_registrations(viewer, published_event):
    registration = registrations.register(
        actor=viewer, event=published_event,
        data=RegistrationData(registration_type="observer"),
    )  # fmt: skip
    text = page(viewer, reverse("accounts:dashboard"))
    assert reverse("events:registration_detail", kwargs={"code": registration.code}) in text


def test_the_dashboard_lists_the_events_i_run(editor, published_event, outsider):
    participants = reverse("events:participants", kwargs={"slug": published_event.slug})
    assert participants in page(editor, reverse("accounts:dashboard"))
    assert participants not in page(outsider, reverse("accounts:dashboard"))


def test_an_organisations_page_lists_its_events_but_not_its_drafts(organisation, published_event):
    draft = EventFactory(title="A draft forum", status="draft")
    EventPartnerFactory(event=draft, organisation=organisation, role="organiser")
    url = reverse("accounts:organisation_detail", kwargs={"slug": organisation.slug})
    text = page(None, url)
    assert published_event.title in text
    assert draft.title not in text
