"""Writes of knowledge items by their authors: drafts created once per submission key, saves
refused over a newer version, corrections kept as versions, submission checks, withdrawal,
resource files, downloads, translations, and lessons imported from public projects."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.core import content_translation
from passerelle.core.models import AuditEntry, TranslationProvenance
from passerelle.knowledge import selectors
from passerelle.knowledge.choices import ItemKind, ItemStatus, ResourceType
from passerelle.knowledge.models import Item, ItemVersion
from passerelle.knowledge.services import calls, items, lessons
from passerelle.projects import services as projects
from passerelle.projects.choices import ProjectStatus
from passerelle.projects.models import Lesson
from passerelle.projects.tests.conftest import project_data
from passerelle.taxonomy.models import CapacityArea

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 a guide to consular protection"


def resource_data(**overrides) -> items.ItemData:
    values = {
        "title": "Guide to consular protection",
        "summary": "What consulates can do for nationals abroad.",
        "texts": {"description": "A practical guide for consular staff."},
        "language": "en",
        "resource_type": ResourceType.GUIDE,
        "capacity_areas": [CapacityArea.objects.get(code="WGWS")],
    }
    values.update(overrides)
    return items.ItemData(**values)


@pytest.fixture
def resource(editor, organisation):
    return items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.RESOURCE, data=resource_data()
    )


# Creating ------------------------------------------------------------------------------------


def test_the_same_submission_key_twice_creates_one_item(editor, organisation):
    key = uuid.uuid4()
    first = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(), submission_key=key,
    )  # fmt: skip
    second = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="Posted twice"), submission_key=key,
    )  # fmt: skip

    assert first.pk == second.pk
    assert Item.objects.count() == 1
    assert first.status == ItemStatus.DRAFT and first.language == "en"
    assert list(first.capacity_areas.values_list("code", flat=True)) == ["WGWS"]
    assert AuditEntry.objects.filter(action="knowledge.item.created").count() == 1


def test_only_the_organisations_editors_create_items(viewer, outsider, organisation):
    for person in (viewer, outsider):
        with pytest.raises(PermissionDenied):
            items.item_create(
                actor=fresh(person), organisation=organisation, kind=ItemKind.PRACTICE,
                data=practice_data(),
            )  # fmt: skip
    assert not Item.objects.exists()


def test_a_bad_item_is_refused_by_field(editor, organisation):
    with pytest.raises(ValidationError) as refused:
        items.item_create(
            actor=fresh(editor), organisation=organisation, kind=ItemKind.RESOURCE,
            data=resource_data(title=" ", resource_type="novel", audiences=["aliens"],
                               scope="galactic"),
        )  # fmt: skip
    assert {"title", "resource_type", "audiences", "scope"} <= set(refused.value.message_dict)


def test_the_language_is_recognised_when_not_given(editor, organisation):
    item = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.LESSON,
        data=items.ItemData(
            title="Former les formateurs d'abord",
            summary="Les cours donnés par les formateurs de l'académie ont continué après le "
            "projet, parce que les formateurs sont restés dans leurs services.",
            texts={"lessons": "Il faut recruter les formateurs avant de lancer les cours."},
        ),
    )  # fmt: skip
    assert item.language == "fr"


# Saving --------------------------------------------------------------------------------------


def test_a_save_over_a_newer_version_is_refused_and_loses_nothing(draft, editor, organisation):
    colleague = MembershipFactory(organisation=organisation, role="editor").user
    opened_at = draft.lock_version
    theirs = items.item_update(
        actor=fresh(colleague), item=draft, lock_version=opened_at,
        data=practice_data(title="Their title"),
    )  # fmt: skip
    assert theirs.lock_version == opened_at + 1

    with pytest.raises(ValidationError) as refused:
        items.item_update(
            actor=fresh(editor), item=draft, lock_version=opened_at,
            data=practice_data(title="My title"),
        )  # fmt: skip

    assert refused.value.code == items.STALE
    draft.refresh_from_db()
    assert draft.title == "Their title"
    assert draft.lock_version == opened_at + 1
    # Based on the version now seen, the save goes through.
    mine = items.item_update(
        actor=fresh(editor), item=draft, lock_version=draft.lock_version,
        data=practice_data(title="My title"),
    )  # fmt: skip
    assert mine.title == "My title"


def test_a_correction_of_a_published_item_is_kept_as_a_version(published, editor):
    assert list(published.versions.values_list("number", flat=True)) == [1]
    with pytest.raises(ValidationError) as refused:
        items.item_update(actor=fresh(editor), item=published, data=practice_data())
    assert "note" in refused.value.message_dict

    corrected = items.item_update(
        actor=fresh(editor), item=published, note="Figures for 2024 added.",
        data=practice_data(texts={**practice_data().texts, "results": "Waiting fell to a day."}),
    )  # fmt: skip

    assert corrected.version == 2 and corrected.status == ItemStatus.PUBLISHED
    first, second = ItemVersion.objects.filter(item=published).order_by("number")
    assert first.snapshot["results"].startswith("Waiting times fell from three weeks")
    assert second.snapshot["results"] == "Waiting fell to a day."
    assert second.note == "Figures for 2024 added."
    assert AuditEntry.objects.filter(action="knowledge.item.corrected").count() == 1


def test_a_curator_may_correct_a_published_item_but_not_a_draft(
    published, curator, editor, organisation
):
    items.item_update(actor=curator, item=published, data=practice_data(), note="Typo.")
    draft = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE, data=practice_data()
    )
    with pytest.raises(PermissionDenied):
        items.item_update(actor=curator, item=draft, data=practice_data())


# Submitting ----------------------------------------------------------------------------------


def test_submission_refuses_missing_sections_by_field(editor, organisation):
    item = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(texts={"context": "Only the context."}, capacity_areas=[],
                           gcm_objectives=[]),
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        items.item_submit(actor=fresh(editor), item=item)

    assert set(refused.value.message_dict) == {
        "activities", "results", "capacity_areas", "gcm_objectives",
    }  # fmt: skip
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT and item.submitted_at is None


def test_a_complete_draft_goes_to_the_curators(draft, editor):
    submitted = items.item_submit(actor=fresh(editor), item=draft)
    assert submitted.status == ItemStatus.SUBMITTED and submitted.submitted_at is not None


def test_submission_is_refused_once_the_call_is_closed(editor, organisation, open_call, curator):
    item = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(), call=open_call,
    )  # fmt: skip
    calls.call_close(actor=curator, call=open_call)
    item.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        items.item_submit(actor=fresh(editor), item=item)
    assert "call" in refused.value.message_dict


def test_viewers_do_not_submit(draft, viewer):
    with pytest.raises(PermissionDenied):
        items.item_submit(actor=fresh(viewer), item=draft)


# Withdrawing ---------------------------------------------------------------------------------


def test_a_published_item_is_withdrawn_with_a_reason(published, editor):
    with pytest.raises(ValidationError) as refused:
        items.item_withdraw(actor=fresh(editor), item=published, reason="  ")
    assert "reason" in refused.value.message_dict

    withdrawn = items.item_withdraw(actor=fresh(editor), item=published, reason="Outdated.")

    assert withdrawn.status == ItemStatus.WITHDRAWN and withdrawn.decision_reason == "Outdated."
    entry = AuditEntry.objects.get(action="knowledge.item.withdrawn")
    assert entry.data["reason"] == "Outdated."


def test_drafts_are_not_withdrawn(draft, editor):
    with pytest.raises(PermissionDenied):
        items.item_withdraw(actor=fresh(editor), item=draft, reason="Changed our mind.")


# Files ---------------------------------------------------------------------------------------


def test_a_resource_file_is_checked_by_its_content(resource, editor):
    executable = SimpleUploadedFile("guide.pdf", b"MZ\x90\x00\x03 this is a program")
    with pytest.raises(ValidationError) as refused:
        items.item_attach_file(actor=fresh(editor), item=resource, upload=executable)
    assert "file" in refused.value.message_dict
    resource.refresh_from_db()
    assert not resource.file


@override_settings(KNOWLEDGE={"FILE_MAX_BYTES": 100})
def test_a_resource_file_over_the_limit_is_refused(resource, editor):
    large = SimpleUploadedFile("guide.pdf", PDF + b"0" * 200)
    with pytest.raises(ValidationError) as refused:
        items.item_attach_file(actor=fresh(editor), item=resource, upload=large)
    assert "too large" in refused.value.message_dict["file"][0]


def test_only_resources_carry_files(draft, editor):
    with pytest.raises(ValidationError):
        items.item_attach_file(
            actor=fresh(editor), item=draft, upload=SimpleUploadedFile("a.pdf", PDF)
        )


def test_a_resource_file_is_attached_and_its_downloads_counted(resource, editor):
    attached = items.item_attach_file(
        actor=fresh(editor), item=resource, upload=SimpleUploadedFile("guide.pdf", PDF)
    )
    assert attached.file_name == "guide.pdf" and attached.file_type == "application/pdf"

    items.download_counted(item=attached)
    items.download_counted(item=attached)

    attached.refresh_from_db()
    assert attached.downloads == 2


# Translations --------------------------------------------------------------------------------


def test_a_translation_is_saved_and_read_back_in_its_language(draft, editor):
    items.item_translate(
        actor=fresh(editor), item=draft, language="fr",
        texts={"title": "Guichets uniques à Dakar", "summary": "Un seul guichet.",
               "context": "Cinq bureaux.", "activities": "Un guichet.", "results": "Deux jours."},
    )  # fmt: skip

    french = selectors.rendering(draft, "fr")
    assert not french.is_original and french.language == "fr" and not french.machine
    assert french.fields["title"] == "Guichets uniques à Dakar"
    spanish = selectors.rendering(draft, "es")
    assert spanish.is_original and spanish.fields["title"] == draft.title
    assert sorted(content_translation.translations_of(draft)) == ["fr"]


def test_an_incomplete_translation_leaves_the_original(draft, editor):
    items.item_translate(
        actor=fresh(editor), item=draft, language="es", texts={"title": "Ventanillas únicas"}
    )
    assert selectors.rendering(draft, "es").is_original


def test_the_original_language_is_not_translated(draft, editor, outsider):
    with pytest.raises(ValidationError):
        items.item_translate(actor=fresh(editor), item=draft, language="en", texts={"title": "X"})
    with pytest.raises(PermissionDenied):
        items.item_translate(actor=fresh(outsider), item=draft, language="fr", texts={})


def test_no_machine_translation_without_a_provider(draft, editor):
    assert items.item_machine_translate(actor=fresh(editor), item=draft, language="fr") is False


class Shouting(content_translation.TranslationProvider):
    """A test provider: the text in capitals."""

    def translate(self, texts, *, source, target):
        return [text.upper() for text in texts]


SHOUTING = f"{__name__}.Shouting"


@override_settings(CONTENT_TRANSLATION_PROVIDER=SHOUTING)
def test_a_machine_translation_is_marked_as_such(draft, editor):
    assert items.item_machine_translate(actor=fresh(editor), item=draft, language="es")
    spanish = selectors.rendering(draft, "es")
    assert spanish.machine and spanish.fields["title"] == draft.title.upper()
    rows = content_translation.translations_of(draft)["es"].values()
    assert {row.provenance for row in rows} == {TranslationProvenance.MACHINE}


# Lessons from projects -----------------------------------------------------------------------


@pytest.fixture
def project_lesson(db):
    accountable = OrganisationFactory(type="national_government", verification_status="verified")
    implementer = OrganisationFactory(type="civil_society")
    runner = MembershipFactory(organisation=accountable, role="editor").user
    project = projects.project_create(
        actor=fresh(runner), organisation=accountable,
        data=project_data(accountable, implementer), status=ProjectStatus.IMPLEMENTATION,
    )  # fmt: skip
    return projects.lesson_record(
        actor=fresh(runner), project=project, title="Train the trainers first",
        text="Courses led by the police academy's own trainers kept going after the project.",
    )  # fmt: skip


def test_a_lesson_of_a_public_project_becomes_a_draft_once(project_lesson):
    assert lessons.import_project_lessons() == 1
    assert lessons.import_project_lessons() == 0

    item = Item.objects.get()
    assert item.kind == ItemKind.LESSON and item.status == ItemStatus.DRAFT
    assert item.source_lesson == project_lesson
    assert item.organisation == project_lesson.project.organisation
    assert item.lessons == project_lesson.text and item.title == project_lesson.title
    assert list(item.projects.all()) == [project_lesson.project]
    assert list(item.gcm_objectives.all()) == list(project_lesson.project.gcm_objectives.all())


def test_the_lessons_command_imports_recent_lessons_or_all(project_lesson, capsys):
    Lesson.objects.filter(pk=project_lesson.pk).update(
        created=timezone.now() - datetime.timedelta(days=30)
    )
    call_command("import_project_lessons")
    assert "Imported 0 lessons." in capsys.readouterr().out
    call_command("import_project_lessons", "--all")
    assert "Imported 1 lesson." in capsys.readouterr().out
