from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "passerelle.events"
    label = "events"
    verbose_name = _("Events and dialogue")

    def ready(self):
        from . import (  # noqa: F401
            demo,
            permissions,
            permissions_outcomes,
            permissions_participation,
            permissions_spaces,
            registrations_spaces,
            search_index,
            sections,
        )
