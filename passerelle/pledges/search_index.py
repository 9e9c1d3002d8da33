"""Pledges in the platform's search (core.search). Drafts are indexed too: the door shows them
to the pledging and partner organisations only."""

from django.utils.translation import gettext_lazy as _

from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .models import Pledge


def pledge_texts(pledge: Pledge) -> list[SearchText]:
    return [
        SearchText(
            language=pledge.language,
            title=pledge.title,
            body="\n".join(filter(None, [pledge.description, pledge.metric])),
            facets={
                "area": [area.code for area in pledge.capacity_areas.all()],
                "objective": [str(objective.number) for objective in pledge.gcm_objectives.all()],
                "actor": [pledge.organisation.type],
                **place_facets(
                    [pledge.country] if pledge.country else [],
                    [pledge.region] if pledge.region else [],
                ),
            },
            date=(pledge.published_at or pledge.created).date(),
        )
    ]


register_searchable(
    Pledge,
    kind="pledge",
    label=_("Pledges"),
    texts=pledge_texts,
    indexable=lambda: Pledge.objects.all(),
    prefetch=lambda queryset: queryset.select_related(
        "organisation", f"country__{REGIONS_ABOVE}", "region__parent__parent"
    ).prefetch_related("capacity_areas", "gcm_objectives"),
)
