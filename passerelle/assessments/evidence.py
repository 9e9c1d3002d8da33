"""What an evidence file may be. The name's extension says what the file claims to be; its first
bytes must agree, so that a renamed executable or a web page is refused whatever its name."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF = (b"%PDF-",)
ZIP = (b"PK\x03\x04",)

# extension → (content type, accepted leading bytes; None for plain text)
KINDS = {
    "pdf": ("application/pdf", PDF),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    "odt": ("application/vnd.oasis.opendocument.text", ZIP),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    "csv": ("text/csv", None),
    "txt": ("text/plain", None),
}


def accepted_extensions() -> str:
    return ", ".join(sorted(KINDS))


def display_name(name: str) -> str:
    return PurePath(name).name[:200]


def check_upload(upload, max_bytes: int | None = None) -> str:
    """The upload's content type if it is an accepted, non-empty file within the size limit
    (`max_bytes`, by default the evidence limit); otherwise a ValidationError on "file" that
    says what is wrong."""
    limit = max_bytes or settings.ASSESSMENTS["EVIDENCE_MAX_BYTES"]
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in KINDS:
        raise _refuse(
            _("Files of this type are not accepted. Accepted: %(kinds)s.")
            % {"kinds": accepted_extensions()}
        )
    if not upload.size:
        raise _refuse(_("The file is empty."))
    if upload.size > limit:
        raise _refuse(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    content_type, signatures = KINDS[extension]
    if not _content_matches(upload, signatures):
        raise _refuse(
            _("The file's content is not a .%(extension)s file.") % {"extension": extension}
        )
    return content_type


def _refuse(message: str) -> ValidationError:
    return ValidationError({"file": message})


def _content_matches(upload, signatures) -> bool:
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if signatures is None:
        return _is_text(head)
    if not head.startswith(signatures):
        return False
    if signatures is ZIP:
        try:
            with zipfile.ZipFile(upload) as archive:
                valid = archive.testzip() is None
        except zipfile.BadZipFile:
            valid = False
        upload.seek(0)
        return valid
    return True


CONTROL = set(range(32)) - {9, 10, 12, 13}  # bytes no text file holds (tab, newlines allowed)


def _is_text(head: bytes) -> bool:
    """UTF-8, or Windows-1252 as Excel on Windows saves CSV files; no control characters."""
    if CONTROL.intersection(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still UTF-8 text.
        if error.reason == "unexpected end of data" and error.start >= len(head) - 3:
            return True
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return True
