from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("frameworks/", views.FrameworkListView.as_view(), name="framework_list"),
    path("frameworks/new/", views.FrameworkCreateView.as_view(), name="framework_create"),
    path("frameworks/<slug:code>/", views.FrameworkDetailView.as_view(), name="framework_detail"),
    path(
        "frameworks/<slug:code>/import/",
        views.VersionImportView.as_view(),
        name="version_import",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/",
        views.FrameworkVersionView.as_view(),
        name="framework_version",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/export/<slug:extension>/",
        views.VersionExportView.as_view(),
        name="version_export",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/indicators/<str:indicator>/edit/",
        views.IndicatorEditView.as_view(),
        name="indicator_edit",
    ),
    path(
        "frameworks/<slug:code>/<str:version>/publish/",
        views.version_publish,
        name="version_publish",
    ),
]
