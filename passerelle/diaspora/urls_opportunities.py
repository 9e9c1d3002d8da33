"""Engagement opportunities and the responses to them (views/opportunities.py)."""

from django.urls import path

from .views import opportunities as views

urlpatterns = [
    path("opportunities/", views.opportunity_list, name="opportunity_list"),
    path("opportunities/new/", views.OpportunityCreateView.as_view(), name="opportunity_create"),
    path("opportunities/<int:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path(
        "opportunities/<int:pk>/edit/", views.OpportunityEditView.as_view(), name="opportunity_edit"
    ),
    path("opportunities/<int:pk>/publish/", views.opportunity_publish, name="opportunity_publish"),
    path("opportunities/<int:pk>/close/", views.opportunity_close, name="opportunity_close"),
    path(
        "opportunities/<int:pk>/responses/",
        views.opportunity_responses,
        name="opportunity_responses",
    ),
    path("responses/<int:pk>/answer/", views.response_answer, name="response_answer"),
    path("responses/<int:pk>/withdraw/", views.response_withdraw, name="response_withdraw"),
    path("me/opportunities/", views.my_responses, name="my_responses"),
]
