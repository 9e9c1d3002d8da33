from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "passerelle.projects"
    label = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from . import (  # noqa: F401  (registrations)
            demo,
            notification_types,
            periodic,
            permissions,
            search_index,
            sections,
        )
