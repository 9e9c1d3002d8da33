from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("audit/", views.PlatformAuditListView.as_view(), name="audit_platform"),
    path(
        "audit/<int:content_type_id>/<int:object_id>/",
        views.AuditEntryListView.as_view(),
        name="audit_object",
    ),
]
