"""Semantic retrieval: every document's embedding in one numpy matrix held by the process
(inprocess.py), the query embedded with the same model (core.embeddings), the nearest documents
by dot product (the vectors have unit length). A query in French finds a document in English.

Reading the whole matrix (100,000 x 512 float32, 200 MB) costs 20-30 ms per query, more on a
loaded machine: memory bandwidth, not arithmetic. So once the index is large, a first pass
scans the vectors projected on their REDUCED principal directions (an eighth of the bytes), keeps
the SHORTLIST best, and those alone are scored exactly. docs/benchmarks.md reports the share of
the exact nearest the shortlist keeps (its recall). The directions are computed when the matrix
is read in full and kept for the rows appended after: the shortlist is still rescored exactly,
so an outdated projection costs recall, never wrong scores. sqlite-vec and pgvector are not
available here."""

import functools

import numpy as np

from passerelle.core import embeddings

from .inprocess import HeldDocuments, found_in

# Below this cosine a document is unrelated (STACK-NOTES: 0.04 to 0.28 for unrelated texts, a
# short query against a relevant passage from about 0.25).
FLOOR = 0.25
FIRST_CAPACITY = 1_024
# Below this many documents the exact scan is cheap enough (a few ms): no first pass.
APPROXIMATE_FROM = 20_000
REDUCED = 64  # dimensions of the first pass
SHORTLIST = 2_000  # documents the first pass keeps for exact scoring
PCA_SAMPLE = 20_000  # rows the principal directions are computed from
QUERY_CACHE = 256  # the last query embeddings kept (embedding one costs ~5 ms)


@functools.lru_cache(maxsize=QUERY_CACHE)
def embedded(query: str) -> np.ndarray:
    vector = embeddings.embed([query])[0]
    vector.flags.writeable = False  # shared by every caller of the cache
    return vector


class SemanticIndex(HeldDocuments):
    fields = ("vector",)

    def _clear(self) -> None:
        self.size = 0
        self.ids = np.zeros(FIRST_CAPACITY, dtype=np.int64)
        self.vectors = np.zeros((FIRST_CAPACITY, embeddings.DIMENSIONS), dtype=np.float32)
        self.directions = None  # (REDUCED, DIMENSIONS) once the first pass is worth it
        self.mean = None
        self.reduced = np.zeros((FIRST_CAPACITY, REDUCED), dtype=np.float32)

    def _add(self, rows: list[tuple]) -> None:
        rows = [(pk, vector) for pk, vector in rows if vector is not None]
        start, needed = self.size, self.size + len(rows)
        if needed > len(self.ids):
            self._grow(needed)
        for offset, (pk, vector) in enumerate(rows):
            self.ids[start + offset] = pk
            self.vectors[start + offset] = embeddings.from_bytes(vector)
        if self.directions is not None:
            self.reduced[start:needed] = self._project(self.vectors[start:needed])
        self.size = needed

    def _loaded(self) -> None:
        if self.directions is None and self.size >= APPROXIMATE_FROM:
            self._compute_directions()

    def _grow(self, needed: int) -> None:
        # Grow by doubling: appending a few rows must not copy the matrices each time.
        capacity = max(needed, 2 * len(self.ids))
        self.ids = np.resize(self.ids, capacity)
        self.vectors = _resized(self.vectors, capacity, self.size)
        self.reduced = _resized(self.reduced, capacity, self.size)

    def _compute_directions(self) -> None:
        vectors = self.vectors[: self.size]
        sample = vectors[np.random.default_rng(0).permutation(self.size)[:PCA_SAMPLE]]
        self.mean = sample.mean(axis=0)
        # The right singular vectors of the centred sample: its principal directions.
        _, _, directions = np.linalg.svd(sample - self.mean, full_matrices=False)
        self.directions = np.ascontiguousarray(directions[:REDUCED], dtype=np.float32)
        self.reduced[: self.size] = self._project(vectors)

    def _project(self, vectors: np.ndarray) -> np.ndarray:
        # Centred, so that the mean every vector shares does not drown the differences; a
        # query's score against a row is then its reduced score plus a constant (mean · query).
        return (vectors - self.mean) @ self.directions.T

    def nearest(self, query: str, limit: int, allowed=None) -> list[tuple[int, float]]:
        """The documents closest to `query` above FLOOR, best first, `limit` at most; only ids
        in `allowed` (an array) when given."""
        return self.nearest_to(embedded(query), limit, allowed)

    def nearest_to(self, vector, limit: int, allowed=None) -> list[tuple[int, float]]:
        """The documents closest to an embedding (another document's: its neighbours)."""
        with self._lock:
            # Rows past `size` may be written by the next refresh; these views stay as they are.
            size, directions = self.size, self.directions
            ids, vectors, reduced = self.ids[:size], self.vectors[:size], self.reduced[:size]
        if not size:
            return []
        # `rows`: the positions scored exactly, None for all of them.
        rows = None if allowed is None else _rows_of(ids, allowed)
        if directions is not None and (size if rows is None else len(rows)) > SHORTLIST:
            first = reduced if rows is None else reduced[rows]
            shortlist = _best(first @ (directions @ vector), SHORTLIST)
            rows = shortlist if rows is None else rows[shortlist]
        scores = vectors @ vector if rows is None else vectors[rows] @ vector
        best = _best(scores, limit)
        positions = best if rows is None else rows[best]
        return [
            (int(ids[position]), float(scores[i]))
            for i, position in zip(best, positions, strict=True)
            if scores[i] >= FLOOR
        ]

    def exact_nearest_to(self, vector, limit: int) -> list[int]:
        """The ids of the `limit` nearest above FLOOR by the full scan (what the first pass
        approximates: the benchmark measures its recall)."""
        ids, vectors = self.ids[: self.size], self.vectors[: self.size]
        scores = vectors @ vector
        return [int(ids[i]) for i in _best(scores, limit) if scores[i] >= FLOOR]


def _rows_of(ids: np.ndarray, allowed) -> np.ndarray:
    """The positions of the `allowed` ids among the held `ids`."""
    mask, positions = found_in(ids, np.asarray(allowed, dtype=np.int64))
    return positions[mask]


def _best(scores: np.ndarray, limit: int) -> np.ndarray:
    """The positions of the `limit` highest scores, highest first."""
    limit = min(limit, len(scores))
    if not limit:
        return np.zeros(0, dtype=np.int64)
    best = np.argpartition(-scores, limit - 1)[:limit]
    return best[np.argsort(-scores[best], kind="stable")]


def _resized(matrix: np.ndarray, capacity: int, size: int) -> np.ndarray:
    resized = np.zeros((capacity, matrix.shape[1]), dtype=matrix.dtype)
    resized[:size] = matrix[:size]
    return resized
