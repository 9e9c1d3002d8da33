"""The members area's pages, under /diaspora/: organisations, the map and members."""

from django.urls import path

from .views import members as views

urlpatterns = [
    path("organisations/", views.directory, name="directory"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path(
        "organisations/<slug:slug>/profile/",
        views.organisation_profile_edit,
        name="organisation_profile_edit",
    ),
    path("map/", views.world_map, name="map"),
    path("map/<str:iso3>/", views.map_country, name="map_country"),
    path("members/", views.member_list, name="member_list"),
    path("members/<int:pk>/", views.member_detail, name="member_detail"),
    path("me/profile/", views.profile_edit, name="profile_edit"),
    path("me/profile/delete/", views.profile_delete, name="profile_delete"),
]
