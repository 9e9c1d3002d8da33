"""Requests for support in the API: what each reader may see, filtered like the list page.
Writing goes through the pages for now (review and workflow need the secretariat's console)."""

from rest_framework import serializers, viewsets

from . import selectors
from .filters import RequestFilter
from .models import Requirement, SupportRequest


class RequirementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Requirement
        fields = ["kind", "description", "quantity", "currency", "estimated_value"]


class SupportRequestSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:supportrequest-detail")
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    joint_with = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    support_types = serializers.SlugRelatedField(
        slug_field="support_type", many=True, read_only=True
    )
    requirements = RequirementSerializer(many=True, read_only=True)

    class Meta:
        model = SupportRequest
        fields = [
            "url",
            "id",
            "title",
            "description",
            "language",
            "organisation",
            "joint_with",
            "status",
            "scope",
            "country",
            "region",
            "capacity_areas",
            "gcm_objectives",
            "support_types",
            "modality",
            "working_languages",
            "starts_on",
            "ends_on",
            "requirements",
            "submitted_at",
            "published_at",
        ]


class SupportRequestViewSet(viewsets.ReadOnlyModelViewSet):
    """Requests for support: published ones for everyone, drafts for their organisations, those
    submitted for review for the secretariat. Filter by capacity_area, objective, support_type,
    country (ISO alpha-3), region (M49), status, language, q."""

    serializer_class = SupportRequestSerializer
    filterset_class = RequestFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SupportRequest.objects.none()
        return selectors.request_list(user=self.request.user).prefetch_related(
            "gcm_objectives", "requirements"
        )
