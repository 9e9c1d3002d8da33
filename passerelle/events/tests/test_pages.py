"""The public pages of events for each role: the list (filters, htmx, bounded queries), an event's
page with its registration box and the organisers' links, the agenda by day with what runs in
parallel, an agenda item, the speakers, the printable programme and the iCalendar feeds. Drafts
are their organisers' only (a 404 to anyone else, files included); texts are in the reader's
language where translated, else the original with a notice; times are the venue's. Bad input is
answered 4xx with its reason, never 500."""

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.core.content_translation import in_language, translation_save
from passerelle.core.models import TranslationProvenance

from .. import ical, pdf, selectors
from ..models import AgendaItem, Appearance, EventInvitation, GuidingQuestion
from .factories import AgendaItemFactory, EventFactory, EventPartnerFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
DAY_ONE = datetime.date(2027, 10, 11)
DAY_TWO = datetime.date(2027, 10, 12)


def as_(person) -> Client:
    client = Client()
    if person is not None:
        client.force_login(person)
    return client


def text(response) -> str:
    return response.content.decode()


def url(name, **kwargs) -> str:
    query = kwargs.pop("query", None)
    address = reverse(f"events:{name}", kwargs=kwargs)
    return f"{address}?{query}" if query else address


def at(day, hour, minute=0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=GENEVA)


def item(event, kind, title, starts, ends, **fields) -> AgendaItem:
    return AgendaItemFactory(
        event=event, kind=kind, title=title, starts_at=starts, ends_at=ends, **fields
    )


@pytest.fixture
def agenda(published_event):
    """A day as in the IDM 2018: a plenary, the lunch break with a side event during it, then
    another plenary; a second day with one session."""
    event = published_event
    return {
        "opening": item(event, "opening", "Opening session", at(DAY_ONE, 10), at(DAY_ONE, 11, 30)),
        "break": item(event, "break", "Lunch break", at(DAY_ONE, 13), at(DAY_ONE, 15)),
        "side": item(
            event, "side_event", "Launch of iDiaspora", at(DAY_ONE, 13, 15),
            at(DAY_ONE, 14, 45), capacity=40,
        ),
        "session": item(event, "panel", "Session 2", at(DAY_ONE, 15), at(DAY_ONE, 16, 30)),
        "closing": item(event, "closing", "Closing remarks", at(DAY_TWO, 17, 30), at(DAY_TWO, 18)),
    }  # fmt: skip


def add_questions(agenda_item, *texts):
    return [
        GuidingQuestion.objects.create(item=agenda_item, position=position, text=question)
        for position, question in enumerate(texts, start=1)
    ]


def appear(agenda_item, speaker, role="speaker", position=0):
    return Appearance.objects.create(
        item=agenda_item, speaker=speaker, role=role, position=position
    )


# The list ------------------------------------------------------------------------------------


def test_anonymous_people_see_published_and_cancelled_events_never_drafts(
    published_event, draft_event
):
    cancelled = EventFactory(status="cancelled", title="A meeting called off")
    page = text(Client().get(url("event_list")))
    assert published_event.title in page
    assert cancelled.title in page and "Cancelled" in page
    assert draft_event.title not in page


@pytest.mark.parametrize("role", ["editor", "owner", "secretariat"])
def test_organisers_and_the_secretariat_see_a_draft_in_the_list(request, role, draft_event):
    page = text(as_(request.getfixturevalue(role)).get(url("event_list")))
    assert draft_event.title in page and "Draft" in page


@pytest.mark.parametrize("role", ["viewer", "outsider"])
def test_people_who_do_not_organise_never_see_a_draft(request, role, draft_event):
    page = text(as_(request.getfixturevalue(role)).get(url("event_list")))
    assert draft_event.title not in page


