"""The connecting area's pages under /diaspora/: connections, blocks, messages, groups."""

from django.urls import path

from .views import connecting as views

urlpatterns = [
    path("connections/", views.ConnectionListView.as_view(), name="connections"),
    path(
        "connections/ask/<int:user_pk>/",
        views.ConnectionRequestView.as_view(),
        name="connection_request",
    ),
    path(
        "connections/<int:pk>/accept/",
        views.ConnectionAcceptView.as_view(),
        name="connection_accept",
    ),
    path(
        "connections/<int:pk>/decline/",
        views.ConnectionDeclineView.as_view(),
        name="connection_decline",
    ),
    path(
        "connections/<int:pk>/remove/",
        views.ConnectionRemoveView.as_view(),
        name="connection_remove",
    ),
    path("blocks/", views.BlockListView.as_view(), name="blocks"),
    path("blocks/<int:user_pk>/", views.BlockView.as_view(), name="block"),
    path("blocks/<int:user_pk>/remove/", views.UnblockView.as_view(), name="unblock"),
    path("messages/", views.InboxView.as_view(), name="inbox"),
    path(
        "messages/with/<int:user_pk>/",
        views.ConversationStartView.as_view(),
        name="conversation_start",
    ),
    path("messages/<int:pk>/", views.ConversationView.as_view(), name="conversation"),
    path("groups/", views.GroupListView.as_view(), name="group_list"),
    path("groups/new/", views.GroupCreateView.as_view(), name="group_create"),
    path("groups/<slug:slug>/", views.GroupDetailView.as_view(), name="group_detail"),
    path("groups/<slug:slug>/join/", views.GroupJoinView.as_view(), name="group_join"),
    path("groups/<slug:slug>/leave/", views.GroupLeaveView.as_view(), name="group_leave"),
    path(
        "groups/<slug:slug>/threads/new/",
        views.ThreadCreateView.as_view(),
        name="thread_create",
    ),
    path(
        "groups/<slug:slug>/threads/<int:pk>/",
        views.ThreadDetailView.as_view(),
        name="thread_detail",
    ),
]
