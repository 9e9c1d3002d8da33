"""Writing the search index: the documents of the objects modules register in core.search.

An object has one document per language `texts` gives. A document whose title and body are
unchanged keeps its row, its embedding and its keyword entry (a change of status only refreshes
its facets); one whose text changed is replaced by a new row (ids only grow, see models.py).
Everything here is idempotent: the task, the catch-up job and `search_reindex` may overlap."""

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from passerelle.core import embeddings
from passerelle.core.search import DERIVED_FACETS, FACETS, SearchText, searchable_for, searchables

from .backends import keyword_backend
from .models import SearchDocument, SearchFacet

BATCH = 500  # objects written in one transaction
VALUE_LENGTH = SearchFacet._meta.get_field("value").max_length
TITLE_LENGTH = SearchDocument._meta.get_field("title").max_length

Progress = Callable[[int, int, str], None]  # (objects done, objects in all, kind)


def index_object(obj) -> None:
    index_many(type(obj), [obj.pk])


def remove_object(obj) -> None:
    _remove(_documents_of(ContentType.objects.get_for_model(type(obj)), [obj.pk]))


def index_many(model, pks: Iterable) -> None:
    """(Re)index these objects of a registered model, in batches; the documents of those no
    longer `indexable()` (or gone) are removed."""
    pks = list(pks)
    for start in range(0, len(pks), BATCH):
        _index_batch(model, pks[start : start + BATCH])


def reindex_all(model=None, progress: Progress | None = None) -> int:
    """Every indexable object of `model` (of every registered model without one), and no
    document of anything else. Returns the number of objects indexed."""
    chosen = [searchable_for(model)] if model is not None else searchables()
    if model is None:
        registered = [ContentType.objects.get_for_model(each.model) for each in chosen]
        _remove(SearchDocument.objects.exclude(content_type__in=registered))
    total = sum(searchable.indexable().count() for searchable in chosen)
    done = 0
    for searchable in chosen:
        remove_gone(searchable.model)
        pks = list(searchable.indexable().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            batch = pks[start : start + BATCH]
            _index_batch(searchable.model, batch)
            done += len(batch)
            if progress is not None:
                progress(done, total, searchable.kind)
    return done


def catch_up() -> int:
    """The periodic job's work: index the objects changed since they were indexed (or never
    indexed), remove the documents of objects gone from the index. Returns how many objects
    were indexed."""
    indexed = 0
    for searchable in searchables():
        remove_gone(searchable.model)
        stale = list(stale_objects(searchable.model).values_list("pk", flat=True))
        index_many(searchable.model, stale)
        indexed += len(stale)
    return indexed


def stale_objects(model):
    """Indexable objects updated after their documents were indexed, or without documents."""
    documents = SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    indexed_at = documents.values("object_id").annotate(first=Min("indexed_at")).values("first")
    return (
        searchable_for(model)
        .indexable()
        .annotate(indexed_at=Subquery(indexed_at))
        .filter(Q(indexed_at__isnull=True) | Q(updated__gt=F("indexed_at")))
    )


def remove_gone(model) -> int:
    """Remove the documents of objects no longer indexable (deleted ones included)."""
    indexable = searchable_for(model).indexable().annotate(key=Cast("pk", CharField()))
    gone = SearchDocument.objects.filter(
        content_type=ContentType.objects.get_for_model(model)
    ).exclude(object_id__in=indexable.values("key"))
    return _remove(gone)


@transaction.atomic
def _index_batch(model, pks: list) -> None:
    searchable = searchable_for(model)
    content_type = ContentType.objects.get_for_model(model)
    objects = searchable.prefetch(searchable.indexable().filter(pk__in=pks))
    kinds, wanted = {}, {}
    for obj in objects:
        kinds[str(obj.pk)] = searchable.kind_for(obj)
        for text in searchable.texts(obj):
            wanted[str(obj.pk), text.language] = text
    existing = list(_documents_of(content_type, pks).defer("vector").prefetch_related("facets"))
    kept = [d for d in existing if _unchanged(d, kinds, wanted.get(_key(d)))]
    kept_pks = {d.pk for d in kept}
    # A document whose text is the same but whose kind, date or facets changed is replaced by a
    # new row carrying its embedding: rows never change once written (but for `indexed_at`), so
    # the facets held in process (facet_index.py) stay true without rereading them.
    gone = [d for d in existing if d.pk not in kept_pks]
    replaced = [d for d in gone if _same_text(d, wanted.get(_key(d)))]
    vectors = dict(
        SearchDocument.objects.filter(pk__in=[d.pk for d in replaced]).values_list("pk", "vector")
    )
    known = {_key(d): vectors[d.pk] for d in replaced if vectors.get(d.pk) is not None}
    _remove(SearchDocument.objects.filter(pk__in=[d.pk for d in gone]))
    now = timezone.now()
    for document in kept:
        wanted.pop(_key(document))
        document.indexed_at = now
    SearchDocument.objects.bulk_update(kept, ["indexed_at"])
    created = _create(content_type, kinds, wanted, now, known)
    keyword_backend().index([document for document, _ in created])
    SearchFacet.objects.bulk_create(
        SearchFacet(document=document, facet=facet, value=value)
        for document, text in created
        for facet, value in _facets(document, text)
    )


def _documents_of(content_type, pks):
    return SearchDocument.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    )