def test_the_list_filters_by_kind_format_year_time_and_language(published_event):
    past = EventFactory(
        title="Dialogue of 2018", kind="idm", format="hybrid", language="fr", languages=["fr"],
        starts_on=datetime.date(2018, 10, 8), ends_on=datetime.date(2018, 10, 9),
    )  # fmt: skip
    webinar = EventFactory(
        title="A webinar", kind="webinar", format="online", languages=["es"], language="es"
    )

    def titles(query):
        response = Client().get(url("event_list", query=query))
        assert response.status_code == 200
        return {e.title for e in (past, webinar, published_event) if e.title in text(response)}

    assert titles("kind=webinar") == {webinar.title}
    assert titles("format=hybrid") == {past.title}
    assert titles("year=2018") == {past.title}
    assert titles("when=past") == {past.title}
    assert titles("when=upcoming") == {webinar.title, published_event.title}
    assert titles("language=fr") == {past.title, published_event.title}  # working language
    assert titles("language=es") == {webinar.title, published_event.title}


@pytest.mark.parametrize(
    "query", ["kind=party", "format=telepathy", "year=soon", "year=99999", "when=tomorrow",
              "language=de"],
)  # fmt: skip
def test_bad_filter_values_are_a_400_with_a_message(query, published_event):
    response = Client().get(url("event_list", query=query))
    assert response.status_code == 400
    assert "Check the filters" in text(response)


def test_the_list_selector_applies_filters_and_refuses_bad_values(published_event, draft_event):
    webinar = EventFactory(kind="webinar")
    anonymous = AnonymousUser()
    assert list(selectors.event_list(user=anonymous, filters={"kind": "webinar"})) == [webinar]
    assert draft_event not in selectors.event_list(user=anonymous)
    with pytest.raises(ValidationError) as refused:
        selectors.event_list(user=anonymous, filters={"kind": "party"})
    assert "kind" in refused.value.message_dict


def test_a_page_number_out_of_range_shows_the_last_page(published_event):
    response = Client().get(url("event_list", query="page=banana"))
    assert response.status_code == 200
    assert published_event.title in text(response)


def test_htmx_replaces_only_the_results(published_event):
    response = Client().get(url("event_list"), headers={"HX-Request": "true"})
    page = text(response)
    assert page.lstrip().startswith('<div id="event-results">')
    assert published_event.title in page and "<h1>" not in page
    assert "HX-Request" in response["Vary"]


def test_the_list_shows_titles_in_the_readers_language(published_event):
    translation_save(
        actor=None, obj=published_event, language="fr",
        texts={"title": "Dialogue international sur la migration", "theme": "Partenariats",
               "description": "Deux jours.", "objectives": ""},
    )  # fmt: skip
    english_list = url("event_list")
    with_translation = text(Client().get(english_list.replace("/en/", "/fr/")))
    assert "Dialogue international sur la migration" in with_translation
    english = text(Client().get(english_list))
    assert published_event.title in english
    assert "Dialogue international" not in english


def test_the_list_costs_a_fixed_number_of_queries(
    organisation, editor, django_assert_max_num_queries
):
    def add(n):
        for _ in range(n):
            event = EventFactory(language="fr")
            EventPartnerFactory(event=event, organisation=organisation)
            EventPartnerFactory(event=event, role="partner")
            translation_save(
                actor=None, obj=event, language="en", texts={"title": "T", "theme": "Th"}
            )

    def count(client):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("event_list")).status_code == 200
        return len(queries)

    add(2)
    client = as_(editor)
    few = count(client)
    add(15)
    assert count(client) == few
    with django_assert_max_num_queries(10):
        assert Client().get(url("event_list")).status_code == 200


def test_the_main_navigation_leads_to_the_events():
    assert f'href="{url("event_list")}"' in text(Client().get(url("event_list")))


# An event's page -----------------------------------------------------------------------------


def test_the_event_page_shows_its_facts_partners_and_documents(published_event, organisation):
    EventPartnerFactory(
        event=published_event, role="partner",
        organisation__name="Ministry of Labour", organisation__type="national_government",
    )  # fmt: skip
    note = published_event.documents.create(
        kind="concept_note", title="Concept note", language="fr", url="https://example.org/note"
    )
    published_event.interpretation = "English, French and Spanish"
    published_event.save()
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert page.count("<h1") == 1
    for expected in (
        published_event.title, published_event.theme, "Room XVIII", "Palais des Nations",
        "Geneva", "In person", "English, French, Spanish", "English, French and Spanish",
        organisation.name, "Organiser", "Civil society", "Ministry of Labour", "Partner",
        "National government", "Concept note",
        url("document_download", slug=published_event.slug, pk=note.pk),
        "Europe/Zurich", url("agenda", slug=published_event.slug),
    ):  # fmt: skip
        assert expected in page, expected


