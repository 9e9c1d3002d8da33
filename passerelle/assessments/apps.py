from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "passerelle.assessments"
    label = "assessments"
    verbose_name = _("Capacity assessments")

    def ready(self):
        from . import demo, notification_types, permissions, sections  # noqa: F401  (registrations)
