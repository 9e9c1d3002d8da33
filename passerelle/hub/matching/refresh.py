"""Keeping the stored matches up to date. A proposal (a Match still `proposed`) exists while the
offer is among the request's best (`in_request_top`) or the request among the offer's best
(`in_offer_top`); brokered matches stay whatever the scores say, with their score refreshed.

When one item changes, its own list is recomputed exactly, and it joins the lists of the other
side's items where it now beats their weakest entry (checked for its best CANDIDATES only — an
approximation that the full re-match after a change of weights corrects)."""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone

from passerelle.core.audit import log_action

from ..choices import MatchStatus
from ..models import Match
from . import engine, store
from .index import MatchIndex, current_index
from .weights import current_weights

CANDIDATES = 200


@dataclass(frozen=True)
class Direction:
    own: str  # "request" or "offer": the side of the item that changed
    other: str
    own_flag: str  # its list: Match.in_request_top for a request
    other_flag: str

    def pair(self, own_pk, other_pk) -> tuple[int, int]:
        """(request pk, offer pk)."""
        return (own_pk, other_pk) if self.own == "request" else (other_pk, own_pk)


FOR_REQUEST = Direction("request", "offer", "in_request_top", "in_offer_top")
FOR_OFFER = Direction("offer", "request", "in_offer_top", "in_request_top")


def _options() -> tuple[int, float, float]:
    options = settings.HUB_MATCHING
    return options["PER_ITEM"], options["MINIMUM_SCORE"], options["NOTIFY_SCORE"]


def refresh_request(request_id: int, *, notify: bool = True) -> None:
    _refresh(FOR_REQUEST, request_id, notify=notify)


def refresh_offer(offer_id: int, *, notify: bool = True) -> None:
    _refresh(FOR_OFFER, offer_id, notify=notify)


def _refresh(direction: Direction, pk: int, *, notify: bool) -> None:
    index, weights = current_index(), current_weights()
    per_item, minimum, _ = _options()
    scored = engine.scores_for(index, direction.own, pk, weights)
    with transaction.atomic():
        existing = {
            getattr(match, f"{direction.other}_id"): match
            for match in Match.objects.select_for_update().filter(**{f"{direction.own}_id": pk})
        }
        if scored is None:  # no longer open or published: off every list
            _drop(existing.values())
            return
        other_ids, scores = scored
        chosen, _ = engine.top(scores, per_item, minimum)
        mine = set(other_ids[chosen].tolist()) | _answering(index, direction, pk)
        theirs = _joining_their_lists(direction, pk, other_ids, scores, per_item, minimum)
        wanted = {
            o: (o in mine, o in theirs or _kept_flag(existing.get(o), direction))
            for o in mine | theirs
        }
        created = _write(index, direction, pk, existing, wanted, weights)
    if notify:
        _announce(created)


def _answering(index: MatchIndex, direction: Direction, pk: int) -> set[int]:
    """An offer made in answer to a request is always on the request's list (and it on the
    offer's), however it scores."""
    if direction.own == "request":
        return set(index.offers.ids[index.offers.answers == pk].tolist())
    row = index.offers.position[pk]
    answered = int(index.offers.answers[row])
    return {answered} if answered in index.requests.position else set()


def _kept_flag(match, direction) -> bool:
    return bool(match and getattr(match, direction.other_flag))


def _joining_their_lists(direction, pk, other_ids, scores, per_item, minimum) -> set[int]:
    """The other side's items whose list this item now enters: it scores above their weakest
    entry, or their list is not full. The weakest entry of a full list leaves it."""
    chosen, chosen_scores = engine.top(scores, CANDIDATES, minimum)
    candidates = dict(zip(other_ids[chosen].tolist(), chosen_scores.tolist(), strict=True))
    lists = (
        Match.objects.filter(
            **{f"{direction.other}_id__in": candidates, direction.other_flag: True}
        )
        .exclude(**{f"{direction.own}_id": pk})
        .values_list(f"{direction.other}_id")
        .annotate(size=Count("pk"), weakest=Min("score"))
    )
    full = {other: weakest for other, size, weakest in lists if size >= per_item}
    joining = {other for other, value in candidates.items() if value > full.get(other, -1)}
    for other in joining & set(full):
        _leave_list(direction, other, pk)
    return joining


