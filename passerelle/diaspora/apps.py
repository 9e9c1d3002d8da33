from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiasporaConfig(AppConfig):
    name = "passerelle.diaspora"
    label = "diaspora"
    verbose_name = _("iDiaspora")

    def ready(self):
        from . import permissions  # noqa: F401
