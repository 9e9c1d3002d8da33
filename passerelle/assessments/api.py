"""The assessments module in the API, read-only: frameworks (the list, and each visible version
with its whole tree), assessment cycles with their scores and agreed answers, and the caller's
organisations' benchmarks. Who sees what is the module's policies' (permissions.py)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.settings import api_settings

from passerelle.accounts.models import Organisation
from passerelle.core.permissions import require, user_can

from . import selectors
from .choices import AssessmentStatus, BenchmarkStatus, Scale
from .models import (
    AgreedAnswer,
    Assessment,
    Benchmark,
    Domain,
    Framework,
    FrameworkVersion,
    Indicator,
    Level,
    LevelDescriptor,
    SubArea,
)
from .permissions import assigned_domain_ids, may_read_section


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


# --- Assessment cycles ----------------------------------------------------------------------


class AssessmentFilter(django_filters.FilterSet):
    organisation = django_filters.CharFilter(
        field_name="organisation__slug", label=_("Organisation (its short name)")
    )
    framework = django_filters.CharFilter(
        field_name="version__framework__code", label=_("Framework (its code)")
    )
    country = django_filters.CharFilter(
        field_name="organisation__country__iso3",
        lookup_expr="iexact",
        label=_("Country (ISO 3166-1 alpha-3)"),
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AssessmentStatus.choices)

    class Meta:
        model = Assessment
        fields = ["organisation", "framework", "country", "status"]


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)


class AssessmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:assessment-detail")
    organisation = OrganisationRefSerializer(read_only=True)
    country = serializers.SlugRelatedField(
        source="organisation.country", slug_field="iso3", read_only=True, allow_null=True
    )
    framework = serializers.CharField(source="version.framework.code", read_only=True)
    version = serializers.CharField(source="version.version", read_only=True)
    baseline = serializers.SerializerMethodField(
        help_text=_("The previous cycle this one started from, when the caller may see it.")
    )

    class Meta:
        model = Assessment
        fields = [
            "id",
            "url",
            "organisation",
            "country",
            "framework",
            "version",
            "title",
            "scope",
            "language",
            "status",
            "disclosure",
            "published_at",
            "validated_at",
            "baseline",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_baseline(self, assessment) -> str | None:
        # `baseline_visible` is annotated by AssessmentViewSet: a cycle the caller may not see
        # is not even linked to.
        if assessment.baseline_id is None or not getattr(assessment, "baseline_visible", False):
            return None
        return reverse(
            "api:assessment-detail",
            kwargs={"pk": assessment.baseline_id},
            request=self.context.get("request"),
        )


class AreaScoreSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    value = serializers.FloatField(
        allow_null=True, help_text=_("Null when no indicator of the area is answered.")
    )
    answered = serializers.IntegerField()
    total = serializers.IntegerField()


class DomainScoreSerializer(AreaScoreSerializer):
    sub_areas = AreaScoreSerializer(many=True)


class CoverageSerializer(serializers.Serializer):
    answered = serializers.IntegerField(help_text=_("Indicators with an agreed level."))
    total = serializers.IntegerField(help_text=_("Indicators that apply."))


class ProfileSerializer(serializers.Serializer):
    """An assessment's scores (scoring.Profile): per domain and sub-area, 100-400 on the
    four-level scale (mean level x 100), 0-100 on the three-level scale (share complete)."""

    scale = serializers.ChoiceField(choices=Scale.choices)
    coverage = CoverageSerializer(source="*")
    domains = DomainScoreSerializer(many=True)


class AgreedAnswerSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    domain = serializers.CharField(source="indicator.sub_area.domain.code")
    sub_area = serializers.CharField(source="indicator.sub_area.code")
    gap = serializers.IntegerField(allow_null=True)
    links = serializers.ListField(child=serializers.URLField(), source="link_list")
    set_at = serializers.DateTimeField(source="updated")

    class Meta:
        model = AgreedAnswer
        fields = [
            "indicator",
            "domain",
            "sub_area",
            "level",
            "desired_level",
            "gap",
            "priority",
            "evidence",
            "links",
            "from_baseline",
            "set_at",
        ]
        read_only_fields = fields


class AssessmentViewSet(viewsets.ReadOnlyModelViewSet):
    """Assessment cycles the caller may see: published ones, and, before publication, those of
    the caller's organisations and those the caller was invited to contribute to. Nobody else —
    the secretariat included — sees an unpublished one. Filter with `?organisation=<slug>`,
    `?framework=<code>`, `?country=<ISO alpha-3>`, `?status=`."""

    serializer_class = AssessmentSerializer
    filterset_class = AssessmentFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user, maybe no DB
            return Assessment.objects.none()
        user = self.request.user
        baseline = Assessment.objects.visible_to(user).filter(pk=OuterRef("baseline_id"))
        return selectors.assessment_list(user=user).annotate(baseline_visible=Exists(baseline))

    @extend_schema(responses=ProfileSerializer)
    @action(detail=True, pagination_class=None, filter_backends=[])
    def scores(self, request, pk=None):
        """The assessment's scores, computed from its agreed answers: for the organisation's
        members, and for everyone once published (404 when the assessment is not visible, 403
        when it is but its scores are not: an invited contributor's before publication)."""
        assessment = self.get_object()
        require(request.user, "view_scores", assessment)
        return Response(ProfileSerializer(selectors.profile(assessment)).data)

    @extend_schema(responses=AgreedAnswerSerializer(many=True))
    @action(detail=True, pagination_class=None, filter_backends=[])
    def answers(self, request, pk=None):
        """The agreed answers, in framework order. The organisation's members read all of them,
        and so does everyone once the assessment is published with its answers disclosed. An
        invited contributor who is not a member reads the agreed answers of the sections
        assigned to them only (permissions.may_read_section), never those of other sections.
        Anyone else gets a 403 (a 404 when the assessment is not visible). Contributors'
        individual views are never part of the API."""
        assessment = self.get_object()
        user = request.user
        if not (
            user_can(user, "view_answers", assessment) or assigned_domain_ids(user, assessment)
        ):
            raise PermissionDenied
        answers = assessment.agreed_answers.select_related("indicator__sub_area__domain").order_by(
            "indicator__position"
        )
        readable = [
            answer
            for answer in answers
            if may_read_section(user, assessment, answer.indicator.sub_area.domain_id)
        ]
        return Response(AgreedAnswerSerializer(readable, many=True).data)


# --- Benchmarks ---------------------------------------------------------------------------


class BenchmarkFilter(django_filters.FilterSet):
    organisation = django_filters.CharFilter(
        field_name="organisation__slug", label=_("Organisation (its short name)")
    )

    class Meta:
        model = Benchmark
        fields = ["organisation"]


class BenchmarkRowSerializer(serializers.Serializer):
    """One row of a benchmark board (selectors.benchmark_board)."""

    id = serializers.IntegerField(source="benchmark.pk")
    organisation = serializers.SlugField(source="organisation.slug")
    indicator = serializers.CharField(source="benchmark.indicator.code")
    framework = serializers.CharField(source="benchmark.indicator.version.framework.code")
    version = serializers.CharField(source="benchmark.indicator.version.version")
    target_level = serializers.IntegerField(source="benchmark.target_level")
    target_date = serializers.DateField(source="benchmark.target_date")
    start_level = serializers.IntegerField(
        source="benchmark.start_level",
        allow_null=True,
        help_text=_("The level when the target was set."),
    )
    current_level = serializers.IntegerField(
        source="current",
        allow_null=True,
        help_text=_("The agreed level in the latest validated or published assessment."),
    )
    status = serializers.ChoiceField(choices=BenchmarkStatus.choices)


class BenchmarkViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The targets of the caller's organisations, each with its status judged from the latest
    validated or published assessment. Targets are an organisation's own planning: only its
    members read them (anonymous callers get a 401). Filter with `?organisation=<slug>`."""

    serializer_class = BenchmarkRowSerializer
    filterset_class = BenchmarkFilter
    permission_classes = [IsAuthenticated, *api_settings.DEFAULT_PERMISSION_CLASSES]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user, maybe no DB
            return Benchmark.objects.none()
        return Benchmark.objects.visible_to(self.request.user)

    def list(self, request):
        benchmarks = self.filter_queryset(self.get_queryset())
        organisations = Organisation.objects.filter(
            pk__in=benchmarks.values("organisation")
        ).order_by("name", "pk")
        rows = [
            {**row, "organisation": organisation}
            for organisation in organisations
            for row in selectors.benchmark_board(user=request.user, organisation=organisation)
        ]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
