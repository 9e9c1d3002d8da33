"""Searching: keyword and semantic candidates, fused, through the door, merged per object.

1. The query's misspelled words are corrected (spelling.py) — not in semantic mode.
2. Candidates: at most CANDIDATES documents from the keyword index (backends/), at most
   SEMANTIC_CANDIDATES from the semantic index (semantic.py), both narrowed to the ids the
   facet filters allow (AND across facets, OR within one; facet_index.py, held in process);
   fused by reciprocal rank (hybrid). An empty query with filters browses them, the newest
   first.
3. Every candidate goes through the door: for each kind present, one query
   `Model.objects.visible_to(user).filter(pk__in=...)`. Facet counts are counted after it (from
   the facets held in process), so a draft nobody else may read is never counted either.
4. An object indexed in several languages is one result, shown in the reader's language when
   it has a version in it.

The number of queries does not grow with the results: a few for the candidates, one per kind
for the door and one per kind on the page, one per facet's labels.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import F, IntegerField, Max
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from passerelle.core import embeddings
from passerelle.core.search import FACETS, facet_labels, searchable_for

from . import highlight, spelling, text
from .backends import keyword_backend
from .backends.base import id_subquery
from .facet_index import FacetIndex
from .models import SearchDocument
from .semantic import SemanticIndex

MODES = ("keyword", "semantic", "hybrid")
CANDIDATES = 300
SEMANTIC_CANDIDATES = 200
RRF_K = 60  # reciprocal rank fusion: a document's score is the sum of 1 / (RRF_K + rank)
MAX_QUERY_LENGTH = 2_000
MAX_PER_PAGE = 50
MAX_FILTER_VALUES = 50

semantic_index = SemanticIndex()
title_vocabulary = spelling.TitleVocabulary()
facet_index = FacetIndex()
HELD = (semantic_index, title_vocabulary, facet_index)


@dataclass
class SearchResult:
    object: object
    kind: str
    kind_label: str
    title: str
    snippet: SafeString  # escaped, the query's words in <mark>
    url: str
    language: str
    machine_translated: bool
    score: float

    @property
    def snippet_text(self) -> str:
        return highlight.plain(self.snippet)


@dataclass
class SearchPage:
    results: list[SearchResult]
    facets: dict[str, list[tuple[str, str, int]]]  # name -> [(value, label, count)]
    total: int  # objects found (at most the candidates' bound)
    corrected_query: str | None
    page_obj: Page | None = None
    # More documents matched than the candidates considered: the best of those are shown.
    truncated: bool = False


@dataclass
class _Document:
    id: int
    content_type_id: int
    object_id: str
    language: str
    kind: str
    date: date | None
    machine_translated: bool
    key: tuple[int, str] = field(init=False)  # its object's; read tens of thousands of times

    def __post_init__(self):
        self.key = (self.content_type_id, self.object_id)


@dataclass
class _Hit:
    """One object: its best score and its documents, best first."""

    score: float
    documents: list[_Document] = field(default_factory=list)

    def shown_in(self, language: str) -> _Document:
        return next((d for d in self.documents if d.language == language), self.documents[0])

    @property
    def newest(self) -> int:
        dates = [d.date for d in self.documents if d.date]
        return max(dates).toordinal() if dates else 0


def search(
    user,
    query: str,
    *,
    filters: dict[str, list[str]] | None = None,
    mode: str = "hybrid",
    language: str | None = None,
    page=1,
    per_page: int = 20,
) -> SearchPage:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    query = " ".join(query[:MAX_QUERY_LENGTH].split())
    filters = clean_filters(filters)
    if not query and not filters:
        return SearchPage(results=[], facets={}, total=0, corrected_query=None)
    refresh_held_documents()
    corrected = _corrected(query, mode)
    ranking, truncated = _ranking(corrected or query, mode, filters)
    documents = _through_the_door(user, _documents([pk for pk, _ in ranking]))
    hits = _by_object(ranking, documents)
    paginator = Paginator(hits, max(1, min(per_page, MAX_PER_PAGE)))
    page_obj = paginator.get_page(page)
    terms = text.query_terms(corrected or query)
    return SearchPage(
        results=_results(page_obj.object_list, terms, language or get_language()),
        facets=_facet_counts(documents.values(), filters),
        total=paginator.count,
        corrected_query=corrected,
        page_obj=page_obj,
        truncated=truncated,
    )


def similar(obj, *, user, kinds: list[str] | None = None, limit: int = 5) -> list:
    """The objects whose texts are nearest to `obj`'s (its semantic neighbours, in any
    language), that `user` may see, of `kinds` if given; best first."""
    content_type = ContentType.objects.get_for_model(obj)
    vectors = [
        embeddings.from_bytes(vector)
        for vector in SearchDocument.objects.filter(
            content_type=content_type, object_id=str(obj.pk), vector__isnull=False
        ).values_list("vector", flat=True)
    ]
    if not vectors:
        return []
    refresh_held_documents()
    centre = np.mean(vectors, axis=0)
    centre /= np.linalg.norm(centre) or 1.0
    allowed = facet_index.ids_within({"kind": kinds}) if kinds else None
    ranking = semantic_index.nearest_to(centre, SEMANTIC_CANDIDATES, allowed)
    documents = _through_the_door(user, _documents([pk for pk, _ in ranking]))
    hits = [
        hit for hit in _by_object(ranking, documents)
        if hit.documents[0].key != (content_type.pk, str(obj.pk))
    ][:limit]  # fmt: skip
    objects = _objects([hit.documents[0] for hit in hits])
    return [objects[hit.documents[0].key] for hit in hits if hit.documents[0].key in objects]


def clean_filters(filters: dict[str, list[str]] | None) -> dict[str, list[str]]:
    """Known facets only, with their non-empty values."""
    cleaned = {}
    for name, values in (filters or {}).items():
        values = [str(value).strip() for value in values if str(value).strip()]
        if name in FACETS and values:
            cleaned[name] = sorted(set(values))[:MAX_FILTER_VALUES]
    return cleaned


def refresh_held_documents() -> None:
    latest = SearchDocument.objects.aggregate(latest=Max("id"))["latest"] or 0
    for held in HELD:
        held.refresh(latest)


def forget_held_documents() -> None:
    """Drop what this process holds (tests: rolled-back rows leave ids to be used again)."""
    for held in HELD:
        held.forget()


def _corrected(query: str, mode: str) -> str | None:
    if not query or mode == "semantic":
        return None
    return spelling.correct(query, title_vocabulary, keyword_backend().matches_anything)


def _ranking(query: str, mode: str, filters: dict) -> tuple[list[tuple[int, float]], bool]:
    """Candidate documents, best first, with their fused scores; and whether the keyword (or
    browsed) candidates reached their bound."""
    allowed = facet_index.ids_within(filters) if filters else None
    if not query:
        newest = _newest(allowed)
        return newest, len(newest) == CANDIDATES
    rankings, truncated = [], False
    if mode != "semantic":
        keyword = keyword_backend().candidates(text.query_terms(query), CANDIDATES, allowed)
        rankings.append(keyword)
        truncated = len(keyword) == CANDIDATES
    if mode != "keyword":
        rankings.append(semantic_index.nearest(query, SEMANTIC_CANDIDATES, allowed))
    return _fused(rankings), truncated


def _newest(allowed) -> list[tuple[int, float]]:
    ids = (
        SearchDocument.objects.filter(id__in=_among(allowed))
        .order_by(F("date").desc(nulls_last=True), "-id")
        .values_list("id", flat=True)[:CANDIDATES]
    )
    return _fused([[(pk, 0.0) for pk in ids]])


def _fused(rankings: list[list[tuple[int, float]]]) -> list[tuple[int, float]]:
    scores = defaultdict(float)
    for ranking in rankings:
        for rank, (pk, _) in enumerate(ranking, start=1):
            scores[pk] += 1 / (RRF_K + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def _documents(ids: list[int]) -> dict[int, _Document]:
    rows = (
        SearchDocument.objects.filter(id__in=_among(ids))
        .order_by()  # read into a dict: sorting them would only cost
        .values_list(
            "id", "content_type_id", "object_id", "language", "kind", "date", "machine_translated"
        )
    )
    return {row[0]: _Document(*row) for row in rows}


def _among(ids) -> RawSQL:
    """`ids` as a subquery of one parameter (backends.base.id_subquery)."""
    return RawSQL(*id_subquery(ids))


def _through_the_door(user, documents: dict[int, _Document]) -> dict[int, _Document]:
    """The documents of objects `user` may see (one query per kind present)."""
    object_ids = defaultdict(set)
    for document in documents.values():
        object_ids[document.content_type_id].add(document.object_id)
    visible = set()
    for content_type_id, ids in object_ids.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or searchable_for(model) is None:
            continue  # a kind no longer registered
        pks = model.objects.visible_to(user).filter(pk__in=_pk_list(model, ids)).values_list("pk")
        visible |= {(content_type_id, str(pk)) for (pk,) in pks}
    return {pk: d for pk, d in documents.items() if d.key in visible}


def _pk_list(model, object_ids):
    """The object ids as primary keys of `model`, as one parameter when they are integers
    (Django's handling of 2,000 parameters costs more than the query)."""
    pks = _pks(model, object_ids)
    if isinstance(model._meta.pk, IntegerField):
        return _among(pks)
    return pks


def _pks(model, object_ids) -> list:
    pks = []
    for object_id in object_ids:
        try:
            pks.append(model._meta.pk.to_python(object_id))
        except ValidationError:
            continue  # not an id of this model: nothing to show
    return pks


def _by_object(ranking, documents: dict[int, _Document]) -> list[_Hit]:
    """One hit per object, the best scored first, the newest first among equals."""
    hits: dict[tuple, _Hit] = {}
    for pk, score in ranking:
        document = documents.get(pk)
        if document is None:
            continue
        if document.key in hits:
            hits[document.key].documents.append(document)
        else:
            hits[document.key] = _Hit(score=score, documents=[document])
    return sorted(hits.values(), key=lambda hit: (-hit.score, -hit.newest))


def _facet_counts(documents, filters: dict) -> dict[str, list[tuple[str, str, int]]]:
    """For each facet, its values among the objects found, with how many objects have each;
    the values filtered by stay listed (to be unticked) even when nothing has them."""
    # Counted over the facets held in process; an object (its type and id) counts once
    # whatever the number of its documents (one per language) found.
    objects = defaultdict(lambda: defaultdict(set))
    documents = list(documents)
    pairs = facet_index.facets_of([document.id for document in documents])
    for document in documents:
        for name, value in pairs[document.id]:
            objects[name][value].add(document.key)
    counts = {
        name: {value: len(found) for value, found in values.items()}
        for name, values in objects.items()
    }
    facets = {}
    for name in FACETS:
        values = counts.get(name, {})
        for selected in filters.get(name, []):
            values.setdefault(selected, 0)
        labels = facet_labels(name, list(values))
        ranked = sorted(values.items(), key=lambda item: (-item[1], labels[item[0]]))
        facets[name] = [(value, labels[value], count) for value, count in ranked]
    return facets


def _results(hits: list[_Hit], terms: list[str], language: str) -> list[SearchResult]:
    shown = [hit.shown_in(language) for hit in hits]
    texts = {
        pk: (title, body)
        for pk, title, body in SearchDocument.objects.filter(
            id__in=[d.id for d in shown]
        ).values_list("id", "title", "body")
    }
    objects = _objects(shown)
    results = []
    for hit, document in zip(hits, shown, strict=True):
        obj = objects.get(document.key)
        if obj is None:
            continue  # deleted since the door let it through
        searchable = searchable_for(type(obj))
        results.append(
            SearchResult(
                object=obj,
                kind=document.kind,
                kind_label=str(searchable.label_for(document.kind)),
                title=texts[document.id][0],
                snippet=highlight.snippet(texts[document.id][1], terms, document.language),
                url=searchable.url(obj),
                language=document.language,
                machine_translated=document.machine_translated,
                score=hit.score,
            )
        )
    return results


def _objects(documents: list[_Document]) -> dict[tuple[int, str], object]:
    """The objects of a page's documents, one query per kind."""
    object_ids = defaultdict(set)
    for document in documents:
        object_ids[document.content_type_id].add(document.object_id)
    objects = {}
    for content_type_id, ids in object_ids.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for obj in model.objects.filter(pk__in=_pks(model, ids)):
            objects[(content_type_id, str(obj.pk))] = obj
    return objects
