from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "passerelle.hub"
    label = "hub"
    verbose_name = _("Connection hub")

    def ready(self):
        from . import demo, notification_types, periodic, permissions, sections  # noqa: F401
