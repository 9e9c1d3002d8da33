"""The secretariat revises a framework the way ministries work: download the spreadsheet, edit it,
import it as a draft, read the draft, publish it. Everyone can read the published frameworks."""

import pytest

from passerelle.accounts.tests.factories import PASSWORD, UserFactory
from passerelle.assessments import interchange
from passerelle.assessments.models import FrameworkVersion
from passerelle.core import spreadsheets

# serialized_rollback: see test_discussion.py (reference data survives transactional tests).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_read_download_edit_import_and_publish_a_framework(
    live_server, page, visit, check_a11y, tmp_path
):
    visit("/en/assessments/frameworks/")
    page.get_by_role("link", name="1.0").first.click()
    page.wait_for_load_state()
    check_a11y(page)
    assert page.get_by_role("heading", level=4).count() >= 25

    local = FrameworkVersion.objects.get(framework__code="PASSERELLE-LOCAL")
    rows = interchange.version_rows(local)
    rows[0]["question_en"] = "Does the city hall publish its newcomers' guide in five languages?"
    for row in rows:
        row["maps_to"] = row["indicator"]
    edited = tmp_path / "local-1.1.csv"
    edited.write_bytes(spreadsheets.to_csv(rows, interchange.COLUMNS))

    curator = UserFactory(is_curator=True)
    visit("/en/accounts/login/")
    page.get_by_label("Email").fill(curator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    check_a11y(page)
    visit(local.framework.get_absolute_url())
    page.get_by_role("link", name="Import a new version").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.get_by_label("New version").fill("1.1")
    page.get_by_label("Scale").select_option("three_level")
    page.get_by_label("Based on").select_option(label=str(local))
    page.get_by_label("Spreadsheet").set_input_files(str(edited))
    page.get_by_role("button", name="Import as a draft").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert "five languages" in page.content()
    first_code = rows[0]["indicator"]
    page.get_by_role("link", name=f"Edit {first_code}").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.get_by_label("Question (French)").fill("La mairie publie-t-elle son guide ?")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    check_a11y(page)

    # A new indicator, moved up one place; then an old one removed.
    draft = FrameworkVersion.objects.get(framework=local.framework, version="1.1")
    sub_area = draft.indicators.get(code=first_code).sub_area
    page.get_by_role("link", name=f"Add an indicator to {sub_area.code}").click()
    page.wait_for_load_state()
    check_a11y(page)
    page.get_by_label("Code").fill("CITY.NEW")
    for lang, language in (("en", "English"), ("fr", "French"), ("es", "Spanish")):
        page.get_by_label(f"Question ({language})").fill(
            f"Does the city welcome newcomers ({lang})?"
        )
        for level in (1, 2, 3):
            page.get_by_label(f"Level {level} ({language})").fill(f"Level {level} ({lang})")
    page.get_by_role("button", name="Add the indicator").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert list(sub_area.indicators.order_by("position").values_list("code", flat=True))[-1] == (
        "CITY.NEW"
    )
    page.get_by_role("button", name="Move CITY.NEW up").click()
    page.wait_for_load_state()
    check_a11y(page)
    order = list(sub_area.indicators.order_by("position").values_list("code", flat=True))
    assert order[-2] == "CITY.NEW"
    page.get_by_role("button", name=f"Remove {order[-1]}").click()
    page.wait_for_load_state()
    check_a11y(page)
    assert not draft.indicators.filter(code=order[-1]).exists()

    page.get_by_role("button", name="Publish this version").click()
    page.wait_for_load_state()
    check_a11y(page)
    published = FrameworkVersion.objects.get(framework=local.framework, version="1.1")
    assert published.status == "published"
    assert published.indicators.get(code=first_code).question_fr.startswith("La mairie")
