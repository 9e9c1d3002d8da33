"""Knowledge items in the platform's search (core.search): one indexed text per language the
item is written or translated in, so that each is stemmed in its own language; practices,
lessons and resources are kinds of their own. Drafts and items in review are indexed too: the
door shows them only to who may read them."""

import html

import nh3
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from passerelle.community.markdown import render
from passerelle.core import content_translation
from passerelle.core.models import TranslationProvenance
from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .choices import ItemKind
from .models import Item


def plain(markdown: str) -> str:
    """A section's words without its Markdown."""
    return html.unescape(nh3.clean(render(markdown).html, tags=set()))


def item_texts(item: Item) -> list[SearchText]:
    facets = {
        "area": [area.code for area in item.capacity_areas.all()],
        "objective": [str(objective.number) for objective in item.gcm_objectives.all()],
        "actor": sorted({item.organisation.type, *item.actor_types}),
        **place_facets(item.countries.all(), item.regions.all()),
    }
    date = (item.published_at or item.created).date()
    fields = ["title", "summary", *item.sections]
    versions = {item.language: ({name: getattr(item, name) for name in fields}, False)}
    for language, rows in content_translation.translations_of(item).items():
        if "title" in rows:
            texts = {name: rows[name].text if name in rows else "" for name in fields}
            machine = any(row.provenance == TranslationProvenance.MACHINE for row in rows.values())
            versions[language] = (texts, machine)
    return [
        SearchText(
            language=language,
            title=texts["title"],
            body="\n".join(plain(texts[name]) for name in fields[1:] if texts[name]),
            facets=facets,
            date=date,
            machine_translated=machine,
        )
        for language, (texts, machine) in versions.items()
    ]


register_searchable(
    Item,
    kind="knowledge",
    label=_("Knowledge base"),
    kinds={
        ItemKind.PRACTICE: _("Practices"),
        ItemKind.LESSON: _("Lessons learned"),
        ItemKind.RESOURCE: _("Resources"),
    },
    kind_of=lambda item: item.kind,
    texts=item_texts,
    indexable=lambda: Item.objects.all(),
    prefetch=lambda queryset: queryset.select_related("organisation").prefetch_related(
        "capacity_areas",
        "gcm_objectives",
        Prefetch("countries", queryset=Country.objects.select_related(REGIONS_ABOVE)),
        Prefetch("regions", queryset=Region.objects.select_related("parent__parent")),
    ),
)
