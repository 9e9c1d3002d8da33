import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from rest_framework.test import APIClient

from passerelle.assessments import reference, selectors
from passerelle.assessments.choices import Scale, VersionStatus
from passerelle.assessments.models import (
    Framework,
    FrameworkVersion,
    Indicator,
    LevelDescriptor,
)

pytestmark = pytest.mark.django_db

SHIPPED = {"PASSERELLE-NATIONAL": 40, "PASSERELLE-LOCAL": 25}


def texts(word):
    return {"en": f"{word} (en)", "fr": f"{word} (fr)", "es": f"{word} (es)"}


def tiny_framework(code="TINY", version="1.0"):
    return {
        "code": code,
        "version": version,
        "scope": "local",
        "scale": "three_level",
        "name": texts("Tiny"),
        "description": texts("About"),
        "levels": [{"value": n, "label": texts(f"level {n}")} for n in (1, 2, 3)],
        "domains": [
            {
                "code": "WGA",
                "mgi_domain": "WGA",
                "name": texts("Whole of government"),
                "sub_areas": [
                    {
                        "code": "WGA.1",
                        "name": texts("Coordination"),
                        "indicators": [
                            {
                                "code": "WGA.1.1",
                                "question": texts("Is there a coordination office?"),
                                "guidance": texts("Look for a decree."),
                                "applies_to": "local",
                                "capacity_areas": ["WGWS", "COORD"],
                                "gcm_objectives": [23],
                                "levels": {str(n): texts(f"descriptor {n}") for n in (1, 2, 3)},
                            }
                        ],
                    }
                ],
            }
        ],
    }


@pytest.mark.parametrize("code, minimum", SHIPPED.items())
def test_the_shipped_frameworks_are_loaded_whole(code, minimum):
    version = FrameworkVersion.objects.get(framework__code=code)
    assert version.status == VersionStatus.PUBLISHED and version.published_at
    indicators = Indicator.objects.filter(version=version)
    assert indicators.count() >= minimum
    top = Scale(version.scale).top
    assert list(version.levels.values_list("value", flat=True)) == list(range(1, top + 1))
    for indicator in indicators.prefetch_related("descriptors"):
        assert [d.value for d in indicator.descriptors.all()] == list(range(1, top + 1))
        for language in ("en", "fr", "es"):
            assert getattr(indicator, f"question_{language}")
            assert all(getattr(d, f"text_{language}") for d in indicator.descriptors.all())
    assert set(version.domains.values_list("mgi_domain__code", flat=True)) == {
        "RIGHTS", "WGA", "PARTNERSHIPS", "WELLBEING", "CRISIS", "SORM",
    }  # fmt: skip


def test_every_agenda_capacity_area_is_assessed_by_the_national_framework():
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL")
    linked = set(
        Indicator.objects.filter(version=version).values_list("capacity_areas__code", flat=True)
    )
    assert {"DATA", "CONS", "BORD", "OBLIG", "COORD", "WGWS"} <= linked


def test_loading_is_idempotent_and_a_published_version_never_changes():
    data = tiny_framework()
    reference.load_framework(django_apps, data)
    indicator = Indicator.objects.get(version__framework__code="TINY", code="WGA.1.1")
    assert indicator.question_fr == "Is there a coordination office? (fr)"
    assert sorted(indicator.capacity_areas.values_list("code", flat=True)) == ["COORD", "WGWS"]
    assert LevelDescriptor.objects.filter(indicator=indicator).count() == 3
    data["domains"][0]["sub_areas"][0]["indicators"][0]["question"] = texts("Changed?")
    reference.load_framework(django_apps, data)
    indicator.refresh_from_db()
    assert indicator.question_en == "Is there a coordination office? (en)"
    assert FrameworkVersion.objects.filter(framework__code="TINY").count() == 1


def test_draft_versions_are_the_secretariats(client, secretariat, outsider):
    reference.load_framework(django_apps, tiny_framework())
    FrameworkVersion.objects.filter(framework__code="TINY").update(
        status=VersionStatus.DRAFT, published_at=None
    )
    url = reverse("assessments:framework_version", args=["TINY", "1.0"])
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(secretariat)
    assert client.get(url).status_code == 200
    assert not selectors.framework_list(user=AnonymousUser()).get(code="TINY").versions.all()


def test_framework_pages(client):
    response = client.get(reverse("assessments:framework_list"))
    framework = Framework.objects.get(code="PASSERELLE-NATIONAL")
    assert response.status_code == 200 and framework.name in response.content.decode()
    assert client.get(framework.get_absolute_url()).status_code == 200
    version = framework.versions.get()
    page = client.get(version.get_absolute_url()).content.decode()
    first = Indicator.objects.filter(version=version).first()
    assert first.question in page
    french = client.get(version.get_absolute_url().replace("/en/", "/fr/", 1)).content.decode()
    assert first.question_fr in french


def test_a_version_page_costs_the_same_queries_for_any_size(client, django_assert_max_num_queries):
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL")
    with django_assert_max_num_queries(14):
        assert client.get(version.get_absolute_url()).status_code == 200


def test_frameworks_api():
    api = APIClient()
    listed = api.get("/api/v1/frameworks/").json()["results"]
    assert {row["code"] for row in listed} >= set(SHIPPED)
    version_url = next(r for r in listed if r["code"] == "PASSERELLE-LOCAL")["versions"][0]["url"]
    tree = api.get(version_url).json()
    assert tree["scale"] == "three_level"
    indicator = tree["domains"][0]["sub_areas"][0]["indicators"][0]
    assert [level["value"] for level in indicator["levels"]] == [1, 2, 3]
    assert api.get("/api/v1/frameworks/NOPE/").status_code == 404
