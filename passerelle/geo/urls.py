from django.urls import path

from . import views

app_name = "geo"

urlpatterns = [
    path("countries/", views.CountryListView.as_view(), name="country_list"),
    path("countries/<str:iso3>/", views.CountryDetailView.as_view(), name="country_detail"),
    path("regional-bodies/", views.RegionalBodyListView.as_view(), name="regional_body_list"),
    path(
        "regional-bodies/<str:code>/",
        views.RegionalBodyDetailView.as_view(),
        name="regional_body_detail",
    ),
]
