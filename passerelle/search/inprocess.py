"""Document data held in the process (the embeddings, the titles' words), kept current without
reading the whole table again: a changed text is a new row (models.py), so what is new is what
has an id above the last one held. Rows deleted since are still held; readers check their hits
against the database, and once more than a tenth of the rows held are gone, all is read again."""

import threading
import time

import numpy as np

from .models import SearchDocument

CHUNK = 5_000
# How often the held rows are counted against the table (a COUNT over the ids held).
RECOUNT_SECONDS = 60
STALE_SHARE = 0.1


class HeldDocuments:
    """Subclasses say which `fields` they read and what they do with the rows (`_clear`,
    `_add`); `refresh(latest_id)` keeps them current."""

    fields: tuple[str, ...] = ()

    def __init__(self):
        self._lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self.last_id = 0
        self.held = 0
        self.counted_at = time.monotonic()
        self._clear()

    def refresh(self, latest_id: int) -> None:
        """Read the rows added up to `latest_id` (the table's largest id, read by the caller)."""
        with self._lock:
            if latest_id < self.last_id or self._mostly_stale():
                self._reset()
            if latest_id > self.last_id:
                self._load(latest_id)

    def forget(self) -> None:
        with self._lock:
            self._reset()

    def _mostly_stale(self) -> bool:
        if time.monotonic() - self.counted_at < RECOUNT_SECONDS:
            return False
        self.counted_at = time.monotonic()
        present = SearchDocument.objects.filter(id__lte=self.last_id).count()
        return self.held - present > STALE_SHARE * self.held

    def _rows(self, latest_id: int):
        """The rows (id, *fields) of the documents after `last_id` up to `latest_id`, by id."""
        return (
            SearchDocument.objects.filter(id__gt=self.last_id, id__lte=latest_id)
            .order_by("id")
            .values_list("id", *self.fields)
        )

    def _load(self, latest_id: int) -> None:
        rows = self._rows(latest_id)
        chunk = []
        for row in rows.iterator(chunk_size=CHUNK):
            chunk.append(row)
            if len(chunk) == CHUNK:
                self._take(chunk)
                chunk = []
        self._take(chunk)
        self.last_id = latest_id
        self._loaded()

    def _take(self, rows: list[tuple]) -> None:
        self._add(rows)
        self.held += len({row[0] for row in rows})  # documents, whatever a row is

    def _clear(self) -> None:
        raise NotImplementedError

    def _add(self, rows: list[tuple]) -> None:
        """Take in rows (id, *fields)."""
        raise NotImplementedError

    def _loaded(self) -> None:
        """Called once the rows of a refresh are all taken in (to build what needs them all)."""


def found_in(held: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Which of `ids` are in `held`, as a mask over `ids`, and their positions in `held` (a
    sorted array: ids are held in the order they were read): binary searches, where np.isin
    sorts both arrays (5 ms for 5,000 ids among 100,000)."""
    positions = np.searchsorted(held, ids)
    mask = positions < len(held)
    mask[mask] = held[positions[mask]] == ids[mask]
    return mask, positions
