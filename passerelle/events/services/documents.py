"""Writes of an event's documents by its organisers: a file (checked by its content: PDF, DOCX,
ODT or plain text, 20 MB at most) or a link, and its removal with the stored file. Audited under
`events.document.*`.

Problems are reported all at once, by field, before anything is written; a file stored for a
document whose row is not saved is deleted again."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from passerelle.assessments.evidence import KINDS, check_upload
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..choices import DocumentKind
from ..models import Event, EventDocument

DOCUMENT_FILE_TYPES = ("pdf", "docx", "odt", "txt")
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
TITLE_LENGTH = EventDocument._meta.get_field("title").max_length
URL_LENGTH = EventDocument._meta.get_field("url").max_length
LANGUAGES = dict(settings.LANGUAGES)


def document_add(
    *,
    actor,
    event: Event,
    kind: str,
    title: str,
    language: str,
    upload=None,
    url: str = "",
) -> EventDocument:
    """A document of `event`: the `upload`ed file or the `url` (one of the two)."""
    require(actor, "change", event)
    title, url = (title or "").strip(), (url or "").strip()
    errors = {}
    if kind not in DocumentKind.values:
        errors["kind"] = _("Choose the kind of document.")
    if not title:
        errors["title"] = _("Give the document a title.")
    elif len(title) > TITLE_LENGTH:
        errors["title"] = _("The title is too long (%(limit)s characters at most).") % {
            "limit": TITLE_LENGTH
        }
    if language not in LANGUAGES:
        errors["language"] = _("Choose the document's language.")
    if upload is None and not url:
        errors["__all__"] = _("Attach a file or give a link to the document.")
    elif upload is not None and url:
        errors["__all__"] = _("Attach a file or give a link, not both.")
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = _("Give a web address starting with https:// or http://.")
        else:
            if len(url) > URL_LENGTH:
                errors["url"] = _("The link is too long.")
    if upload is not None:
        extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
        if extension not in DOCUMENT_FILE_TYPES:
            errors["file"] = _("Attach a PDF, DOCX, ODT or plain text (.txt) file.")
        else:
            try:
                check_upload(upload, max_bytes=DOCUMENT_MAX_BYTES)
            except ValidationError as error:
                errors["file"] = error.message_dict["file"]
    if errors:
        raise ValidationError(errors)
    document = EventDocument(event=event, kind=kind, title=title, language=language, url=url)
    if upload is not None:
        document.file = upload
    try:
        with transaction.atomic():
            document.save()  # stores the file first
            log_action(
                actor,
                document,
                "events.document.added",
                {"event": event.pk, "title": title, "kind": kind, "file": bool(document.file)},
            )
    except BaseException:
        if document.file and document.file._committed:
            document.file.storage.delete(document.file.name)
        raise
    return document


def document_remove(*, actor, document: EventDocument) -> None:
    """Delete the document, and its stored file once the deletion is committed."""
    require(actor, "change", document.event)
    file = document.file
    with transaction.atomic():
        log_action(
            actor,
            document,
            "events.document.removed",
            {"event": document.event_id, "title": document.title},
        )
        document.delete()
        if file:
            name, storage = file.name, file.storage
            transaction.on_commit(lambda: storage.delete(name))


def document_file_type(document: EventDocument) -> str:
    """The content type the file was checked for (by its extension, checked against its
    content when it was added)."""
    extension = PurePath(document.file.name).suffix.lower().lstrip(".")
    return KINDS[extension][0] if extension in DOCUMENT_FILE_TYPES else "application/octet-stream"
