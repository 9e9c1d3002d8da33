from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiasporaConfig(AppConfig):
    name = "passerelle.diaspora"
    label = "diaspora"
    verbose_name = _("iDiaspora")

    def ready(self):
        from . import (  # noqa: F401
            demo,
            notification_types_connecting,
            notification_types_opportunities,
            notification_types_roster,
            periodic_countries,
            periodic_opportunities,
            permissions,
            permissions_connecting,
            permissions_content,
            permissions_countries,
            permissions_learning,
            permissions_members,
            permissions_opportunities,
            permissions_roster,
            registrations_connecting,
            registrations_content,
            search_index_content,
            search_index_members,
            sections_connecting,
            sections_content,
            sections_countries,
            sections_learning,
            sections_members,
            sections_opportunities,
            sections_roster,
        )
