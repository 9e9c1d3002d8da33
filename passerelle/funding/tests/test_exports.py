"""The contributions export: the rows the reader may see, sources named per the naming rule,
what was disbursed and spent, the list's filters, formulas made harmless, CSV and XLSX alike,
in a number of queries that does not grow with the rows."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from passerelle.core.permissions import Visibility
from passerelle.projects import services as project_services
from passerelle.projects.choices import ProjectStatus
from passerelle.projects.tests.conftest import project_data

from .. import exports, services
from .conftest import fresh, money

pytestmark = pytest.mark.django_db


def csv_rows(client, user=None, **params) -> list[dict]:
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("funding:contributions_csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="contributions.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == exports.COLUMNS
    return list(reader)


@pytest.fixture
def gifts(public_project, foundation, foundation_editor, person, project_runner, rates,
          government, organisation):  # fmt: skip
    """To the public project: the foundation's 20,000 EUR (committed, 15,000 disbursed, 4,000.25
    spent), an anonymous person's 100 USD, the foundation's laptops described as a formula;
    to a private project, its runner's own 300 USD."""
    today = timezone.localdate()
    euros = services.contribution_create(
        actor=fresh(foundation_editor), data=money("20000", "EUR"), project=public_project,
        source_organisation=foundation, status="committed",
    )  # fmt: skip
    services.disbursement_record(actor=fresh(foundation_editor), contribution=euros,
                                 amount=Decimal("15000"), on=today)  # fmt: skip
    services.expenditure_record(
        actor=fresh(project_runner), contribution=euros, amount=Decimal("4000.25"), on=today,
        description="Venue",
    )  # fmt: skip
    person.full_name = "Awa Diallo"
    person.save()
    hidden = services.contribution_create(
        actor=fresh(person), data=money("100", anonymous=True), project=public_project
    )
    laptops = services.contribution_create(
        actor=fresh(foundation_editor), project=public_project, source_organisation=foundation,
        data=money("3000", kind="equipment", description="=HYPERLINK(\"http://x\")"),
    )  # fmt: skip
    private = project_services.project_create(
        actor=fresh(project_runner), organisation=government,
        data=project_data(government, organisation, visibility=Visibility.PRIVATE),
        status=ProjectStatus.IMPLEMENTATION,
    )  # fmt: skip
    secret = services.contribution_create(actor=fresh(project_runner), data=money("300"),
                                          project=private)  # fmt: skip
    return {"euros": euros, "hidden": hidden, "laptops": laptops, "secret": secret}


def test_anonymous_readers_get_public_rows_without_hidden_names(client, gifts, foundation):
    rows = {int(row["id"]): row for row in csv_rows(client)}
    assert set(rows) == {gifts["euros"].pk, gifts["hidden"].pk, gifts["laptops"].pk}
    euros = rows[gifts["euros"].pk]
    assert euros["source"] == foundation.name
    assert euros["donor_type"] == "Foundation"
    assert (euros["destination_type"], euros["destination"]) == (
        "project",
        gifts["euros"].project.title,
    )
    assert (euros["amount"], euros["currency"], euros["rate"], euros["amount_usd"]) == (
        "20000.00", "EUR", "1.20000000", "24000.00",
    )  # fmt: skip
    assert (euros["disbursed"], euros["spent"]) == ("15000.00", "4000.25")
    assert euros["committed_on"] == timezone.localdate().isoformat()
    assert euros["status"] == "Committed"
    hidden = rows[gifts["hidden"].pk]
    assert hidden["source"] == ""
    assert hidden["donor_type"] == "Migrant or diaspora individual"
    assert (hidden["disbursed"], hidden["spent"]) == ("0.00", "0.00")
    assert "Awa Diallo" not in str(rows)


def test_members_get_their_private_rows_and_names(client, gifts, project_runner):
    rows = {int(row["id"]): row for row in csv_rows(client, project_runner)}
    assert gifts["secret"].pk in rows
    assert rows[gifts["hidden"].pk]["source"] == "Awa Diallo"


def test_formulas_are_neutralised(client, gifts):
    rows = {int(row["id"]): row for row in csv_rows(client)}
    assert rows[gifts["laptops"].pk]["description"] == '\'=HYPERLINK("http://x")'


def test_the_list_filters_apply(client, gifts):
    def found(**params):
        return {int(row["id"]) for row in csv_rows(client, **params)}

    assert found(status="committed") == {gifts["euros"].pk}
    assert found(kind="equipment") == {gifts["laptops"].pk}
    assert found(currency="eur") == {gifts["euros"].pk}
    year = timezone.localdate().year
    assert len(found(year=str(year))) == 3
    assert found(year=str(year - 3)) == set()
    assert (
        client.get(reverse("funding:contributions_csv"), {"status": "nonsense"}).status_code == 400
    )


def test_xlsx_has_the_same_rows(client, gifts, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("funding:contributions_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert list(values[0]) == exports.COLUMNS
    by_id = {row[0]: dict(zip(exports.COLUMNS, row, strict=True)) for row in values[1:]}
    # The secretariat does not see a private project's money, but reads every name.
    assert set(by_id) == {gifts["euros"].pk, gifts["hidden"].pk, gifts["laptops"].pk}
    assert by_id[gifts["hidden"].pk]["source"] == "Awa Diallo"
    assert Decimal(str(by_id[gifts["euros"].pk]["spent"])) == Decimal("4000.25")
    assert by_id[gifts["laptops"].pk]["description"].startswith("'=")


def test_queries_do_not_grow_with_rows(client, gifts, public_project, foundation,
                                       foundation_editor, project_runner):  # fmt: skip
    client.force_login(project_runner)
    url = reverse("funding:contributions_csv")

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = count()
    for _ in range(5):
        services.contribution_create(
            actor=fresh(foundation_editor), data=money("10"), project=public_project,
            source_organisation=foundation, status="committed",
        )  # fmt: skip
    assert count() == before