def test_an_online_event_shows_its_link(published_event):
    published_event.format = "online"
    published_event.online_url = "https://meet.example.org/idm"
    published_event.save()
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert 'href="https://meet.example.org/idm"' in page and "Join online" in page


def test_the_registration_box_says_how_many_seats_are_left(published_event):
    published_event.seats_taken = 97
    published_event.save()
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert "3 seats left." in page
    assert f'href="{url("register", slug=published_event.slug)}"' in page


def test_a_full_event_offers_the_waiting_list(published_event):
    published_event.seats_taken = published_event.capacity
    published_event.save()
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert "waiting list" in page
    assert f'href="{url("register", slug=published_event.slug)}"' in page


def test_a_closed_registration_says_so_without_a_register_link(published_event):
    published_event.registration_closes_at = timezone.now() - datetime.timedelta(days=1)
    published_event.save()
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert "Registration is closed." in page
    assert f'href="{url("register", slug=published_event.slug)}"' not in page


def test_an_event_by_invitation_only_says_so(published_event):
    published_event.invitation_only = True
    published_event.save()
    EventInvitation.objects.create(event=published_event, email="guest@example.org")
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert "By invitation only." in page


def test_a_cancelled_event_stays_readable_with_registration_closed(published_event):
    published_event.status = "cancelled"
    published_event.save()
    page = text(Client().get(url("event_detail", slug=published_event.slug)))
    assert "This event was cancelled" in page
    assert f'href="{url("register", slug=published_event.slug)}"' not in page


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_organisers_get_their_links(request, role, published_event):
    page = text(
        as_(request.getfixturevalue(role)).get(url("event_detail", slug=published_event.slug))
    )
    for name in ("participants", "check_in", "event_edit", "event_cancel"):
        assert url(name, slug=published_event.slug) in page


def test_the_secretariat_edits_but_does_not_handle_registrations(secretariat, published_event):
    page = text(as_(secretariat).get(url("event_detail", slug=published_event.slug)))
    assert url("event_edit", slug=published_event.slug) in page
    for name in ("participants", "check_in"):
        assert url(name, slug=published_event.slug) not in page


@pytest.mark.parametrize("role", [None, "viewer", "outsider"])
def test_others_do_not_get_the_organisers_links(request, role, published_event):
    person = request.getfixturevalue(role) if role else None
    page = text(as_(person).get(url("event_detail", slug=published_event.slug)))
    for name in ("participants", "check_in", "event_edit"):
        assert url(name, slug=published_event.slug) not in page


def test_the_event_page_is_in_the_readers_language_when_translated(published_event):
    translation_save(
        actor=None, obj=published_event, language="fr",
        texts={"title": "Dialogue international 2027", "theme": "Partenariats",
               "description": "Deux jours de dialogue.", "objectives": ""},
        provenance=TranslationProvenance.MACHINE,
    )  # fmt: skip
    page = text(Client().get(url("event_detail", slug=published_event.slug, query="lang=fr")))
    assert '<span lang="fr">Dialogue international 2027</span>' in page
    assert "Deux jours de dialogue." in page
    assert "Translated from English." in page and "Machine translation" in page


def test_the_original_is_shown_with_a_notice_when_there_is_no_translation(published_event):
    page = text(Client().get(url("event_detail", slug=published_event.slug, query="lang=es")))
    assert f'<span lang="en">{published_event.title}</span>' in page
    assert "This event is in English. No Spanish version yet." in page


# Drafts and 404s -----------------------------------------------------------------------------


def draft_pages(event, agenda_item):
    slug = event.slug
    return [
        url("event_detail", slug=slug),
        url("agenda", slug=slug),
        url("speakers", slug=slug),
        url("programme_pdf", slug=slug),
        url("event_calendar", slug=slug),
        url("item_detail", slug=slug, pk=agenda_item.pk),
        url("item_calendar", slug=slug, pk=agenda_item.pk),
    ]


