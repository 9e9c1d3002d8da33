from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "passerelle.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from . import demo, iati, notification_types, periodic, permissions, sections  # noqa: F401
