"""Events in the API: as visible as on the pages (a draft only for its organisers), agenda items
with their questions and speakers, speakers only where they may be seen, registrations as counts
and never as people, in a number of queries that does not grow with the rows."""

import json

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import User

from ..models import AgendaItem, Appearance, Event, GuidingQuestion
from .factories import (
    AgendaItemFactory,
    EventFactory,
    EventPartnerFactory,
    RegistrationFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


def fresh(user):
    return User.objects.get(pk=user.pk)


def rows(client, name, **params) -> list[dict]:
    response = client.get(reverse(f"api:{name}-list"), params)
    assert response.status_code == 200
    return response.json()["results"]


@pytest.fixture
def agenda(published_event, draft_event):
    """A panel of the published event with two questions, a moderator and two speakers; a
    session of the draft with a speaker of its own."""
    panel = AgendaItemFactory(event=published_event, kind="panel", title="Skills partnerships")
    for position, text in enumerate(["What lasts?", "Who pays?"], 1):
        GuidingQuestion.objects.create(item=panel, position=position, text=text)
    moderator, first, second = (
        SpeakerFactory(name="Ana Pérez"), SpeakerFactory(name="Kwame Mensah"),
        SpeakerFactory(name="Lena Berg"),
    )  # fmt: skip
    Appearance.objects.create(item=panel, speaker=moderator, role="moderator", position=1)
    Appearance.objects.create(item=panel, speaker=second, role="speaker", position=2)
    Appearance.objects.create(item=panel, speaker=first, role="speaker", position=1)
    hidden = AgendaItemFactory(event=draft_event, title="Closed-door session")
    secret = SpeakerFactory(name="Someone Unannounced")
    Appearance.objects.create(item=hidden, speaker=secret, role="speaker", position=1)
    return {"panel": panel, "hidden": hidden, "secret": secret, "people": [moderator, first]}


def test_anonymous_readers_get_published_and_cancelled_events_only(
    client, published_event, draft_event
):
    cancelled = EventFactory(status="cancelled", title="Called off")
    assert {row["slug"] for row in rows(client, "event")} == {
        published_event.slug, cancelled.slug,
    }  # fmt: skip
    url = reverse("api:event-detail", kwargs={"slug": draft_event.slug})
    assert client.get(url).status_code == 404


def test_organisers_get_their_drafts(client, editor, outsider, published_event, draft_event):
    client.force_login(fresh(outsider))
    assert draft_event.slug not in {row["slug"] for row in rows(client, "event")}
    client.force_login(fresh(editor))
    assert draft_event.slug in {row["slug"] for row in rows(client, "event")}
    row = client.get(reverse("api:event-detail", kwargs={"slug": draft_event.slug})).json()
    assert row["status"] == "draft"


def test_an_event_with_its_venue_organisers_and_counts(client, published_event, side_event):
    partner = EventPartnerFactory(event=published_event, role="partner").organisation
    organiser = published_event.partners.get(role="organiser").organisation
    for registration_type in ("delegate", "delegate", "observer"):
        RegistrationFactory(event=published_event, registration_type=registration_type)
    RegistrationFactory(event=published_event, status="waitlisted")
    RegistrationFactory(event=published_event, status="cancelled",
                        cancelled_at=timezone.now())  # fmt: skip
    RegistrationFactory(event=published_event, item=side_event)  # the side event's, not the event's
    Event.objects.filter(pk=published_event.pk).update(seats_taken=3)
    row = client.get(reverse("api:event-detail", kwargs={"slug": published_event.slug})).json()
    assert row["venue"] == {
        "room": "Room XVIII", "building": "Palais des Nations", "city": "Geneva", "country": None,
    }  # fmt: skip
    assert (row["starts_on"], row["ends_on"], row["time_zone"]) == (
        "2027-10-11", "2027-10-12", "Europe/Zurich",
    )  # fmt: skip
    assert row["organisers"] == [organiser.slug] and row["partners"] == [partner.slug]
    assert row["seats"] == {"capacity": 100, "taken": 3, "left": 97, "waitlisted": 1}
    assert row["registrations"] == {
        "delegate": 2, "observer": 1, "civil_society": 0, "private_sector": 0, "media": 0,
        "speaker": 0,
    }  # fmt: skip
    assert row["page"] == published_event.get_absolute_url()


def test_the_agenda_of_an_event_in_order_with_its_questions_and_speakers(
    client, published_event, agenda
):
    later = AgendaItemFactory(
        event=published_event, title="Closing",
        starts_at=agenda["panel"].starts_at.replace(hour=17),
        ends_at=agenda["panel"].ends_at.replace(hour=18),
    )  # fmt: skip
    items = rows(client, "eventagendaitem", event=published_event.slug)
    assert [row["title"] for row in items] == ["Skills partnerships", "Closing"]
    panel = items[0]
    assert panel["guiding_questions"] == ["What lasts?", "Who pays?"]
    assert [person["name"] for person in panel["moderators"]] == ["Ana Pérez"]
    assert [person["name"] for person in panel["speakers"]] == ["Kwame Mensah", "Lena Berg"]
    assert panel["seats"] is None and items[1]["id"] == later.pk
    assert panel["event"] == published_event.slug
    assert rows(client, "eventagendaitem", event=agenda["hidden"].event.slug) == []


def test_an_item_with_seats_counts_them(client, side_event):
    RegistrationFactory(event=side_event.event, item=side_event, status="waitlisted")
    AgendaItem.objects.filter(pk=side_event.pk).update(seats_taken=2)
    row = client.get(reverse("api:eventagendaitem-detail", args=[side_event.pk])).json()
    assert row["seats"] == {"capacity": 2, "taken": 2, "left": 0, "waitlisted": 1}


def test_speakers_are_seen_where_their_items_are(client, editor, agenda):
    names = {row["name"] for row in rows(client, "eventspeaker")}
    assert names == {"Ana Pérez", "Kwame Mensah", "Lena Berg"}
    secret = reverse("api:eventspeaker-detail", args=[agenda["secret"].pk])
    assert client.get(secret).status_code == 404
    client.force_login(fresh(editor))
    row = client.get(secret).json()
    assert row["appearances"] == [
        {"item": agenda["hidden"].pk, "event": agenda["hidden"].event.slug, "role": "speaker"}
    ]
    at_the_panel = rows(client, "eventspeaker", event=agenda["panel"].event.slug)
    assert "Someone Unannounced" not in {row["name"] for row in at_the_panel}


def test_no_personal_data_in_any_endpoint(client, editor, published_event, side_event, agenda):
    """Not even for the organisers, who see the participants on the pages."""
    people = [
        RegistrationFactory(event=published_event, name="Ana Registrant",
                            email="ana.registrant@example.org", answers={"diet": "Halal"}),
        RegistrationFactory(event=published_event, item=side_event, user=None,
                            name="Bo Delegate", email="bo.delegate@example.org"),
    ]  # fmt: skip
    speaker = agenda["people"][0]
    speaker.user = people[0].user
    speaker.save()
    secrets = ["Ana Registrant", "ana.registrant@example.org", "Halal", "Bo Delegate",
               "bo.delegate@example.org", people[0].user.email,
               *(registration.code for registration in people)]  # fmt: skip
    client.force_login(fresh(editor))
    urls = [
        reverse("api:event-list"),
        reverse("api:event-detail", kwargs={"slug": published_event.slug}),
        reverse("api:eventagendaitem-list"),
        reverse("api:eventagendaitem-detail", args=[side_event.pk]),
        reverse("api:eventspeaker-list"),
        reverse("api:eventspeaker-detail", args=[speaker.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = json.dumps(response.json(), ensure_ascii=False)
        assert not [secret for secret in secrets if secret in text], url
    assert "Ana Pérez" in json.dumps(client.get(urls[-1]).json(), ensure_ascii=False)


def test_bad_filters_are_refused(client, published_event):
    response = client.get(reverse("api:event-list"), {"status": "secret"})
    assert response.status_code == 400
    assert rows(client, "event", year=2027, kind="idm")[0]["slug"] == published_event.slug
    assert rows(client, "event", year=2026) == []


def make_events(count: int, organisation) -> None:
    for _ in range(count):
        event = EventFactory(capacity=50)
        EventPartnerFactory(event=event, organisation=organisation, role="organiser")
        EventPartnerFactory(event=event, role="partner")
        item = AgendaItemFactory(event=event)
        GuidingQuestion.objects.create(item=item, position=1, text="Why?")
        Appearance.objects.create(item=item, speaker=SpeakerFactory(), role="speaker")
        RegistrationFactory(event=event)
        RegistrationFactory(event=event, status="waitlisted")
    Event.objects.update(seats_taken=F("seats_taken") + 1)


@pytest.mark.parametrize("name", ["event", "eventagendaitem", "eventspeaker"])
def test_lists_take_the_same_queries_for_one_row_or_many(
    name, client, editor, organisation, django_assert_max_num_queries, django_assert_num_queries
):
    client.force_login(fresh(editor))
    url = reverse(f"api:{name}-list")
    make_events(1, organisation)
    client.get(url)  # sessions, content types: cached once
    with django_assert_max_num_queries(8) as one:
        assert client.get(url).status_code == 200
    make_events(6, organisation)
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(client.get(url).json()["results"]) == 7
