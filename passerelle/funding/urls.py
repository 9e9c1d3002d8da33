from .views import calls, contributions, donors, exports, funds, gaps, proposals, reviews

app_name = "funding"

# Each view module lists its own paths.
urlpatterns = [
    *funds.urlpatterns,
    *calls.urlpatterns,
    *proposals.urlpatterns,
    *reviews.urlpatterns,
    *contributions.urlpatterns,
    *donors.urlpatterns,
    *gaps.urlpatterns,
    *exports.urlpatterns,
]
