from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import Country, Region, RegionalBody


def region_tree() -> list[Region]:
    """Top-level M49 regions with their sub-regions and countries, in three queries."""
    countries = Prefetch("countries", queryset=Country.objects.order_by("name"))
    return list(
        Region.objects.filter(level="region")
        .prefetch_related(
            Prefetch(
                "children",
                queryset=Region.objects.order_by("code").prefetch_related(
                    countries,
                    Prefetch(
                        "children",
                        queryset=Region.objects.order_by("code").prefetch_related(countries),
                    ),
                ),
            ),
            countries,
        )
        .order_by("name")
    )


def country_get(*, iso3: str) -> Country:
    return get_object_or_404(
        Country.objects.select_related("region__parent__parent"), iso3=iso3.upper()
    )


def regional_body_list() -> QuerySet[RegionalBody]:
    return RegionalBody.objects.annotate(member_count=Count("members")).order_by("kind", "name")


def regional_body_get(*, code: str) -> RegionalBody:
    return get_object_or_404(RegionalBody.objects.prefetch_related("members"), code=code)


def within_region_q(region: Region, *, country: str = "country", own_region: str = "") -> Q:
    """Rows whose country (the `country` path), or whose own M49 area (the `own_region` path,
    if any), lies in `region`. M49 nests at most three levels, so a region contains its
    sub-regions' and intermediate regions' countries."""
    paths = [f"{country}__region", *([own_region] if own_region else [])]
    condition = Q()
    for path in paths:
        for above in ("", "__parent", "__parent__parent"):
            condition |= Q(**{f"{path}{above}": region})
    return condition


# What `place_facets` reads, for select_related / Prefetch: a place's regions up to the top.
REGIONS_ABOVE = "region__parent__parent"


def place_facets(countries, regions) -> dict[str, list[str]]:
    """The search facets (core.search) of places: the countries' ISO alpha-3 codes, and the M49
    codes of the regions and of every region containing them or the countries, so that looking
    in Africa finds what is in Senegal. Reads the regions through REGIONS_ABOVE."""
    above = [region for country in countries for region in country.regions()]
    above += [r for region in regions for r in (region, *region.ancestors())]
    return {
        "country": sorted({country.iso3 for country in countries}),
        "region": sorted({region.code for region in above}),
    }
