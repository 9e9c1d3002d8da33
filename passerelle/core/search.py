"""The search registry: how every module tells the search engine what it holds (ADR 14).

A module registers each model people look for with `register_searchable`, from its
`search_index.py` (imported by its AppConfig.ready), and calls `index_later(obj)` at the end of
the services that write such an object. The engine (passerelle.search) keeps one indexed text
per object and language, and sets the indexer `index_later` hands objects to. The index holds no
permission: every candidate goes through the door (`visible_to`) when someone searches.

A registered model must have an `updated` timestamp (core.models.TimeStampedModel): the engine's
catch-up job reindexes the objects changed since they were indexed, so a missed `index_later` is
only late, never lost.
"""

import datetime
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.translation import get_language

# The facets an object is filtered and counted by. Values are natural keys: area = CapacityArea
# code, objective = GCMObjective number, region = M49 code, country = ISO alpha-3, actor =
# accounts.choices.OrganisationType value, language = en / fr / es, year = "2024".
FACETS = ("kind", "area", "objective", "region", "country", "actor", "language", "year")
# Added by the engine from the document itself, not by `texts`.
DERIVED_FACETS = ("kind", "language", "year")


@dataclass(frozen=True)
class SearchText:
    """One language version of an object, as indexed."""

    language: str  # "en" | "fr" | "es"
    title: str
    body: str  # plain text: strip Markdown or HTML before
    facets: dict[str, Iterable[str]]  # facet name (FACETS, less DERIVED_FACETS) -> values
    date: datetime.date | None = None  # the "year" facet, and the newer first among equals
    machine_translated: bool = False


@dataclass(frozen=True)
class Searchable:
    model: type[Model]
    kind: str  # a slug, e.g. "request"
    label: Any  # lazy plural label, e.g. _("Requests for support")
    texts: Callable[[Model], list[SearchText]]  # one per language the object has
    # Every object that belongs in the index, whoever may read it (the door decides that later).
    indexable: Callable[[], QuerySet]
    url: Callable[[Model], str] = lambda obj: obj.get_absolute_url()
    # What `texts` reads, fetched once for a batch of objects.
    prefetch: Callable[[QuerySet], QuerySet] = lambda queryset: queryset
    # A model whose objects are of several kinds (knowledge items: practices, lessons,
    # resources) lists them, {kind: label}, and says which kind an object is; `kind` and
    # `label` then name the model as a whole.
    kinds: dict[str, Any] = field(default_factory=dict)
    kind_of: Callable[[Model], str] | None = None

    def kind_for(self, obj: Model) -> str:
        return self.kind_of(obj) if self.kind_of is not None else self.kind

    def label_for(self, kind: str) -> Any:
        return self.kinds.get(kind, self.label)


_searchables: dict[type[Model], Searchable] = {}


def register_searchable(model: type[Model], **options) -> Searchable:
    searchable = Searchable(model=model, **options)
    taken = {kind: other.model for other in _searchables.values() for kind in _kinds(other)}
    for kind in _kinds(searchable):
        if taken.get(kind, model) is not model:
            raise ValueError(f"Search kind {kind!r} is already {taken[kind]}.")
    _searchables[model] = searchable
    return searchable


def _kinds(searchable: Searchable) -> list[str]:
    return [searchable.kind, *searchable.kinds]


def searchable_for(model: type[Model]) -> Searchable | None:
    return _searchables.get(model)


def searchables() -> list[Searchable]:
    return list(_searchables.values())


_facet_labels: dict[str, Callable[[list[str]], dict[str, str]]] = {}


def register_facet_labels(name: str, resolver: Callable[[list[str]], dict[str, str]]) -> None:
    """`resolver(values)` returns each value's label in the active language (one query at most);
    a value it leaves out is shown as it is."""
    if name not in FACETS:
        raise ValueError(f"Unknown facet {name!r}; facets are {FACETS}.")
    _facet_labels[name] = resolver


# Labels found, by (facet, language): reference data, edited rarely (the admin), read on every
# search; each facet's query cost a round trip (a millisecond or more) per search.
LABELS_KEPT_SECONDS = 300
_labels_found: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    """Each value's label in the active language; a value without one is its own label."""
    key = (name, get_language())
    kept_until, found = _labels_found.get(key, (0.0, {}))
    if kept_until < time.monotonic():
        kept_until, found = time.monotonic() + LABELS_KEPT_SECONDS, {}
    missing = [value for value in values if value not in found]
    if missing and name in _facet_labels:
        found = {
            **found,
            **{value: str(label) for value, label in _facet_labels[name](missing).items()},
        }
        _labels_found[key] = (kept_until, found)
    return {value: found.get(value, value) for value in values}


def forget_facet_labels() -> None:
    _labels_found.clear()


_indexer: Callable[[Model], None] | None = None


def set_indexer(indexer: Callable[[Model], None] | None) -> None:
    """The engine's: `indexer(obj)` is called inside the writing transaction and defers its work
    until that transaction commits (it queues a task with core.tasks.enqueue_on_commit)."""
    global _indexer
    _indexer = indexer


def index_later(obj: Model) -> None:
    """(Re)index `obj` once the current transaction commits. Nothing happens when no engine is
    installed or the object's model is not registered."""
    if _indexer is not None and type(obj) in _searchables:
        _indexer(obj)
