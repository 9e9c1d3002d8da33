"""Organising events: the services (a draft, its organisers and partners, publication,
cancellation, agenda items with their questions and speakers) and the organisers' pages, for
each role allowed and refused; bad input is answered with every problem at once, nothing
written."""

import datetime
import uuid
import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import OrganisationFactory, UserFactory
from passerelle.core.content_translation import translation_save
from passerelle.core.models import AuditEntry, ContentTranslation
from passerelle.geo.models import Country

from ..models import AgendaItem, Appearance, Event, EventPartner, GuidingQuestion, Speaker
from ..services import events as services
from ..services.events import EventData, ItemData, SpeakerData
from .factories import AgendaItemFactory, RegistrationFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
FIRST_DAY, LAST_DAY = datetime.date(2027, 10, 11), datetime.date(2027, 10, 12)


def fresh(user):
    """The same person as a new object: nothing cached on it (their roles) carries over."""
    return User.objects.get(pk=user.pk)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def event_data(**overrides) -> EventData:
    values = {
        "title": "International Dialogue on Migration",
        "theme": "Skills partnerships",
        "description": "Two days of dialogue between States and their partners.",
        "language": "en",
        "kind": "idm",
        "format": "hybrid",
        "starts_on": FIRST_DAY,
        "ends_on": LAST_DAY,
        "time_zone": "Europe/Zurich",
        "venue_room": "Room XVIII",
        "venue_building": "Palais des Nations",
        "venue_city": "Geneva",
        "languages": ["en", "fr", "es"],
        "capacity": 100,
    }
    return EventData(**{**values, **overrides})


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=GENEVA)


def item_data(**overrides) -> ItemData:
    values = {
        "kind": "panel",
        "title": "Skills partnerships that work",
        "starts_at": at(FIRST_DAY, 10),
        "ends_at": at(FIRST_DAY, 11, 30),
        "questions": [
            "What makes a skills partnership last?",
            "How are migrants' skills recognised?",
        ],
        "moderators": [SpeakerData("Ana Pérez", "Director", "Ministry of Labour")],
        "speakers": [
            SpeakerData("Kwame Mensah", "Adviser", "African Union"),
            SpeakerData("Lena Berg"),
        ],
    }
    return ItemData(**{**values, **overrides})


def actions(obj) -> list[str]:
    return list(AuditEntry.objects.for_object(obj).values_list("action", flat=True))


# Creating an event ---------------------------------------------------------------------------


def test_an_editor_creates_a_draft_their_organisation_organises(editor, organisation, monkeypatch):
    indexed = []
    monkeypatch.setattr(services, "index_later", indexed.append)
    event = services.event_create(actor=fresh(editor), organisation=organisation,
                                  data=event_data())  # fmt: skip
    assert event.status == "draft" and event.slug == "international-dialogue-on-migration-2027"
    assert list(event.partners.values_list("organisation", "role")) == [
        (organisation.pk, "organiser")
    ]
    assert event.created_by == editor
    assert actions(event) == ["events.event.created"]
    assert indexed == [event]
    assert not Event.objects.visible_to(AnonymousUser()).filter(pk=event.pk).exists()
    assert Event.objects.visible_to(fresh(editor)).filter(pk=event.pk).exists()


def test_the_same_title_gets_another_short_name(editor, organisation):
    first = services.event_create(actor=fresh(editor), organisation=organisation,
                                  data=event_data())  # fmt: skip
    second = services.event_create(actor=fresh(editor), organisation=organisation,
                                   data=event_data())  # fmt: skip
    assert second.slug == f"{first.slug}-2"


def test_the_same_form_posted_twice_creates_one_event(editor, organisation, owner):
    key = uuid.uuid4()
    first = services.event_create(actor=fresh(editor), organisation=organisation,
                                  data=event_data(), submission_key=key)  # fmt: skip
    again = services.event_create(actor=fresh(editor), organisation=organisation,
                                  data=event_data(), submission_key=key)  # fmt: skip
    assert again.pk == first.pk and Event.objects.count() == 1
    with pytest.raises(PermissionDenied):  # another person's key
        services.event_create(actor=fresh(owner), organisation=organisation,
                              data=event_data(), submission_key=key)  # fmt: skip


