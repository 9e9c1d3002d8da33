from django.urls import path

from .views import matches, offers, requests, supply_demand

app_name = "hub"

urlpatterns = [
    path("requests/", requests.RequestListView.as_view(), name="request_list"),
    path("requests/new/", requests.RequestFormView.as_view(), name="request_create"),
    path("requests/<int:pk>/", requests.RequestDetailView.as_view(), name="request_detail"),
    path("requests/<int:pk>/edit/", requests.RequestFormView.as_view(), name="request_update"),
    path("requests/<int:pk>/review/", requests.review, name="request_review"),
    path("requests/<int:pk>/<slug:action>/", requests.transition, name="request_transition"),
    path("review/", requests.review_queue, name="review_queue"),
    path("offers/", offers.OfferListView.as_view(), name="offer_list"),
    path("offers/new/", offers.OfferFormView.as_view(), name="offer_create"),
    path("offers/<int:pk>/", offers.OfferDetailView.as_view(), name="offer_detail"),
    path("offers/<int:pk>/edit/", offers.OfferFormView.as_view(), name="offer_update"),
    path("offers/<int:pk>/<slug:action>/", offers.offer_transition, name="offer_transition"),
    path("matches/<int:pk>/", matches.match_detail, name="match_detail"),
    path("matches/<int:pk>/introduce/", matches.introduce, name="match_introduce"),
    path("matches/<int:pk>/answer/<slug:side>/", matches.decide, name="match_decide"),
    path("brokering/", matches.console, name="console"),
    path("matching/weights/", matches.weights, name="weights"),
    path("map/", supply_demand.supply_demand_map, name="supply_demand"),
]
