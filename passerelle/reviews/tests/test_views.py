"""The review pack's page and downloads, and its link on the country's page."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from passerelle.core.permissions import Visibility

from .conftest import fresh

pytestmark = pytest.mark.django_db


def url(name, iso3="SEN"):
    return reverse(f"reviews:{name}", kwargs={"iso3": iso3})


def test_the_page_presents_the_pack(client, senegal, project, approved, cycles, make_request):
    make_request("open", title="Border training")
    response = client.get(url("country_pack"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Review pack: Senegal</h1>" in content
    assert f'href="{url("country_pack_pdf")}"' in content
    assert f'href="{url("country_pack_xlsx")}"' in content
    for heading in (
        "Summary", "Capacity assessments over time", "Requests for support",
        "Projects and their progress", "Results", "Pledges",
    ):  # fmt: skip
        assert f">{heading}</h2>" in content
    assert "National assessment 2026" in content and "Change since the first cycle" in content
    assert "Border training" in content
    assert f'lang="{project.language}">{project.title}</a>' in content
    assert "Officials trained" in content
    assert "<caption" in content and 'scope="col"' in content


def test_a_private_project_is_shown_to_its_members_only(client, senegal, make_project, runner):
    make_project(title="Private partnership", visibility=Visibility.PRIVATE)
    assert "Private partnership" not in client.get(url("country_pack")).content.decode()
    client.force_login(fresh(runner))
    assert "Private partnership" in client.get(url("country_pack")).content.decode()


def test_demo_data_is_marked(client, senegal, project):
    type(project).objects.filter(pk=project.pk).update(is_demo=True)
    content = client.get(url("country_pack")).content.decode()
    assert 'class="badge demo"' in content and 'class="notice"' in content


@pytest.mark.parametrize("name", ["country_pack", "country_pack_pdf", "country_pack_xlsx"])
def test_an_unknown_country_is_not_found(client, db, name):
    assert client.get(url(name, "ZZZ")).status_code == 404


def test_the_downloads(client, senegal, project):
    response = client.get(url("country_pack_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "review-pack-sen-" in response["Content-Disposition"]

    response = client.get(url("country_pack_xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert load_workbook(io.BytesIO(response.content)).sheetnames[0] == "Summary"


def test_the_page_in_french(client, senegal, project):
    response = client.get(url("country_pack").replace("/en/", "/fr/", 1))
    assert response.status_code == 200
    assert "Sénégal" in response.content.decode()


def test_the_country_page_links_to_its_pack(client, senegal):
    response = client.get(reverse("geo:country_detail", kwargs={"iso3": "SEN"}))
    content = response.content.decode()
    assert f'href="{url("country_pack")}"' in content
    assert f'href="{url("country_pack_pdf")}"' in content


def test_the_page_queries_do_not_grow_with_the_projects(client, senegal, make_project, runner):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("country_pack")).status_code == 200
        return len(captured)

    for n in range(2):
        make_project(title=f"Partnership {n}")
    count()
    few = count()
    for n in range(2, 8):
        make_project(title=f"Partnership {n}")
    assert count() == few
