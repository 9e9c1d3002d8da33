"""The secretariat creates frameworks and imports versions from spreadsheets; nobody else can."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from passerelle.assessments import interchange, services
from passerelle.assessments.models import Framework, FrameworkVersion, Indicator
from passerelle.core import spreadsheets
from passerelle.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def local():
    return FrameworkVersion.objects.get(framework__code="PASSERELLE-LOCAL")


def upload(rows, name="framework.csv"):
    return SimpleUploadedFile(
        name, spreadsheets.to_csv(rows, interchange.COLUMNS), content_type="text/csv"
    )


def test_export_then_import_gives_the_same_framework_mapped_to_the_old(local, secretariat):
    rows = interchange.version_rows(local)
    for row in rows:
        row["maps_to"] = row["indicator"]
    parsed = spreadsheets.read_upload(upload(rows), required=interchange.REQUIRED)
    draft = services.version_import(
        actor=secretariat,
        framework=local.framework,
        version="1.1",
        scale=local.scale,
        previous=local,
        rows=parsed,
    )
    assert draft.status == "draft" and draft.previous == local
    assert draft.indicators.count() == local.indicators.count()
    first = draft.indicators.order_by("position").first()
    assert first.maps_to.version == local
    assert interchange.version_rows(draft) == rows  # nothing lost on the way
    assert list(draft.levels.values_list("label_fr", flat=True)) == list(
        local.levels.values_list("label_fr", flat=True)
    )
    assert AuditEntry.objects.filter(action="assessments.version.imported").exists()
    services.version_publish(actor=secretariat, version=draft)
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at


def test_xlsx_round_trip(local):
    rows = interchange.version_rows(local)
    content = spreadsheets.to_xlsx(rows, "local", interchange.COLUMNS)
    parsed = spreadsheets.read_upload(
        SimpleUploadedFile("local.xlsx", content), required=interchange.REQUIRED
    )
    assert parsed == rows


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("framework.csv", b"", "empty"),
        ("framework.pdf", b"%PDF-1.4", ".csv or .xlsx"),
        ("framework.xlsx", b"not a zip", "not a readable"),
        ("framework.csv", b"a,b\n1,2\n", "missing"),
        ("framework.csv", "domain\n\xe9".encode("latin-1"), "UTF-8"),
        ("framework.csv", b"x" * (spreadsheets.MAX_UPLOAD_BYTES + 1), "larger than"),
    ],
)
def test_bad_files_are_refused_clearly(name, content, message):
    with pytest.raises(ValidationError, match=message):
        spreadsheets.read_upload(SimpleUploadedFile(name, content), required=interchange.REQUIRED)


def test_bad_rows_are_all_listed_and_nothing_is_written(local, secretariat):
    rows = interchange.version_rows(local)[:3]
    rows[0]["question_fr"] = ""
    rows[1]["applies_to"] = "everywhere"
    rows[1]["capacity_areas"] = "BORD MOON"
    rows[2]["gcm_objectives"] = "24"
    rows[2]["indicator"] = rows[0]["indicator"]
    rows[2]["maps_to"] = "NOPE.1"
    with pytest.raises(ValidationError) as raised:
        services.version_import(
            actor=secretariat,
            framework=local.framework,
            version="2.0",
            scale="four_level",  # the rows have three levels
            previous=None,
            rows=rows,
        )
    text = " ".join(raised.value.messages)
    for expected in [
        "Row 2: question_fr is empty",
        "Row 3: applies_to must be one of",
        "unknown capacity areas: MOON",
        "Row 4: unknown GCM objective: 24",
        "appears twice",
        "maps_to NOPE.1",
        "level_4_en must be filled",
    ]:
        assert expected in text, expected
    assert not FrameworkVersion.objects.filter(version="2.0").exists()


def test_only_the_secretariat_manages_frameworks(local, owner):
    with pytest.raises(PermissionDenied):
        services.framework_create(actor=owner, code="mine", scope="local", name={}, description={})
    with pytest.raises(PermissionDenied):
        services.version_import(
            actor=owner, framework=local.framework, version="9", scale=local.scale,
            previous=None, rows=[],
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.version_publish(actor=owner, version=local)


def test_a_published_version_cannot_be_published_again(local, secretariat):
    with pytest.raises(PermissionDenied):
        services.version_publish(actor=secretariat, version=local)


def test_create_import_and_publish_through_the_pages(client, secretariat, local):
    client.force_login(secretariat)
    names = {f"name_{lang}": f"City framework {lang}" for lang in ("en", "fr", "es")}
    texts = {f"description_{lang}": f"About {lang}" for lang in ("en", "fr", "es")}
    response = client.post(
        reverse("assessments:framework_create"),
        {"code": "city-2027", "scope": "local", **names, **texts},
    )
    assert response.status_code == 302
    framework = Framework.objects.get(code="city-2027")
    assert framework.name_fr == "City framework fr"
    url = reverse("assessments:version_import", args=["city-2027"])
    bad = client.post(url, {"version": "1.0", "scale": "three_level", "file": upload([])})
    assert bad.status_code == 400 and "no indicator rows" in bad.content.decode()
    rows = interchange.version_rows(local)
    response = client.post(
        url, {"version": "1.0", "scale": "three_level", "file": upload(rows, "city.csv")}
    )
    assert response.status_code == 302
    version = framework.versions.get()
    assert version.status == "draft" and version.indicators.count() == len(rows)
    page = client.get(version.get_absolute_url()).content.decode()
    assert "Publish this version" in page
    client.post(reverse("assessments:version_publish", args=["city-2027", "1.0"]))
    version.refresh_from_db()
    assert version.status == "published"


def test_the_import_pages_are_closed_to_others(client, owner, local):
    url = reverse("assessments:version_import", args=[local.framework.code])
    assert client.get(url).status_code == 302
    client.force_login(owner)
    assert client.get(url).status_code == 403
    assert client.get(reverse("assessments:framework_create")).status_code == 403


def test_exports(client, local):
    base = local.get_absolute_url()
    csv_response = client.get(f"{base}export/csv/")
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) == Indicator.objects.filter(version=local).count()
    xlsx = client.get(f"{base}export/xlsx/")
    assert xlsx.content[:2] == b"PK"  # a zip: the xlsx container
    assert client.get(f"{base}export/pdf/").status_code == 404


def edit_data(indicator, **changes):
    data = {"applies_to": "both", "capacity_areas": ["DATA"], "gcm_objectives": []}
    data["gcm_objectives"] = [1]
    for lang in ("en", "fr", "es"):
        data[f"question_{lang}"] = f"Edited question ({lang})?"
        data[f"guidance_{lang}"] = ""
        for value in indicator.version.levels_range:
            data[f"level_{value}_{lang}"] = f"Level {value} ({lang})"
    data.update(changes)
    return data


def draft_of(local, secretariat):
    rows = interchange.version_rows(local)
    return services.version_import(
        actor=secretariat, framework=local.framework, version="1.1", scale=local.scale,
        previous=local, rows=rows,
    )  # fmt: skip


def test_the_secretariat_edits_an_indicator_of_a_draft(client, secretariat, local):
    draft = draft_of(local, secretariat)
    indicator = draft.indicators.order_by("position").first()
    url = reverse("assessments:indicator_edit", args=[local.framework.code, "1.1", indicator.code])
    client.force_login(secretariat)
    assert client.get(url).status_code == 200
    bad = client.post(url, edit_data(indicator, applies_to="everywhere", question_es=""))
    assert bad.status_code == 400
    indicator.refresh_from_db()
    assert indicator.question_es != "Edited question (es)?"  # nothing half-written
    response = client.post(url, edit_data(indicator))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.question_fr, indicator.applies_to) == ("Edited question (fr)?", "both")
    assert list(indicator.capacity_areas.values_list("code", flat=True)) == ["DATA"]
    assert indicator.descriptors.get(value=2).text_es == "Level 2 (es)"
    assert AuditEntry.objects.filter(action="assessments.indicator.updated").exists()
    # Saved from a French page, each language keeps its own text.
    client.post(url.replace("/en/", "/fr/", 1), edit_data(indicator, question_en="In English?"))
    indicator.refresh_from_db()
    assert (indicator.question_en, indicator.question_fr) == (
        "In English?",
        "Edited question (fr)?",
    )


def test_a_published_indicator_cannot_be_edited(client, secretariat, owner, local):
    indicator = local.indicators.first()
    url = reverse("assessments:indicator_edit", args=[local.framework.code, "1.0", indicator.code])
    client.force_login(secretariat)
    assert client.get(url).status_code == 403
    assert client.post(url, edit_data(indicator)).status_code == 403
    draft = draft_of(local, secretariat)
    draft_url = reverse(
        "assessments:indicator_edit", args=[local.framework.code, "1.1", indicator.code]
    )
    client.force_login(owner)
    assert client.get(draft_url).status_code == 404  # a draft is the secretariat's alone
    assert draft.status == "draft"
