from django.db.models import Count, Prefetch, QuerySet
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
