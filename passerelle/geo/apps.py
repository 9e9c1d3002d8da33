from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "passerelle.geo"
    label = "geo"
    verbose_name = _("Geography")

    def ready(self):
        from passerelle.core.permissions import PublicReadPolicy, register_policy

        from .models import Country, Region, RegionalBody

        for model in (Region, Country, RegionalBody):
            register_policy(model, PublicReadPolicy())
