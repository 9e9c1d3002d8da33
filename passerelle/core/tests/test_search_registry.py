"""The search registry (core.search): what modules register, and how index_later hands objects
to the engine."""

import pytest

from passerelle.core import search
from passerelle.core.search import SearchText
from tests.testapp.models import Note


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(search, "_searchables", {})
    monkeypatch.setattr(search, "_facet_labels", {})
    monkeypatch.setattr(search, "_indexer", None)
    return search


def _texts(note):
    return [SearchText(language="en", title=note.text, body="", facets={})]


def test_a_kind_belongs_to_one_model(registry):
    registry.register_searchable(
        Note, kind="note", label="Notes", texts=_texts, indexable=Note.objects.all
    )
    assert registry.searchable_for(Note).kind == "note"
    with pytest.raises(ValueError):
        registry.register_searchable(
            search.SearchText, kind="note", label="Notes", texts=_texts, indexable=list
        )


def test_facet_labels_fall_back_to_the_value(registry):
    with pytest.raises(ValueError):
        registry.register_facet_labels("colour", dict)
    registry.register_facet_labels("area", lambda values: {"BORD": "Borders"})
    assert registry.facet_labels("area", ["BORD", "NEW"]) == {"BORD": "Borders", "NEW": "NEW"}
    assert registry.facet_labels("year", ["2024"]) == {"2024": "2024"}


def test_index_later_hands_registered_objects_to_the_indexer(registry):
    handed = []
    note = Note(pk=1, text="A note")
    registry.index_later(note)  # no engine: nothing happens
    registry.set_indexer(handed.append)
    registry.index_later(note)  # not registered: nothing happens
    registry.register_searchable(
        Note, kind="note", label="Notes", texts=_texts, indexable=Note.objects.all
    )
    registry.index_later(note)
    assert handed == [note]
