"""Filters of the portfolio of projects, shared by the page and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.accounts.models import Organisation
from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import within_region_q
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import ParticipantRole, ProjectStatus, Scope
from .models import Participant, Project, ProjectCountry, ProjectRegion


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.TypedChoiceFilter(
        label=_("Status"), choices=ProjectStatus.choices, coerce=int
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), to_field_name="iso3",
        field_name="countries__country",
    )  # fmt: skip
    region = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Region"), queryset=Region.objects.all(), to_field_name="code",
            method="in_region",
        )
    )  # fmt: skip
    capacity_area = django_filters.ModelChoiceFilter(
        label=_("Capacity area"), queryset=CapacityArea.objects.all(), to_field_name="code",
        field_name="capacity_areas",
    )  # fmt: skip
    objective = django_filters.ModelChoiceFilter(
        label=_("GCM objective"), queryset=GCMObjective.objects.all(), to_field_name="number",
        field_name="gcm_objectives",
    )  # fmt: skip
    organisation = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Organisation"), queryset=Organisation.objects.all(), to_field_name="slug",
            method="taking_part",
        )
    )  # fmt: skip
    role = extend_schema_field(OpenApiTypes.INT)(
        django_filters.TypedChoiceFilter(
            label=_("In the role"), choices=ParticipantRole.choices, coerce=int,
            method="in_role",
        )
    )  # fmt: skip
    scope = django_filters.TypedChoiceFilter(label=_("Scope"), choices=Scope.choices, coerce=int)

    class Meta:
        model = Project
        fields = ["q", "status", "country", "region", "capacity_area", "objective",
                  "organisation", "role", "scope"]  # fmt: skip

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value)
            | Q(objectives__icontains=value)
        )  # fmt: skip

    def in_region(self, queryset, name, region):
        # A subquery per kind of place: a project in several countries stays one row.
        in_countries = ProjectCountry.objects.filter(within_region_q(region, country="country"))
        in_regions = ProjectRegion.objects.filter(
            Q(region=region) | Q(region__parent=region) | Q(region__parent__parent=region)
        )
        return queryset.filter(
            Q(pk__in=in_countries.values("project")) | Q(pk__in=in_regions.values("project"))
        )

    def taking_part(self, queryset, name, organisation):
        roles = Participant.objects.filter(organisation=organisation)
        role = self.form.cleaned_data.get("role")
        if role:
            roles = roles.filter(role=role)
        return queryset.filter(pk__in=roles.values("project"))

    def in_role(self, queryset, name, value):
        # Applied with the organisation (taking_part); alone, it narrows nothing.
        return queryset

    @property
    def qs(self):
        # Filtering across many-to-many relations can repeat a row.
        return super().qs.distinct()
