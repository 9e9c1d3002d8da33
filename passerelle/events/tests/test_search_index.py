"""Events and their agenda items in the platform's search: a published event is found in each
language it is written or translated in, with its year and country as facets; a draft and its
agenda are found by its organisers only."""

import pytest
from django.contrib.auth.models import AnonymousUser

from passerelle.accounts.models import User
from passerelle.core.content_translation import translation_save
from passerelle.geo.models import Country
from passerelle.search import selectors as search
from passerelle.search import services as indexing

from .. import search_index  # noqa: F401  (registers Event and AgendaItem until apps.py does)
from ..models import Appearance, Event, GuidingQuestion
from .factories import AgendaItemFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_held():
    search.forget_held_documents()
    yield
    search.forget_held_documents()


def fresh(user):
    return User.objects.get(pk=user.pk)


def indexed(*objects):
    for obj in objects:
        indexing.index_object(obj)


def found(user, query, **options) -> list:
    return [result.object for result in search.search(user, query, **options).results]


@pytest.fixture
def migration_dialogue(published_event):
    Event.objects.filter(pk=published_event.pk).update(
        title="Dialogue on climate mobility",
        description="States discuss displacement caused by droughts and floods.",
        country=Country.objects.get(iso3="CHE"),
    )
    published_event.refresh_from_db()
    return published_event


def test_a_published_event_is_found_in_each_of_its_languages(migration_dialogue, editor):
    translation_save(
        actor=fresh(editor), obj=migration_dialogue, language="fr",
        texts={"title": "Dialogue sur la mobilité climatique",
               "description": "Les États discutent des déplacements dus aux sécheresses."},
    )  # fmt: skip
    indexed(migration_dialogue)
    assert found(AnonymousUser(), "climate mobility droughts", language="en") == [
        migration_dialogue
    ]
    page = search.search(AnonymousUser(), "sécheresses", language="fr")
    (result,) = page.results
    assert result.object == migration_dialogue and result.language == "fr"
    assert result.kind == "event" and result.url == migration_dialogue.get_absolute_url()
    assert ("event", "Events", 1) in page.facets["kind"]
    assert [value for value, _label, _count in page.facets["year"]] == ["2027"]
    assert [value for value, _label, _count in page.facets["country"]] == ["CHE"]


def test_an_event_is_filtered_by_its_country_and_year(migration_dialogue):
    indexed(migration_dialogue)
    assert found(AnonymousUser(), "", filters={"country": ["CHE"]}) == [migration_dialogue]
    assert found(AnonymousUser(), "droughts", filters={"year": ["2026"]}) == []


def test_a_draft_is_found_by_its_organisers_only(draft_event, editor, outsider):
    Event.objects.filter(pk=draft_event.pk).update(description="Preparing the ocean summit.")
    draft_event.refresh_from_db()
    indexed(draft_event)
    for reader in (AnonymousUser(), fresh(outsider)):
        assert found(reader, "ocean summit") == []
    assert found(fresh(editor), "ocean summit") == [draft_event]


def test_an_agenda_item_is_found_by_its_questions_and_speakers(published_event, draft_event):
    panel = AgendaItemFactory(event=published_event, title="Skills partnerships", kind="panel")
    GuidingQuestion.objects.create(item=panel, position=1, text="How are diplomas recognised?")
    speaker = SpeakerFactory(name="Wangari Otieno", affiliation="Kenyan Ministry of Labour")
    Appearance.objects.create(item=panel, speaker=speaker, role="speaker", position=1)
    hidden = AgendaItemFactory(event=draft_event, title="Diplomas behind closed doors")
    indexed(panel, hidden)
    page = search.search(AnonymousUser(), "diplomas recognised")
    assert [result.object for result in page.results] == [panel]
    assert page.results[0].kind == "agenda_item"
    assert page.results[0].url == panel.get_absolute_url()
    assert found(AnonymousUser(), "Wangari Otieno") == [panel]


def test_a_deleted_item_leaves_the_index(published_event, editor):
    from ..services import events as services

    item = AgendaItemFactory(event=published_event, title="Remittances corridor")
    indexed(item)
    assert found(AnonymousUser(), "remittances corridor") == [item]
    pk = item.pk
    services.item_delete(actor=fresh(editor), item=item)
    indexing.index_many(type(item), [pk])
    search.forget_held_documents()
    assert found(AnonymousUser(), "remittances corridor") == []
