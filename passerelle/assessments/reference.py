"""Load the frameworks shipped in data/frameworks/*.json (format: data/README.md). Called by a data
migration with historical models, and by tests with the real ones. The rows go through the same
validation and builder as a spreadsheet import (interchange.py)."""

import json
from pathlib import Path

from django.utils import timezone

from . import interchange

FRAMEWORKS = Path(__file__).parent / "data" / "frameworks"


def read_frameworks() -> list[dict]:
    return [
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(FRAMEWORKS.glob("*.json"))
    ]


def load_framework(apps, data: dict) -> None:
    """Create the framework's version as published, with its whole tree; a version that exists
    already is left as it is (a published version never changes)."""
    model = apps.get_model
    framework, _ = model("assessments", "Framework").objects.update_or_create(
        code=data["code"],
        defaults={
            "scope": data["scope"],
            **interchange.translated("name", data["name"]),
            **interchange.translated("description", data["description"]),
        },
    )
    versions = model("assessments", "FrameworkVersion").objects
    if versions.filter(framework=framework, version=data["version"]).exists():
        return
    rows = interchange.rows_from_json(data)
    interchange.validate_rows(
        rows,
        scale=data["scale"],
        area_codes=set(model("taxonomy", "CapacityArea").objects.values_list("code", flat=True)),
        objective_numbers=set(range(1, 24)),
        previous_codes=set(),
        mgi_codes=set(model("taxonomy", "MGIDomain").objects.values_list("code", flat=True)),
    )
    interchange.build_version(
        apps,
        framework=framework,
        version_fields={
            "version": data["version"],
            "scale": data["scale"],
            "status": "published",
            "published_at": timezone.now(),
        },
        levels={level["value"]: level["label"] for level in data["levels"]},
        rows=rows,
    )


def load_frameworks(apps) -> None:
    for data in read_frameworks():
        load_framework(apps, data)
