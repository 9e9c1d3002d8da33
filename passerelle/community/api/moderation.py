"""Reports and the moderation queue.

Reports: any registered user POSTs one; reading reports and cases is for moderators, and others
get 403 (not an empty list), so that a client knows it lacks the role. Space moderators see their
spaces' reports without the reporters' names, as on the pages.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response
from rest_framework.settings import api_settings

from passerelle.core.permissions import policy_for

from .. import moderation, selectors
from ..choices import ReportReason
from ..models import ModerationCase, Report
from ..permissions import is_platform_moderator


class ModeratorsRead(BasePermission):
    def has_permission(self, request, view):
        return request.method not in SAFE_METHODS or moderation.is_moderator(request.user)


MODERATION_PERMISSIONS = [*api_settings.DEFAULT_PERMISSION_CLASSES, ModeratorsRead]


def resolve_content(user, content_type: str, object_id: str):
    """Content type as "app_label.model" + id → reportable content the user may see (404
    otherwise)."""
    model = selectors.model_named(label=content_type)
    return selectors.target_get(user, model, object_id, purpose=selectors.FOR_REPORT)


def _type_label(content_type) -> str:
    return f"{content_type.app_label}.{content_type.model}"


class ReportSerializer(serializers.ModelSerializer):
    content_type = serializers.SerializerMethodField()
    object_id = serializers.CharField(source="case.object_id", read_only=True)
    reporter = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id",
            "case",
            "content_type",
            "object_id",
            "reporter",
            "reason",
            "details",
            "created",
        ]
        read_only_fields = fields

    def get_content_type(self, report) -> str:
        return _type_label(report.case.content_type)

    def get_reporter(self, report) -> int | None:
        return report.reporter_id if is_platform_moderator(self.context["request"].user) else None


class ReportCreateSerializer(serializers.Serializer):
    content_type = serializers.CharField(
        help_text=_('The content\'s type as "app_label.model", e.g. "community.comment".')
    )
    object_id = serializers.CharField()
    reason = serializers.ChoiceField(choices=ReportReason.choices)
    details = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, trim_whitespace=False, default=""
    )


class ReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Reports of content. POST: report content you can see (any registered user). GET: the
    reports on content you moderate (moderators only)."""

    serializer_class = ReportSerializer
    permission_classes = MODERATION_PERMISSIONS
    # Lets registered users through PolicyPermission's write gate; the service decides the rest.
    policy_action = "report"

    def get_queryset(self):
        return (
            # Report has a plain manager: the policy's rule is applied directly.
            Report.objects.filter(policy_for(Report).visible_q(self.request.user))
            .select_related("case__content_type")
            .order_by("-created", "-id")
        )

    @extend_schema(request=ReportCreateSerializer, responses=ReportSerializer)
    def create(self, request):
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        content = resolve_content(request.user, values["content_type"], values["object_id"])
        report = moderation.report_create(
            actor=request.user, content=content, reason=values["reason"], details=values["details"]
        )
        out = ReportSerializer(report, context=self.get_serializer_context())
        return Response(out.data, status=status.HTTP_201_CREATED)


class ModerationCaseSerializer(serializers.ModelSerializer):
    content_type = serializers.SerializerMethodField()
    excerpt = serializers.SerializerMethodField()

    class Meta:
        model = ModerationCase
        fields = [
            "id",
            "content_type",
            "object_id",
            "excerpt",
            "author",
            "status",
            "report_count",
            "hidden_at",
            "decided_by",
            "decided_at",
            "decision_reason",
            "created",
            "updated",
        ]
        read_only_fields = fields

    def get_content_type(self, case) -> str:
        return _type_label(case.content_type)

    def get_excerpt(self, case) -> str:
        if not hasattr(case, "excerpt"):
            moderation.attach_content([case])
        return case.excerpt


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["hide", "restore", "edit"])
    reason = serializers.CharField(
        help_text=_("Required. The author reads it; for an edit, it is shown with the comment.")
    )
    body = serializers.CharField(required=False, help_text=_("The corrected text (edit only)."))

    def validate(self, attrs):
        if attrs["decision"] == "edit" and not attrs.get("body"):
            raise serializers.ValidationError({"body": _("Give the corrected text.")})
        return attrs


class ModerationCaseViewSet(viewsets.ReadOnlyModelViewSet):
    """Moderation cases on content you moderate (moderators only); filter with `status`.
    POST …/decide/ to hide, restore or edit the content, with a reason."""

    serializer_class = ModerationCaseSerializer
    permission_classes = MODERATION_PERMISSIONS
    policy_action = "moderate"
    filterset_fields = ["status"]

    def get_queryset(self):
        return (
            ModerationCase.objects.filter(moderation.moderated_cases_q(self.request.user))
            .select_related("content_type")
            .order_by("created", "id")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return moderation.attach_content(page) if page is not None else None

    @extend_schema(request=DecisionSerializer, responses=ModerationCaseSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        case = self.get_object()
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values["decision"] == "edit":
            case = moderation.decide_edit(
                actor=request.user, case=case, body=values["body"], reason=values["reason"]
            )
        else:
            decide = {"hide": moderation.decide_hide, "restore": moderation.decide_restore}
            case = decide[values["decision"]](
                actor=request.user, case=case, reason=values["reason"]
            )
        out = ModerationCaseSerializer(case, context=self.get_serializer_context())
        return Response(out.data)
