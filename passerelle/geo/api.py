from rest_framework import serializers, viewsets

from .models import Country, Region, RegionalBody


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Region
        fields = ["code", "level", "name", "name_en", "name_fr", "name_es", "parent"]


class CountrySerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:country-detail", lookup_field="iso3")

    class Meta:
        model = Country
        fields = [
            "url",
            "iso2",
            "iso3",
            "numeric",
            "name",
            "name_en",
            "name_fr",
            "name_es",
            "region",
        ]


class RegionalBodySerializer(serializers.ModelSerializer):
    members = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)

    class Meta:
        model = RegionalBody
        fields = [
            "code",
            "kind",
            "acronym",
            "name",
            "name_en",
            "name_fr",
            "name_es",
            "website",
            "members",
        ]


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RegionSerializer
    lookup_field = "code"
    filterset_fields = ["level"]

    def get_queryset(self):
        return Region.objects.visible_to(self.request.user).select_related("parent")


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CountrySerializer
    lookup_field = "iso3"
    filterset_fields = {"region__code": ["exact"], "iso2": ["exact"]}

    def get_queryset(self):
        return Country.objects.visible_to(self.request.user).select_related("region")


class RegionalBodyViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RegionalBodySerializer
    lookup_field = "code"
    filterset_fields = ["kind"]

    def get_queryset(self):
        return RegionalBody.objects.visible_to(self.request.user).prefetch_related("members")
