from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "passerelle.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from . import (  # noqa: F401
            demo,
            notification_types,
            periodic,
            permissions,
            registrations,
            search_index,
            sections,
        )
