"""A period's values as a spreadsheet: exported with every indicator, filled offline and
uploaded; an upload with bad rows changes nothing and names the row and column of each
problem."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD
from passerelle.core import spreadsheets
from passerelle.core.models import AuditEntry
from passerelle.projects import interchange, services
from passerelle.projects.models import PeriodValue

from .conftest import fresh


def sheet(period):
    columns, rows = interchange.period_rows(period)
    return columns, {row["indicator_id"]: row for row in rows}


def row_number(rows, indicator) -> int:
    """The spreadsheet row of an indicator (the header is row 1)."""
    return list(rows).index(indicator.pk) + 2


def upload(columns, rows, name="values.csv"):
    content = spreadsheets.to_csv(rows, columns)
    return SimpleUploadedFile(name, content, content_type="text/csv")


def as_read(columns, rows):
    """The rows as the upload reader returns them: every cell a string."""
    return [{column: str(row[column]) for column in columns} for row in rows]


def test_the_sheet_lists_every_indicator_with_its_target_and_categories(framework, open_period):
    columns, rows = sheet(open_period)
    assert columns[-2:] == ["sex:Female", "sex:Male"]
    assert set(rows) == {framework[name].pk for name in ("trained", "share", "story")}
    assert rows[framework["trained"].pk]["target"] != ""
    assert rows[framework["story"].pk]["target"] == ""


def test_a_filled_sheet_saves_each_changed_value(framework, open_period, reporter):
    columns, rows = sheet(open_period)
    rows[framework["trained"].pk].update({"actual": "22", "sex:Female": "12", "sex:Male": "10"})
    rows[framework["story"].pk]["narrative"] = "Migrants are referred to shelters."
    saved = interchange.import_rows(
        actor=fresh(reporter), period=open_period, rows=as_read(columns, rows.values())
    )

    assert saved == 2
    trained = PeriodValue.objects.get(indicator=framework["trained"], period=open_period)
    assert trained.actual == Decimal(22)
    assert trained.disaggregation == {"sex": {"Female": "12", "Male": "10"}}
    assert AuditEntry.objects.filter(action="projects.value.saved").count() == 2


def test_bad_rows_change_nothing_and_each_is_named(framework, open_period, reporter):
    columns, rows = sheet(open_period)
    rows[framework["trained"].pk].update({"actual": "22", "sex:Female": "12", "sex:Male": "11"})
    rows[framework["share"].pk]["actual"] = "lots"
    rows[framework["story"].pk]["narrative"] = "A fine narrative."  # right, but not saved
    bad = [*as_read(columns, rows.values()), {**as_read(columns, rows.values())[0]}]
    bad[-1]["indicator_id"] = "999999"

    with pytest.raises(ValidationError) as refused:
        interchange.import_rows(actor=fresh(reporter), period=open_period, rows=bad)

    messages = refused.value.messages
    share, trained = row_number(rows, framework["share"]), row_number(rows, framework["trained"])
    assert f"Row {share}, column actual: “lots” is not a number." in messages
    assert "Row 5, column indicator_id: not an indicator of this project." in messages
    assert any(
        m.startswith(f"Row {trained}, column by category: The figures by sex add up to 23")
        for m in messages
    )
    assert (
        not PeriodValue.objects.filter(period=open_period)
        .exclude(narrative="", actual=None)
        .exists()
    )


def test_a_value_changed_since_the_export_is_refused(framework, open_period, reporter):
    columns, rows = sheet(open_period)
    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=services.ValueData(actual=Decimal(5)), expected_version=None,
    )  # fmt: skip
    rows[framework["trained"].pk]["actual"] = "30"

    with pytest.raises(ValidationError) as refused:
        interchange.import_rows(
            actor=fresh(reporter), period=open_period, rows=as_read(columns, rows.values())
        )

    trained = row_number(rows, framework["trained"])
    assert refused.value.messages == [
        f"Row {trained}, column version: someone changed this value since the export; export again."
    ]
    value = PeriodValue.objects.get(indicator=framework["trained"], period=open_period)
    assert value.actual == Decimal(5)


def test_a_locked_period_takes_no_sheet(framework, locked_period, reporter):
    columns, rows = sheet(locked_period)
    rows[framework["trained"].pk]["actual"] = "3"

    with pytest.raises(ValidationError) as refused:
        interchange.import_rows(
            actor=fresh(reporter), period=locked_period, rows=as_read(columns, rows.values())
        )

    assert "This period is locked" in refused.value.messages[0]
    assert not PeriodValue.objects.filter(period=locked_period, actual__isnull=False).exists()


def _client(user):
    client = Client()
    client.login(email=user.email, password=PASSWORD)
    return client


def test_the_pages_export_and_import_the_sheet(project, framework, open_period, reporter, outsider):
    kwargs = {"pk": project.pk, "period": open_period.pk}
    exported = _client(reporter).get(
        reverse("projects:period_export", kwargs={**kwargs, "extension": "csv"})
    )
    assert exported.status_code == 200
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    for row in rows:
        if row["indicator_id"] == str(framework["share"].pk):
            row["actual"] = "=1+1"
    page = _client(reporter).post(
        reverse("projects:period_import", kwargs=kwargs),
        {"file": upload(list(rows[0]), rows)},
    )
    assert page.status_code == 400
    assert "column actual" in page.content.decode()

    for row in rows:
        if row["indicator_id"] == str(framework["share"].pk):
            row["actual"] = "35"
    done = _client(reporter).post(
        reverse("projects:period_import", kwargs=kwargs), {"file": upload(list(rows[0]), rows)}
    )
    assert done.status_code == 302
    value = PeriodValue.objects.get(indicator=framework["share"], period=open_period)
    assert value.actual == Decimal(35)

    assert _client(outsider).get(
        reverse("projects:period_export", kwargs={**kwargs, "extension": "xlsx"})
    ).status_code in (403, 404)
    assert (
        _client(reporter)
        .get(reverse("projects:period_export", kwargs={**kwargs, "extension": "pdf"}))
        .status_code
        == 404
    )