@pytest.mark.parametrize("role", [None, "viewer", "outsider"])
def test_a_drafts_pages_and_files_are_a_404_to_those_who_do_not_organise_it(
    request, role, draft_event
):
    agenda_item = AgendaItemFactory(event=draft_event)
    client = as_(request.getfixturevalue(role) if role else None)
    for address in draft_pages(draft_event, agenda_item):
        assert client.get(address).status_code == 404, address


@pytest.mark.parametrize("role", ["editor", "secretariat"])
def test_organisers_see_every_page_of_their_draft(request, role, draft_event):
    agenda_item = AgendaItemFactory(event=draft_event)
    client = as_(request.getfixturevalue(role))
    for address in draft_pages(draft_event, agenda_item):
        response = client.get(address)
        assert response.status_code == 200, address
    page = text(client.get(url("event_detail", slug=draft_event.slug)))
    assert "This event is a draft" in page


def test_unknown_events_and_items_are_404(published_event, agenda):
    client = Client()
    assert client.get(url("event_detail", slug="nowhere")).status_code == 404
    assert client.get(url("item_detail", slug=published_event.slug, pk=999999)).status_code == 404
    other = EventFactory()
    # An item exists, but not in this event.
    wrong = url("item_detail", slug=other.slug, pk=agenda["opening"].pk)
    assert client.get(wrong).status_code == 404
    wrong_ics = url("item_calendar", slug=other.slug, pk=agenda["opening"].pk)
    assert client.get(wrong_ics).status_code == 404


@pytest.mark.parametrize(
    "name", ["event_detail", "agenda", "speakers", "programme_pdf", "event_calendar"]
)
def test_a_language_not_offered_is_a_400_with_a_message(name, published_event):
    response = Client().get(url(name, slug=published_event.slug, query="lang=xx"))
    assert response.status_code == 400
    assert "This language is not offered." in text(response)


# The agenda ----------------------------------------------------------------------------------


def test_the_side_event_is_grouped_with_the_break_it_runs_during(published_event, agenda):
    days = selectors.agenda_days(published_event, "en")
    assert [day.date for day in days] == [DAY_ONE, DAY_TWO]
    slots = [[entry.item.title for entry in slot.entries] for slot in days[0].slots]
    assert slots == [
        ["Opening session"], ["Lunch break", "Launch of iDiaspora"], ["Session 2"],
    ]  # fmt: skip
    assert [slot.parallel for slot in days[0].slots] == [False, True, False]
    assert days[0].slots[1].starts == at(DAY_ONE, 13) and days[0].slots[1].ends == at(DAY_ONE, 15)


def test_items_overlapping_through_a_third_share_one_slot(published_event):
    item(published_event, "panel", "A", at(DAY_ONE, 9), at(DAY_ONE, 10))
    item(published_event, "panel", "B", at(DAY_ONE, 9, 45), at(DAY_ONE, 11))
    item(published_event, "panel", "C", at(DAY_ONE, 10, 30), at(DAY_ONE, 12))
    item(published_event, "panel", "D", at(DAY_ONE, 12), at(DAY_ONE, 13))  # starts as C ends
    slots = selectors.agenda_days(published_event, "en")[0].slots
    assert [[e.item.title for e in slot.entries] for slot in slots] == [["A", "B", "C"], ["D"]]


def test_the_agenda_page_shows_parallel_items_side_by_side(published_event, agenda):
    page = text(Client().get(url("agenda", slug=published_event.slug)))
    assert page.count("<h1") == 1
    assert "In parallel" in page and 'class="two-columns"' in page
    parallel = page[page.index('class="two-columns"') :]
    parallel = parallel[: parallel.index("Session 2")]
    assert "Lunch break" in parallel and "Launch of iDiaspora" in parallel
    assert "Side event" in page and "Break" in page  # kind badges
    register = url("register", slug=published_event.slug) + f"?item={agenda['side'].pk}"
    assert f'href="{register}"' in page


