from django.urls import path

from . import views

app_name = "pledges"

urlpatterns = [
    path("", views.PledgeListView.as_view(), name="pledge_list"),
    path("new/", views.PledgeFormView.as_view(), name="pledge_create"),
    path("<int:pk>/", views.PledgeDetailView.as_view(), name="pledge_detail"),
    path("<int:pk>/edit/", views.PledgeFormView.as_view(), name="pledge_update"),
    path("<int:pk>/progress/", views.ProgressCreateView.as_view(), name="progress_create"),
    path("<int:pk>/<slug:action>/", views.transition, name="pledge_transition"),
]
