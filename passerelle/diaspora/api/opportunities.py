"""Engagement opportunities in the API, read-only: open and closed ones (never drafts here, even
for their organisation), with the count of responses only — never the responses themselves."""

from django.db.models import Count, Q
from rest_framework import serializers, viewsets

from ..choices import OpportunityStatus, ResponseStatus
from ..forms.opportunities import OpportunityFilter
from ..models import Opportunity


class OpportunitySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:diaspora-opportunity-detail")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    origin_countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    responses = serializers.IntegerField(source="response_count", read_only=True)
    accepted = serializers.IntegerField(source="accepted_count", read_only=True)

    class Meta:
        model = Opportunity
        fields = [
            "url", "id", "page", "organisation", "kind", "title", "description", "language",
            "countries", "origin_countries", "capacity_areas", "is_remote", "places", "deadline",
            "support_request", "project", "status", "published_at", "responses", "accepted",
        ]  # fmt: skip


class OpportunityViewSet(viewsets.ReadOnlyModelViewSet):
    """Published opportunities (open by default; `state=all` adds closed ones), soonest deadline
    first. Filter by kind, country, origin (diaspora), area, remote."""

    serializer_class = OpportunitySerializer
    filterset_class = OpportunityFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Opportunity.objects.none()
        counted = ~Q(responses__status=ResponseStatus.WITHDRAWN)
        return (
            Opportunity.objects.visible_to(self.request.user)
            .filter(status__in=(OpportunityStatus.OPEN, OpportunityStatus.CLOSED))
            .select_related("organisation")
            .prefetch_related("countries", "origin_countries", "capacity_areas")
            .annotate(
                response_count=Count("responses", filter=counted, distinct=True),
                accepted_count=Count(
                    "responses",
                    filter=Q(responses__status=ResponseStatus.ACCEPTED),
                    distinct=True,
                ),
            )
            .order_by("deadline", "pk")
        )

    def filter_queryset(self, queryset):
        # The detail of a closed opportunity is found whatever the list's default filter.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
    router.register("diaspora-opportunities", OpportunityViewSet, basename="diaspora-opportunity")
