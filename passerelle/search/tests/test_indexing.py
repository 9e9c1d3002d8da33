"""Keeping the index: services, the task behind core.search.index_later, the catch-up job, the
reindex command, the demo's last step."""

from dataclasses import replace
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from passerelle.core.demo import demo_steps
from passerelle.core.periodic import periodic_jobs
from passerelle.core.search import SearchText
from passerelle.hub import services as hub_services
from passerelle.hub.tests.conftest import request_data
from passerelle.search import services
from passerelle.search.models import SearchDocument, SearchFacet
from tests.testapp.models import Note


def documents_of(obj):
    return SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


def test_an_object_has_a_document_per_language_with_its_facets(make_note):
    note = make_note(
        ("en", "Border data", "Data."), ("fr", "Données", "Des données."),
        facets={"area": ["BORD"], "country": ["SEN"]},
    )  # fmt: skip
    documents = documents_of(note)
    assert sorted(documents.values_list("language", flat=True)) == ["en", "fr"]
    facets = set(
        SearchFacet.objects.filter(document__in=documents, document__language="fr").values_list(
            "facet", "value"
        )
    )
    assert facets == {
        ("area", "BORD"), ("country", "SEN"), ("kind", "note"), ("language", "fr"),
        ("year", "2025"),
    }  # fmt: skip
    assert all(len(bytes(d.vector)) == 512 * 4 for d in documents)


def test_an_unchanged_text_keeps_its_row_and_a_changed_one_gets_a_new_row(make_note, note_texts):
    note = make_note(("en", "Border data", "Data."), ("fr", "Données", "Des données."))
    before = dict(documents_of(note).values_list("language", "pk"))
    english, french = note_texts[note.pk]
    note_texts[note.pk] = [replace(english, body="New data."), french]
    services.index_object(note)
    after = dict(documents_of(note).values_list("language", "pk"))
    assert after["fr"] == before["fr"]
    assert after["en"] > before["en"]
    note_texts[note.pk] = [french]
    services.index_object(note)
    assert list(documents_of(note).values_list("language", flat=True)) == ["fr"]


def test_texts_with_an_unknown_facet_are_refused(make_note):
    with pytest.raises(ValueError):
        make_note(("en", "Border", "Data."), facets={"colour": ["blue"]})


def test_services_index_what_they_write_once_committed(
    organisation, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = hub_services.request_create(
            actor=editor, organisation=organisation, data=request_data()
        )
    assert documents_of(draft).get().title == "Training for border officials"
    with django_capture_on_commit_callbacks(execute=True):
        hub_services.request_withdraw(actor=editor, support_request=draft)
    assert documents_of(draft).count() == 1


def test_the_catch_up_indexes_changed_objects_and_removes_gone_ones(make_note, note_texts):
    changed = make_note(("en", "Border data", "Data."))
    gone = make_note(("en", "Labour data", "Data."))
    never = Note.objects.create(owner=changed.owner, visibility="public", text="Asylum")
    note_texts[never.pk] = [SearchText("en", "Asylum", "", {})]
    note_texts[changed.pk] = [SearchText("en", "Border statistics", "", {})]
    changed.save()  # a later `updated` than its documents' indexed_at
    gone.delete()
    assert services.catch_up() >= 2
    assert documents_of(changed).get().title == "Border statistics"
    assert documents_of(never).get().title == "Asylum"
    assert not documents_of(gone).exists()
    assert not services.stale_objects(Note).exists()
    assert services.catch_up() == 0


def test_the_catch_up_runs_every_ten_minutes():
    job = next(job for job in periodic_jobs() if job.name == "search_catch_up")
    assert job.every.total_seconds() == 600


def test_search_reindex_rebuilds_one_kind_or_all(organisation, editor):
    draft = hub_services.request_create(
        actor=editor, organisation=organisation, data=request_data()
    )
    out = StringIO()
    call_command("search_reindex", "--kind", "request", stdout=out)
    assert documents_of(draft).exists()
    assert "1/1 request" in out.getvalue()
    call_command("search_reindex", stdout=StringIO())
    assert documents_of(organisation).exists()
    with pytest.raises(CommandError):
        call_command("search_reindex", "--kind", "nothing")


def test_the_demo_ends_with_the_index():
    assert demo_steps()[-1].name == "search: the index of everything"


def test_remove_object_forgets_every_language(make_note):
    note = make_note(("en", "Border data", "Data."), ("es", "Datos", "Datos de frontera."))
    services.remove_object(note)
    assert not documents_of(note).exists()


def test_a_change_of_facets_makes_a_new_row_with_the_same_embedding(
    make_note, note_texts, monkeypatch
):
    from django.contrib.auth.models import AnonymousUser

    from passerelle.core import embeddings
    from passerelle.search.selectors import search

    anonymous = AnonymousUser()
    note = make_note(("en", "Border data", "Data."), facets={"country": ["SEN"]})
    before = documents_of(note).get()
    assert search(anonymous, "data", mode="keyword").facets["country"][0][::2] == ("SEN", 1)
    note_texts[note.pk] = [replace(note_texts[note.pk][0], facets={"country": ["MLI"]})]
    monkeypatch.setattr(embeddings, "embed", lambda texts: pytest.fail("embedded again"))
    services.index_object(note)
    after = documents_of(note).get()
    assert after.pk > before.pk and bytes(after.vector) == bytes(before.vector)
    assert set(after.facets.values_list("facet", "value")) >= {("country", "MLI")}
    # What the process held of the old row gives way to the new one.
    page = search(anonymous, "data", mode="keyword", filters={"country": ["MLI"]})
    assert page.total == 1 and [v for v, _, n in page.facets["country"] if n] == ["MLI"]
    assert search(anonymous, "data", mode="keyword", filters={"country": ["SEN"]}).total == 0
    services.index_object(note)  # nothing changed: the row stays
    assert documents_of(note).get().pk == after.pk


def test_the_catch_up_command_indexes_what_changed(make_note, note_texts, capsys):
    from django.core.management import call_command

    note = make_note(("en", "Border data", "Entries and exits."))
    call_command("search_catch_up")  # the organisation the note belongs to was never indexed
    capsys.readouterr()
    call_command("search_catch_up")
    assert "Indexed 0 changed objects." in capsys.readouterr().out
    note.save()  # `updated` moves on
    call_command("search_catch_up")
    assert "Indexed 1 changed object." in capsys.readouterr().out
