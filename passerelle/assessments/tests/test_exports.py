"""An assessment's answers as CSV and XLSX: one row per applicable indicator in framework order,
the reading rules of the API, contributors' views for members only."""

import csv
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from passerelle.assessments import exports, services
from passerelle.assessments.models import Indicator

pytestmark = pytest.mark.django_db

BOM = "\ufeff".encode()


def indicator(version, code):
    return Indicator.objects.get(version=version, code=code)


@pytest.fixture
def answered(assessment, focal_point, ministry_contributor, national_version):
    """Agreed answers on RIGHTS.1.1 and WGA.1.1; the ministry contributor is invited to RIGHTS
    and gave a view there, and so did the focal point."""
    services.agreed_answer_set(
        actor=focal_point,
        assessment=assessment,
        indicator=indicator(national_version, "RIGHTS.1.1"),
        expected_version=None,
        level=2,
        desired_level=4,
        priority="high",
        evidence='=HYPERLINK("https://evil.example")',
        links="https://example.org/a\nhttps://example.org/b",
    )
    services.agreed_answer_set(
        actor=focal_point,
        assessment=assessment,
        indicator=indicator(national_version, "WGA.1.1"),
        expected_version=None,
        level=3,
        desired_level=None,
        evidence="- a bullet, and « accents »",
    )
    services.assignment_add(
        actor=focal_point,
        assessment=assessment,
        domain=national_version.domains.get(code="RIGHTS"),
        user=ministry_contributor,
    )
    ministry_contributor.full_name = "Awa Ndiaye"
    ministry_contributor.save()
    focal_point.full_name = "Jean Dupont"
    focal_point.save()
    for author, level, desired in ((ministry_contributor, 1, 3), (focal_point, 2, None)):
        services.answer_save(
            actor=author,
            assessment=assessment,
            indicator=indicator(national_version, "RIGHTS.1.1"),
            expected_version=None,
            level=level,
            desired_level=desired,
        )
    return assessment


def framework_order(assessment, domain=None):
    indicators = assessment.applicable_indicators().order_by("position")
    if domain:
        indicators = indicators.filter(sub_area__domain__code=domain)
    return list(indicators.values_list("code", flat=True))


def read_csv(content: bytes) -> list[dict]:
    assert content.startswith(BOM)
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx(content: bytes) -> list[dict]:
    sheet = load_workbook(io.BytesIO(content)).active
    lines = list(sheet.iter_rows(values_only=True))
    header = list(lines[0])
    return [dict(zip(header, values, strict=True)) for values in lines[1:]]


def as_text(rows):
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]


def test_rows_for_a_member(answered, focal_point):
    rows = exports.answer_rows(answered, user=focal_point)
    assert [row["indicator"] for row in rows] == framework_order(answered)
    assert len(rows) == answered.applicable_indicators().count()
    first = rows[0]
    assert (first["domain"], first["sub_area"], first["indicator"]) == (
        "RIGHTS",
        "RIGHTS.1",
        "RIGHTS.1.1",
    )
    assert first["domain_name"] and first["sub_area_name"] and first["question"]
    assert (first["level"], first["level_label"], first["desired_level"], first["gap"]) == (
        2,
        "Partially meets",
        4,
        2,
    )
    assert first["priority"] == "High"
    assert first["links"] == "https://example.org/a\nhttps://example.org/b"
    assert first["from_baseline"] == "no"
    assert first["views"] == "Awa Ndiaye: 1 (3); Jean Dupont: 2"
    wga = next(row for row in rows if row["indicator"] == "WGA.1.1")
    assert (wga["level"], wga["desired_level"], wga["gap"], wga["priority"]) == (3, None, None, "")
    missing = next(row for row in rows if row["indicator"] == "RIGHTS.1.2")
    assert all(missing[column] is None for column in exports.COLUMNS[6:])
    assert missing["views"] == ""


def test_question_and_labels_follow_the_active_language(answered, focal_point):
    with translation.override("fr"):
        first = exports.answer_rows(answered, user=focal_point)[0]
    question = indicator(answered.version, "RIGHTS.1.1").question_fr
    assert (first["question"], first["level_label"]) == (question, "Satisfait partiellement")