def test_every_problem_is_reported_at_once_and_nothing_is_written(editor, organisation):
    bad = event_data(
        title=" ", starts_on=LAST_DAY, ends_on=FIRST_DAY, time_zone="Mars/Olympus_Mons",
        capacity=0, registration_opens_at=at(FIRST_DAY, 9),
        registration_closes_at=at(FIRST_DAY, 8), online_url="not a link",
        questionnaire=[{"label": "Diet"}, {"label": "diet", "required": True}],
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.event_create(actor=fresh(editor), organisation=organisation, data=bad)
    errors = refused.value.message_dict
    assert set(errors) == {
        "title", "ends_on", "time_zone", "capacity", "registration_closes_at", "online_url",
        "questionnaire",
    }  # fmt: skip
    assert "Mars/Olympus_Mons is not a time zone name" in errors["time_zone"][0]
    assert errors["ends_on"] == ["The last day cannot be before the first day."]
    assert not Event.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("who", ["viewer", "outsider", "anonymous"])
def test_only_editors_and_the_secretariat_create_events(who, request, organisation):
    actor = AnonymousUser() if who == "anonymous" else fresh(request.getfixturevalue(who))
    with pytest.raises(PermissionDenied):
        services.event_create(actor=actor, organisation=organisation, data=event_data())
    assert not Event.objects.exists()


def test_an_editor_creates_events_for_their_own_organisation_only(editor):
    with pytest.raises(PermissionDenied):
        services.event_create(actor=fresh(editor), organisation=OrganisationFactory(),
                              data=event_data())  # fmt: skip


def test_the_secretariat_creates_an_event_for_any_organisation(secretariat):
    iom = OrganisationFactory()
    event = services.event_create(actor=secretariat, organisation=iom, data=event_data())
    assert event.partners.get().organisation == iom


def test_the_questionnaire_keeps_its_keys_when_edited(editor, organisation):
    event = services.event_create(
        actor=fresh(editor), organisation=organisation,
        data=event_data(questionnaire=[{"label": "Dietary needs", "required": True}]),
    )  # fmt: skip
    assert event.questionnaire == [
        {"key": "dietary_needs", "label": "Dietary needs", "required": True}
    ]
    event = services.event_update(
        actor=fresh(editor), event=event,
        data=event_data(questionnaire=[{"label": "Accessibility needs"},
                                       {"label": "Dietary needs"}]),
    )  # fmt: skip
    assert event.questionnaire == [
        {"key": "accessibility_needs", "label": "Accessibility needs", "required": False},
        {"key": "dietary_needs", "label": "Dietary needs", "required": False},
    ]


# Changing an event ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["editor", "owner", "secretariat"])
def test_organisers_and_the_secretariat_change_an_event(who, request, published_event):
    actor = fresh(request.getfixturevalue(who))
    event = services.event_update(actor=actor, event=published_event,
                                  data=event_data(title="IDM 2027"))  # fmt: skip
    assert Event.objects.get(pk=event.pk).title == "IDM 2027"
    assert actions(event) == ["events.event.updated"]
    assert AuditEntry.objects.get(action="events.event.updated").data["fields"]


@pytest.mark.parametrize("who", ["viewer", "outsider", "anonymous"])
def test_others_cannot_change_an_event(who, request, published_event):
    actor = AnonymousUser() if who == "anonymous" else fresh(request.getfixturevalue(who))
    with pytest.raises(PermissionDenied):
        services.event_update(actor=actor, event=published_event, data=event_data(title="X"))
    assert Event.objects.get(pk=published_event.pk).title != "X"


def test_the_capacity_cannot_fall_below_the_seats_taken(editor, published_event):
    Event.objects.filter(pk=published_event.pk).update(seats_taken=40)
    with pytest.raises(ValidationError) as refused:
        services.event_update(actor=fresh(editor), event=published_event,
                              data=event_data(capacity=30))  # fmt: skip
    assert refused.value.message_dict["capacity"] == [
        "40 seats are already taken: the event cannot have fewer."
    ]
    assert Event.objects.get(pk=published_event.pk).capacity == 100
    services.event_update(actor=fresh(editor), event=published_event, data=event_data(capacity=40))


def test_the_dates_must_still_hold_the_agenda(editor, published_event):
    AgendaItemFactory(event=published_event, title="Opening")
    with pytest.raises(ValidationError) as refused:
        services.event_update(actor=fresh(editor), event=published_event,
                              data=event_data(starts_on=LAST_DAY))  # fmt: skip
    assert "Opening" in refused.value.message_dict["starts_on"][0]


def test_organisers_and_partners(editor, organisation, published_event):
    iom, city = OrganisationFactory(name="IOM"), OrganisationFactory(name="City of Geneva")
    services.event_update(
        actor=fresh(editor), event=published_event,
        data=event_data(organisers=[organisation, iom], partners=[city]),
    )  # fmt: skip
    assert set(published_event.partners.values_list("organisation", "role")) == {
        (organisation.pk, "organiser"), (iom.pk, "organiser"), (city.pk, "partner"),
    }  # fmt: skip
    entry = AuditEntry.objects.get(action="events.event.updated")
    assert set(entry.data["partners_set"]) == {str(iom.pk), str(city.pk)}


def test_an_organisation_is_organiser_or_partner_and_an_editor_keeps_theirs(
    editor, organisation, published_event
):
    iom = OrganisationFactory(name="IOM")
    with pytest.raises(ValidationError) as refused:
        services.event_update(
            actor=fresh(editor), event=published_event,
            data=event_data(organisers=[iom], partners=[iom]),
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"organisers", "partners"}
    assert list(published_event.partners.values_list("organisation", flat=True)) == [
        organisation.pk
    ]


# Publishing and cancelling -------------------------------------------------------------------


def test_publishing_shows_the_event_to_everyone(editor, draft_event):
    assert not Event.objects.visible_to(AnonymousUser()).filter(pk=draft_event.pk).exists()
    services.event_publish(actor=fresh(editor), event=draft_event)
    assert Event.objects.visible_to(AnonymousUser()).get(pk=draft_event.pk).status == "published"
    assert actions(draft_event) == ["events.event.published"]
    with pytest.raises(ValidationError, match="already published"):
        services.event_publish(actor=fresh(editor), event=draft_event)


def test_an_event_in_person_needs_a_description_and_a_city_to_be_published(editor, draft_event):
    Event.objects.filter(pk=draft_event.pk).update(description="", venue_city="")
    with pytest.raises(ValidationError) as refused:
        services.event_publish(actor=fresh(editor), event=draft_event)
    assert set(refused.value.message_dict) == {"description", "venue_city"}
    assert Event.objects.get(pk=draft_event.pk).status == "draft"


@pytest.mark.parametrize("who", ["viewer", "outsider"])
def test_others_cannot_publish_or_cancel(who, request, draft_event, published_event):
    actor = fresh(request.getfixturevalue(who))
    with pytest.raises(PermissionDenied):
        services.event_publish(actor=actor, event=draft_event)
    with pytest.raises(PermissionDenied):
        services.event_cancel(actor=actor, event=published_event)
    assert not AuditEntry.objects.exists()


def test_cancelling_keeps_the_event_readable_with_the_reason_in_its_history(
    secretariat, published_event
):
    services.event_cancel(actor=secretariat, event=published_event, reason="Venue closed.")
    assert Event.objects.visible_to(AnonymousUser()).get(pk=published_event.pk).status == (
        "cancelled"
    )
    entry = AuditEntry.objects.get(action="events.event.cancelled")
    assert entry.data["reason"] == "Venue closed." and entry.data["was"] == "published"
    with pytest.raises(ValidationError, match="already cancelled"):
        services.event_cancel(actor=secretariat, event=published_event)
    with pytest.raises(ValidationError, match="cannot be published again"):
        services.event_publish(actor=secretariat, event=published_event)


# The agenda ----------------------------------------------------------------------------------


def test_an_item_with_its_questions_moderators_and_speakers(editor, published_event):
    known = SpeakerFactory(name="Kwame Mensah", position="Adviser", affiliation="African Union")
    item = services.item_create(actor=fresh(editor), event=published_event, data=item_data())
    assert list(item.questions.values_list("position", "text")) == [
        (1, "What makes a skills partnership last?"),
        (2, "How are migrants' skills recognised?"),
    ]
    appearances = list(item.appearances.order_by("role", "position"))
    assert [(a.role, a.position, a.speaker.name) for a in appearances] == [
        ("moderator", 1, "Ana Pérez"), ("speaker", 1, "Kwame Mensah"), ("speaker", 2, "Lena Berg"),
    ]  # fmt: skip
    assert appearances[1].speaker == known  # the same person is not written twice
    assert Speaker.objects.count() == 3
    assert actions(item) == ["events.item.created"]


def test_an_item_is_refused_outside_the_event_and_nothing_is_written(editor, published_event):
    bad = item_data(
        title="", starts_at=at(LAST_DAY + datetime.timedelta(days=1), 10),
        ends_at=at(LAST_DAY + datetime.timedelta(days=1), 9),
        questions=["Why?", "Why?"], speakers=[SpeakerData(" ", "Adviser")],
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.item_create(actor=fresh(editor), event=published_event, data=bad)
    errors = refused.value.message_dict
    assert set(errors) == {"title", "starts_at", "ends_at", "questions", "speakers"}
    assert "during the event" in errors["starts_at"][0]
    assert errors["ends_at"] == ["The item must end after it starts."]
    assert errors["questions"] == ["Question 2 is asked twice."]
    assert errors["speakers"] == ["Line 1 has no name."]
    assert not AgendaItem.objects.exists() and not Speaker.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_item_ending_after_midnight_of_the_last_day_is_refused(editor, published_event):
    late = item_data(starts_at=at(LAST_DAY, 23), ends_at=at(LAST_DAY, 23) + datetime.timedelta(
        hours=2))  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.item_create(actor=fresh(editor), event=published_event, data=late)
    assert set(refused.value.message_dict) == {"ends_at"}


def test_changing_an_item_keeps_the_questions_kept_and_their_translations(editor, published_event):
    item = services.item_create(actor=fresh(editor), event=published_event, data=item_data())
    first, second = item.questions.order_by("position")
    translation_save(actor=fresh(editor), obj=second, language="fr",
                     texts={"text": "Comment les compétences sont-elles reconnues ?"})  # fmt: skip
    translation_save(actor=fresh(editor), obj=first, language="fr",
                     texts={"text": "Qu'est-ce qui fait durer un partenariat ?"})  # fmt: skip
    services.item_update(
        actor=fresh(editor), item=item,
        data=item_data(questions=["How are migrants' skills recognised?", "Who pays?"],
                       moderators=[], speakers=[SpeakerData("Lena Berg")]),
    )  # fmt: skip
    questions = list(item.questions.order_by("position"))
    assert [(q.position, q.text) for q in questions] == [
        (1, "How are migrants' skills recognised?"), (2, "Who pays?"),
    ]  # fmt: skip
    assert questions[0].pk == second.pk
    assert list(ContentTranslation.objects.values_list("object_id", flat=True)) == [str(second.pk)]
    assert list(item.appearances.values_list("speaker__name", flat=True)) == ["Lena Berg"]
    entry = AuditEntry.objects.get(action="events.item.updated")
    assert {"questions", "appearances"} <= set(entry.data["fields"])


def test_an_items_seats_cannot_fall_below_those_taken(editor, side_event):
    AgendaItem.objects.filter(pk=side_event.pk).update(seats_taken=2)
    with pytest.raises(ValidationError) as refused:
        services.item_update(actor=fresh(editor), item=side_event,
                             data=item_data(capacity=1))  # fmt: skip
    assert "2 seats are already taken" in refused.value.message_dict["capacity"][0]


def test_deleting_an_item(editor, published_event):
    item = services.item_create(actor=fresh(editor), event=published_event, data=item_data())
    services.item_delete(actor=fresh(editor), item=item)
    assert not AgendaItem.objects.exists() and not GuidingQuestion.objects.exists()
    assert not Appearance.objects.exists()
    assert Speaker.objects.count() == 3  # people stay known
    assert AuditEntry.objects.filter(action="events.item.deleted").count() == 1


def test_an_item_people_registered_for_is_not_deleted(editor, published_event, side_event):
    RegistrationFactory(event=published_event, item=side_event)
    with pytest.raises(ValidationError, match="People registered"):
        services.item_delete(actor=fresh(editor), item=side_event)
    assert AgendaItem.objects.filter(pk=side_event.pk).exists()


@pytest.mark.parametrize("who", ["viewer", "outsider", "anonymous"])
def test_others_cannot_write_the_agenda(who, request, published_event, side_event):
    actor = AnonymousUser() if who == "anonymous" else fresh(request.getfixturevalue(who))
    with pytest.raises(PermissionDenied):
        services.item_create(actor=actor, event=published_event, data=item_data())
    with pytest.raises(PermissionDenied):
        services.item_update(actor=actor, item=side_event, data=item_data())
    with pytest.raises(PermissionDenied):
        services.item_delete(actor=actor, item=side_event)
    assert AgendaItem.objects.get().title == "Launch of a platform"


def test_the_secretariat_writes_the_agenda(secretariat, published_event):
    item = services.item_create(actor=secretariat, event=published_event, data=item_data())
    services.item_delete(actor=secretariat, item=item)
    assert not AgendaItem.objects.exists()


# The pages -----------------------------------------------------------------------------------


def event_form(organisation=None, **overrides) -> dict:
    data = {
        "title": "Dialogue on labour mobility",
        "theme": "",
        "description": "A day of dialogue.",
        "objectives": "",
        "language": "en",
        "kind": "conference",
        "format": "in_person",
        "starts_on": "2027-03-02",
        "ends_on": "2027-03-02",
        "time_zone": "America/New_York",
        "venue_room": "",
        "venue_building": "UN Headquarters",
        "venue_city": "New York",
        "country": Country.objects.get(iso3="USA").pk,
        "online_url": "",
        "languages": ["en", "es"],
        "interpretation": "",
        "registration_opens_at": "2027-01-10T09:00",
        "registration_closes_at": "2027-02-25T18:00",
        "capacity": "80",
        "questionnaire": "Dietary needs\nAccessibility needs *",
    }
    if organisation is not None:
        data["organisation"] = organisation.pk
    return {**data, **overrides}


def create_url() -> str:
    return reverse("events:event_create")


@pytest.mark.parametrize("who", ["editor", "owner", "secretariat"])
def test_the_new_event_page_opens_for_editors_and_the_secretariat(who, request):
    response = logged_in(request.getfixturevalue(who)).get(create_url())
    assert response.status_code == 200
    assert response.content.count(b"<h1>") == 1 and b'for="id_time_zone"' in response.content


@pytest.mark.parametrize("who", ["viewer", "nobody"])
def test_the_new_event_page_is_refused_to_viewers_and_people_without_organisation(who, request):
    user = UserFactory() if who == "nobody" else request.getfixturevalue(who)
    client = logged_in(user)
    assert client.get(create_url()).status_code == 403
    assert client.post(create_url(), event_form()).status_code == 403
    assert not Event.objects.exists()


def test_the_new_event_page_asks_visitors_to_log_in(client):
    response = client.get(create_url())
    assert response.status_code == 302 and "login" in response["Location"]


def test_creating_an_event_from_the_page(editor, organisation):
    response = logged_in(editor).post(create_url(), event_form(organisation))
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:event_detail", kwargs={"slug": event.slug})
    new_york = zoneinfo.ZoneInfo("America/New_York")
    assert event.registration_opens_at == datetime.datetime(2027, 1, 10, 9, tzinfo=new_york)
    assert event.country.iso3 == "USA" and event.languages == ["en", "es"]
    assert event.questionnaire == [
        {"key": "dietary_needs", "label": "Dietary needs", "required": False},
        {"key": "accessibility_needs", "label": "Accessibility needs", "required": True},
    ]
    assert EventPartner.objects.get().organisation == organisation


def test_a_refused_event_form_keeps_what_was_typed(editor, organisation):
    data = event_form(organisation, time_zone="Geneva", ends_on="2027-03-01", capacity="0")
    response = logged_in(editor).post(create_url(), data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was saved" in text
    assert "Geneva is not a time zone name" in text
    assert "Ensure this value is greater than or equal to 1." in text
    assert 'value="Dialogue on labour mobility"' in text
    assert not Event.objects.exists()


def test_the_service_s_problems_show_on_the_form(editor, organisation):
    response = logged_in(editor).post(create_url(), event_form(organisation, ends_on="2027-03-01"))
    assert response.status_code == 400
    assert "The last day cannot be before the first day." in response.content.decode()
    assert not Event.objects.exists()


def test_an_editor_cannot_post_an_event_for_another_organisation(editor):
    response = logged_in(editor).post(create_url(), event_form(OrganisationFactory()))
    assert response.status_code == 400  # not among the choices
    assert not Event.objects.exists()


def edit_url(event) -> str:
    return reverse("events:event_edit", kwargs={"slug": event.slug})


@pytest.mark.parametrize(
    ("who", "status"),
    [("editor", 200), ("secretariat", 200), ("viewer", 404), ("outsider", 404)],
)
def test_a_draft_is_edited_by_its_organisers_and_not_found_by_others(
    who, status, request, draft_event
):
    assert logged_in(request.getfixturevalue(who)).get(edit_url(draft_event)).status_code == (
        status
    )


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("outsider", 403)])
def test_a_published_event_is_refused_to_others(who, status, request, published_event):
    client = logged_in(request.getfixturevalue(who))
    assert client.get(edit_url(published_event)).status_code == status
    assert client.post(edit_url(published_event), event_form()).status_code == status


def test_editing_shows_the_times_at_the_venue_and_saves(editor, organisation, published_event):
    Event.objects.filter(pk=published_event.pk).update(
        registration_closes_at=datetime.datetime(2027, 10, 1, 16, tzinfo=datetime.UTC),
        questionnaire=[{"key": "needs", "label": "Needs", "required": True}],
    )
    client = logged_in(editor)
    text = client.get(edit_url(published_event)).content.decode()
    assert 'value="2027-10-01T18:00"' in text  # 16:00 UTC is 18:00 in Geneva
    assert "Needs *</textarea>" in text
    data = event_form(organisers=[organisation.pk], title="Edited")
    response = client.post(edit_url(published_event), data)
    assert response.status_code == 302
    assert Event.objects.get(pk=published_event.pk).title == "Edited"


def test_editing_refuses_an_unknown_time_zone(editor, organisation, published_event):
    data = event_form(organisers=[organisation.pk], time_zone="Europe/Atlantis")
    response = logged_in(editor).post(edit_url(published_event), data)
    assert response.status_code == 400
    assert "Europe/Atlantis is not a time zone name" in response.content.decode()
    assert Event.objects.get(pk=published_event.pk).time_zone == "Europe/Zurich"


def publish_url(event) -> str:
    return reverse("events:event_publish", kwargs={"slug": event.slug})


def test_publishing_from_the_page(editor, draft_event, client):
    organiser = logged_in(editor)
    assert b'type="submit"' in organiser.get(publish_url(draft_event)).content
    response = organiser.post(publish_url(draft_event))
    assert response.status_code == 302 and response["Location"] == draft_event.get_absolute_url()
    api = client.get(reverse("api:event-detail", kwargs={"slug": draft_event.slug}))
    assert api.status_code == 200 and api.json()["status"] == "published"


def test_the_publish_page_says_what_is_missing(editor, draft_event):
    Event.objects.filter(pk=draft_event.pk).update(description="")
    response = logged_in(editor).post(publish_url(draft_event))
    assert response.status_code == 400
    assert "Describe the event before publishing it." in response.content.decode()
    assert Event.objects.get(pk=draft_event.pk).status == "draft"


@pytest.mark.parametrize(("who", "status"), [("viewer", 404), ("outsider", 404)])
def test_others_cannot_publish_from_the_page(who, status, request, draft_event):
    response = logged_in(request.getfixturevalue(who)).post(publish_url(draft_event))
    assert response.status_code == status
    assert Event.objects.get(pk=draft_event.pk).status == "draft"


def test_visitors_are_asked_to_log_in_to_publish(client, draft_event):
    assert client.post(publish_url(draft_event)).status_code == 302
    assert Event.objects.get(pk=draft_event.pk).status == "draft"


def item_form(**overrides) -> dict:
    data = {
        "day": "2027-10-12",
        "starts_at": "14:00",
        "ends_at": "15:30",
        "kind": "panel",
        "title": "Skills partnerships that work",
        "description": "",
        "room": "",
        "capacity": "",
        "questions": "What makes a partnership last?\n\nWho pays?\n",
        "moderators": "Ana Pérez | Director | Ministry of Labour",
        "speakers": "Kwame Mensah | Adviser | African Union\nLena Berg",
    }
    return {**data, **overrides}


def test_adding_an_agenda_item_from_the_page(editor, published_event):
    url = reverse("events:item_create", kwargs={"slug": published_event.slug})
    client = logged_in(editor)
    assert client.get(url).status_code == 200
    response = client.post(url, item_form())
    assert response.status_code == 302
    assert response["Location"] == reverse("events:agenda", kwargs={"slug": published_event.slug})
    item = AgendaItem.objects.get()
    assert item.starts_at == at(LAST_DAY, 14)
    assert list(item.questions.values_list("text", flat=True)) == [
        "What makes a partnership last?", "Who pays?",
    ]  # fmt: skip
    assert item.appearances.count() == 3


def test_a_refused_item_form_keeps_what_was_typed(editor, published_event):
    url = reverse("events:item_create", kwargs={"slug": published_event.slug})
    data = item_form(day="2027-11-01", speakers="A | B | C | D", starts_at="25:00")
    response = logged_in(editor).post(url, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Line 1 has more than three parts" in text
    assert "Enter a valid time." in text
    assert "Skills partnerships that work" in text
    assert not AgendaItem.objects.exists()


def test_an_item_outside_the_event_is_refused_on_the_page(editor, published_event):
    url = reverse("events:item_create", kwargs={"slug": published_event.slug})
    response = logged_in(editor).post(url, item_form(day="2027-11-01"))
    assert response.status_code == 400
    assert "The item must take place during the event" in response.content.decode()
    assert not AgendaItem.objects.exists()


def test_editing_an_item_shows_its_people_as_lines(editor, published_event):
    item = services.item_create(actor=fresh(editor), event=published_event, data=item_data())
    url = reverse("events:item_edit", kwargs={"slug": published_event.slug, "pk": item.pk})
    client = logged_in(editor)
    text = client.get(url).content.decode()
    assert "Kwame Mensah | Adviser | African Union\nLena Berg</textarea>" in text
    assert 'value="10:00"' in text
    response = client.post(url, item_form(title="Renamed"))
    assert response.status_code == 302
    assert AgendaItem.objects.get().title == "Renamed"


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("outsider", 403)])
def test_others_cannot_open_the_agenda_forms(who, status, request, published_event, side_event):
    client = logged_in(request.getfixturevalue(who))
    slug = published_event.slug
    for url in (
        reverse("events:item_create", kwargs={"slug": slug}),
        reverse("events:item_edit", kwargs={"slug": slug, "pk": side_event.pk}),
        reverse("events:item_delete", kwargs={"slug": slug, "pk": side_event.pk}),
    ):
        assert client.get(url).status_code == status
        assert client.post(url, item_form()).status_code == status
    assert AgendaItem.objects.get().title == "Launch of a platform"


