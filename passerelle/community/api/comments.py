"""Comments, reactions and follows: the comments the caller may read, toggling a reaction,
following and unfollowing."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from passerelle.core.permissions import get_visible_or_404

from .. import selectors, services
from ..choices import ReactionKind
from ..models import Comment, Follow
from ..permissions import may_read_discussion


def resolve_target(user, target_type: str, target_id: str, *, purpose: str):
    """ "app_label.model" + id → the object, through the permission door (404 if unknown, not
    registered for `purpose`, or not visible)."""
    model = selectors.model_named(label=target_type)
    return selectors.target_get(user, model, target_id, purpose=purpose)


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
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user, maybe no DB
            return Comment.objects.none()
        comments = selectors.visible_comments(self.request.user).order_by("created", "id")
        target_type = self.request.query_params.get("target_type")
        target_id = self.request.query_params.get("target_id")
        if self.action == "list" and target_type and target_id:
            target = resolve_target(
                self.request.user, target_type, target_id, purpose=selectors.FOR_DISCUSSION
            )
            comments = comments.for_object(target)
        return comments

    @extend_schema(request=CommentCreateSerializer, responses=CommentSerializer)
    def create(self, request):
        data = CommentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        target = resolve_target(
            request.user,
            values["target_type"],
            values["target_id"],
            purpose=selectors.FOR_DISCUSSION,
        )
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
            request.user, values["target_type"], values["target_id"], purpose=selectors.FOR_FOLLOW
        )
        follow = services.follow(actor=request.user, target=target)
        return Response(FollowSerializer(follow).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, follow):
        services.unfollow(actor=self.request.user, target=follow.target)
