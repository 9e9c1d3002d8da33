"""Search in the API: /api/v1/search/?q=...&kind=...&area=... — the same search as the page
(through the door, merged per object), paginated like the other lists, with the facets."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from passerelle.core.search import FACETS

from . import selectors
from .forms import FACET_TITLES


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, default="")
    mode = serializers.ChoiceField(choices=selectors.MODES, default="hybrid")
    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=selectors.MAX_PER_PAGE, default=20)


class SearchResultSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    snippet = serializers.CharField(source="snippet_text", help_text=_("Plain text."))
    language = serializers.CharField()
    machine_translated = serializers.BooleanField()
    score = serializers.FloatField()

    def get_url(self, result) -> str:
        return self.context["request"].build_absolute_uri(result.url)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    corrected_query = serializers.CharField(allow_null=True)
    truncated = serializers.BooleanField()
    results = SearchResultSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))


class SearchViewSet(viewsets.ViewSet):
    """Search requests, offers, projects, pledges, organisations and what other modules
    register: in EN, FR and ES whatever the query's language, results merged per object, what
    the reader may see only. Filter by facet, repeating a parameter for several values (OR):
    kind, area (capacity area code), objective (GCM number), region (M49), country (ISO
    alpha-3), actor (organisation type), language, year. An empty q with filters lists the
    newest first."""

    @extend_schema(
        parameters=[
            SearchQuerySerializer,
            *(
                OpenApiParameter(name, str, many=True, description=str(FACET_TITLES[name]))
                for name in FACETS
            ),
        ],
        responses=SearchPageSerializer,
    )
    def list(self, request):
        arguments = SearchQuerySerializer(data=request.query_params)
        arguments.is_valid(raise_exception=True)
        found = selectors.search(
            request.user,
            arguments.validated_data["q"],
            filters={name: request.query_params.getlist(name) for name in FACETS},
            mode=arguments.validated_data["mode"],
            page=arguments.validated_data["page"],
            per_page=arguments.validated_data["page_size"],
        )
        body = {
            "count": found.total,
            **_page_links(request, found.page_obj),
            "corrected_query": found.corrected_query,
            "truncated": found.truncated,
            "results": SearchResultSerializer(
                found.results, many=True, context={"request": request}
            ).data,
            "facets": {
                name: [{"value": v, "label": label, "count": n} for v, label, n in values]
                for name, values in found.facets.items()
            },
        }
        return Response(body)


def _page_links(request, page) -> dict[str, str | None]:
    links = {"next": None, "previous": None}
    if page is not None and page.has_next():
        links["next"] = _page_url(request, page.next_page_number())
    if page is not None and page.has_previous():
        links["previous"] = _page_url(request, page.previous_page_number())
    return links


def _page_url(request, number: int) -> str:
    query = request.query_params.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
