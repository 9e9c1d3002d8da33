from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "passerelle.events"
    label = "events"
    verbose_name = _("Events and dialogue")

    def ready(self):
        from . import demo, permissions, search_index, sections  # noqa: F401
