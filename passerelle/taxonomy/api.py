from rest_framework import serializers, viewsets

from .models import CapacityArea, GCMObjective, GuidingPrinciple, MGIDomain


class GCMObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = GCMObjective
        fields = ["number", "title", "title_en", "title_fr", "title_es", "short_title"]


class GuidingPrincipleSerializer(serializers.ModelSerializer):
    class Meta:
        model = GuidingPrinciple
        fields = ["number", "title", "title_en", "title_fr", "title_es"]


class MGIDomainSerializer(serializers.ModelSerializer):
    class Meta:
        model = MGIDomain
        fields = ["code", "name", "name_en", "name_fr", "name_es", "description"]


class CapacityAreaSerializer(serializers.ModelSerializer):
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    guiding_principles = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )
    mgi_domains = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = CapacityArea
        fields = [
            "code",
            "name",
            "name_en",
            "name_fr",
            "name_es",
            "description",
            "is_active",
            "gcm_objectives",
            "guiding_principles",
            "mgi_domains",
        ]


class GCMObjectiveViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GCMObjectiveSerializer
    lookup_field = "number"

    def get_queryset(self):
        return GCMObjective.objects.visible_to(self.request.user)


class GuidingPrincipleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GuidingPrincipleSerializer
    lookup_field = "number"

    def get_queryset(self):
        return GuidingPrinciple.objects.visible_to(self.request.user)


class MGIDomainViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MGIDomainSerializer
    lookup_field = "code"

    def get_queryset(self):
        return MGIDomain.objects.visible_to(self.request.user)


class CapacityAreaViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CapacityAreaSerializer
    lookup_field = "code"
    filterset_fields = ["is_active"]

    def get_queryset(self):
        return CapacityArea.objects.visible_to(self.request.user).prefetch_related(
            "gcm_objectives", "guiding_principles", "mgi_domains"
        )