def test_times_are_the_venues_with_its_zone(published_event, agenda):
    page = text(Client().get(url("agenda", slug=published_event.slug)))
    assert 'datetime="2027-10-11T10:00:00+02:00"' in page
    assert ">10:00</time>\u2013<time" in page and ">11:30</time>" in page
    assert ">08:00<" not in page  # the same moment in UTC
    assert "Europe/Zurich" in page and "CEST" in page
    assert 'data-time-zone="Europe/Zurich"' in page and "data-local-time" in page
    assert "js/local-times.js" in page


def test_guiding_questions_are_in_a_disclosure_in_order(published_event, agenda):
    add_questions(agenda["session"], "What works?", "Who pays?")
    page = text(Client().get(url("agenda", slug=published_event.slug)))
    assert "<details>" in page and "2 guiding questions" in page
    assert page.index("What works?") < page.index("Who pays?")


def test_the_agenda_is_in_the_readers_language_where_translated(published_event, agenda):
    translation_save(
        actor=None, obj=agenda["opening"], language="fr",
        texts={"title": "Session d'ouverture", "description": "Les questions ci-dessous."},
    )  # fmt: skip
    question = add_questions(agenda["opening"], "What works?")[0]
    translation_save(
        actor=None, obj=question, language="fr", texts={"text": "Qu'est-ce qui marche ?"}
    )
    page = text(Client().get(url("agenda", slug=published_event.slug, query="lang=fr")))
    assert "Session d&#x27;ouverture" in page
    assert '<li lang="fr">Qu&#x27;est-ce qui marche ?</li>' in page
    # The other items have no French version: the original, with a notice.
    assert '<a href="' in page and ">Lunch break</a>" in page
    assert "No French version yet." in page
    english = text(Client().get(url("agenda", slug=published_event.slug)))
    assert "version yet" not in english


