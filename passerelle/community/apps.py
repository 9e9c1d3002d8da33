from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "passerelle.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        from passerelle.core.audit import register_audit_listener

        from . import (  # noqa: F401  (registrations)
            demo,
            moderation,
            notification_types,
            periodic,
            permissions,
            registrations,
            sections,
        )
        from .notifications import on_audit_entry

        register_audit_listener(on_audit_entry)
