from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "passerelle.hub"
    label = "hub"
    verbose_name = _("Connection hub")

    def ready(self):
        from . import (  # noqa: F401  (registrations)
            demo,
            notification_types,
            periodic,
            permissions,
            search_index,
            sections,
        )
