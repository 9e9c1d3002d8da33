"""The members area in the API, read-only. Diaspora organisations (public bodies) with their
countries, sectors and contacts; members whose name is public, each other field only when its
owner made it public: the API shows no members-level field, even to signed-in readers (a token
is not a member of the hub)."""

import django_filters
from django.contrib.auth.models import AnonymousUser
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.reverse import reverse

from ..choices import Sector, Visibility
from ..models import MemberProfile, OrganisationProfile
from ..selectors.members import profile_view, with_member_related, with_organisation_related

ISO3 = "ISO 3166-1 alpha-3."


class OrganisationProfileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    slug = serializers.CharField(source="organisation.slug")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    name = serializers.CharField(source="organisation.name")
    type = serializers.CharField(source="organisation.type")
    website = serializers.CharField(source="organisation.website")
    origin_countries = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="iso3", help_text=ISO3
    )
    residence_countries = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="iso3", help_text=ISO3
    )
    sectors = serializers.SlugRelatedField(many=True, read_only=True, slug_field="sector")

    class Meta:
        model = OrganisationProfile
        fields = [
            "url", "slug", "page", "name", "type", "website", "origin_countries",
            "residence_countries", "cities", "sectors", "languages", "size", "founded",
            "contact_name", "contact_email", "phone", "social_links",
        ]  # fmt: skip

    def get_url(self, profile) -> str:
        return reverse(
            "api:diaspora-organisation-detail",
            kwargs={"slug": profile.organisation.slug},
            request=self.context.get("request"),
        )


class OrganisationProfileFilter(django_filters.FilterSet):
    origin = django_filters.CharFilter(field_name="origin_countries__iso3", lookup_expr="iexact")
    residence = django_filters.CharFilter(
        field_name="residence_countries__iso3", lookup_expr="iexact"
    )
    sector = django_filters.ChoiceFilter(field_name="sectors__sector", choices=Sector.choices)
    language = django_filters.CharFilter(method="speaking")

    class Meta:
        model = OrganisationProfile
        fields = ["origin", "residence", "sector", "language"]

    def speaking(self, queryset, name, value):
        return queryset.filter(languages__icontains=f'"{value.lower()}"')


class OrganisationProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """Diaspora and migrant organisations' profiles. Filter by origin, residence (ISO alpha-3),
    sector, language (ISO 639-1). Looked up by the organisation's slug."""

    serializer_class = OrganisationProfileSerializer
    filterset_class = OrganisationProfileFilter
    lookup_field = "organisation__slug"
    lookup_url_kwarg = "slug"

    def get_queryset(self):
        return with_organisation_related(
            OrganisationProfile.objects.visible_to(self.request.user)
        ).distinct()


class MemberProfileSerializer(serializers.Serializer):
    """A member as anyone may see them: fields their owner did not make public are absent."""

    id = serializers.IntegerField(source="pk")
    page = serializers.CharField(source="url")
    display_name = serializers.CharField()
    headline = serializers.CharField(required=False)
    bio = serializers.CharField(required=False)
    expertise = serializers.CharField(required=False)
    languages = serializers.ListField(child=serializers.CharField(), required=False)
    origin_country = serializers.CharField(
        source="origin_country.iso3", required=False, help_text=ISO3
    )
    residence_country = serializers.CharField(
        source="residence_country.iso3", required=False, help_text=ISO3
    )
    city = serializers.CharField(required=False)
    links = serializers.ListField(child=serializers.URLField(), required=False)
    organisations = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_organisations(self, view) -> list[str]:
        return [profile.organisation.slug for profile in view.get("organisations", [])]

    def to_representation(self, profile):
        # Whoever reads, the API shows what an anonymous visitor sees.
        view = profile_view(AnonymousUser(), profile)
        shown = super().to_representation(view)
        return {name: value for name, value in shown.items() if _present(name, view)}


def _present(name: str, view: dict) -> bool:
    return name in {"id", "page"} or name in view


class MemberProfileViewSet(viewsets.ReadOnlyModelViewSet):
    """Members of the diaspora hub whose name is public; each other field only if its owner made
    it public (absent otherwise)."""

    serializer_class = MemberProfileSerializer

    def get_queryset(self):
        return with_member_related(
            MemberProfile.objects.filter(name_visibility=Visibility.PUBLIC)
        ).order_by("display_name", "pk")


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
    router.register(
        "diaspora-organisations", OrganisationProfileViewSet, basename="diaspora-organisation"
    )
    router.register("diaspora-members", MemberProfileViewSet, basename="diaspora-member")