def _leave_list(direction, other_pk, joining_pk) -> None:
    """The weakest entry of `other_pk`'s full list gives its place to `joining_pk`."""
    weakest = (
        Match.objects.select_for_update()
        .filter(**{f"{direction.other}_id": other_pk, direction.other_flag: True})
        .exclude(**{f"{direction.own}_id": joining_pk})
        .order_by("score", "-pk")
        .first()
    )
    if weakest is None:
        return
    setattr(weakest, direction.other_flag, False)
    if weakest.status == MatchStatus.PROPOSED and not getattr(weakest, direction.own_flag):
        weakest.delete()
    else:
        weakest.save(update_fields=[direction.other_flag, "updated"])


def _write(index, direction, pk, existing, wanted, weights) -> list[Match]:
    now = timezone.now()
    # Brokered matches keep their place and get a fresh score while both items are matchable.
    others = set(wanted) | {
        o for o, m in existing.items() if m.is_brokered and o in _positions(index, direction.other)
    }
    others = sorted(others)
    explained = dict(
        zip(
            others,
            engine.explain(index, [direction.pair(pk, o) for o in others], weights),
            strict=True,
        )
    )
    created, updated = [], []
    for other in others:
        in_mine, in_theirs = wanted.get(other, (False, _kept_flag(existing.get(other), direction)))
        fields = {
            "score": max(explained[other]["score"], 0),
            "explanation": explained[other],
            "computed_at": now,
            direction.own_flag: in_mine,
            direction.other_flag: in_theirs,
        }
        match = existing.get(other)
        if match is None:
            request_id, offer_id = direction.pair(pk, other)
            created.append(Match(request_id=request_id, offer_id=offer_id, **fields))
            continue
        for name, value in fields.items():
            setattr(match, name, value)
        updated.append(match)
    Match.objects.bulk_create(created)
    if updated:
        Match.objects.bulk_update(updated, store.STORED_FIELDS)
    stale = [m for o, m in existing.items() if o not in explained]
    for match in stale:
        setattr(match, direction.own_flag, False)
    _delete_proposals(stale, direction.own_flag)
    return created


def _drop(matches) -> None:
    """An item no longer matchable: its proposals go; its brokered matches stay, off the lists."""
    for match in matches:
        if match.status == MatchStatus.PROPOSED:
            match.delete()
        else:
            match.in_request_top = match.in_offer_top = False
            match.save(update_fields=["in_request_top", "in_offer_top", "updated"])


def _positions(index, side: str) -> dict:
    return index.requests.position if side == "request" else index.offers.position


def _delete_proposals(matches, own_flag) -> None:
    """Proposals on no list any more are deleted; the flags of the others are saved."""
    for match in matches:
        setattr(match, own_flag, False)
        if match.status == MatchStatus.PROPOSED and not (
            match.in_request_top or match.in_offer_top
        ):
            match.delete()
        else:
            match.save(update_fields=[own_flag, "updated"])


def _announce(created: list[Match]) -> None:
    """New proposals good enough to tell both parties about (notification kind match_proposed)."""
    _, _, notify_score = _options()
    for match in created:
        if match.score >= notify_score:
            log_action(None, match, "hub.match.proposed", {"score": round(match.score, 2)})


def rematch_all(*, block: int = 256) -> int:
    """Every proposal computed again, exactly, after a change of weights: the best offers of
    each request and the best requests of each offer, scored a block of requests at a time.
    Brokered matches keep their status and get a fresh score. Returns the proposals stored."""
    index, weights = current_index(), current_weights()
    per_item, minimum, _ = _options()
    requests, offers = index.requests, index.offers
    in_request_top = set()
    best = _RunningBest(per_item, len(offers))
    for start in range(0, len(requests), block):
        rows = slice(start, start + block)
        total = engine.score(index, rows, slice(None), weights, explain=False).total
        for offset, row_scores in enumerate(total):
            chosen, _ = engine.top(row_scores, per_item, minimum)
            request_id = int(requests.ids[start + offset])
            in_request_top.update((request_id, int(offers.ids[c])) for c in chosen)
        best.add(total, start, minimum)
    in_offer_top = {
        (int(requests.ids[row]), int(offers.ids[column])) for row, column in best.pairs()
    }
    answering = {
        (int(request_id), int(offer_id))
        for offer_id, request_id in zip(offers.ids, offers.answers, strict=True)
        if int(request_id) in requests.position
    }
    return _replace_all(index, weights, in_request_top | answering, in_offer_top)


