"""Filters of the organisation directory, shared by the pages and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import within_region_q

from .choices import OrganisationType, VerificationStatus
from .models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    type = django_filters.ChoiceFilter(label=_("Type"), choices=OrganisationType.choices)
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso3",
    )
    # An M49 code; the schema cannot infer its type from a method filter.
    region = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Region"),
            queryset=Region.objects.all(),
            to_field_name="code",
            method="in_region",
        )
    )
    verification_status = django_filters.ChoiceFilter(
        label=_("Verification"), choices=VerificationStatus.choices
    )

    class Meta:
        model = Organisation
        fields = ["q", "type", "country", "region", "verification_status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(acronym__icontains=value) | Q(description__icontains=value)
        )

    def in_region(self, queryset, name, region):
        return queryset.filter(within_region_q(region))
