"""Projects in the API: the projects each reader may see, filtered like the portfolio, with
their progress; a project's results framework; its reporting periods and the values reported on
them. Reporting goes through the API too: the implementer saves an actual and submits a period's
values, the accountable organisation approves or returns each value. Values before approval are
the project's members' only (selectors.values_for)."""

from datetime import date

import django_filters
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from passerelle.core.permissions import get_visible_or_404
from passerelle.hub.models import Match, Offer, SupportRequest

from . import selectors, services
from .choices import (
    Measure,
    ParticipantRole,
    Progress,
    ProjectStatus,
    ResultType,
    Scope,
    ValueStatus,
)
from .filters import ProjectFilter
from .models import (
    Indicator,
    Participant,
    PeriodValue,
    Project,
    ProjectCountry,
    ProjectRegion,
    ReportingPeriod,
)
from .periods import locks_on


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.IntegerField(help_text=_("The IATI code."))
    label = serializers.CharField(help_text=_("Its name, in the reader's language."))


@extend_schema_field(CodeLabelSerializer)
class CodeLabelField(serializers.Field):
    """An IATI coded value as {"code": 2, "label": "Implementation"}."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return {"code": int(value), "label": str(self.choices(value).label)}


class ProjectOrganisationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    iati_type = serializers.CharField(help_text=_("IATI OrganisationType code."))


class ParticipantSerializer(serializers.ModelSerializer):
    organisation = ProjectOrganisationSerializer(read_only=True)
    role = CodeLabelField(ParticipantRole)

    class Meta:
        model = Participant
        fields = ["organisation", "role"]


class CountryShareSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)

    class Meta:
        model = ProjectCountry
        fields = ["country", "percentage"]


class RegionShareSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ProjectRegion
        fields = ["region", "percentage"]


class PolicyMarkersSerializer(serializers.Serializer):
    """IATI policy markers: 0 not targeted, 1 significant, 2 principal; null: not screened."""

    gender = serializers.IntegerField(source="gender_marker", allow_null=True)
    human_rights = serializers.IntegerField(source="human_rights_marker", allow_null=True)
    child = serializers.IntegerField(source="child_marker", allow_null=True)


class MatchRefSerializer(serializers.Serializer):
    match = serializers.IntegerField(
        allow_null=True,
        help_text=_("The match, if the caller may see it (its parties, the secretariat)."),
    )
    request = serializers.IntegerField(
        allow_null=True, help_text=_("The request for support, if the caller may see it.")
    )
    offer = serializers.IntegerField(
        allow_null=True, help_text=_("The offer of support, if the caller may see it.")
    )


def matches_prefetch(user) -> Prefetch:
    """The project's matches, each with what of it `user` may see: one query for a page."""

    def visible(model, field):
        return Exists(model.objects.visible_to(user).filter(pk=OuterRef(field)))

    return Prefetch(
        "matches",
        Match.objects.only("pk", "request_id", "offer_id").annotate(
            match_shown=visible(Match, "pk"),
            request_shown=visible(SupportRequest, "request_id"),
            offer_shown=visible(Offer, "offer_id"),
        ),
    )


class ProjectSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:project-detail")
    html_url = serializers.SerializerMethodField()
    iati_xml = serializers.SerializerMethodField()
    status = CodeLabelField(ProjectStatus)
    scope = CodeLabelField(Scope)
    recorded_by = ProjectOrganisationSerializer(source="organisation", read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    countries = CountryShareSerializer(many=True, read_only=True)
    regions = RegionShareSerializer(many=True, read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    guiding_principles = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )
    markers = PolicyMarkersSerializer(source="*", read_only=True)
    matches = serializers.SerializerMethodField()
    progress = serializers.FloatField(
        source="progress_percent", allow_null=True, read_only=True,
        help_text=_("Weighted progress towards the final targets, in percent, from approved "
                    "values only; null before any."),
    )  # fmt: skip

    class Meta:
        model = Project
        fields = [
            "url",
            "html_url",
            "iati_xml",
            "id",
            "title",
            "description",
            "objectives",
            "language",
            "status",
            "scope",
            "visibility",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "reporting_frequency",
            "recorded_by",
            "participants",
            "countries",
            "regions",
            "capacity_areas",
            "gcm_objectives",
            "guiding_principles",
            "dac_sector",
            "markers",
            "matches",
            "progress",
        ]

    def get_html_url(self, project) -> str:
        return self.context["request"].build_absolute_uri(project.get_absolute_url())

    def get_iati_xml(self, project) -> str:
        path = reverse("projects:project_iati", kwargs={"pk": project.pk})
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(MatchRefSerializer(many=True))
    def get_matches(self, project) -> list[dict]:
        """The hub's matches the project came from: of each, what the caller may see."""
        rows = []
        for match in project.matches.all():
            row = {
                "match": match.pk if match.match_shown else None,
                "request": match.request_id if match.request_shown else None,
                "offer": match.offer_id if match.offer_shown else None,
            }
            if any(row.values()):
                rows.append(row)
        return rows


class ProjectIndicatorSerializer(serializers.Serializer):
    """An indicator of the framework (selectors.IndicatorProgress) with its standing."""

    id = serializers.IntegerField(source="indicator.pk")
    title = serializers.CharField(source="indicator.title")
    description = serializers.CharField(source="indicator.description")
    measure = CodeLabelField(Measure, source="indicator.measure")
    unit = serializers.CharField(source="indicator.unit")
    ascending = serializers.BooleanField(source="indicator.ascending")
    baseline_date = serializers.DateField(source="indicator.baseline_date", allow_null=True)
    baseline_value = serializers.DecimalField(
        source="indicator.baseline_value", max_digits=16, decimal_places=2, allow_null=True
    )
    baseline_comment = serializers.CharField(source="indicator.baseline_comment")
    dimensions = serializers.JSONField(
        source="indicator.dimensions",
        help_text=_('[{"dimension": "sex", "categories": ["Female", "Male"]}, ...]'),
    )
    weight = serializers.IntegerField(source="indicator.weight")
    reporter = serializers.IntegerField(
        source="indicator.reporter_id", allow_null=True,
        help_text=_("The implementing organisation that reports it; null: any of them."),
    )  # fmt: skip
    capacity_area = serializers.CharField(source="indicator.capacity_area.code", allow_null=True)
    gcm_objective = serializers.IntegerField(
        source="indicator.gcm_objective.number", allow_null=True
    )
    assessment_indicator = serializers.IntegerField(
        source="indicator.assessment_indicator_id", allow_null=True
    )
    standing = serializers.ChoiceField(choices=Progress.choices)
    percent = serializers.FloatField(
        allow_null=True, help_text=_("Of the final target, from approved values only.")
    )


class ProjectResultSerializer(serializers.Serializer):
    """A node of the results framework (selectors.ResultNode)."""

    id = serializers.IntegerField(source="result.pk")
    parent = serializers.IntegerField(source="result.parent_id", allow_null=True)
    type = CodeLabelField(ResultType, source="result.type")
    title = serializers.CharField(source="result.title")
    description = serializers.CharField(source="result.description")
    weight = serializers.IntegerField(source="result.weight")
    progress = serializers.FloatField(source="percent", allow_null=True)
    indicators = ProjectIndicatorSerializer(many=True)


def flattened(nodes) -> list:
    """The tree in reading order: each result followed by the results that serve it."""
    rows = []
    for node in nodes:
        rows.append(node)
        rows.extend(flattened(node.children))
    return rows


class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """Projects: public ones for everyone; shared ones for the members of their recording and
    participating organisations and for the secretariat; private ones for those members only.
    Filter by q, status (IATI code), country (ISO alpha-3), region (M49, its sub-regions
    included), capacity_area (code), objective (GCM objective number), organisation (slug of a
    participating organisation; with role, in that IATI role), scope."""

    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Project.objects.none()
        user = self.request.user
        if self.action == "results":
            return Project.objects.visible_to(user)
        return selectors.project_list(user=user).prefetch_related(
            "capacity_areas", "gcm_objectives", "guiding_principles", matches_prefetch(user)
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return with_progress(page) if page is not None else None

    def retrieve(self, request, *args, **kwargs):
        [project] = with_progress([self.get_object()])
        return Response(self.get_serializer(project).data)

    @extend_schema(responses=ProjectResultSerializer(many=True))
    @action(detail=True, pagination_class=None, filter_backends=[])
    def results(self, request, pk=None):
        """The results framework, impacts first, each result followed by those that serve it,
        with its indicators and their standing against the targets (approved values only)."""
        roots, _periods = selectors.framework(self.get_object())
        return Response(ProjectResultSerializer(flattened(roots), many=True).data)


def with_progress(projects: list) -> list:
    percents = selectors.projects_progress(projects)
    for project in projects:
        percent = percents[project.pk]
        project.progress_percent = round(percent, 2) if percent is not None else None
    return projects


class PeriodRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingPeriod
        fields = ["id", "start", "end"]


class ProjectValueSerializer(serializers.ModelSerializer):
    """A value as the caller may read it: before approval, its actual and everything about it
    are the project's members' only; others get the target and nulls."""

    url = serializers.HyperlinkedIdentityField(view_name="api:projectvalue-detail")
    project = serializers.IntegerField(source="period.project_id", read_only=True)
    period = PeriodRefSerializer(read_only=True)
    status = serializers.ChoiceField(choices=ValueStatus.choices, allow_null=True, read_only=True)

    class Meta:
        model = PeriodValue
        fields = [
            "url",
            "id",
            "project",
            "indicator",
            "period",
            "target",
            "actual",
            "narrative",
            "disaggregation",
            "evidence_url",
            "status",
            "submitted_at",
            "reviewed_at",
            "review_comment",
            "lock_version",
        ]
        read_only_fields = fields
        extra_kwargs = {
            name: {"allow_null": True}
            for name in ("narrative", "disaggregation", "evidence_url", "review_comment",
                         "lock_version")
        }  # fmt: skip

    PUBLIC = {"url", "id", "project", "indicator", "period", "target"}

    def to_representation(self, value):
        data = super().to_representation(value)
        if not value.actual_shown:
            data.update({name: None for name in data if name not in self.PUBLIC})
        return data


class ProjectValueEntrySerializer(serializers.Serializer):
    indicator = serializers.IntegerField()
    period = serializers.IntegerField()
    actual = serializers.DecimalField(
        max_digits=16, decimal_places=2, required=False, allow_null=True, default=None,
        help_text=_("The figure; leave it out for a qualitative indicator."),
    )  # fmt: skip
    narrative = serializers.CharField(required=False, allow_blank=True, default="")
    disaggregation = serializers.DictField(
        child=serializers.DictField(
            child=serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
        ),
        required=False,
        default=dict,
        help_text=_('{"sex": {"Female": 12, "Male": 10}}: the categories of the indicator.'),
    )
    evidence_url = serializers.CharField(required=False, allow_blank=True, default="")
    lock_version = serializers.IntegerField(
        min_value=0,
        help_text=_("The value's lock_version as last read (0 for a value not entered yet)."),
    )


class ValueReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("What should be fixed.")
    )


class ValueConflictErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    current = ProjectValueSerializer(allow_null=True)


class ValueFilter(django_filters.FilterSet):
    project = django_filters.NumberFilter(label=_("Project"), field_name="period__project")
    period = django_filters.NumberFilter(label=_("Reporting period"))
    indicator = django_filters.NumberFilter(label=_("Indicator"))
    status = django_filters.ChoiceFilter(
        label=_("Approval"), choices=ValueStatus.choices, method="in_status"
    )

    class Meta:
        model = PeriodValue
        fields = ["project", "period", "indicator", "status"]

    def in_status(self, queryset, name, value):
        # Only among the values whose state the caller may read.
        return queryset.filter(actual_shown=True, status=value)


class ValueViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Indicators' targets and actual values by period, as the caller may read them: the
    members of the project's recording and participating organisations read every value; anyone
    else who sees the project reads the approved values, and the targets of the others. Filter
    by project, period, indicator (ids; all optional) and status. POST saves an actual (the
    implementer reporting the indicator); …/approve/ and …/return/ are the accountable
    organisation's."""

    serializer_class = ProjectValueSerializer
    filterset_class = ValueFilter
    lookup_value_regex = r"\d+"
    # Lets registered users through PolicyPermission's write gate; the services decide who may
    # report, approve and return.
    policy_action = "view"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PeriodValue.objects.none()
        return (
            selectors.values_for(self.request.user)
            .select_related("period")
            .order_by("period__project_id", "period__start", "indicator_id", "pk")
        )

    @extend_schema(
        request=ProjectValueEntrySerializer,
        responses={200: ProjectValueSerializer, 409: inline_serializer(
            "ValueConflict", {"error": ValueConflictErrorSerializer()}
        )},
    )  # fmt: skip
    def create(self, request):
        """Save an indicator's actual for a period (create or update). A 409 carries the
        value as it is now when someone saved it after the lock_version given."""
        entry = ProjectValueEntrySerializer(data=request.data)
        entry.is_valid(raise_exception=True)
        values = entry.validated_data
        user = request.user
        indicator = get_visible_or_404(
            Indicator.objects.select_related("result"), user, pk=values["indicator"]
        )
        period = get_visible_or_404(ReportingPeriod.objects.all(), user, pk=values["period"])
        data = services.ValueData(
            actual=values["actual"],
            narrative=values["narrative"],
            disaggregation=values["disaggregation"],
            evidence_url=values["evidence_url"],
        )
        try:
            value = services.value_save(
                actor=user, indicator=indicator, period=period, data=data,
                expected_version=values["lock_version"],
            )  # fmt: skip
        except services.ValueConflict as conflict:
            current = conflict.current and self.get_queryset().get(pk=conflict.current.pk)
            body = {
                "status": status.HTTP_409_CONFLICT,
                "code": "conflict",
                "message": str(
                    _("Someone saved this value after you read it: nothing was written. Here is "
                      "the value as it is now.")
                ),
                "current": self._out(current) if current else None,
            }  # fmt: skip
            return Response({"error": body}, status=status.HTTP_409_CONFLICT)
        return Response(self._out(value))

    @extend_schema(request=None, responses=ProjectValueSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        value = services.value_approve(actor=request.user, value=self.get_object())
        return Response(self._out(value))

    @extend_schema(request=ValueReturnSerializer, responses=ProjectValueSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, pk=None):
        """Send the value back to its reporter with what to fix."""
        value = self.get_object()
        data = ValueReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        value = services.value_return(
            actor=request.user, value=value, comment=data.validated_data["comment"]
        )
        return Response(self._out(value))

    def _out(self, value):
        value = self.get_queryset().get(pk=value.pk)
        return ProjectValueSerializer(value, context=self.get_serializer_context()).data


class ValueCountsSerializer(serializers.Serializer):
    """How many of the period's values are in each state; before approval, for the project's
    members only (null for others)."""

    draft = serializers.IntegerField(source="draft_count", allow_null=True)
    submitted = serializers.IntegerField(source="submitted_count", allow_null=True)
    returned = serializers.IntegerField(source="returned_count", allow_null=True)
    approved = serializers.IntegerField(source="approved_count")


class ProjectPeriodSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:projectperiod-detail")
    locks_on = serializers.SerializerMethodField()
    values = ValueCountsSerializer(source="*", read_only=True)

    class Meta:
        model = ReportingPeriod
        fields = ["url", "id", "project", "start", "end", "locks_on", "values"]
        read_only_fields = fields

    def get_locks_on(self, period) -> date:
        """The first day on which the period's values can no longer be entered."""
        return locks_on(period.end, period.project.lock_after_days)


class PeriodFilter(django_filters.FilterSet):
    project = django_filters.NumberFilter(label=_("Project"))

    class Meta:
        model = ReportingPeriod
        fields = ["project"]


class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    """Projects' reporting periods, with when each locks and how many of its values are in each
    approval state. Filter by project (id). POST …/submit/ submits for approval the period's
    values the caller reports (the implementer)."""

    serializer_class = ProjectPeriodSerializer
    filterset_class = PeriodFilter
    lookup_value_regex = r"\d+"
    # As for values: the service decides who may submit.
    policy_action = "view"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ReportingPeriod.objects.none()
        return selectors.periods_for(self.request.user).order_by("project_id", "start", "pk")

    @extend_schema(
        request=None,
        responses=inline_serializer("Submitted", {"submitted": serializers.IntegerField()}),
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the values entered for the period, those the caller reports."""
        count = services.values_submit(actor=request.user, period=self.get_object())
        return Response({"submitted": count})
