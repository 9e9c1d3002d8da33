"""The diaspora hub's pages; each area keeps its routes in urls_<area>.py."""

from . import (
    urls_connecting,
    urls_content,
    urls_countries,
    urls_learning,
    urls_members,
    urls_opportunities,
    urls_roster,
)

app_name = "diaspora"

urlpatterns = [
    *urls_members.urlpatterns,
    *urls_countries.urlpatterns,
    *urls_connecting.urlpatterns,
    *urls_content.urlpatterns,
    *urls_opportunities.urlpatterns,
    *urls_roster.urlpatterns,
    *urls_learning.urlpatterns,
]
