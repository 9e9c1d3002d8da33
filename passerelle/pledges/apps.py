from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "passerelle.pledges"
    label = "pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from . import demo, notification_types, periodic, permissions, search_index  # noqa: F401
