from django.urls import path

from .views import comments, moderation, notifications

app_name = "community"

urlpatterns = [
    # Comments, reactions, follows
    path(
        "discussions/<int:content_type_id>/<str:object_id>/",
        comments.DiscussionView.as_view(),
        name="discussion",
    ),
    path("comments/<int:pk>/", comments.CommentDetailView.as_view(), name="comment_detail"),
    path(
        "comments/<int:pk>/history/",
        comments.CommentHistoryView.as_view(),
        name="comment_history",
    ),
    path("comments/<int:pk>/edit/", comments.CommentEditView.as_view(), name="comment_edit"),
    path("comments/<int:pk>/delete/", comments.CommentDeleteView.as_view(), name="comment_delete"),
    path("comments/<int:pk>/react/", comments.ReactView.as_view(), name="comment_react"),
    path(
        "follow/<int:content_type_id>/<str:object_id>/",
        comments.FollowView.as_view(),
        name="follow",
    ),
    path("following/", comments.FollowingView.as_view(), name="following"),
    path("people/<slug:handle>/", comments.PersonView.as_view(), name="person"),
    # Notifications
    path(
        "notifications/",
        notifications.NotificationListView.as_view(),
        name="notification_list",
    ),
    path(
        "notifications/bell/",
        notifications.NotificationBellView.as_view(),
        name="notification_bell",
    ),
    path(
        "notifications/read-all/",
        notifications.NotificationMarkAllReadView.as_view(),
        name="notification_mark_all_read",
    ),
    path(
        "notifications/<int:pk>/go/",
        notifications.NotificationGoView.as_view(),
        name="notification_go",
    ),
    path(
        "notifications/preferences/",
        notifications.NotificationPreferencesView.as_view(),
        name="notification_preferences",
    ),
    path(
        "notifications/unsubscribe/<str:token>/",
        notifications.UnsubscribeView.as_view(),
        name="notification_unsubscribe",
    ),
    # Moderation
    path(
        "report/<int:content_type_id>/<str:object_id>/",
        moderation.ReportView.as_view(),
        name="report",
    ),
    path(
        "moderation/hide/<int:content_type_id>/<str:object_id>/",
        moderation.ContentHideView.as_view(),
        name="moderation_content_hide",
    ),
    path("moderation/", moderation.ModerationQueueView.as_view(), name="moderation_queue"),
    path("moderation/mine/", moderation.MyCasesView.as_view(), name="moderation_mine"),
    path("moderation/cases/<int:pk>/", moderation.CaseDetailView.as_view(), name="moderation_case"),
    path(
        "moderation/cases/<int:pk>/hide/",
        moderation.CaseHideView.as_view(),
        name="moderation_case_hide",
    ),
    path(
        "moderation/cases/<int:pk>/restore/",
        moderation.CaseRestoreView.as_view(),
        name="moderation_case_restore",
    ),
    path(
        "moderation/cases/<int:pk>/edit/",
        moderation.CaseEditView.as_view(),
        name="moderation_case_edit",
    ),
    path(
        "moderation/cases/<int:pk>/sanction/",
        moderation.CaseSanctionView.as_view(),
        name="moderation_case_sanction",
    ),
    path(
        "moderation/cases/<int:pk>/sanctions/<int:sanction_pk>/lift/",
        moderation.SanctionLiftView.as_view(),
        name="moderation_sanction_lift",
    ),
    path(
        "moderation/cases/<int:pk>/appeal/",
        moderation.AppealView.as_view(),
        name="moderation_appeal",
    ),
    path(
        "moderation/cases/<int:pk>/appeal/decide/",
        moderation.AppealDecideView.as_view(),
        name="moderation_appeal_decide",
    ),
]
