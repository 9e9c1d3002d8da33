"""Filters of the list of pledges, shared by the page and the API."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import within_region_q
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from . import reporting
from .choices import Completion, PledgeForm, PledgeStatus, PledgeType, ReportingLight
from .models import Pledge


class PledgeFilter(django_filters.FilterSet):
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
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="iso3"
    )
    region = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Region"), queryset=Region.objects.all(), to_field_name="code",
            method="in_region",
        )
    )  # fmt: skip
    form = django_filters.ChoiceFilter(label=_("Form"), choices=PledgeForm.choices)
    type = django_filters.ChoiceFilter(label=_("Type"), choices=PledgeType.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PledgeStatus.choices)
    completion = django_filters.ChoiceFilter(label=_("Completion"), choices=Completion.choices)
    light = django_filters.ChoiceFilter(
        label=_("Reporting"), choices=ReportingLight.choices, method="with_light"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = Pledge
        fields = ["q", "capacity_area", "objective", "country", "region", "form", "type",
                  "status", "completion", "light", "language"]  # fmt: skip

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value) | Q(metric__icontains=value)
        )

    def in_region(self, queryset, name, region):
        return queryset.filter(within_region_q(region, own_region="region"))

    def with_light(self, queryset, name, value):
        return queryset.filter(
            reporting.light_q(value, today=timezone.localdate(), soon=reporting.due_soon())
        )

    @property
    def qs(self):
        # Filtering across many-to-many relations can repeat a row.
        return super().qs.distinct()
