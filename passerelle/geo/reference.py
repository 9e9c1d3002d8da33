"""Load the geographic reference data (data/README.md) into the database. Called by data
migrations with historical models, so it never imports the app's models."""

import csv
import gettext
import json
from pathlib import Path

import pycountry

DATA = Path(__file__).parent / "data"
LANGUAGES = ("fr", "es")


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def country_names(iso2: str) -> dict[str, str]:
    """EN/FR/ES names from pycountry's ISO 3166-1 data and its translation catalogues."""
    country = pycountry.countries.get(alpha_2=iso2)
    english = getattr(country, "common_name", None) or country.name
    names = {"name_en": english}
    for language in LANGUAGES:
        catalogue = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        translated = catalogue.gettext(english)
        if translated == english:
            translated = catalogue.gettext(country.name)
        names[f"name_{language}"] = translated
    return names


def load_geography(apps) -> None:
    Region = apps.get_model("geo", "Region")
    Country = apps.get_model("geo", "Country")
    regions = {}
    for row in _read_csv("m49_regions.csv"):  # parents come before their children
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"],
            defaults={
                "level": row["level"],
                "parent": regions.get(row["parent_code"]),
                "name": row["name_en"],
                **{f"name_{lang}": row[f"name_{lang}"] for lang in ("en", *LANGUAGES)},
            },
        )
    for row in _read_csv("countries.csv"):
        names = country_names(row["iso2"])
        Country.objects.update_or_create(
            iso2=row["iso2"],
            defaults={
                "iso3": row["iso3"],
                "numeric": row["numeric"],
                "region": regions.get(row["m49_code"]),
                "name": names["name_en"],
                **names,
            },
        )


def load_regional_bodies(apps) -> None:
    RegionalBody = apps.get_model("geo", "RegionalBody")
    Country = apps.get_model("geo", "Country")
    countries = {country.iso3: country for country in Country.objects.all()}
    for item in json.loads((DATA / "regional_bodies.json").read_text(encoding="utf-8")):
        body, _ = RegionalBody.objects.update_or_create(
            code=item["code"],
            defaults={
                "kind": item["kind"],
                "acronym": item["acronym"],
                "website": item["website"],
                "name": item["name_en"],
                "name_en": item["name_en"],
                "name_fr": item["name_fr"],
                "name_es": item["name_es"],
                "note": item.get("note_en", ""),
                "note_en": item.get("note_en", ""),
            },
        )
        body.members.set([countries[iso3] for iso3 in item["members"]])
