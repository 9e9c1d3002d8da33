"""The user's own notifications and e-mail preferences.

Each user reads and marks their own notifications only (NotificationPolicy); anonymous callers
get 401. Messages are rendered in the request's language; a notification whose content was
hidden or is no longer visible keeps its place but loses its message, excerpt and link.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings

from .. import notifications
from ..models import Notification
from ..notifications.selectors import frequency_choices, notification_types_for
from ..registry import notification_type, notification_types


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
    """{kind: e-mail frequency} for every kind of notification offered to the caller (every kind
    in the schema, which has no caller)."""

    def get_fields(self):
        request = self.context.get("request")
        kinds = notification_types_for(request.user) if request else notification_types()
        return {
            kind.kind: serializers.ChoiceField(
                choices=frequency_choices(kind), required=False, help_text=str(kind.description)
            )
            for kind in kinds
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
            serializer = NotificationPreferencesSerializer(
                data=request.data, context=self.get_serializer_context()
            )
            serializer.is_valid(raise_exception=True)
            notifications.notification_preferences_update(
                actor=request.user, user=request.user, preferences=serializer.validated_data
            )
        rows = notifications.email_preferences(user=request.user)
        return Response({row.kind.kind: row.email for row in rows})
