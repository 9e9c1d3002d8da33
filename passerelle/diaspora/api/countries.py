"""The country pages in the API, read-only: the entries (public), filtered by country (ISO 3166-1
alpha-3) and kind. Calls and contributions are read on the pages only."""

import django_filters
from rest_framework import serializers, viewsets

from ..choices import EntryKind
from ..models import FactsheetEntry


class FactsheetEntrySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.iso3", help_text="ISO 3166-1 alpha-3.")
    page = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = FactsheetEntry
        fields = [
            "id", "country", "page", "kind", "name", "institution_type", "year", "url",
            "description", "language", "reviewed_year",
        ]  # fmt: skip


class FactsheetEntryFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(
        field_name="country__iso3", lookup_expr="iexact", help_text="ISO 3166-1 alpha-3."
    )
    kind = django_filters.ChoiceFilter(choices=EntryKind.choices)

    class Meta:
        model = FactsheetEntry
        fields = ["country", "kind"]


class FactsheetEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Diaspora institutions, policies and engagement programmes of the country pages."""

    serializer_class = FactsheetEntrySerializer
    filterset_class = FactsheetEntryFilter

    def get_queryset(self):
        return (
            FactsheetEntry.objects.visible_to(self.request.user)
            .select_related("country")
            .order_by("country__name", "kind", "name", "pk")
        )


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
    router.register(
        "diaspora-factsheet-entries", FactsheetEntryViewSet, basename="diaspora-factsheet-entry"
    )
