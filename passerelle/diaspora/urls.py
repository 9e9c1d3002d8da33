"""The diaspora hub's pages; each area keeps its routes in urls_<area>.py."""

from django.urls import path

from . import (
    urls_connecting,
    urls_content,
    urls_countries,
    urls_learning,
    urls_members,
    urls_opportunities,
    urls_roster,
)
from .views.home import home_page

app_name = "diaspora"

urlpatterns = [
    path("", home_page, name="home"),
    *urls_members.urlpatterns,
    *urls_countries.urlpatterns,
    *urls_connecting.urlpatterns,
    *urls_content.urlpatterns,
    *urls_opportunities.urlpatterns,
    *urls_roster.urlpatterns,
    *urls_learning.urlpatterns,
]
