"""The review pack as an XLSX workbook, in the reader's language: one sheet per section of the PDF
(summary, assessments, requests, projects, results, pledges), each a table whose bold header row
stays in view. Assessments are one row per cycle and domain, so that a spreadsheet can filter
and chart them. Numbers and dates are cells of their kind; a text that a spreadsheet program
would run as a formula is prefixed with an apostrophe.

    content = exports.pack_xlsx(country_pack(country, user=request.user))
"""

from __future__ import annotations

import io

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from passerelle.core import spreadsheets

from .pack import ReviewPack

CONTENT_TYPE = spreadsheets.CONTENT_TYPES["xlsx"]
# Characters Excel refuses in a sheet's name, and its length limit.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
_SHEET_CHARS = 31
_WIDEST = 60


def pack_xlsx(pack: ReviewPack) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, head, rows in _sheets(pack):
        _sheet(workbook, title, head, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheets(pack: ReviewPack) -> list[tuple[str, list[str], list[list]]]:
    return [
        (_("Summary"), [_("Figure"), _("Number")], _summary_rows(pack)),
        (_("Assessments"), _assessment_head(), _assessment_rows(pack)),
        (_("Requests"), _request_head(), _request_rows(pack)),
        (_("Projects"), _project_head(), _project_rows(pack)),
        (_("Results"), _result_head(), _result_rows(pack)),
        (_("Pledges"), _pledge_head(), _pledge_rows(pack)),
    ]


def _sheet(workbook, title: str, head: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title.translate(_SHEET_FORBIDDEN)[:_SHEET_CHARS])
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_neutralise(value) for value in row])
    sheet.freeze_panes = "A2"
    for index, label in enumerate(head, start=1):
        longest = max([len(label)] + [len(str(row[index - 1] or "")) for row in rows])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, _WIDEST)


def _neutralise(value):
    """As core.spreadsheets.harmless does for one-sheet files: in XLSX only "=" starts a
    formula."""
    if isinstance(value, str) and value.startswith("="):
        return f"'{value}"
    return value


def _yes(flag: bool) -> str:
    return _("yes") if flag else _("no")


def _percent(percent: float | None) -> float | None:
    return None if percent is None else round(percent, 1)


# --- Sheets -----------------------------------------------------------------------------------


def _summary_rows(pack: ReviewPack) -> list[list]:
    return [
        [_("Country"), pack.country.name],
        [_("ISO 3166-1 alpha-3"), pack.country.iso3],
        [_("Generated on"), pack.generated_on],
        *([capfirst(label), value] for label, value in pack.summary()),
        [_("Demo data"), _("Rows marked as demo data are generated, not real records.")],
    ]


def _assessment_head() -> list[str]:
    return [
        _("Organisation"), _("Level of government"), _("Framework"), _("Version"),
        _("Assessment"), _("Published"), _("Domain code"), _("Domain"), _("Value"),
        _("Change since the previous cycle"), _("Demo data"),
    ]  # fmt: skip


def _assessment_rows(pack: ReviewPack) -> list[list]:
    rows = []
    for series in pack.assessments:
        for cycle in series.cycles:
            assessment = cycle.assessment
            for (code, name), value, change in zip(
                series.domains, cycle.values, cycle.changes, strict=True
            ):
                rows.append(
                    [
                        series.organisation.name, series.scope_label, series.framework.name,
                        assessment.version.version, assessment.title, cycle.published_on, code,
                        name, value, change, _yes(assessment.is_demo),
                    ]
                )  # fmt: skip
    return rows


def _request_head() -> list[str]:
    return [
        pgettext("noun", "Request"), _("Organisation"), _("Jointly with"), _("Status"),
        _("Capacity areas"), _("Date"), _("Demo data"),
    ]  # fmt: skip


def _request_rows(pack: ReviewPack) -> list[list]:
    return [
        [
            row.request.title, row.request.organisation.name,
            row.request.joint_with.name if row.request.joint_with else "",
            row.request.get_status_display(), "; ".join(row.capacity_areas), row.date,
            _yes(row.request.is_demo),
        ]
        for row in pack.requests
    ]  # fmt: skip


def _project_head() -> list[str]:
    return [
        _("Project"), _("Status"), _("Planned start"), _("Planned end"), _("Actual start"),
        _("Actual end"), _("Participating organisations"), _("Progress (%)"), _("Demo data"),
    ]  # fmt: skip


def _project_rows(pack: ReviewPack) -> list[list]:
    rows = []
    for row in pack.projects:
        project = row.project
        participants = "; ".join(
            f"{label}: {', '.join(o.name for o in organisations)}"
            for label, organisations in row.participants
        )
        rows.append(
            [
                project.title, project.get_status_display(), project.planned_start,
                project.planned_end, project.actual_start, project.actual_end, participants,
                _percent(row.percent), _yes(project.is_demo),
            ]
        )  # fmt: skip
    return rows


def _result_head() -> list[str]:
    return [
        _("Project"), _("Level"), _("Result"), _("Indicator"), _("Unit"), _("Baseline"),
        _("Latest approved value"), _("Period of the latest value"), _("Final target"),
        _("Standing"), _("Of the final target (%)"), _("Demo data"),
    ]  # fmt: skip


def _result_rows(pack: ReviewPack) -> list[list]:
    return [
        [
            item.project.title, item.result.get_type_display(), item.result.title,
            item.indicator.title, item.indicator.unit, item.baseline, item.latest_actual,
            item.latest_period.label if item.latest_period else "", item.final_target,
            item.standing_label, _percent(item.percent), _yes(item.project.is_demo),
        ]
        for item in pack.indicators
    ]  # fmt: skip


def _pledge_head() -> list[str]:
    return [
        _("Pledge"), _("Organisation"), _("Form"), _("Status"), _("Completion"), _("Target"),
        _("Unit"), _("Deadline"), _("Demo data"),
    ]  # fmt: skip


def _pledge_rows(pack: ReviewPack) -> list[list]:
    return [
        [
            pledge.title, pledge.organisation.name, pledge.get_form_display(),
            pledge.get_status_display(), pledge.get_completion_display(), pledge.target,
            pledge.unit, pledge.deadline, _yes(pledge.is_demo),
        ]
        for pledge in pack.pledges
    ]  # fmt: skip
