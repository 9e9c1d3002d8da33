"""The keyword index, chosen by the database (or the SEARCH_BACKEND setting, a dotted path to
a KeywordBackend class: an external engine could come in behind the same interface)."""

import functools

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from .base import KeywordBackend

BY_VENDOR = {
    "sqlite": "passerelle.search.backends.sqlite.SQLiteBackend",
    "postgresql": "passerelle.search.backends.postgresql.PostgreSQLBackend",
}


@functools.cache
def keyword_backend() -> KeywordBackend:
    path = getattr(settings, "SEARCH_BACKEND", None) or BY_VENDOR[connection.vendor]
    return import_string(path)()
