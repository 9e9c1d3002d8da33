from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "passerelle.reviews"
    label = "reviews"
    verbose_name = _("Review packs")

    def ready(self):
        from . import sections  # noqa: F401  (registrations)
