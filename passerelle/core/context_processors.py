from django.conf import settings


def platform(request):
    """What every page's shell needs: the languages offered and the site's address."""
    return {"SITE_URL": settings.SITE_URL, "LANGUAGES": settings.LANGUAGES}