def test_an_invited_contributor_gets_their_sections_without_views(answered, ministry_contributor):
    rows = exports.answer_rows(answered, user=ministry_contributor)
    assert [row["indicator"] for row in rows] == framework_order(answered, "RIGHTS")
    assert all("views" not in row for row in rows)
    assert rows[0]["level"] == 2  # the agreed answer


def test_others_get_no_rows_until_the_answers_are_published(answered, focal_point, outsider):
    assert exports.answer_rows(answered, user=outsider) == []
    services.assessment_submit(actor=focal_point, assessment=answered)
    services.assessment_sign(actor=focal_point, assessment=answered)
    services.assessment_publish(actor=focal_point, assessment=answered, disclosure="scores")
    answered.refresh_from_db()
    assert exports.answer_rows(answered, user=outsider) == []
    answered.disclosure = "all"  # as if published with the answers
    rows = exports.answer_rows(answered, user=outsider)
    assert len(rows) == answered.applicable_indicators().count() and all(
        "views" not in row for row in rows
    )


def test_csv(answered, focal_point):
    rows = exports.answer_rows(answered, user=focal_point)
    content, content_type, filename = exports.export(answered, rows, "csv")
    assert content.startswith(BOM)
    assert content_type == "text/csv; charset=utf-8"
    assert filename.endswith(".csv") and str(answered.pk) in filename
    header = content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [*exports.COLUMNS, "views"]
    read = read_csv(content)
    assert len(read) == answered.applicable_indicators().count()
    assert [row["indicator"] for row in read] == framework_order(answered)
    first = read[0]
    assert first["level"] == "2" and first["views"] == "Awa Ndiaye: 1 (3); Jean Dupont: 2"
    assert first["links"] == "https://example.org/a\nhttps://example.org/b"
    # Neither a formula nor a leading minus reaches a spreadsheet program as such.
    assert first["evidence"] == '\'=HYPERLINK("https://evil.example")'
    wga = next(row for row in read if row["indicator"] == "WGA.1.1")
    assert wga["evidence"] == "'- a bullet, and « accents »"
    missing = next(row for row in read if row["indicator"] == "RIGHTS.1.2")
    assert missing["level"] == "" and missing["from_baseline"] == ""


def test_xlsx_has_the_same_rows(answered, focal_point):
    rows = exports.answer_rows(answered, user=focal_point)
    content, content_type, filename = exports.export(answered, rows, "xlsx")
    assert content_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(content)).active
    assert [cell.data_type for cell in sheet[2]].count("f") == 0  # no formula anywhere
    from_xlsx = read_xlsx(content)
    from_csv = read_csv(exports.export(answered, rows, "csv")[0])
    assert list(from_xlsx[0]) == [*exports.COLUMNS, "views"]
    # The same cells, but for what only a CSV reader takes as a formula (a leading minus).
    wga = next(i for i, row in enumerate(from_csv) if row["indicator"] == "WGA.1.1")
    from_csv[wga]["evidence"] = from_csv[wga]["evidence"].removeprefix("'")
    assert as_text(from_xlsx) == from_csv


def test_views_columns_only_for_members(answered, ministry_contributor):
    rows = exports.answer_rows(answered, user=ministry_contributor)
    for extension, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        content = exports.export(answered, rows, extension)[0]
        read_rows = read(content)
        assert list(read_rows[0]) == exports.COLUMNS
        assert len(read_rows) == len(framework_order(answered, "RIGHTS"))
        assert "Awa Ndiaye" not in str(read_rows)


def test_no_rows_still_has_a_header(answered, outsider):
    content = exports.export(answered, [], "csv")[0]
    assert content.decode("utf-8-sig").strip() == ",".join(exports.COLUMNS)
    assert read_xlsx(exports.export(answered, [], "xlsx")[0]) == []


def test_unknown_format(answered):
    with pytest.raises(ValueError):
        exports.export(answered, [], "pdf")
