"""Scores of requests by offers, a criterion at a time, as numpy arrays: the same code ranks the
offers of one request (1 by all offers), the requests of one offer (all requests by 1) and
everything at once (blocks of requests by all offers)."""

from collections import defaultdict
from dataclasses import dataclass, fields, replace

import numpy as np
from threadpoolctl import ThreadpoolController

from .criteria import CRITERIA
from .index import MODALITIES, MatchIndex

# How well an offer's modality suits a request's: rows are the request's, columns the offer's.
_MODALITY_FIT = {
    ("in_person", "in_person"): 1.0, ("in_person", "hybrid"): 0.7, ("in_person", "remote"): 0.2,
    ("remote", "remote"): 1.0, ("remote", "hybrid"): 0.7, ("remote", "in_person"): 0.3,
    ("hybrid", "hybrid"): 1.0, ("hybrid", "in_person"): 0.7, ("hybrid", "remote"): 0.7,
}  # fmt: skip
MODALITY_FIT = np.array(
    [[_MODALITY_FIT[(r, o)] for o in MODALITIES] for r in MODALITIES], dtype=np.float32
)
ONE, ZERO = np.float32(1), np.float32(0)
NEAR = np.float32(0.6)  # an offer in a neighbouring country, or a regional body the requester is in
UNKNOWN = np.float32(0.5)  # the offer does not say (expert-days), or money in another currency
FEW = 8  # up to this many items on one side, geography reads columns instead of multiplying
# USE v3 cosines: a text and its translation score 0.7 to 0.8, the same need written separately
# in two languages 0.4 to 0.55, unrelated texts 0.0 to 0.3 (tuned on the evaluation set,
# benchmarks/bench_matching_quality.py).
SEMANTIC_FLOOR, SEMANTIC_CEILING = 0.20, 0.65
EXCLUDED = -1.0  # an organisation is never matched with itself
_BLAS = ThreadpoolController()


@dataclass
class Scores:
    total: np.ndarray  # (requests, offers), between 0 and 1; EXCLUDED for an organisation's own
    values: dict[str, np.ndarray]  # criterion → (requests, offers) values between 0 and 1
    weights: dict[str, np.ndarray]  # criterion → (requests, 1) weight, normalised per request


def _overlap(wanted, given) -> np.ndarray:
    """The share of what the request wants that the offer gives."""
    shared = wanted @ given.T
    return shared / np.maximum(wanted.sum(axis=1, keepdims=True), 1)


def _geography(requests, offers) -> np.ndarray:
    exact = _shares_a_place(requests, offers, "exact") | offers.is_global[None, :]
    near = _shares_a_place(requests, offers, "near")
    return np.where(exact, ONE, np.where(near, NEAR, ZERO))


def _shares_a_place(requests, offers, kind: str) -> np.ndarray:
    """(requests, offers): whether the request's `kind` places ("exact" or "near") and the
    offer's reach share one. One item against many reads the other side's rows for that item's
    few places (a few ms for 100k items); blocks multiply."""
    wanted = getattr(requests, f"{kind}_places")
    if len(wanted) == 0 or len(offers.reach) == 0:  # nothing to stack: the first offer or request
        return np.zeros((len(wanted), len(offers.reach)), dtype=bool)
    if len(wanted) <= FEW:
        by_place = offers.reach_by_place
        return np.stack([by_place[np.flatnonzero(row)].any(axis=0) for row in wanted])
    if len(offers.reach) <= FEW:
        by_place = getattr(requests, f"{kind}_by_place")
        columns = [by_place[np.flatnonzero(row)].any(axis=0) for row in offers.reach]
        return np.stack(columns, axis=1)
    return wanted.astype(np.float32) @ offers.reach.astype(np.float32).T > 0


def _timing(requests, offers) -> np.ndarray:
    """The share of the request's period during which the offer is available."""
    overlap = np.minimum(requests.ends[:, None], offers.ends[None, :]) - np.maximum(
        requests.starts[:, None], offers.starts[None, :]
    )
    length = (requests.ends - requests.starts)[:, None] + 1
    return np.clip((overlap + 1).astype(np.float32) / length, 0, 1)


def _capacity(requests, offers) -> np.ndarray:
    """Whether the offer can take one more engagement, and how much of the money, expert-days
    and in-kind items asked for it covers."""
    same_currency = requests.money_currency[:, None] == offers.money_currency[None, :]
    money = np.where(
        same_currency,
        np.minimum(offers.money[None, :] / np.maximum(requests.money[:, None], 1), 1),
        np.where(offers.money[None, :] > 0, UNKNOWN, 0),
    )
    days_known = ~np.isnan(offers.days_left)
    days = np.where(
        days_known[None, :],
        np.clip(
            np.nan_to_num(offers.days_left)[None, :] / np.maximum(requests.expert_days, 1)[:, None],
            0,
            1,
        ),
        UNKNOWN,
    )
    kinds = np.stack([requests.money_currency >= 0, requests.expert_days > 0, requests.in_kind])
    covered = (
        money * kinds[0][:, None] + days * kinds[1][:, None]
        + offers.in_kind[None, :] * kinds[2][:, None]
    )  # fmt: skip
    asked = kinds.sum(axis=0)[:, None]
    coverage = np.where(asked > 0, covered / np.maximum(asked, 1), 1)
    return (coverage * (offers.engagements_left > 0)[None, :]).astype(np.float32)


def _track_record(requests, offers) -> np.ndarray:
    """The provider's brokered matches in the request's capacity areas that were accepted, as a
    share that starts at one half (Laplace): (accepted + 1) / (decided + 2)."""
    accepted = requests.areas @ offers.track_accepted.T
    declined = requests.areas @ offers.track_declined.T
    return ((accepted + 1) / (accepted + declined + 2)).astype(np.float32)


