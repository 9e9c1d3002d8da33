from rest_framework import serializers, viewsets

from . import selectors
from .filters import OrganisationFilter
from .models import Organisation


class OrganisationSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:organisation-detail", lookup_field="slug"
    )
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    iati_type = serializers.CharField(read_only=True)
    can_publish_for_state = serializers.BooleanField(read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "url",
            "slug",
            "name",
            "acronym",
            "type",
            "iati_type",
            "country",
            "parent",
            "website",
            "description",
            "language",
            "verification_status",
            "can_publish_for_state",
            "is_demo",
            "created",
            "updated",
        ]


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = OrganisationSerializer
    lookup_field = "slug"
    filterset_class = OrganisationFilter

    def get_queryset(self):
        return selectors.organisation_list(user=self.request.user)
