"""The review pack as a workbook: one sheet per section, a bold and frozen header row."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from openpyxl import load_workbook

from passerelle.reviews import exports
from passerelle.reviews.pack import country_pack

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 14)
SHEETS = ["Summary", "Assessments", "Requests", "Projects", "Results", "Pledges"]


def workbook(country, user=None):
    pack = country_pack(country, user=user or AnonymousUser(), today=TODAY)
    return load_workbook(io.BytesIO(exports.pack_xlsx(pack)))


def records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_one_sheet_per_section_with_a_bold_frozen_header(
    senegal, project, approved, cycles, make_request, make_pledge
):
    make_request("open", title="Border training")
    make_pledge("published", title="Training 200 officials")
    book = workbook(senegal)

    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.max_row >= 2, sheet.title

    summary = {row["Figure"]: row["Number"] for row in records(book["Summary"])}
    assert summary["Country"] == "Senegal"
    assert summary["Projects"] == 1 and summary["Published capacity assessments"] == 2

    assessments = records(book["Assessments"])
    assert len(assessments) == 2 * 6  # two cycles of six domains
    rights = [row for row in assessments if row["Domain code"] == "RIGHTS"]
    assert [(row["Value"], row["Change since the previous cycle"]) for row in rights] == [
        (200, None),
        (400, 200),
    ]
    assert rights[0]["Organisation"] == "Ministère de l\u2019Intérieur"
    assert rights[0]["Published"].date() == cycles[0].published_at.date()

    [request] = records(book["Requests"])
    assert request["Request"] == "Border training" and request["Status"] == "Open"
    assert request["Capacity areas"] == "Border management systems"

    [row] = records(book["Projects"])
    assert row["Project"] == project.title and row["Status"] == "Implementation"
    assert row["Progress (%)"] > 0
    assert "Accountable: " in row["Participating organisations"]

    results = {row["Indicator"]: row for row in records(book["Results"])}
    assert set(results) == {
        "Officials trained",
        "Border posts applying screening",
        "What changed for migrants",
    }
    trained = results["Officials trained"]
    assert trained["Baseline"] == 0 and trained["Latest approved value"] == 12
    assert trained["Final target"] == project.periods.count() * 10
    assert trained["Unit"] == "officials" and trained["Level"] == "Output"

    [pledge] = records(book["Pledges"])
    assert pledge["Pledge"] == "Training 200 officials" and pledge["Target"] == 200


def test_an_empty_pack_has_its_sheets_and_headers(senegal):
    book = workbook(senegal)
    assert book.sheetnames == SHEETS
    assert [sheet.max_row for sheet in book.worksheets[1:]] == [1] * 5


def test_a_formula_is_kept_as_text(senegal, make_request):
    make_request("open", title='=HYPERLINK("http://example.org")')
    [request] = records(workbook(senegal)["Requests"])
    assert request["Request"] == '\'=HYPERLINK("http://example.org")'


def test_in_french(senegal, project):
    with translation.override("fr"):
        book = workbook(senegal)
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert "Sénégal" in summary.values()


def test_decimals_stay_numbers(senegal, project, approved):
    trained = next(
        row
        for row in records(workbook(senegal)["Results"])
        if row["Indicator"] == "Officials trained"
    )
    assert isinstance(trained["Latest approved value"], (int, float, Decimal))
