"""The country pages, under /diaspora/countries/."""

from django.urls import path

from .views import countries as views

urlpatterns = [
    path("countries/", views.country_list, name="country_list"),
    path("countries/calls/", views.call_list, name="call_list"),
    path("countries/calls/new/", views.call_create, name="call_create"),
    path("countries/calls/<int:pk>/close/", views.call_close, name="call_close"),
    path("countries/contributions/", views.contribution_queue, name="contribution_queue"),
    path("countries/contributions/mine/", views.my_contributions, name="my_contributions"),
    path(
        "countries/contributions/<int:pk>/", views.contribution_detail, name="contribution_detail"
    ),
    path(
        "countries/contributions/<int:pk>/accept/",
        views.contribution_accept,
        name="contribution_accept",
    ),
    path(
        "countries/contributions/<int:pk>/reject/",
        views.contribution_reject,
        name="contribution_reject",
    ),
    path("countries/entries/<int:pk>/confirm/", views.entry_confirm, name="entry_confirm"),
    path("countries/<str:iso3>/", views.country_detail, name="country_detail"),
    path(
        "countries/<str:iso3>/factsheet.pdf",
        views.country_factsheet_pdf,
        name="country_factsheet_pdf",
    ),
    path("countries/<str:iso3>/contribute/", views.contribute, name="contribute"),
]
