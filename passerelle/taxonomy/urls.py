from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("framework/", views.FrameworkView.as_view(), name="framework"),
    path(
        "capacity-areas/<slug:code>/",
        views.CapacityAreaDetailView.as_view(),
        name="capacity_area_detail",
    ),
    path("objectives/<int:number>/", views.ObjectiveDetailView.as_view(), name="objective_detail"),
]
