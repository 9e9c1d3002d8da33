"""The community layer's API: comments, reactions and follows; the user's own notifications;
reports and the moderation queue (moderators only). Registered in passerelle/api/urls.py."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from passerelle.core.permissions import get_visible_or_404

from . import registry, selectors, services
from .choices import ReactionKind
from .models import Comment, Follow
from .permissions import followable_objects, may_read_discussion

# --- comments, reactions, follows ---


def resolve_target(user, target_type: str, target_id: str, *, for_follow: bool = False):
    """ "app_label.model" + id → the object, through the permission door (404 if unknown, not
    registered, or not visible)."""
    try:
        app_label, model_name = target_type.split(".")
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except (ValueError, ContentType.DoesNotExist) as exc:
        raise Http404 from exc
    if for_follow and registry.is_followable(model):
        return get_object_or_404(followable_objects(model, user), pk=target_id)
    if model is None or registry.commentable_for(model) is None:
        raise Http404
    return get_visible_or_404(model.objects.all(), user, pk=target_id)


class TargetField(serializers.Serializer):
    target_type = serializers.CharField(
        help_text=_('The object\'s type as "app_label.model", e.g. "taxonomy.capacityarea".')
    )
    target_id = serializers.CharField()


class AuthorSerializer(serializers.Serializer):
    handle = serializers.CharField()
    name = serializers.CharField(source="__str__")


class CommentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:comment-detail")
    target_type = serializers.SerializerMethodField()
    target_id = serializers.CharField(source="object_id", read_only=True)
    author = AuthorSerializer(read_only=True, allow_null=True)
    is_deleted = serializers.BooleanField(read_only=True)

    class Meta:
        model = Comment
        fields = [
            "url",
            "id",
            "target_type",
            "target_id",
            "thread",
            "parent",
            "depth",
            "author",
            "body",
            "body_html",
            "language",
            "created",
            "edited_at",
            "is_deleted",
            "moderation_status",
            "useful_count",
        ]
        read_only_fields = fields

    def get_target_type(self, comment) -> str:
        return f"{comment.content_type.app_label}.{comment.content_type.model}"


class CommentCreateSerializer(TargetField):
    body = serializers.CharField(max_length=services.MAX_BODY)
    language = serializers.CharField(required=False)
    parent = serializers.IntegerField(required=False, allow_null=True)


class CommentEditSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=services.MAX_BODY)
    moderator_note = serializers.CharField(required=False, allow_blank=True, default="")


class ReactionSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReactionKind.choices)


class CommentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Comments the caller may read. Filter one discussion with `target_type` and `target_id`.
    Hidden comments (reported, pending review) are left out for everyone but their author and
    the moderators."""

    serializer_class = CommentSerializer

    @property
    def policy_action(self):
        return {"partial_update": "change", "destroy": "delete", "react": "view"}.get(
            self.action, "comment"
        )

    def get_queryset(self):
        comments = selectors.visible_comments(self.request.user).order_by("created", "id")
        target_type = self.request.query_params.get("target_type")
        target_id = self.request.query_params.get("target_id")
        if self.action == "list" and target_type and target_id:
            target = resolve_target(self.request.user, target_type, target_id)
            comments = comments.for_object(target)
        return comments

    @extend_schema(request=CommentCreateSerializer, responses=CommentSerializer)
    def create(self, request):
        data = CommentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        target = resolve_target(request.user, values["target_type"], values["target_id"])
        if not may_read_discussion(request.user, target):
            raise Http404
        parent = None
        if values.get("parent"):
            parent = get_visible_or_404(Comment.objects.all(), request.user, pk=values["parent"])
        comment = services.comment_create(
            actor=request.user,
            target=target,
            body=values["body"],
            parent=parent,
            language=values.get("language"),
        )
        return Response(self._out(comment), status=status.HTTP_201_CREATED)

    @extend_schema(request=CommentEditSerializer, responses=CommentSerializer)
    def partial_update(self, request, pk=None):
        comment = self.get_object()
        data = CommentEditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        comment = services.comment_edit(actor=request.user, comment=comment, **data.validated_data)
        return Response(self._out(comment))

    def perform_destroy(self, comment):
        services.comment_delete(
            actor=self.request.user,
            comment=comment,
            reason=self.request.query_params.get("reason", ""),
        )

    @extend_schema(request=ReactionSerializer, responses={200: None})
    @action(detail=True, methods=["post"])
    def react(self, request, pk=None):
        """Toggle one of the caller's reactions on the comment."""
        comment = self.get_object()
        data = ReactionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        kind = data.validated_data["kind"]
        given = services.reaction_toggle(actor=request.user, target=comment, kind=kind)
        counts, _mine = selectors.reactions_for(request.user, [comment.pk])
        return Response({"kind": kind, "given": given, "counts": counts.get(comment.pk, {})})

    def _out(self, comment):
        comment = Comment.objects.select_related("author", "content_type").get(pk=comment.pk)
        return CommentSerializer(comment, context=self.get_serializer_context()).data


class FollowSerializer(serializers.ModelSerializer):
    target_type = serializers.SerializerMethodField()
    target_id = serializers.CharField(source="object_id", read_only=True)

    class Meta:
        model = Follow
        fields = ["id", "target_type", "target_id", "created"]

    def get_target_type(self, follow) -> str:
        return f"{follow.content_type.app_label}.{follow.content_type.model}"


class FollowViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """What the caller follows. POST a target to follow it, DELETE a follow to stop."""

    serializer_class = FollowSerializer
    policy_action = "delete"

    def get_queryset(self):
        return Follow.objects.visible_to(self.request.user).select_related("content_type")

    @extend_schema(request=TargetField, responses=FollowSerializer)
    def create(self, request):
        data = TargetField(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        target = resolve_target(
            request.user, values["target_type"], values["target_id"], for_follow=True
        )
        follow = services.follow(actor=request.user, target=target)
        return Response(FollowSerializer(follow).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, follow):
        services.unfollow(actor=self.request.user, target=follow.target)


# --- end comments ---

# --- notifications ---
# Each user reads and marks their own notifications only (NotificationPolicy); anonymous callers
# get 401. Messages are rendered in the request's language; a notification whose content was
# hidden or is no longer visible keeps its place but loses its message, excerpt and link.
from django.utils.translation import get_language  # noqa: E402
from drf_spectacular.utils import OpenApiParameter, inline_serializer  # noqa: E402
from rest_framework.permissions import IsAuthenticated  # noqa: E402
from rest_framework.settings import api_settings  # noqa: E402

from . import notifications  # noqa: E402
from .models import Notification  # noqa: E402
from .notifications.selectors import frequency_choices  # noqa: E402
from .registry import notification_type, notification_types  # noqa: E402


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.SerializerMethodField()
    message = serializers.CharField(read_only=True)
    excerpt = serializers.CharField(read_only=True)
    link = serializers.CharField(
        read_only=True, help_text=_("Path of what the notification is about; empty if hidden.")
    )
    available = serializers.BooleanField(
        read_only=True, help_text=_("False when the content was hidden or is no longer visible.")
    )
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "kind_label",
            "message",
            "excerpt",
            "link",
            "available",
            "read",
            "read_at",
            "created",
        ]
        read_only_fields = fields

    def get_kind_label(self, notification) -> str:
        kind = notification_type(notification.kind)
        return str(kind.label) if kind else notification.kind

    def get_read(self, notification) -> bool:
        return notification.read_at is not None


class NotificationPreferencesSerializer(serializers.Serializer):
    """{kind: e-mail frequency} for every kind of notification."""

    def get_fields(self):
        return {
            kind.kind: serializers.ChoiceField(
                choices=frequency_choices(kind), required=False, help_text=str(kind.description)
            )
            for kind in notification_types()
        }


class NotificationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = NotificationSerializer
    permission_classes = [IsAuthenticated, *api_settings.DEFAULT_PERMISSION_CLASSES]
    lookup_value_regex = r"\d+"
    policy_action = None  # set per write action below (PolicyPermission refuses writes without)

    def get_queryset(self):
        queryset = notifications.notification_list(user=self.request.user)
        unread = self.request.query_params.get("unread")
        if unread in {"true", "1"}:
            queryset = queryset.filter(read_at__isnull=True)
        elif unread in {"false", "0"}:
            queryset = queryset.filter(read_at__isnull=False)
        return queryset

    def _ready(self, items):
        return notifications.with_messages(self.request.user, items, language=get_language())

    @extend_schema(
        parameters=[
            OpenApiParameter("unread", bool, description=_("Only unread (true) or read (false)."))
        ]
    )
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        serializer = self.get_serializer(self._ready(page), many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        [notification] = self._ready([self.get_object()])
        return Response(self.get_serializer(notification).data)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"], policy_action="mark_read")
    def mark_read(self, request, pk=None):
        notification = self.get_object()
        notifications.notification_mark_read(actor=request.user, notification=notification)
        [notification] = self._ready([notification])
        return Response(self.get_serializer(notification).data)

    @extend_schema(
        request=None,
        responses=inline_serializer("MarkedRead", {"marked": serializers.IntegerField()}),
    )
    @action(detail=False, methods=["post"], policy_action="mark_read")
    def mark_all_read(self, request):
        return Response({"marked": notifications.notification_mark_all_read(actor=request.user)})

    @extend_schema(
        request=NotificationPreferencesSerializer, responses=NotificationPreferencesSerializer
    )
    @action(
        detail=False,
        methods=["get", "put"],
        policy_action="change_preferences",
        serializer_class=NotificationPreferencesSerializer,
    )
    def preferences(self, request):
        """GET: the e-mail frequency chosen for each kind. PUT: change some of them (kinds left
        out stay as they are)."""
        if request.method == "PUT":
            serializer = NotificationPreferencesSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            notifications.notification_preferences_update(
                actor=request.user, user=request.user, preferences=serializer.validated_data
            )
        rows = notifications.email_preferences(user=request.user)
        return Response({row.kind.kind: row.email for row in rows})


# --- end notifications ---

# --- moderation ---
# Reports: any registered user POSTs one; reading reports and cases is for moderators, and
# others get 403 (not an empty list), so that a client knows it lacks the role. Space moderators
# see their spaces' reports without the reporters' names, as on the pages.
from rest_framework.permissions import SAFE_METHODS, BasePermission  # noqa: E402
from rest_framework.settings import api_settings  # noqa: E402

from passerelle.core.permissions import policy_for  # noqa: E402

from . import moderation  # noqa: E402
from .choices import ReportReason  # noqa: E402
from .models import ModerationCase, Report  # noqa: E402
from .permissions import is_platform_moderator  # noqa: E402


class ModeratorsRead(BasePermission):
    def has_permission(self, request, view):
        return request.method not in SAFE_METHODS or moderation.is_moderator(request.user)


MODERATION_PERMISSIONS = [*api_settings.DEFAULT_PERMISSION_CLASSES, ModeratorsRead]


def resolve_content(user, content_type: str, object_id: str):
    """Content type as "app_label.model" + id → reportable content the user may see (404
    otherwise)."""
    try:
        app_label, model_name = content_type.split(".")
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except (ValueError, ContentType.DoesNotExist) as exc:
        raise Http404 from exc
    if model is None or registry.reportable_for(model) is None:
        raise Http404
    return get_visible_or_404(model._default_manager.all(), user, pk=object_id)


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


# --- end moderation ---