class _RunningBest:
    """The best `k` requests of every offer, kept while blocks of requests are scored."""

    def __init__(self, k: int, offers: int):
        self.k = k
        self.scores = np.full((k, offers), -np.inf, dtype=np.float32)
        self.rows = np.full((k, offers), -1, dtype=np.int64)

    def add(self, total: np.ndarray, start: int, minimum: float) -> None:
        total = np.where(total >= minimum, total, -np.inf)
        rows = np.broadcast_to(np.arange(start, start + len(total))[:, None], total.shape)
        scores = np.vstack([self.scores, total])
        candidates = np.vstack([self.rows, rows])
        keep = np.argpartition(-scores, self.k - 1, axis=0)[: self.k]
        self.scores = np.take_along_axis(scores, keep, axis=0)
        self.rows = np.take_along_axis(candidates, keep, axis=0)

    def pairs(self):
        """(request row, offer column) of every kept score."""
        rows, columns = np.nonzero(np.isfinite(self.scores))
        return zip(self.rows[rows, columns].tolist(), columns.tolist(), strict=True)


def _replace_all(index, weights, in_request_top: set, in_offer_top: set) -> int:
    """Store the lists, a block of requests at a time: proposals still wanted keep their row
    (links to them stay valid), the others go, new ones are created; brokered matches get a
    fresh score. Returns the proposals stored."""
    from .index import matchable_offers, matchable_requests

    now = timezone.now()
    wanted = defaultdict(set)
    for request_id, offer_id in in_request_top | in_offer_top:
        wanted[request_id].add(offer_id)
    with transaction.atomic():
        proposals = Match.objects.filter(status=MatchStatus.PROPOSED)
        proposals.exclude(request__in=matchable_requests()).delete()
        proposals.exclude(offer__in=matchable_offers()).delete()
        request_ids = sorted(index.requests.position)
        for start in range(0, len(request_ids), REPLACE_BLOCK):
            block = request_ids[start : start + REPLACE_BLOCK]
            _replace_block(index, weights, block, wanted, in_request_top, in_offer_top, now)
    return sum(len(offers) for offers in wanted.values())


REPLACE_BLOCK = 500


def _replace_block(index, weights, block, wanted, in_request_top, in_offer_top, now) -> None:
    existing = {
        (request_id, offer_id): (pk, status)
        for pk, request_id, offer_id, status in Match.objects.filter(
            request_id__in=block
        ).values_list("pk", "request_id", "offer_id", "status")
    }
    stale = [
        pk
        for (request_id, offer_id), (pk, status) in existing.items()
        if status == MatchStatus.PROPOSED and offer_id not in wanted[request_id]
    ]
    Match.objects.filter(pk__in=stale).delete()
    pairs = [(r, o) for r in block for o in sorted(wanted[r])]
    pairs += [
        pair
        for pair, (_, status) in existing.items()
        if status != MatchStatus.PROPOSED
        and pair[1] not in wanted[pair[0]]
        and pair[1] in index.offers.position
    ]
    explained = dict(zip(pairs, engine.explain(index, pairs, weights), strict=True))
    updated, created = [], []
    for (request_id, offer_id), explanation in explained.items():
        fields = {
            "score": max(explanation["score"], 0),
            "explanation": explanation,
            "computed_at": now,
            "in_request_top": (request_id, offer_id) in in_request_top,
            "in_offer_top": (request_id, offer_id) in in_offer_top,
        }
        row = existing.get((request_id, offer_id))
        if row is None:
            created.append((request_id, offer_id, fields))
        else:
            updated.append((row[0], fields))
    store.insert_proposals(created)
    store.update_scores(updated)
