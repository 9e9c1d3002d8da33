from django.urls import path

from . import views

app_name = "hub"

urlpatterns = [
    path("requests/", views.RequestListView.as_view(), name="request_list"),
    path("requests/new/", views.RequestFormView.as_view(), name="request_create"),
    path("requests/<int:pk>/", views.RequestDetailView.as_view(), name="request_detail"),
    path("requests/<int:pk>/edit/", views.RequestFormView.as_view(), name="request_update"),
    path("requests/<int:pk>/review/", views.review, name="request_review"),
    path("requests/<int:pk>/<slug:action>/", views.transition, name="request_transition"),
    path("review/", views.review_queue, name="review_queue"),
]
