"""Load the default vocabularies (data/README.md). Called by data migrations with historical
models."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"
LANGUAGES = ("en", "fr", "es")


def _read(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _translated(item: dict, field: str, source: str | None = None) -> dict[str, str]:
    source = source or field
    values = {f"{field}_{lang}": item[f"{source}_{lang}"] for lang in LANGUAGES}
    return {field: values[f"{field}_en"], **values}


def load_vocabularies(apps) -> None:
    GCMObjective = apps.get_model("taxonomy", "GCMObjective")
    GuidingPrinciple = apps.get_model("taxonomy", "GuidingPrinciple")
    MGIDomain = apps.get_model("taxonomy", "MGIDomain")
    CapacityArea = apps.get_model("taxonomy", "CapacityArea")
    gcm = _read("gcm.json")
    for item in gcm["objectives"]:
        GCMObjective.objects.update_or_create(
            number=item["number"],
            defaults={**_translated(item, "title"), **_translated(item, "short_title", "short")},
        )
    for item in gcm["principles"]:
        GuidingPrinciple.objects.update_or_create(
            number=item["number"], defaults=_translated(item, "title")
        )
    for position, item in enumerate(_read("mgi_domains.json")):
        MGIDomain.objects.update_or_create(
            code=item["code"],
            defaults={
                "position": position,
                **_translated(item, "name"),
                **_translated(item, "description"),
            },
        )
    for position, item in enumerate(_read("capacity_areas.json")):
        area, _ = CapacityArea.objects.update_or_create(
            code=item["code"],
            defaults={
                "position": position,
                **_translated(item, "name"),
                **_translated(item, "description"),
            },
        )
        area.gcm_objectives.set(GCMObjective.objects.filter(number__in=item["gcm_objectives"]))
        area.guiding_principles.set(
            GuidingPrinciple.objects.filter(number__in=item["gcm_principles"])
        )
        area.mgi_domains.set(MGIDomain.objects.filter(code__in=item["mgi_domains"]))
