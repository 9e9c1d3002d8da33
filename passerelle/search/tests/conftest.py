"""Fixtures of the search tests: a throwaway searchable over the test app's Note (private,
shared or public to its owner organisation), whose texts each test writes."""

import datetime

import pytest

from passerelle.core import search as registry
from passerelle.core.search import Searchable, SearchText
from passerelle.search import selectors, services
from passerelle.search.backends import keyword_backend
from passerelle.search.models import SearchDocument, SearchFacet
from tests.testapp.models import Note


@pytest.fixture(autouse=True)
def _nothing_held():
    # Rolled-back documents leave their ids to the next test's: what the process held of them
    # must go.
    selectors.forget_held_documents()
    yield
    selectors.forget_held_documents()


@pytest.fixture
def note_texts(monkeypatch):
    """{note pk: [SearchText]}: what the Note searchable indexes of each note."""
    texts = {}
    monkeypatch.setitem(
        registry._searchables,
        Note,
        Searchable(
            model=Note,
            kind="note",
            label="Notes",
            texts=lambda note: texts.get(note.pk, []),
            indexable=lambda: Note.objects.all(),
        ),
    )
    return texts


@pytest.fixture
def make_note(note_texts, organisation):
    """make_note(("en", title, body), ("fr", title, body), visibility=, owner=, facets=,
    date=): a note with a version per language, indexed."""

    def make(*versions, visibility="public", owner=organisation, facets=None, date=None):
        note = Note.objects.create(owner=owner, visibility=visibility, text=versions[0][1][:100])
        note_texts[note.pk] = [
            SearchText(
                language=language,
                title=title,
                body=body,
                facets=facets or {},
                date=date or datetime.date(2025, 6, 1),
            )
            for language, title, body in versions
        ]
        services.index_object(note)
        return note

    return make


def bulk_notes(count: int, owner, title: str, body: str) -> list[Note]:
    """`count` public notes with documents in the keyword index, written in bulk and without
    embeddings (what is measured is the keyword side)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    notes = Note.objects.bulk_create(
        Note(owner=owner, visibility="public", text=f"{title} {i}") for i in range(count)
    )
    content_type = ContentType.objects.get_for_model(Note)
    documents = SearchDocument.objects.bulk_create(
        SearchDocument(
            content_type=content_type,
            object_id=str(note.pk),
            language="en",
            kind="note",
            title=f"{title} {i}",
            body=body,
            indexed_at=timezone.now(),
        )
        for i, note in enumerate(notes)
    )
    SearchFacet.objects.bulk_create(
        SearchFacet(document=document, facet=facet, value=value)
        for document in documents
        for facet, value in (("kind", "note"), ("language", "en"))
    )
    keyword_backend().index(documents)
    return notes
