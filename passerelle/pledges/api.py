"""Pledges in the API: what each reader may see, filtered like the list page, with their progress
reports and status light. Writing goes through the pages for now."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from . import selectors
from .choices import ReportingLight
from .filters import PledgeFilter
from .models import Pledge, ProgressUpdate


class ProgressUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressUpdate
        fields = ["as_of", "completion", "value_reached", "note"]


class PledgeSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:pledge-detail")
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    partners = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    matches = serializers.PrimaryKeyRelatedField(read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    light = serializers.SerializerMethodField()
    progress_updates = ProgressUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Pledge
        fields = [
            "url",
            "id",
            "title",
            "description",
            "language",
            "organisation",
            "partners",
            "form",
            "type",
            "matches",
            "status",
            "country",
            "region",
            "capacity_areas",
            "gcm_objectives",
            "metric",
            "baseline",
            "target",
            "unit",
            "deadline",
            "amount",
            "currency",
            "pledged_on",
            "reporting_interval",
            "completion",
            "light",
            "last_report_on",
            "next_report_due",
            "published_at",
            "progress_updates",
        ]

    @extend_schema_field(serializers.ChoiceField(choices=ReportingLight.choices, allow_null=True))
    def get_light(self, pledge) -> str | None:
        """Green, amber or red while the pledge is reported on; null otherwise."""
        return pledge.light


class PledgeViewSet(viewsets.ReadOnlyModelViewSet):
    """Pledges: published ones (open, closed or withdrawn) for everyone, drafts for the members
    of the pledging organisation and of its partners. Filter by capacity_area, objective, country
    (ISO alpha-3), region (M49), form, type, status, completion, light, language, q."""

    serializer_class = PledgeSerializer
    filterset_class = PledgeFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Pledge.objects.none()
        return selectors.pledge_list(user=self.request.user).prefetch_related(
            "partners", "capacity_areas", "gcm_objectives", "progress_updates"
        )
