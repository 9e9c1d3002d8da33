"""Writes of the course catalogue: a course added, changed or deleted by organisation editors
and the secretariat (its material file checked by its content and size, as events' documents
are, and kept in the private storage); a completion declared or removed by its person. Audited
under `diaspora.course.*` and `diaspora.completion.*`.

A file stored for a course whose row is not saved is deleted again; a replaced or deleted file
is deleted once the transaction commits."""

from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.assessments.evidence import KINDS, check_upload
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..models import Course, CourseCompletion
from ..permissions import is_active_user, is_secretariat
from ..permissions_learning import may_add_courses

MATERIAL_FILE_TYPES = ("pdf", "docx", "odt", "pptx", "txt")
COURSE_FIELDS = (
    "title", "provider", "provider_organisation", "description", "language", "format", "hours",
    "url",
)  # fmt: skip


def _material_error(upload) -> str | None:
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in MATERIAL_FILE_TYPES:
        return _("Attach a PDF, DOCX, ODT, PPTX or plain text (.txt) file.")
    try:
        check_upload(upload, max_bytes=settings.DIASPORA["COURSE_FILE_MAX_BYTES"])
    except ValidationError as error:
        return error.message_dict["file"][0]
    return None


def _check_provider(actor, organisation) -> None:
    """Someone other than the secretariat offers a course for an organisation they edit."""
    if organisation is None or is_secretariat(actor):
        return
    if not actor.has_role(organisation.pk, MembershipRole.EDITOR):
        raise ValidationError(
            {"provider_organisation": _("Choose an organisation in which you are an editor.")}
        )


def _fill(course: Course, data: dict) -> None:
    for name in COURSE_FIELDS:
        value = data.get(name)
        if name in ("provider_organisation", "hours"):
            setattr(course, name, value or None)
        else:
            setattr(course, name, (value or "").strip())


def _save_with_file(course: Course, upload, capacity_areas, actor, action: str, data: dict):
    """Save `course` (and `upload` as its material, when given); on any failure the stored file
    is deleted again."""
    if upload is not None:
        course.material = upload
    try:
        with transaction.atomic():
            course.save()  # stores the file first
            if capacity_areas is not None:
                course.capacity_areas.set(capacity_areas)
            log_action(actor, course, action, data)
    except BaseException:
        if upload is not None and course.material and course.material._committed:
            course.material.storage.delete(course.material.name)
        raise
    return course


def _validate(course: Course, upload, errors: dict) -> None:
    if upload is not None:
        message = _material_error(upload)
        if message:
            errors["material"] = message
    has_material = upload is not None or bool(course.material)
    if not course.url and not has_material:
        errors.setdefault("url", _("Give the course's address or attach its material."))
    try:
        course.full_clean(exclude=["material"], validate_constraints=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)


def course_create(*, actor, data: dict, capacity_areas=(), upload=None) -> Course:
    if not may_add_courses(actor):
        raise PermissionDenied
    _check_provider(actor, data.get("provider_organisation"))
    course = Course(created_by=actor)
    _fill(course, data)
    _validate(course, upload, {})
    return _save_with_file(
        course, upload, list(capacity_areas), actor, "diaspora.course.created",
        {"title": course.title, "material": upload is not None},
    )  # fmt: skip


def course_update(
    *, actor, course: Course, data: dict, capacity_areas=None, upload=None,
    remove_material: bool = False,
) -> Course:  # fmt: skip
    """Change the course; a new `upload` replaces its material, `remove_material` removes it
    (the course then needs its address)."""
    require(actor, "change", course)
    _check_provider(actor, data.get("provider_organisation"))
    old_file = course.material.name if course.material else ""
    _fill(course, data)
    if remove_material and upload is None:
        course.material = ""
    _validate(course, upload, {})
    _save_with_file(
        course, upload, capacity_areas, actor, "diaspora.course.updated",
        {"title": course.title, "material": bool(course.material)},
    )  # fmt: skip
    if old_file and (upload is not None or remove_material):
        _delete_file_on_commit(course.material.storage, old_file)
    return course


def _delete_file_on_commit(storage, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def course_delete(*, actor, course: Course) -> None:
    require(actor, "delete", course)
    material = course.material.name if course.material else ""
    storage = course.material.storage
    log_action(actor, course, "diaspora.course.deleted", {"title": course.title})
    course.delete()
    if material:
        _delete_file_on_commit(storage, material)


@transaction.atomic
def completion_declare(
    *, actor, course: Course, completed_on: date | None, is_public: bool = False
) -> CourseCompletion:
    """The person says they completed `course` on `completed_on` (not in the future); once."""
    if not is_active_user(actor):
        raise PermissionDenied
    if completed_on is None:
        raise ValidationError({"completed_on": _("Give the date you completed it.")})
    if completed_on > timezone.localdate():
        raise ValidationError({"completed_on": _("The date cannot be in the future.")})
    completion = CourseCompletion(
        course=course, person=actor, completed_on=completed_on, is_public=bool(is_public)
    )
    completion.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            completion.save()
    except IntegrityError as error:
        raise ValidationError(_("You have already declared this course completed.")) from error
    log_action(
        actor,
        completion,
        "diaspora.completion.declared",
        {"course": course.pk, "completed_on": completed_on, "public": completion.is_public},
    )
    return completion


@transaction.atomic
def completion_remove(*, actor, completion: CourseCompletion) -> None:
    require(actor, "delete", completion)
    log_action(actor, completion, "diaspora.completion.removed", {"course": completion.course_id})
    completion.delete()


def material_content_type(course: Course) -> str:
    """The content type the material was checked for (by its extension)."""
    extension = PurePath(course.material.name).suffix.lower().lstrip(".")
    if extension in MATERIAL_FILE_TYPES:
        return KINDS[extension][0]
    return "application/octet-stream"
