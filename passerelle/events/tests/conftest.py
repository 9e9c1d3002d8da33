"""Fixtures of the events' tests: a published event organised by the root conftest's
`organisation` (so `owner` and `editor` are its organisers), a draft event, and a side event
of the published event with two seats."""

import pytest

from .factories import AgendaItemFactory, EventFactory, EventPartnerFactory


@pytest.fixture
def published_event(organisation):
    event = EventFactory(status="published", capacity=100)
    EventPartnerFactory(event=event, organisation=organisation, role="organiser")
    return event


@pytest.fixture
def draft_event(organisation):
    event = EventFactory(status="draft", title="A meeting in preparation")
    EventPartnerFactory(event=event, organisation=organisation, role="organiser")
    return event


@pytest.fixture
def side_event(published_event):
    return AgendaItemFactory(
        event=published_event, kind="side_event", title="Launch of a platform", capacity=2
    )
