"""The review pack's PDF, read back from its uncompressed page streams."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from passerelle.assessments.tests.test_pdf import flat, text
from passerelle.reviews import pdf
from passerelle.reviews.pack import country_pack

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 14)


def build(country, user=None, **kwargs) -> bytes:
    pack = country_pack(country, user=user or AnonymousUser(), today=TODAY)
    return pdf.pack_pdf(pack, compress=False, **kwargs)


def page_count(document: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", document))


def test_the_pack_of_a_country(senegal, project, approved, cycles, make_request, make_pledge):
    make_request("open", title="Border training")
    make_pledge("published", title="Training 200 officials")
    document = build(senegal)

    assert document.startswith(b"%PDF")
    content = flat(text(document))
    assert "Review pack" in content and "Senegal" in content
    assert "Generated on March 14, 2026" in content
    assert "generated demo data" in content
    for heading in (
        "Summary",
        "Capacity assessments over time",
        "Requests for support",
        "Projects and their progress",
        "Results",
        "Pledges",
    ):
        assert heading in content
    # The assessments, cycle after cycle, with the change.
    assert "Ministère de l\u2019Intérieur" in content
    assert "National assessment 2024" in content and "National assessment 2026" in content
    assert "400 (+200)" in content
    assert "Change since the first cycle" in content
    # The request, the project with its participants and progress, its indicators, the pledge.
    assert "Border training" in content and "Open" in content
    assert project.title in content
    assert "Accountable" in content and "Implementing" in content and "Funding" in content
    assert "Officials trained" in content and "Border posts applying screening" in content
    assert "No data yet" in content
    assert "Training 200 officials" in content
    total = page_count(document)
    assert total >= 2  # the cover has a page of its own
    assert f"Page 1 of {total}" in content and f"Page {total} of {total}" in content


def test_an_empty_pack_says_so(senegal):
    content = flat(text(build(senegal)))
    assert "No published assessment yet." in content
    assert "No request for support yet." in content
    assert "No project in this country yet." in content
    assert "No project indicator yet." in content
    assert "No pledge yet." in content


def test_demo_data_is_marked(senegal, project):
    type(project).objects.filter(pk=project.pk).update(is_demo=True)
    assert f"{project.title} [Demo]" in flat(text(build(senegal)))


def test_a_private_project_is_left_out_for_the_public(senegal, make_project, runner):
    from passerelle.core.permissions import Visibility

    from .conftest import fresh

    make_project(title="Private partnership", visibility=Visibility.PRIVATE)
    assert "Private partnership" not in flat(text(build(senegal)))
    assert "Private partnership" in flat(text(build(senegal, user=fresh(runner))))


def test_in_french(senegal, project, approved):
    with translation.override("fr"):
        content = flat(text(build(senegal)))
    assert "Sénégal" in content  # the country's French name, accents printed
    assert "Page 1 sur" in content


def test_long_tables_run_over_pages(senegal, make_request):
    for n in range(60):
        make_request("open", title=f"Request number {n}")
    document = build(senegal)
    content = flat(text(document))
    assert "Request number 0" in content and "Request number 59" in content
    assert page_count(document) >= 4


def test_the_same_pack_gives_the_same_bytes(senegal, project):
    assert build(senegal) == build(senegal)
    compressed = pdf.pack_pdf(country_pack(senegal, user=AnonymousUser(), today=TODAY))
    assert compressed.startswith(b"%PDF") and len(compressed) < len(build(senegal))
