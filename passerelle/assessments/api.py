"""Frameworks in the API: the list, and each visible version with its whole tree."""

from rest_framework import serializers, viewsets

from . import selectors
from .models import (
    Domain,
    Framework,
    FrameworkVersion,
    Indicator,
    Level,
    LevelDescriptor,
    SubArea,
)


class LevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Level
        fields = ["value", "label"]


class DescriptorSerializer(serializers.ModelSerializer):
    class Meta:
        model = LevelDescriptor
        fields = ["value", "text"]


class IndicatorSerializer(serializers.ModelSerializer):
    levels = DescriptorSerializer(source="descriptors", many=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    maps_to = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "question",
            "guidance",
            "applies_to",
            "capacity_areas",
            "gcm_objectives",
            "maps_to",
            "levels",
        ]


class SubAreaSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True)

    class Meta:
        model = SubArea
        fields = ["code", "name", "indicators"]


class DomainSerializer(serializers.ModelSerializer):
    mgi_domain = serializers.SlugRelatedField(slug_field="code", read_only=True)
    sub_areas = SubAreaSerializer(many=True)

    class Meta:
        model = Domain
        fields = ["code", "name", "mgi_domain", "sub_areas"]


class VersionSummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:frameworkversion-detail")

    class Meta:
        model = FrameworkVersion
        fields = ["url", "version", "status", "scale", "published_at"]


class FrameworkSerializer(serializers.ModelSerializer):
    versions = VersionSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Framework
        fields = ["code", "scope", "name", "description", "versions"]


class VersionSerializer(VersionSummarySerializer):
    framework = serializers.SlugRelatedField(slug_field="code", read_only=True)
    previous = serializers.HyperlinkedRelatedField(
        view_name="api:frameworkversion-detail", read_only=True
    )
    levels = LevelSerializer(many=True, read_only=True)
    domains = serializers.SerializerMethodField()

    class Meta(VersionSummarySerializer.Meta):
        fields = [
            *VersionSummarySerializer.Meta.fields,
            "framework",
            "previous",
            "levels",
            "domains",
        ]

    def get_domains(self, version) -> list[dict]:
        return DomainSerializer(selectors.version_tree(version), many=True).data


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FrameworkSerializer
    lookup_field = "code"

    def get_queryset(self):
        return selectors.framework_list(user=self.request.user)


class FrameworkVersionViewSet(viewsets.ReadOnlyModelViewSet):
    """Framework versions with their whole tree (domains → sub-areas → indicators → levels).
    Filter with `?framework=<code>`."""

    serializer_class = VersionSerializer

    def get_queryset(self):
        versions = FrameworkVersion.objects.visible_to(self.request.user).select_related(
            "framework"
        )
        framework = self.request.query_params.get("framework")
        if framework:
            versions = versions.filter(framework__code=framework)
        return versions.prefetch_related("levels").order_by("framework__code", "-created")
