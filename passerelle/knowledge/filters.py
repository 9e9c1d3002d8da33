"""Filters of the knowledge base's items, shared by the list page, the API and the exports."""

import django_filters
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.core.models import ContentTranslation
from passerelle.geo.models import Country, Region
from passerelle.geo.selectors import within_region_q
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import Audience, ItemKind, ResourceType, Scope
from .models import TRANSLATABLE, Item

SEARCH_LIMIT = 200


class ItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=SEARCH_LIMIT)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ItemKind.choices)
    capacity_area = django_filters.ModelChoiceFilter(
        label=_("Capacity area"),
        queryset=CapacityArea.objects.order_by("position", "name"),
        to_field_name="code",
        field_name="capacity_areas",
    )
    objective = django_filters.ModelChoiceFilter(
        label=_("GCM objective"),
        queryset=GCMObjective.objects.order_by("number"),
        to_field_name="number",
        field_name="gcm_objectives",
    )
    region = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Region"), queryset=Region.objects.order_by("name"), to_field_name="code",
            method="in_region",
        )
    )  # fmt: skip
    country = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelChoiceFilter(
            label=_("Country"), queryset=Country.objects.order_by("name"), to_field_name="iso3",
            field_name="countries",
        )
    )  # fmt: skip
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    resource_type = django_filters.ChoiceFilter(
        label=_("Type of resource"), choices=ResourceType.choices
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"), choices=Audience.choices, method="for_audience"
    )
    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=Scope.choices)
    year = django_filters.NumberFilter(
        label=_("Year of publication"), field_name="published_at__year", min_value=1900,
        max_value=2999,
    )  # fmt: skip

    class Meta:
        model = Item
        fields = ["q", "kind", "capacity_area", "objective", "region", "country", "language",
                  "resource_type", "audience", "scope", "year"]  # fmt: skip

    def search(self, queryset, name, value):
        """The words in the original texts or in a translation of them."""
        value = value.strip()
        if not value:
            return queryset
        in_original = Q()
        for field in TRANSLATABLE:
            in_original |= Q(**{f"{field}__icontains": value})
        translated = ContentTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(Item), text__icontains=value
        ).values_list("object_id", flat=True)
        ids = [int(pk) for pk in translated if pk.isdigit()]
        return queryset.filter(in_original | Q(pk__in=ids))

    def in_region(self, queryset, name, region):
        """Items in one of the region's countries, or tagged with it or a region within it."""
        return queryset.filter(within_region_q(region, country="countries", own_region="regions"))

    def for_audience(self, queryset, name, value):
        # The audiences are a JSON list of codes; a quoted code matches one element exactly,
        # on SQLite as on PostgreSQL.
        return queryset.filter(audiences__icontains=f'"{value}"')

    @property
    def qs(self):
        # Filtering across many-to-many relations can repeat a row.
        return super().qs.distinct()
