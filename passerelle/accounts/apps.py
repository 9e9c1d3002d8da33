from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "passerelle.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from . import demo, permissions, search_index, sections  # noqa: F401  (registrations)
