from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "passerelle.taxonomy"
    label = "taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self):
        from passerelle.core.permissions import PublicReadPolicy, register_policy

        from .models import CapacityArea, GCMObjective, GuidingPrinciple, MGIDomain

        for model in (GCMObjective, GuidingPrinciple, MGIDomain, CapacityArea):
            register_policy(model, PublicReadPolicy())