def test_an_item_of_another_event_is_not_found(editor, published_event, side_event):
    other = AgendaItemFactory()
    url = reverse("events:item_edit", kwargs={"slug": published_event.slug, "pk": other.pk})
    assert logged_in(editor).get(url).status_code == 404


def test_removing_an_item_from_the_page(editor, published_event, side_event):
    url = reverse("events:item_delete", kwargs={"slug": published_event.slug, "pk": side_event.pk})
    client = logged_in(editor)
    assert client.get(url).status_code == 200
    RegistrationFactory(event=published_event, item=side_event)
    refused = client.post(url)
    assert refused.status_code == 400 and b"People registered" in refused.content
    side_event.registrations.all().delete()
    assert client.post(url).status_code == 302
    assert not AgendaItem.objects.exists()


def cancel_url(event) -> str:
    return reverse("events:event_cancel", kwargs={"slug": event.slug})


def test_an_organiser_cancels_an_event_with_a_reason(editor, published_event):
    organiser = logged_in(editor)
    assert organiser.get(cancel_url(published_event)).status_code == 200
    response = organiser.post(cancel_url(published_event), {"reason": "The venue is closed."})
    assert response.status_code == 302
    published_event.refresh_from_db()
    assert published_event.status == "cancelled"
    entry = AuditEntry.objects.for_object(published_event).get(action="events.event.cancelled")
    assert entry.data["reason"] == "The venue is closed."
    again = organiser.post(cancel_url(published_event), {"reason": "Twice"})
    assert again.status_code == 400
    assert "already cancelled" in again.content.decode()


@pytest.mark.parametrize("who", ["viewer", "outsider"])
def test_others_cannot_cancel_an_event(who, request, published_event):
    client = logged_in(request.getfixturevalue(who))
    assert client.post(cancel_url(published_event), {"reason": "No"}).status_code == 403
    published_event.refresh_from_db()
    assert published_event.status == "published"


def test_everyone_registered_is_told_when_the_event_is_cancelled(
    editor, published_event, django_capture_on_commit_callbacks
):
    from django.core import mail

    waiting = RegistrationFactory(event=published_event, status="waitlisted", email="w@example.org")
    confirmed = RegistrationFactory(
        event=published_event, status="confirmed", email="c@example.org"
    )
    RegistrationFactory(event=published_event, status="cancelled", email="gone@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(actor=fresh(editor), event=published_event, reason="Storm.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([waiting.email, confirmed.email])
    assert all(published_event.title in m.subject for m in mail.outbox)
