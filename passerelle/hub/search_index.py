"""Requests for support and offers in the platform's search (core.search). Drafts are indexed
too: the door shows them to their organisations only."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .models import Offer, SupportRequest


def _text(item, *, countries, regions, actors) -> SearchText:
    """What requests and offers have in common."""
    return SearchText(
        language=item.language,
        title=item.title,
        body=item.description,
        facets={
            "area": [area.code for area in item.capacity_areas.all()],
            "objective": [str(objective.number) for objective in item.gcm_objectives.all()],
            "actor": [organisation.type for organisation in actors if organisation is not None],
            **place_facets(countries, regions),
        },
        date=(item.published_at or item.created).date(),
    )


def request_texts(support_request: SupportRequest) -> list[SearchText]:
    return [
        _text(
            support_request,
            countries=[support_request.country] if support_request.country else [],
            regions=[support_request.region] if support_request.region else [],
            actors=[support_request.organisation, support_request.joint_with],
        )
    ]


def offer_texts(offer: Offer) -> list[SearchText]:
    return [
        _text(
            offer,
            countries=offer.countries.all(),
            regions=offer.regions.all(),
            actors=[offer.organisation],
        )
    ]


register_searchable(
    SupportRequest,
    kind="request",
    label=_("Requests for support"),
    texts=request_texts,
    indexable=lambda: SupportRequest.objects.all(),
    prefetch=lambda queryset: queryset.select_related(
        "organisation", "joint_with", f"country__{REGIONS_ABOVE}", "region__parent__parent"
    ).prefetch_related("capacity_areas", "gcm_objectives"),
)
register_searchable(
    Offer,
    kind="offer",
    label=_("Offers"),
    texts=offer_texts,
    indexable=lambda: Offer.objects.all(),
    prefetch=lambda queryset: queryset.select_related("organisation").prefetch_related(
        "capacity_areas",
        "gcm_objectives",
        Prefetch("countries", queryset=Country.objects.select_related(REGIONS_ABOVE)),
        Prefetch("regions", queryset=Region.objects.select_related("parent__parent")),
    ),
)
