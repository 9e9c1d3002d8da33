from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "passerelle.projects"
    label = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from . import demo, notification_types, periodic, permissions, sections  # noqa: F401
