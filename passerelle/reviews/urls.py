from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("countries/<str:iso3>/", views.CountryPackView.as_view(), name="country_pack"),
    path(
        "countries/<str:iso3>/pack.pdf", views.CountryPackPdfView.as_view(), name="country_pack_pdf"
    ),
    path(
        "countries/<str:iso3>/pack.xlsx",
        views.CountryPackXlsxView.as_view(),
        name="country_pack_xlsx",
    ),
]
