from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from passerelle.accounts.views import language_switch

urlpatterns = [
    path("api/v1/", include("passerelle.api.urls", namespace="api")),
    path("i18n/setlang/", language_switch, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("passerelle.accounts.urls")),
    path("", include("passerelle.geo.urls")),
    path("", include("passerelle.taxonomy.urls")),
    path("community/", include("passerelle.community.urls")),
    path("assessments/", include("passerelle.assessments.urls")),
    path("hub/", include("passerelle.hub.urls")),
    path("pledges/", include("passerelle.pledges.urls")),
    path("projects/", include("passerelle.projects.urls")),
    path("funding/", include("passerelle.funding.urls")),
    path("search/", include("passerelle.search.urls")),
    path("knowledge/", include("passerelle.knowledge.urls")),
    path("events/", include("passerelle.events.urls")),
    path("diaspora/", include("passerelle.diaspora.urls")),
    path("reviews/", include("passerelle.reviews.urls")),
    path("", include("passerelle.core.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler400 = "passerelle.core.views.bad_request"
handler403 = "passerelle.core.views.permission_denied"
handler404 = "passerelle.core.views.page_not_found"
handler500 = "passerelle.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
