"""Peer exchange: for each published request, the most similar published requests of other
organisations — open ones to join forces with, matched or completed ones to learn from — by the
meaning of their texts (in any language) and their capacity areas."""

import threading
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max

from passerelle.core import embeddings

from ..choices import PUBLIC_STATUSES
from ..models import RequestSimilarity, SupportRequest

TEXT_WEIGHT, AREA_WEIGHT = 0.75, 0.25


@dataclass
class PeerIndex:
    ids: np.ndarray
    organisations: np.ndarray  # (n, 2): requester and joint government (-1: none)
    areas: np.ndarray  # (n, areas) multi-hot
    vectors: np.ndarray
    stamp: tuple

    def __post_init__(self):
        self.position = {int(pk): row for row, pk in enumerate(self.ids)}


def _public():
    return SupportRequest.objects.filter(status__in=PUBLIC_STATUSES)


def _stamp() -> tuple:
    return tuple(_public().aggregate(n=Count("pk"), last=Max("updated")).values())


def _build() -> PeerIndex:
    requests = _public()
    embeddings.embed_missing(requests)
    stamp = _stamp()
    rows = list(
        requests.values_list("pk", "organisation_id", "joint_with_id", "embedding").order_by("pk")
    )
    position = {row[0]: i for i, row in enumerate(rows)}
    through = SupportRequest.capacity_areas.through.objects.filter(supportrequest__in=requests)
    pairs = list(through.values_list("supportrequest_id", "capacityarea_id"))
    columns = {area: i for i, area in enumerate(sorted({area for _, area in pairs}))}
    areas = np.zeros((len(rows), len(columns)), dtype=np.float32)
    for request, area in pairs:
        areas[position[request], columns[area]] = 1
    vectors = np.zeros((len(rows), embeddings.DIMENSIONS), dtype=np.float32)
    for i, row in enumerate(rows):
        vectors[i] = embeddings.from_bytes(row[3])
    return PeerIndex(
        ids=np.array([row[0] for row in rows], dtype=np.int64),
        organisations=np.array([[row[1], row[2] or -1] for row in rows], dtype=np.int64).reshape(
            len(rows), 2
        ),
        areas=areas,
        vectors=vectors,
        stamp=stamp,
    )


_lock = threading.Lock()
_cached: PeerIndex | None = None


def _current() -> PeerIndex:
    global _cached
    with _lock:
        if _cached is None or _cached.stamp != _stamp():
            _cached = _build()
        return _cached


def forget() -> None:
    global _cached
    with _lock:
        _cached = None


def _similarity(index: PeerIndex, row: int) -> np.ndarray:
    """Of the request at `row` with every request; -1 for its own organisations' requests."""
    cosine = index.vectors @ index.vectors[row]
    shared = index.areas @ index.areas[row]
    union = index.areas.sum(axis=1) + index.areas[row].sum() - shared
    jaccard = shared / np.maximum(union, 1)
    similarity = TEXT_WEIGHT * cosine + AREA_WEIGHT * jaccard
    own = np.isin(index.organisations, [o for o in index.organisations[row] if o >= 0]).any(axis=1)
    similarity[own] = -1
    return similarity


def refresh_peers(request_id: int) -> None:
    """The request's list of peers, recomputed; and the request in its peers' lists where it
    beats their weakest entry."""
    count = settings.HUB_MATCHING["PEERS"]
    index = _current()
    row = index.position.get(request_id)
    with transaction.atomic():
        RequestSimilarity.objects.filter(request_id=request_id).delete()
        if row is None:  # not published (any more): off every list
            RequestSimilarity.objects.filter(similar_id=request_id).delete()
            return
        similarity = _similarity(index, row)
        best = [i for i in np.argsort(-similarity, kind="stable")[:count] if similarity[i] > 0]
        RequestSimilarity.objects.bulk_create(
            RequestSimilarity(
                request_id=request_id, similar_id=int(index.ids[i]), score=float(similarity[i])
            )
            for i in best
        )
        for i in best:
            _offer_place(int(index.ids[i]), request_id, float(similarity[i]), count)


def _offer_place(peer_id: int, request_id: int, score: float, count: int) -> None:
    entries = list(
        RequestSimilarity.objects.select_for_update().filter(request_id=peer_id).order_by("score")
    )
    if any(entry.similar_id == request_id for entry in entries):
        RequestSimilarity.objects.filter(request_id=peer_id, similar_id=request_id).update(
            score=score
        )
        return
    if len(entries) >= count:
        if entries[0].score >= score:
            return
        entries[0].delete()
    RequestSimilarity.objects.create(request_id=peer_id, similar_id=request_id, score=score)
