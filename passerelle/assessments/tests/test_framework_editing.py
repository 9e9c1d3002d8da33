"""The secretariat adds, reorders and removes single indicators of a draft version in the
browser; published versions never change, and nobody else may touch a draft."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from passerelle.assessments import interchange, services
from passerelle.assessments.models import FrameworkVersion
from passerelle.assessments.tests.test_framework_import import draft_of, edit_data
from passerelle.core.models import AuditEntry

pytestmark = pytest.mark.django_db

LEVEL_TEXTS = {
    value: {"en": f"L{value}", "fr": f"N{value}", "es": f"N{value}"} for value in (1, 2, 3)
}
TEXTS = {
    "question_en": "Does the city count newcomers?",
    "question_fr": "La ville compte-t-elle les arrivants ?",
    "question_es": "¿Cuenta la ciudad a los recién llegados?",
}


@pytest.fixture
def local():
    return FrameworkVersion.objects.get(framework__code="PASSERELLE-LOCAL")


@pytest.fixture
def draft(local, secretariat):
    return draft_of(local, secretariat)


def add(actor, sub_area, code="NEW.1", **options):
    return services.indicator_add(
        actor=actor, sub_area=sub_area, code=code, texts=TEXTS, applies_to="local",
        capacity_areas=[], gcm_objectives=[], levels=LEVEL_TEXTS, **options,
    )  # fmt: skip


def codes(sub_area):
    return list(sub_area.indicators.order_by("position").values_list("code", flat=True))


def test_an_added_indicator_ends_its_sub_area_with_every_level(draft, secretariat):
    sub_area = draft.domains.order_by("position").first().sub_areas.order_by("position").first()
    before = codes(sub_area)
    indicator = add(secretariat, sub_area)
    assert codes(sub_area) == [*before, "NEW.1"]
    assert indicator.question_fr == TEXTS["question_fr"]
    assert list(indicator.descriptors.values_list("value", "text_es")) == [
        (1, "N1"), (2, "N2"), (3, "N3"),
    ]  # fmt: skip
    assert AuditEntry.objects.filter(action="assessments.indicator.added").count() == 1
    # Exported sub-area by sub-area: the new indicator sits with its sub-area, not at the end.
    rows = [row["indicator"] for row in interchange.version_rows(draft)]
    assert rows.index("NEW.1") == rows.index(before[-1]) + 1


def test_an_added_indicator_maps_only_to_the_previous_version(draft, local, secretariat):
    sub_area = draft.domains.first().sub_areas.first()
    old = local.indicators.first()
    assert add(secretariat, sub_area, maps_to=old).maps_to == old
    with pytest.raises(ValidationError) as refused:
        add(secretariat, sub_area, code="NEW.2", maps_to=draft.indicators.first())
    assert "previous version" in str(refused.value)


def test_codes_are_unique_and_required(draft, secretariat):
    sub_area = draft.domains.first().sub_areas.first()
    existing = draft.indicators.first().code
    for code, message in ((existing, "already"), ("  ", "Give the indicator a code")):
        with pytest.raises(ValidationError) as refused:
            add(secretariat, sub_area, code=code)
        assert message in str(refused.value)
    assert not AuditEntry.objects.filter(action="assessments.indicator.added").exists()


def test_moving_swaps_with_the_neighbour_in_the_sub_area(draft, secretariat):
    sub_area = max(draft.domains.first().sub_areas.all(), key=lambda s: s.indicators.count())
    first, second, *rest = codes(sub_area)
    services.indicator_move(
        actor=secretariat, indicator=sub_area.indicators.get(code=second), direction="up"
    )
    assert codes(sub_area) == [second, first, *rest]
    # At the edge nothing moves.
    services.indicator_move(
        actor=secretariat, indicator=sub_area.indicators.get(code=second), direction="up"
    )
    assert codes(sub_area) == [second, first, *rest]
    with pytest.raises(ValidationError):
        services.indicator_move(
            actor=secretariat, indicator=sub_area.indicators.get(code=first), direction="sideways"
        )


def test_removing_an_indicator(draft, secretariat):
    indicator = draft.indicators.first()
    services.indicator_remove(actor=secretariat, indicator=indicator)
    assert not draft.indicators.filter(code=indicator.code).exists()
    assert AuditEntry.objects.filter(action="assessments.indicator.removed").count() == 1


def test_an_indicator_a_later_version_maps_to_stays(draft, local, secretariat):
    later_rows = interchange.version_rows(draft)
    for row in later_rows:
        row["maps_to"] = row["indicator"]
    services.version_import(
        actor=secretariat, framework=draft.framework, version="1.2", scale=draft.scale,
        previous=draft, rows=later_rows,
    )  # fmt: skip
    indicator = draft.indicators.first()
    with pytest.raises(ValidationError) as refused:
        services.indicator_remove(actor=secretariat, indicator=indicator)
    assert "maps an indicator to this one" in str(refused.value)
    assert draft.indicators.filter(pk=indicator.pk).exists()


def test_published_versions_and_other_people_are_refused(draft, local, secretariat, owner):
    for actor, target in ((secretariat, local), (owner, draft)):
        sub_area = target.domains.first().sub_areas.first()
        with pytest.raises(PermissionDenied):
            add(actor, sub_area)
        with pytest.raises(PermissionDenied):
            services.indicator_remove(actor=actor, indicator=target.indicators.first())
        with pytest.raises(PermissionDenied):
            services.indicator_move(actor=actor, indicator=target.indicators.last(), direction="up")


def test_the_add_page(client, draft, secretariat):
    sub_area = draft.domains.first().sub_areas.first()
    url = reverse("assessments:indicator_add", args=[draft.framework.code, "1.1", sub_area.code])
    client.force_login(secretariat)
    assert client.get(url).status_code == 200
    template = draft.indicators.first()
    data = edit_data(template, code="NEW.9", question_fr="")
    refused = client.post(url, data)
    assert refused.status_code == 400 and not draft.indicators.filter(code="NEW.9").exists()
    data["question_fr"] = "La ville publie-t-elle un guide ?"
    added = client.post(url, data)
    assert added.status_code == 302 and added["Location"].endswith("#indicator-NEW.9")
    assert draft.indicators.get(code="NEW.9").sub_area == sub_area


def test_move_and_remove_pages(client, draft, secretariat):
    indicator = draft.indicators.order_by("position").last()
    args = [draft.framework.code, "1.1", indicator.code]
    client.force_login(secretariat)
    assert client.post(reverse("assessments:indicator_move", args=[*args, "up"])).status_code == 302
    assert (
        client.post(reverse("assessments:indicator_move", args=[*args, "left"])).status_code == 404
    )
    assert client.post(reverse("assessments:indicator_remove", args=args)).status_code == 302
    assert not draft.indicators.filter(code=indicator.code).exists()
