"""Spreadsheets in and out, the same for every module: rows as CSV (UTF-8 with a BOM, so that
Excel reads it) or XLSX, with the cells a spreadsheet program would run as a formula made
harmless; and an uploaded .csv or .xlsx read back into rows, with a clear error for anything
else. Row numbers in messages count the header as row 1, as the spreadsheet shows them."""

import csv
import io
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EXTENSIONS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_UPLOAD_BYTES = 2 * 1024 * 1024

# What a spreadsheet program may run as a formula when a cell starts with it (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def harmless(rows: Iterable[dict], columns: list[str], extension: str) -> list[dict]:
    """The rows with every text cell that would start a formula prefixed with an apostrophe
    (in XLSX only "=" starts one)."""
    starts = _FORMULA_STARTS if extension == "csv" else ("=",)

    def cell(value):
        return f"'{value}" if isinstance(value, str) and value.startswith(starts) else value

    return [{column: cell(row.get(column)) for column in columns} for row in rows]


def to_csv(rows: Iterable[dict], columns: list[str]) -> bytes:
    """The rows as CSV with a header line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8


def to_xlsx(rows: Iterable[dict], title: str, columns: list[str]) -> bytes:
    """The rows as a one-sheet workbook named `title`, the header row frozen."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31] or "sheet"  # Excel's limit for sheet names
    sheet.append(columns)
    for row in rows:
        sheet.append([row[column] for column in columns])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_upload(upload, *, required: list[str]) -> list[dict[str, str]]:
    """Rows of an uploaded .csv or .xlsx file whose header names at least the `required`
    columns; a clear error for anything else."""
    name = (upload.name or "").lower()
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(max)d MB.") % {"max": MAX_UPLOAD_BYTES // 1024 // 1024},
            code="too_large",
        )
    data = upload.read()
    if name.endswith(".csv"):
        return _read_csv(data, required)
    if name.endswith(".xlsx"):
        return _read_xlsx(data, required)
    raise ValidationError(_("Upload a .csv or .xlsx file."), code="type")


def _read_csv(data: bytes, required) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(_("The CSV file must be encoded in UTF-8."), code="encoding") from exc
    reader = csv.DictReader(io.StringIO(text))
    _check_header(reader.fieldnames or [], required)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _read_xlsx(data: bytes, required) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds of error for a damaged file
        raise ValidationError(_("This is not a readable .xlsx file."), code="xlsx") from exc
    lines = sheet.iter_rows(values_only=True)
    header = [str(cell or "").strip() for cell in next(lines, ())]
    _check_header(header, required)
    rows = []
    for values in lines:
        if not any(values):
            continue
        rows.append(
            {
                column: "" if value is None else str(value).strip()
                for column, value in zip(header, values, strict=False)
                if column
            }
        )
    return rows


def _check_header(header: list[str], required) -> None:
    missing = [column for column in required if column not in header]
    if missing:
        raise ValidationError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)},
            code="header",
        )
