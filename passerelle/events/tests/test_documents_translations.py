"""An event's documents and the translation of its texts by its organisers: the services and the
pages, for each role allowed and refused; bad input is answered clearly with nothing written;
files are downloaded as attachments; translations show on the event's pages; the translation
page's queries do not grow with the agenda."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from passerelle.core.models import AuditEntry, ContentTranslation

from ..models import EventDocument, GuidingQuestion
from ..services import documents as services
from ..services.translations import translations_save
from .factories import AgendaItemFactory, private_files_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(tmp_path):
    with private_files_in(tmp_path):
        yield


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pdf(name="programme.pdf", content=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def documents_url(event):
    return reverse("events:documents", kwargs={"slug": event.slug})


def download_url(document):
    return reverse(
        "events:document_download", kwargs={"slug": document.event.slug, "pk": document.pk}
    )


def translate_url(event, language="fr"):
    return reverse("events:event_translate", kwargs={"slug": event.slug, "language": language})


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


# Documents: the services ---------------------------------------------------------------------


def test_organiser_adds_a_file_stored_under_events_documents(editor, published_event):
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="concept_note",
        title=" Concept note ",
        language="en",
        upload=pdf(),
    )
    assert document.title == "Concept note"
    assert document.file.name.startswith("events/documents/")
    assert document.file.storage.exists(document.file.name)
    entry = AuditEntry.objects.get(action="events.document.added")
    assert entry.object_id == str(document.pk)


def test_organiser_adds_a_link(editor, published_event):
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="report",
        title="Report",
        language="fr",
        url="https://example.org/report",
    )
    assert not document.file and document.url == "https://example.org/report"


def test_others_may_not_add_documents(outsider, viewer, published_event):
    for person in (outsider, viewer):
        with pytest.raises(PermissionDenied):
            services.document_add(
                actor=person,
                event=published_event,
                kind="report",
                title="Report",
                language="en",
                url="https://example.org/report",
            )
    assert not EventDocument.objects.exists()


@pytest.mark.parametrize(
    ("upload", "url", "field", "message"),
    [
        (None, "", "__all__", "Attach a file or give a link"),
        (pdf(), "https://example.org/a", "__all__", "not both"),
        (None, "javascript:alert(1)", "url", "https://"),
        (pdf("page.pdf", b"<html><script>alert(1)</script></html>"), "", "file", "not a .pdf"),
        (pdf("page.html", b"<html></html>"), "", "file", "PDF, DOCX, ODT"),
        (pdf("big.pdf", PDF + b"0" * (20 * 1024 * 1024)), "", "file", "too large"),
    ],
    ids=["nothing", "both", "bad-link", "html-as-pdf", "html", "too-big"],
)
def test_bad_documents_are_refused_with_nothing_written(
    editor, published_event, tmp_path, upload, url, field, message
):
    with pytest.raises(ValidationError) as refused:
        services.document_add(
            actor=editor,
            event=published_event,
            kind="report",
            title="Report",
            language="en",
            upload=upload,
            url=url,
        )
    assert message in " ".join(refused.value.message_dict[field])
    assert not EventDocument.objects.exists()
    assert not AuditEntry.objects.filter(action="events.document.added").exists()
    assert stored_files(tmp_path) == []


def test_every_problem_is_reported_at_once(editor, published_event):
    with pytest.raises(ValidationError) as refused:
        services.document_add(
            actor=editor, event=published_event, kind="menu", title="", language="xx"
        )
    assert set(refused.value.message_dict) == {"kind", "title", "language", "__all__"}


def test_removing_a_document_deletes_its_file(
    django_capture_on_commit_callbacks, editor, published_event
):
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="agenda",
        title="Agenda",
        language="en",
        upload=pdf(),
    )
    name, pk = document.file.name, document.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.document_remove(actor=editor, document=document)
    assert not EventDocument.objects.exists()
    assert not EventDocument._meta.get_field("file").storage.exists(name)
    assert AuditEntry.objects.filter(action="events.document.removed", object_id=str(pk)).exists()


# Documents: the pages ------------------------------------------------------------------------


def test_organiser_page_lists_adds_and_removes(
    django_capture_on_commit_callbacks, editor, published_event
):
    client = logged_in(editor)
    page = client.get(documents_url(published_event))
    assert page.status_code == 200
    assert b'enctype="multipart/form-data"' in page.content
    response = client.post(
        documents_url(published_event),
        {"kind": "agenda", "title": "Annotated agenda", "language": "en", "file": pdf()},
    )
    assert response.status_code == 302
    document = EventDocument.objects.get()
    page = client.get(documents_url(published_event))
    assert b"Annotated agenda" in page.content
    remove = reverse(
        "events:document_remove", kwargs={"slug": published_event.slug, "pk": document.pk}
    )
    assert client.get(remove).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(remove).status_code == 302
    assert not EventDocument.objects.exists()


def test_organiser_page_refuses_bad_input_clearly(editor, published_event, tmp_path):
    client = logged_in(editor)
    response = client.post(
        documents_url(published_event), {"kind": "agenda", "title": "Agenda", "language": "en"}
    )
    assert response.status_code == 400
    assert "Attach a file or give a link to the document." in response.content.decode()
    response = client.post(
        documents_url(published_event),
        {
            "kind": "agenda",
            "title": "Agenda",
            "language": "en",
            "file": pdf("agenda.pdf", b"<!doctype html><html><body>hello</body></html>"),
        },
    )
    assert response.status_code == 400
    assert "The file&#x27;s content is not a .pdf file." in response.content.decode()
    assert not EventDocument.objects.exists()
    assert stored_files(tmp_path) == []


def test_documents_page_is_the_organisers(
    client, editor, secretariat, outsider, viewer, published_event, draft_event
):
    assert client.get(documents_url(published_event)).status_code == 302  # to log in
    for person in (outsider, viewer):
        assert logged_in(person).get(documents_url(published_event)).status_code == 403
        assert logged_in(person).get(documents_url(draft_event)).status_code == 404
        assert (
            logged_in(person)
            .post(documents_url(published_event), {"kind": "agenda", "title": "x"})
            .status_code
            == 403
        )
    assert logged_in(editor).get(documents_url(draft_event)).status_code == 200
    assert logged_in(secretariat).get(documents_url(published_event)).status_code == 200


def test_others_may_not_remove(outsider, editor, published_event):
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="report",
        title="Report",
        language="en",
        url="https://example.org/report",
    )
    remove = reverse(
        "events:document_remove", kwargs={"slug": published_event.slug, "pk": document.pk}
    )
    assert logged_in(outsider).post(remove).status_code == 403
    assert EventDocument.objects.exists()


def test_download_is_an_attachment_that_is_not_sniffed(client, editor, published_event):
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="agenda",
        title="Agenda",
        language="en",
        upload=pdf("agenda.pdf"),
    )
    response = client.get(download_url(document))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    page = client.get(published_event.get_absolute_url())
    assert download_url(document) in page.content.decode()


def test_a_link_document_redirects(client, editor, published_event):
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="report",
        title="Report",
        language="en",
        url="https://example.org/report",
    )
    response = client.get(download_url(document))
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/report"


def test_a_drafts_documents_are_its_organisers(client, outsider, editor, draft_event):
    document = services.document_add(
        actor=editor,
        event=draft_event,
        kind="agenda",
        title="Agenda",
        language="en",
        upload=pdf(),
    )
    assert client.get(download_url(document)).status_code == 404
    assert logged_in(outsider).get(download_url(document)).status_code == 404
    assert logged_in(editor).get(download_url(document)).status_code == 200


def test_a_document_is_found_under_its_own_event_only(client, editor, published_event):
    from .factories import EventFactory

    other = EventFactory(status="published")
    document = services.document_add(
        actor=editor,
        event=published_event,
        kind="report",
        title="Report",
        language="en",
        url="https://example.org/report",
    )
    url = reverse("events:document_download", kwargs={"slug": other.slug, "pk": document.pk})
    assert client.get(url).status_code == 404


# Translations --------------------------------------------------------------------------------


def agenda_with_questions(event, items=1, questions=1):
    for _ in range(items):
        item = AgendaItemFactory(event=event)
        for position in range(1, questions + 1):
            GuidingQuestion.objects.create(
                item=item, position=position, text=f"Question {position} of {item.title}?"
            )


def french_texts(event) -> dict[str, str]:
    item = event.agenda_items.get()
    question = GuidingQuestion.objects.get(item=item)
    return {
        "event.title": "Dialogue international sur la migration",
        "event.theme": "Partenariats pour le renforcement des capacités",
        "event.description": "Deux jours de dialogue entre États et partenaires.",
        f"item.{item.pk}.title": "Séance plénière d'ouverture",
        f"item.{item.pk}.description": "Guidée par les questions ci-dessous.",
        f"question.{question.pk}.text": "Qu'est-ce qui fait durer un partenariat ?",
    }


def test_translations_are_saved_and_shown_on_the_pages(client, editor, published_event):
    agenda_with_questions(published_event)
    page = logged_in(editor).get(translate_url(published_event))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<h1") == 1
    assert f'lang="{published_event.language}"' in html
    assert 'name="event.title"' in html and 'name="event.objectives"' not in html
    response = logged_in(editor).post(translate_url(published_event), french_texts(published_event))
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/")
    assert set(ContentTranslation.objects.values_list("provenance", flat=True)) == {"human"}
    with translation.override("fr"):
        detail = client.get(published_event.get_absolute_url()).content.decode()
        agenda = client.get(reverse("events:agenda", kwargs={"slug": published_event.slug}))
    assert "Dialogue international sur la migration" in detail
    assert "/fr/events/" in agenda.request["PATH_INFO"]
    agenda_html = agenda.content.decode()
    assert "Séance plénière d&#x27;ouverture" in agenda_html
    assert "Qu&#x27;est-ce qui fait durer un partenariat ?" in agenda_html
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "events.event.translated",
        "events.agendaitem.translated",
        "events.guidingquestion.translated",
    } <= actions
    # Shown again on the page, and an empty text removes its translation.
    page = logged_in(editor).get(translate_url(published_event))
    assert "Dialogue international sur la migration" in page.content.decode()
    response = logged_in(editor).post(translate_url(published_event), {"event.theme": ""})
    assert response.status_code == 302
    assert not ContentTranslation.objects.filter(field="theme").exists()
    assert ContentTranslation.objects.filter(field="title", language="fr").count() == 2


def test_translations_refuse_bad_input_with_nothing_written(editor, published_event):
    agenda_with_questions(published_event)
    texts = {**french_texts(published_event), "event.description": "x" * 20_001}
    response = logged_in(editor).post(translate_url(published_event), texts)
    assert response.status_code == 400
    assert "This text is too long" in response.content.decode()
    assert "Dialogue international sur la migration" in response.content.decode()  # kept
    assert not ContentTranslation.objects.exists()
    with pytest.raises(ValidationError) as refused:
        translations_save(
            actor=editor, event=published_event, language="fr", texts={"item.999999.title": "x"}
        )
    assert "__all__" in refused.value.message_dict
    with pytest.raises(ValidationError):
        translations_save(actor=editor, event=published_event, language="en", texts={})
    assert not ContentTranslation.objects.exists()


def test_translate_page_is_the_organisers(
    client, editor, outsider, viewer, secretariat, published_event, draft_event
):
    assert client.get(translate_url(published_event)).status_code == 302  # to log in
    for person in (outsider, viewer):
        assert logged_in(person).get(translate_url(published_event)).status_code == 403
        assert logged_in(person).get(translate_url(draft_event)).status_code == 404
        response = logged_in(person).post(translate_url(published_event), {"event.title": "x"})
        assert response.status_code == 403
        with pytest.raises(PermissionDenied):
            translations_save(
                actor=person, event=published_event, language="fr", texts={"event.title": "x"}
            )
    assert not ContentTranslation.objects.exists()
    assert logged_in(secretariat).get(translate_url(published_event, "es")).status_code == 200
    assert logged_in(editor).get(translate_url(draft_event)).status_code == 200
    assert logged_in(editor).get(translate_url(published_event, "en")).status_code == 400
    assert logged_in(editor).get(translate_url(published_event, "de")).status_code == 404


def test_organiser_panel_links_to_documents_and_translations(editor, published_event):
    html = logged_in(editor).get(published_event.get_absolute_url()).content.decode()
    assert documents_url(published_event) in html
    assert translate_url(published_event, "fr") in html
    assert translate_url(published_event, "es") in html
    assert translate_url(published_event, "en") not in html


def test_translate_page_queries_do_not_grow_with_the_agenda(editor, published_event):
    from .factories import EventFactory, EventPartnerFactory

    small = published_event
    agenda_with_questions(small, items=1, questions=1)
    large = EventFactory(status="published")
    EventPartnerFactory(
        event=large, organisation=small.partners.get().organisation, role="organiser"
    )
    agenda_with_questions(large, items=6, questions=3)
    client = logged_in(editor)
    translations_save(actor=editor, event=large, language="fr", texts=_all_texts(large))
    client.get(translate_url(small))  # warm caches (content types, session)
    with CaptureQueriesContext(connection) as few:
        assert client.get(translate_url(small)).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert client.get(translate_url(large)).status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 12
    assert sum("core_contenttranslation" in query["sql"] for query in many.captured_queries) == 1


def _all_texts(event) -> dict[str, str]:
    texts = {"event.title": "Titre"}
    for item in event.agenda_items.all():
        texts[f"item.{item.pk}.title"] = f"Séance {item.pk}"
        for question in item.questions.all():
            texts[f"question.{question.pk}.text"] = f"Question {question.pk} ?"
    return texts
