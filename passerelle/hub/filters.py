"""Filters of the list of requests, shared by the page and the API."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import RequestStatus, SupportType
from .models import SupportRequest


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
        # The request's own region, or its country's, up to three M49 levels.
        return queryset.filter(
            Q(region=region)
            | Q(region__parent=region)
            | Q(region__parent__parent=region)
            | Q(country__region=region)
            | Q(country__region__parent=region)
            | Q(country__region__parent__parent=region)
        )

    @property
    def qs(self):
        # Filtering across many-to-many relations can repeat a row.
        return super().qs.distinct()