def _semantic(requests, offers) -> np.ndarray:
    cosine = requests.vectors @ offers.vectors.T
    return np.clip((cosine - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR), 0, 1)


CRITERION_FUNCTIONS = {
    "areas": lambda r, o: _overlap(r.areas, o.areas),
    "objectives": lambda r, o: _overlap(r.objectives, o.objectives),
    "support_types": lambda r, o: _overlap(r.support_types, o.support_types),
    "geography": _geography,
    "languages": lambda r, o: (r.languages @ o.languages.T > 0).astype(np.float32),
    "modality": lambda r, o: MODALITY_FIT[r.modality[:, None], o.modality[None, :]],
    "timing": _timing,
    "capacity": _capacity,
    "track_record": _track_record,
    "semantic": _semantic,
}


def score(
    index: MatchIndex, request_rows, offer_rows, weights: dict[str, float], *, explain=True
) -> Scores:
    """Scores of the requests at `request_rows` by the offers at `offer_rows` (index arrays or
    slices of the index's rows). Without `explain`, only the totals are kept (ranking)."""
    # One BLAS thread: these products are memory-bound, and the web and task processes share the
    # cores; a second thread only waits (measured: 2 threads are slower under load).
    with _BLAS.limit(limits=1, user_api="blas"):
        return _score(index, request_rows, offer_rows, weights, explain)


def _score(index, request_rows, offer_rows, weights, explain) -> Scores:
    requests = _take(index.requests, request_rows)
    offers = _take(index.offers, offer_rows)
    normalised = _normalised_weights(requests, weights)
    total = np.zeros((len(requests.ids), len(offers.ids)), dtype=np.float32)
    values = {}
    for name, criterion in CRITERION_FUNCTIONS.items():
        if not weights[name] and not explain:
            continue
        value = criterion(requests, offers)
        total += normalised[name] * value  # accumulated: one array in memory at a time
        if explain:
            values[name] = value
    own = (requests.organisations[:, :1] == offers.organisation[None, :]) | (
        requests.organisations[:, 1:] == offers.organisation[None, :]
    )
    np.clip(total, 0, 1, out=total)
    total[own] = EXCLUDED
    return Scores(total=total, values=values, weights=normalised)


def _normalised_weights(requests, weights) -> dict[str, np.ndarray]:
    """(requests, 1) weights summing to 1 per request; a request that names no objective is not
    judged on objectives."""
    applies = {name: np.ones((len(requests.ids), 1), dtype=np.float32) for name in CRITERIA}
    applies["objectives"] = (requests.objectives.sum(axis=1, keepdims=True) > 0).astype(np.float32)
    total_weight = sum(weights[name] * applies[name] for name in CRITERIA)
    return {
        name: (weights[name] * applies[name] / np.maximum(total_weight, 1e-9)).astype(np.float32)
        for name in CRITERIA
    }


def _take(items, rows):
    """The items at `rows`, as the same dataclass (its arrays sliced along their first axis)."""
    if isinstance(rows, slice) and rows == slice(None):
        return items
    arrays = {f.name: getattr(items, f.name)[rows] for f in fields(items) if f.init}
    return replace(items, **arrays)


def top(scores: np.ndarray, k: int, minimum: float) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the `k` best scores of a 1-d array at or above `minimum`, best first,
    and their scores."""
    eligible = np.flatnonzero(scores >= minimum)
    if len(eligible) > k:
        best = np.argpartition(-scores[eligible], k - 1)[:k]
        eligible = eligible[best]
    order = np.argsort(-scores[eligible], kind="stable")
    chosen = eligible[order]
    return chosen, scores[chosen]


def explain(index: MatchIndex, pairs: list[tuple[int, int]], weights) -> list[dict]:
    """For each (request pk, offer pk), its score and what each criterion contributed:
    {"score": 0.71, "values": {criterion: value}, "weights": {criterion: normalised weight}}.
    One scoring per request, however many of its offers."""
    by_request = defaultdict(list)
    for position, (request_id, offer_id) in enumerate(pairs):
        by_request[request_id].append((position, offer_id))
    explained = [None] * len(pairs)
    for request_id, offers in by_request.items():
        columns = [index.offers.position[offer_id] for _, offer_id in offers]
        scores = score(index, [index.requests.position[request_id]], columns, weights)
        weights_used = {name: round(float(w[0, 0]), 4) for name, w in scores.weights.items()}
        for column, (position, _) in enumerate(offers):
            explained[position] = {
                "score": round(float(scores.total[0, column]), 4),
                "values": {
                    name: round(float(v[0, column]), 4) for name, v in scores.values.items()
                },
                "weights": weights_used,
            }
    return explained


def scores_for(index: MatchIndex, own: str, pk: int, weights):
    """The scores of one request ("request") against every offer, or of one offer ("offer")
    against every request: (the other side's pks, scores); None if the item is not matchable."""
    if own == "request":
        row = index.requests.position.get(pk)
        if row is None:
            return None
        return index.offers.ids, score(index, [row], slice(None), weights, explain=False).total[0]
    row = index.offers.position.get(pk)
    if row is None:
        return None
    return index.requests.ids, score(index, slice(None), [row], weights, explain=False).total[:, 0]


def ranked(index: MatchIndex, own: str, pk: int, weights, k: int, minimum: float):
    """The best `k` offers of a request (own="request"), or requests of an offer ("offer"),
    scoring at least `minimum`: [(pk, score)], best first."""
    scored = scores_for(index, own, pk, weights)
    if scored is None:
        return []
    other_ids, scores = scored
    chosen, values = top(scores, k, minimum)
    return list(zip(other_ids[chosen].tolist(), values.tolist(), strict=True))
