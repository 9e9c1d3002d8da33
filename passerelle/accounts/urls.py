from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/api-token/", views.ApiTokenView.as_view(), name="api_token"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("organisations/new/", views.OrganisationCreateView.as_view(), name="organisation_create"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "organisations/<slug:slug>/edit/",
        views.OrganisationUpdateView.as_view(),
        name="organisation_update",
    ),
    path(
        "organisations/<slug:slug>/members/",
        views.OrganisationMembersView.as_view(),
        name="organisation_members",
    ),
    path(
        "organisations/<slug:slug>/verification/",
        views.VerificationRequestView.as_view(),
        name="verification_request",
    ),
    path(
        "organisations/<slug:slug>/verification/decide/",
        views.VerificationDecideView.as_view(),
        name="verification_decide",
    ),
    path("memberships/<int:pk>/role/", views.MembershipRoleView.as_view(), name="membership_role"),
    path(
        "memberships/<int:pk>/remove/",
        views.MembershipRemoveView.as_view(),
        name="membership_remove",
    ),
    path(
        "invitations/<int:pk>/revoke/",
        views.InvitationRevokeView.as_view(),
        name="invitation_revoke",
    ),
    path(
        "invitations/<str:token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    path("verifications/", views.VerificationQueueView.as_view(), name="verification_queue"),
]
