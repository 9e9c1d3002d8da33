"""The knowledge base in the API: items (published ones for everyone; an organisation's drafts
for its members; what curators and reviewers may read), filtered like the list page; the facet
counts of the published items; calls for practices. Writing goes through the pages. Reviews are
not in the API: they are read on the pages, where reviewers stay anonymous to the authors."""

from django.db.models import Count
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import selectors
from .choices import ItemStatus
from .filters import ItemFilter
from .models import SECTIONS, Item, PracticeCall

SECTION_NAMES = list(dict.fromkeys(name for names in SECTIONS.values() for name in names))


class ItemSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:knowledgeitem-detail")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    call = serializers.PrimaryKeyRelatedField(read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    guiding_principles = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )
    countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    regions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    rating = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Item
        fields = [
            "url", "id", "page", "kind", "status", "title", "summary", "language",
            "organisation", "call", "scope", "capacity_areas", "gcm_objectives",
            "guiding_principles", "countries", "regions", "actor_types", "audiences",
            "resource_type", "issued_on", "link", "published_at", "version", "rating",
            "downloads", *SECTION_NAMES,
        ]  # fmt: skip


FACETS = {
    "kind": "kind",
    "capacity_area": "capacity_areas__code",
    "objective": "gcm_objectives__number",
    "region": "regions__code",
    "country": "countries__iso3",
    "language": "language",
    "resource_type": "resource_type",
}


class ItemViewSet(viewsets.ReadOnlyModelViewSet):
    """Practices, lessons learned and resources. Filter by q, kind, capacity_area (code),
    objective (number), region (M49), country (ISO alpha-3), language, resource_type, audience,
    scope, year."""

    serializer_class = ItemSerializer
    filterset_class = ItemFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Item.objects.none()
        return selectors.item_list(user=self.request.user).prefetch_related(
            "gcm_objectives", "guiding_principles"
        )

    @extend_schema(
        responses=inline_serializer(
            "KnowledgeFacets",
            {name: serializers.DictField(child=serializers.IntegerField()) for name in FACETS},
        )
    )
    @action(detail=False)
    def facets(self, request):
        """How many published items (after the filters) have each value of each facet."""
        published = self.filter_queryset(
            Item.objects.visible_to(request.user).filter(status=ItemStatus.PUBLISHED)
        )
        counts = {}
        for name, path in FACETS.items():
            rows = (
                published.exclude(**{f"{path}__isnull": True})
                .values_list(path)
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            counts[name] = {str(value): n for value, n in rows if value != ""}
        return Response(counts)


class PracticeCallSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:practicecall-detail")
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    criteria = serializers.SerializerMethodField()

    class Meta:
        model = PracticeCall
        fields = [
            "url", "id", "title", "theme", "description", "eligibility", "criteria",
            "capacity_areas", "gcm_objectives", "language", "opens_at", "deadline", "contact",
            "status",
        ]  # fmt: skip

    def get_criteria(self, call) -> list[str]:
        """What the peer reviewers check, the default criteria first (in the reader's
        language)."""
        return [str(text) for _code, text in call.criteria()]


class PracticeCallViewSet(viewsets.ReadOnlyModelViewSet):
    """Calls for practices: open and closed ones (curators also read drafts)."""

    serializer_class = PracticeCallSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PracticeCall.objects.none()
        return selectors.call_list(user=self.request.user)
