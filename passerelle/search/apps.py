from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "passerelle.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from passerelle.core.search import set_indexer

        from . import demo, facets, periodic  # noqa: F401  (registrations)
        from .tasks import index_later

        set_indexer(index_later)