def _key(document: SearchDocument) -> tuple[str, str]:
    return (document.object_id, document.language)


def _unchanged(document: SearchDocument, kinds: dict, text: SearchText | None) -> bool:
    """Same text, kind, date and facets: the row stays as it is."""
    if not _same_text(document, text):
        return False
    described = SearchDocument(**{f: getattr(document, f) for f in ("language", "title")})
    _describe(described, kinds[document.object_id], text, None)
    return (document.kind, document.date, document.machine_translated) == (
        described.kind,
        described.date,
        described.machine_translated,
    ) and sorted((f.facet, f.value) for f in document.facets.all()) == _facets(described, text)


def _same_text(document: SearchDocument, text: SearchText | None) -> bool:
    return (
        text is not None
        and document.title == text.title[:TITLE_LENGTH]
        and document.body == text.body
    )


def _describe(document: SearchDocument, kind: str, text: SearchText, now) -> None:
    document.kind = kind
    document.date = text.date
    document.machine_translated = text.machine_translated
    document.indexed_at = now


def _create(
    content_type, kinds, texts: dict, now, known: dict
) -> list[tuple[SearchDocument, SearchText]]:
    """New documents for {(object id, language): text}, with their embeddings (those `known`
    by (object id, language) are not computed again); `kinds` says each object's kind."""
    documents = []
    for (object_id, language), text in texts.items():
        document = SearchDocument(
            content_type=content_type,
            object_id=object_id,
            language=language,
            title=text.title[:TITLE_LENGTH],
            body=text.body,
        )
        _describe(document, kinds[object_id], text, now)
        documents.append(document)
    for document in documents:
        document.vector = known.get(_key(document))
    missing = [document for document in documents if document.vector is None]
    for start in range(0, len(missing), embeddings.BATCH):
        batch = missing[start : start + embeddings.BATCH]
        vectors = embeddings.embed([f"{d.title}\n{d.body}" for d in batch])
        for document, vector in zip(batch, vectors, strict=True):
            document.vector = embeddings.to_bytes(vector)
    created = SearchDocument.objects.bulk_create(documents)
    return list(zip(created, texts.values(), strict=True))


def _facets(document: SearchDocument, text: SearchText) -> list[tuple[str, str]]:
    unknown = set(text.facets) - set(FACETS) | set(text.facets) & set(DERIVED_FACETS)
    if unknown:
        raise ValueError(f"Facets {sorted(unknown)}: not in {FACETS}, or derived by the engine.")
    given = {
        (facet, str(value)[:VALUE_LENGTH])
        for facet, values in text.facets.items()
        for value in values
    }
    derived = {("kind", document.kind), ("language", document.language)}
    if document.date is not None:
        derived.add(("year", str(document.date.year)))
    return sorted(given | derived)


def _remove(documents) -> int:
    ids = list(documents.values_list("pk", flat=True))
    if not ids:
        return 0
    keyword_backend().remove(ids)
    SearchDocument.objects.filter(pk__in=ids).delete()
    return len(ids)
