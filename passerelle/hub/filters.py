"""Filters of the lists of requests, offers and matches, shared by the pages and the API."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import within_region_q
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import CostBasis, MatchStatus, OfferStatus, RequestStatus, SupportType
from .models import Match, Offer, SupportRequest


class RequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    capacity_area = django_filters.ModelChoiceFilter(
        label=_("Capacity area"),
        queryset=CapacityArea.objects.all(),
        to_field_name="code",
        field_name="capacity_areas",
    )
    objective = django_filters.ModelChoiceFilter(
        label=_("GCM objective"),
        queryset=GCMObjective.objects.all(),
        to_field_name="number",
        field_name="gcm_objectives",
    )
    support_type = django_filters.ChoiceFilter(
        label=_("Type of support"),
        choices=SupportType.choices,
        field_name="support_types__support_type",
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="iso3"
    )
    region = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Region"), queryset=Region.objects.all(), to_field_name="code",
            method="in_region",
        )
    )  # fmt: skip
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RequestStatus.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = SupportRequest
        fields = ["q", "capacity_area", "objective", "support_type", "country", "region",
                  "status", "language"]  # fmt: skip

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def in_region(self, queryset, name, region):
        return queryset.filter(within_region_q(region, own_region="region"))

    @property
    def qs(self):
        # Filtering across many-to-many relations can repeat a row.
        return super().qs.distinct()


class OfferFilter(django_filters.FilterSet):
    """Offers by what they provide and where: an offer covers a country when it names it, names
    a region containing it, or works anywhere in the world."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    capacity_area = django_filters.ModelChoiceFilter(
        label=_("Capacity area"),
        queryset=CapacityArea.objects.all(),
        to_field_name="code",
        field_name="capacity_areas",
    )
    objective = django_filters.ModelChoiceFilter(
        label=_("GCM objective"),
        queryset=GCMObjective.objects.all(),
        to_field_name="number",
        field_name="gcm_objectives",
    )
    support_type = django_filters.ChoiceFilter(
        label=_("Type of support"),
        choices=SupportType.choices,
        field_name="support_types__support_type",
    )
    country = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Country"), queryset=Country.objects.all(), to_field_name="iso3",
            method="covering_country",
        )
    )  # fmt: skip
    region = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Region"), queryset=Region.objects.all(), to_field_name="code",
            method="covering_region",
        )
    )  # fmt: skip
    status = django_filters.ChoiceFilter(label=_("Status"), choices=OfferStatus.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    cost_basis = django_filters.ChoiceFilter(label=_("Cost"), choices=CostBasis.choices)

    class Meta:
        model = Offer
        fields = ["q", "capacity_area", "objective", "support_type", "country", "region",
                  "status", "language", "cost_basis"]  # fmt: skip

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def covering_country(self, queryset, name, country):
        # The country's M49 areas, up to three levels, found in the same query.
        containing = Region.objects.filter(
            Q(countries=country)
            | Q(children__countries=country)
            | Q(children__children__countries=country)
        )
        return queryset.filter(Q(countries=country) | Q(regions__in=containing) | Q(is_global=True))

    def covering_region(self, queryset, name, region):
        # Offers working in all of the region (it, an area containing it, anywhere) or in part
        # of it (an area or a country inside it).
        within = Region.objects.filter(
            Q(pk=region.pk) | Q(parent=region) | Q(parent__parent=region)
        )
        containing = Region.objects.filter(Q(children=region) | Q(children__children=region))
        return queryset.filter(
            Q(regions__in=within)
            | Q(regions__in=containing)
            | Q(countries__region__in=within)
            | Q(is_global=True)
        )

    @property
    def qs(self):
        return super().qs.distinct()


class MatchFilter(django_filters.FilterSet):
    """Matches of a request or of an offer, by status and score. Ids are taken as plain numbers:
    a filter must not tell whether a request or offer the reader may not see exists."""

    request = django_filters.NumberFilter(
        label=pgettext_lazy("noun", "Request"), field_name="request_id"
    )
    offer = django_filters.NumberFilter(label=_("Offer"), field_name="offer_id")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MatchStatus.choices)
    min_score = django_filters.NumberFilter(
        label=_("Minimum score"), field_name="score", lookup_expr="gte", min_value=0, max_value=1
    )

    class Meta:
        model = Match
        fields = ["request", "offer", "status", "min_score"]