def test_the_agenda_costs_a_fixed_number_of_queries(
    published_event, editor, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            starts = at(DAY_ONE, 8) + datetime.timedelta(minutes=40 * i)
            agenda_item = item(
                published_event, "panel", f"Panel {i}", starts, starts + datetime.timedelta(hours=1)
            )
            for question in add_questions(agenda_item, "One?", "Two?"):
                translation_save(actor=None, obj=question, language="fr", texts={"text": "Un ?"})
            translation_save(
                actor=None, obj=agenda_item, language="fr", texts={"title": "T", "description": "D"}
            )
            appear(agenda_item, SpeakerFactory(language="es"), role="moderator")
            appear(agenda_item, SpeakerFactory())

    def count(client, address):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    address = url("agenda", slug=published_event.slug, query="lang=fr")
    client = as_(editor)
    add(2)
    count(client, address)  # warms the caches (content types, the session)
    few = count(client, address)
    add(12)
    assert count(client, address) == few
    with django_assert_max_num_queries(8):
        assert Client().get(address).status_code == 200
    speakers = url("speakers", slug=published_event.slug, query="lang=fr")
    few = count(Client(), speakers)
    add(5)
    assert count(Client(), speakers) == few


# An agenda item ------------------------------------------------------------------------------


def test_an_item_shows_its_questions_moderators_speakers_and_seats(published_event, agenda):
    side = agenda["side"]
    add_questions(side, "First question?", "Second question?")
    moderator = SpeakerFactory(name="Ana Pérez", position="Ambassador", affiliation="Mission")
    speaker = SpeakerFactory(name="Kofi Mensah", bio="Founded a diaspora network.")
    appear(side, moderator, role="moderator")
    appear(side, speaker)
    side.seats_taken = 38
    side.save()
    page = text(Client().get(url("item_detail", slug=published_event.slug, pk=side.pk)))
    assert page.count("<h1") == 1
    assert page.index("First question?") < page.index("Second question?")
    assert "<ol>" in page
    for expected in (
        "Ana Pérez", "Ambassador", "Mission", "Kofi Mensah", "Founded a diaspora network.",
        "2 seats left.", "Register for this item", "In parallel with:", "Lunch break",
        url("item_calendar", slug=published_event.slug, pk=side.pk),
    ):  # fmt: skip
        assert expected in page, expected
    register = url("register", slug=published_event.slug) + f"?item={side.pk}"
    assert f'href="{register}"' in page


def test_an_item_without_seats_of_its_own_has_no_register_link(published_event, agenda):
    opening = agenda["opening"]
    page = text(Client().get(url("item_detail", slug=published_event.slug, pk=opening.pk)))
    assert "?item=" not in page
    assert "Register for this item" not in page


def test_an_item_in_the_readers_language_or_the_original_with_a_notice(published_event, agenda):
    side = agenda["side"]
    translation_save(
        actor=None, obj=side, language="es",
        texts={"title": "Lanzamiento de iDiaspora", "description": "Una plataforma."},
    )  # fmt: skip
    address = url("item_detail", slug=published_event.slug, pk=side.pk)
    spanish = text(Client().get(address + "?lang=es"))
    assert '<span lang="es">Lanzamiento de iDiaspora</span>' in spanish
    assert "version yet" not in spanish
    french = text(Client().get(address + "?lang=fr"))
    assert '<span lang="en">Launch of iDiaspora</span>' in french
    assert "This item is in English, at least in part. No French version yet." in french


@pytest.mark.parametrize("role", ["editor", "secretariat"])
def test_organisers_get_the_items_edit_link(request, role, published_event, agenda):
    address = url("item_detail", slug=published_event.slug, pk=agenda["side"].pk)
    page = text(as_(request.getfixturevalue(role)).get(address))
    assert url("item_edit", slug=published_event.slug, pk=agenda["side"].pk) in page


@pytest.mark.parametrize("role", [None, "viewer", "outsider"])
def test_others_do_not_get_the_items_edit_link(request, role, published_event, agenda):
    address = url("item_detail", slug=published_event.slug, pk=agenda["side"].pk)
    page = text(as_(request.getfixturevalue(role) if role else None).get(address))
    assert url("item_edit", slug=published_event.slug, pk=agenda["side"].pk) not in page


# Speakers ------------------------------------------------------------------------------------


def test_the_speakers_page_lists_each_speaker_once_with_their_items(published_event, agenda):
    ana = SpeakerFactory(name="Ana Pérez", position="Ambassador", language="en")
    translation_save(
        actor=None, obj=ana, language="fr", texts={"position": "Ambassadrice", "bio": "Diplomate."}
    )
    appear(agenda["opening"], ana, role="moderator")
    appear(agenda["side"], ana)
    elsewhere = AgendaItemFactory(event=EventFactory())
    appear(elsewhere, SpeakerFactory(name="Not Here"))
    page = text(Client().get(url("speakers", slug=published_event.slug, query="lang=fr")))
    assert page.count("<h1") == 1
    assert page.count(">Ana Pérez</h2>") == 1
    assert "Ambassadrice" in page
    assert "Moderator" in page and "Opening session" in page and "Launch of iDiaspora" in page
    assert "Not Here" not in page
    # The items' titles have no French version.
    assert "have no French version yet" in page


# The programme (PDF) -------------------------------------------------------------------------


def test_the_programme_is_a_pdf(published_event, agenda):
    response = Client().get(url("programme_pdf", slug=published_event.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="{published_event.slug}-programme.pdf"' in response["Content-Disposition"]


def test_the_programme_holds_the_agenda_in_the_readers_language(published_event, agenda):
    translation_save(
        actor=None, obj=published_event, language="fr",
        texts={"title": "Dialogue international", "theme": "Partenariats",
               "description": "Deux jours.", "objectives": ""},
    )  # fmt: skip
    translation_save(
        actor=None, obj=agenda["side"], language="fr",
        texts={"title": "Lancement de iDiaspora", "description": "Guidé par les questions."},
    )  # fmt: skip
    add_questions(agenda["side"], "Who joins?")
    appear(agenda["side"], SpeakerFactory(name="Kofi Mensah"), role="moderator")
    language = "fr"
    text_fr = in_language(published_event, selectors.EVENT_FIELDS, language)
    days = selectors.agenda_days(published_event, language)
    content = pdf.programme_pdf(
        published_event, text_fr, days, url="https://example.org/e", compress=False
    )
    assert content.startswith(b"%PDF")
    for expected in (
        b"Dialogue international", b"Lancement de iDiaspora", b"Who joins?", b"Kofi Mensah",
        b"Lunch break", b"13:15", b"in parallel", b"Guiding questions",
    ):  # fmt: skip
        assert expected in content, expected


# iCalendar -----------------------------------------------------------------------------------


def unfold(feed: str) -> str:
    return feed.replace("\r\n ", "")


def test_the_calendar_has_one_event_per_agenda_item(published_event, agenda):
    response = Client().get(url("event_calendar", slug=published_event.slug))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    feed = response.content.decode()
    assert feed.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert feed.endswith("END:VCALENDAR\r\n")
    assert feed.count("BEGIN:VEVENT") == feed.count("END:VEVENT") == len(agenda)
    assert "DTSTART:20271011T080000Z" in feed  # 10:00 in Geneva (summer time)
    assert "DTEND:20271011T093000Z" in feed
    assert f"UID:events-agenda-item-{agenda['side'].pk}@" in feed
    assert "DTSTAMP:" in feed
    assert "LOCATION:Room XVIII\\, Palais des Nations\\, Geneva" in unfold(feed)
    assert all(re.fullmatch(r"[^\r\n]*", line) for line in feed.split("\r\n"))


def test_the_calendar_escapes_text_and_folds_long_lines(published_event):
    title = "Skills; mobility, and partnerships \\ a long title that will not fit in one line é"
    agenda_item = item(
        published_event, "panel", title, at(DAY_ONE, 10), at(DAY_ONE, 11),
        description="First line,\nsecond line; ünïcödé " * 5,
    )  # fmt: skip
    response = Client().get(url("item_calendar", slug=published_event.slug, pk=agenda_item.pk))
    feed = response.content.decode()
    assert feed.count("BEGIN:VEVENT") == 1
    lines = feed.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # folded
    whole = unfold(feed)
    assert "SUMMARY;LANGUAGE=en:Skills\\; mobility\\, and partnerships \\\\ a long" in whole
    assert "First line\\,\\nsecond line\\; ünïcödé" in whole


def test_folding_never_cuts_a_utf8_character():
    line = "DESCRIPTION:" + "é" * 100 + "日本語" * 20
    folded = ical.fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode()) <= 75
        part.encode().decode()  # each physical line is valid UTF-8 by itself
    assert folded.replace("\r\n ", "") == line
    assert ical.fold("SHORT:line") == "SHORT:line"


def test_escaping_follows_rfc_5545():
    assert ical.escape_text("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_the_calendar_is_in_the_readers_language_with_a_stable_uid(published_event, agenda):
    translation_save(
        actor=None, obj=agenda["side"], language="fr",
        texts={"title": "Lancement de iDiaspora", "description": "Une plateforme."},
    )  # fmt: skip
    address = url("item_calendar", slug=published_event.slug, pk=agenda["side"].pk)
    french = unfold(Client().get(address + "?lang=fr").content.decode())
    assert "SUMMARY;LANGUAGE=fr:Lancement de iDiaspora" in french
    english = unfold(Client().get(address).content.decode())
    assert "SUMMARY;LANGUAGE=en:Launch of iDiaspora" in english
    uid = re.search(r"UID:(\S+)", french).group(1)
    assert uid == re.search(r"UID:(\S+)", english).group(1)
    assert settings.SITE_URL.split("//")[1].split(":")[0] in uid


def test_a_cancelled_events_calendar_says_so(published_event, agenda):
    published_event.status = "cancelled"
    published_event.save()
    feed = Client().get(url("event_calendar", slug=published_event.slug)).content.decode()
    assert feed.count("STATUS:CANCELLED") == len(agenda)


# The script ----------------------------------------------------------------------------------


def test_the_local_times_script_is_a_static_file_and_not_inline(published_event, agenda):
    script = Path(settings.BASE_DIR) / "passerelle" / "static" / "js" / "local-times.js"
    assert "Intl.DateTimeFormat" in script.read_text()
    page = text(Client().get(url("agenda", slug=published_event.slug)))
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert "style=" not in page
