"""The published knowledge base as open data: one record per published item, as JSON (lists
stay lists) or CSV (lists joined with "; "), described column by column by the field guide
(`FIELDS`, also served as a page). Only published items are exported, whoever asks: drafts and
items in review are never open data. Texts are the originals, in the item's `language`."""

from django.db.models import Avg, Count, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core import spreadsheets
from passerelle.core.models import ContentTranslation
from passerelle.projects.models import Project

from .choices import ItemStatus
from .models import SECTIONS, Item

SECTION_NAMES = tuple(dict.fromkeys(name for names in SECTIONS.values() for name in names))

# (column, type, what it holds): the field guide.
FIELDS = [
    ("id", "integer", _("The item's number on the platform; stable.")),
    ("url", "URL", _("The item's page.")),
    ("kind", "text", _("practice, lesson or resource.")),
    ("title", "text", _("The title, in the original language.")),
    ("summary", "text", _("A short summary, in the original language.")),
    ("language", "ISO 639-1", _("The original language: en, fr or es.")),
    ("translations", "list of ISO 639-1", _("Languages the item is also available in.")),
    ("organisation", "text", _("The organisation that shared the item.")),
    ("organisation_type", "code", _("Its type (government, local authority, UN agency…).")),
    ("call", "text", _("The call for practices it answered, if any.")),
    ("scope", "code", _("local, national, regional or global.")),
    ("capacity_areas", "list of codes", _("Capacity areas (the platform's framework).")),
    ("gcm_objectives", "list of integers", _("Objectives of the Global Compact (1 to 23).")),
    ("guiding_principles", "list of integers", _("GCM guiding principles (1 to 10).")),
    ("countries", "list of ISO 3166-1 alpha-3", _("Countries where it took place.")),
    ("regions", "list of UN M49 codes", _("Regions where it took place.")),
    ("actor_types", "list of codes", _("Types of actors involved.")),
    ("audiences", "list of codes", _("Who a resource is for.")),
    ("resource_type", "code", _("Resources: publication, guide, tool, training or dataset.")),
    ("issued_on", "date", _("Resources: the date of the resource.")),
    ("link", "URL", _("Resources: where to read it.")),
    ("file_url", "URL", _("Resources: the attached file, if any.")),
    ("projects", "list of integers", _("Public projects on the platform it relates to.")),
    ("published_at", "date and time (UTC)", _("When it was first published.")),
    ("version", "integer", _("Its version: 1 at publication, one more per correction.")),
    ("rating", "decimal", _("Average usefulness given by readers, 1 to 5.")),
    ("ratings", "integer", _("How many readers rated it.")),
    ("replications", "integer", _("How many organisations reported replicating it.")),
    ("downloads", "integer", _("How many times its file was downloaded.")),
    *((name, "Markdown", _("A section of the template, as written.")) for name in SECTION_NAMES),
]
COLUMNS = [name for name, _type, _description in FIELDS]


def published_for_export():
    """Every published item with what a record holds, in a fixed number of queries."""
    return (
        Item.objects.filter(status=ItemStatus.PUBLISHED)
        .select_related("organisation", "call")
        .prefetch_related(
            "capacity_areas", "gcm_objectives", "guiding_principles", "countries", "regions",
            Prefetch("projects", Project.objects.filter(visibility="public")),
        )
        .annotate(
            rating=Avg("ratings__stars"),
            ratings_count=Count("ratings", distinct=True),
            replications_count=Count("replications", distinct=True),
        )
        .order_by("pk")
    )  # fmt: skip


def _languages(items) -> dict[str, set[str]]:
    rows = ContentTranslation.objects.filter(
        content_type__app_label="knowledge",
        content_type__model="item",
        object_id__in=[str(item.pk) for item in items],
    ).values_list("object_id", "language")
    found: dict[str, set[str]] = {}
    for object_id, language in rows:
        found.setdefault(object_id, set()).add(language)
    return found


def records(items, *, base_url: str) -> list[dict]:
    """One record per item, lists as lists."""
    items = list(items)
    languages = _languages(items)
    return [_record(item, base_url, sorted(languages.get(str(item.pk), ()))) for item in items]


def _record(item: Item, base_url: str, translations: list[str]) -> dict:
    file_url = (
        base_url + reverse("knowledge:item_download", kwargs={"pk": item.pk}) if item.file else ""
    )
    record = {
        "id": item.pk,
        "url": base_url + item.get_absolute_url(),
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "language": item.language,
        "translations": translations,
        "organisation": item.organisation.name,
        "organisation_type": item.organisation.type,
        "call": item.call.title if item.call else "",
        "scope": item.scope,
        "capacity_areas": [area.code for area in item.capacity_areas.all()],
        "gcm_objectives": [objective.number for objective in item.gcm_objectives.all()],
        "guiding_principles": [p.number for p in item.guiding_principles.all()],
        "countries": [country.iso3 for country in item.countries.all()],
        "regions": [region.code for region in item.regions.all()],
        "actor_types": item.actor_types,
        "audiences": item.audiences,
        "resource_type": item.resource_type,
        "issued_on": item.issued_on.isoformat() if item.issued_on else "",
        "link": item.link,
        "file_url": file_url,
        "projects": [project.pk for project in item.projects.all()],
        "published_at": item.published_at.isoformat() if item.published_at else "",
        "version": item.version,
        "rating": round(item.rating, 2) if item.rating is not None else None,
        "ratings": item.ratings_count,
        "replications": item.replications_count,
        "downloads": item.downloads,
    }
    record.update({name: getattr(item, name) for name in SECTION_NAMES})
    return record


def as_csv(rows: list[dict]) -> bytes:
    flat = [
        {key: "; ".join(map(str, value)) if isinstance(value, list) else value
         for key, value in row.items()}
        for row in rows
    ]  # fmt: skip
    return spreadsheets.to_csv(spreadsheets.harmless(flat, COLUMNS, "csv"), COLUMNS)
