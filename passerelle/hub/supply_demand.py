"""The supply-demand map: for each capacity area and UN M49 region, the published requests and
offers, the share of requests matched, and what open requests still need (expert-days, money).
A request counts in the region of its country (or its own region); an offer in every region it
covers (all of them when it works anywhere). A request tagged with two areas counts in both rows.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache

from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea

from .choices import PUBLIC_STATUSES, OfferStatus, RequestStatus, RequirementKind
from .models import Offer, Requirement, SupportRequest

OPEN = (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED)
MATCHED = (RequestStatus.MATCHED, RequestStatus.IN_PARTNERSHIP)
MEASURES = ("open_requests", "offers", "matched_share", "unmet_expert_days", "unmet_money")
CACHE_SECONDS = 600


@dataclass
class Cell:
    published_requests: int = 0
    open_requests: int = 0
    matched_requests: int = 0
    offers: int = 0
    unmet_expert_days: Decimal = Decimal(0)
    unmet_money: dict[str, Decimal] = field(default_factory=dict)  # currency → amount

    @property
    def matched_share(self) -> float | None:
        if not self.published_requests:
            return None
        return self.matched_requests / self.published_requests


@dataclass
class Grid:
    areas: list  # CapacityArea rows
    regions: list  # top-level Region rows
    cells: dict  # (area pk, region pk) → Cell

    def cell(self, area, region) -> Cell:
        return self.cells.get((area.pk, region.pk), Cell())


def _top_regions() -> tuple[dict[int, int], dict[int, int]]:
    """The top-level region of every region and of every country."""
    parents = dict(Region.objects.values_list("pk", "parent_id"))

    def top(region):
        while parents.get(region) is not None:
            region = parents[region]
        return region

    return (
        {region: top(region) for region in parents},
        {
            country: top(region)
            for country, region in Country.objects.values_list("pk", "region_id")
        },
    )


def supply_demand(*, support_type: str = "", scope: str = "") -> Grid:
    key = f"hub:supply-demand:{support_type}:{scope}"
    grid = cache.get(key)
    if grid is None:
        grid = _compute(support_type=support_type, scope=scope)
        cache.set(key, grid, CACHE_SECONDS)
    return grid


def _compute(*, support_type: str, scope: str) -> Grid:
    region_top, country_top = _top_regions()
    cells = defaultdict(Cell)
    requests = SupportRequest.objects.filter(status__in=PUBLIC_STATUSES)
    offers = Offer.objects.filter(status=OfferStatus.PUBLISHED)
    if support_type:
        requests = requests.filter(support_types__support_type=support_type)
        offers = offers.filter(support_types__support_type=support_type)
    if scope:
        requests = requests.filter(scope=scope)
    request_areas = _areas_by_item(SupportRequest, "supportrequest", requests)
    for pk, status, country, region in requests.values_list(
        "pk", "status", "country_id", "region_id"
    ).distinct():
        top = country_top.get(country) if country else region_top.get(region)
        for area in request_areas.get(pk, ()):
            cell = cells[(area, top)]
            cell.published_requests += 1
            cell.open_requests += status in OPEN
            cell.matched_requests += status in MATCHED
    _add_unmet(cells, requests.filter(status__in=OPEN), request_areas, country_top, region_top)
    _add_offers(cells, offers, region_top, country_top)
    top_regions = list(Region.objects.filter(parent__isnull=True).order_by("name"))
    return Grid(
        areas=list(CapacityArea.objects.filter(is_active=True)),
        regions=top_regions,
        cells=dict(cells),
    )


def _areas_by_item(model, owner, queryset) -> dict[int, set[int]]:
    areas = defaultdict(set)
    through = model.capacity_areas.through.objects.filter(**{f"{owner}__in": queryset})
    for item, area in through.values_list(f"{owner}_id", "capacityarea_id"):
        areas[item].add(area)
    return areas


def _add_unmet(cells, open_requests, request_areas, country_top, region_top) -> None:
    lines = Requirement.objects.filter(request__in=open_requests).values_list(
        "request_id", "request__country_id", "request__region_id", "kind", "quantity", "currency"
    )
    for request, country, region, kind, quantity, currency in lines:
        top = country_top.get(country) if country else region_top.get(region)
        for area in request_areas.get(request, ()):
            cell = cells[(area, top)]
            if kind == RequirementKind.EXPERT_DAYS:
                cell.unmet_expert_days += quantity
            elif kind == RequirementKind.MONEY:
                cell.unmet_money[currency] = cell.unmet_money.get(currency, 0) + quantity


def _add_offers(cells, offers, region_top, country_top) -> None:
    offer_areas = _areas_by_item(Offer, "offer", offers)
    reach = defaultdict(set)
    for offer, country in Offer.countries.through.objects.filter(offer__in=offers).values_list(
        "offer_id", "country_id"
    ):
        reach[offer].add(country_top.get(country))
    for offer, region in Offer.regions.through.objects.filter(offer__in=offers).values_list(
        "offer_id", "region_id"
    ):
        reach[offer].add(region_top.get(region))
    everywhere = set(Region.objects.filter(parent__isnull=True).values_list("pk", flat=True))
    for offer, is_global in offers.values_list("pk", "is_global").distinct():
        for top in everywhere if is_global else reach[offer]:
            for area in offer_areas.get(offer, ()):
                cells[(area, top)].offers += 1


def heat_levels(grid: Grid, measure: str, currency: str = "") -> dict:
    """(area pk, region pk) → (value, level 0-5) of `measure`; level 0 is an empty cell, 5 the
    largest value of the map."""
    values = {}
    for area in grid.areas:
        for region in grid.regions:
            cell = grid.cell(area, region)
            if measure == "unmet_money":
                value = cell.unmet_money.get(currency)
            else:
                value = getattr(cell, measure)
            values[(area.pk, region.pk)] = value
    largest = max((v for v in values.values() if v), default=0)
    return {
        key: (value, math.ceil(5 * float(value) / float(largest)) if value else 0)
        for key, value in values.items()
    }


def currencies(grid: Grid) -> list[str]:
    return sorted({code for cell in grid.cells.values() for code in cell.unmet_money})
