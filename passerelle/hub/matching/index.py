"""The matcher's index: the open requests and the published offers as numpy arrays, one row per
item, built from the database in a fixed number of queries and kept in the process until
something it depends on changes (its stamp)."""

import threading
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from passerelle.core import embeddings
from passerelle.geo.models import Country, Region, RegionalBody
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from ..choices import (
    MatchStatus,
    Modality,
    OfferStatus,
    RequestStatus,
    RequirementKind,
    SupportType,
)
from ..models import Match, Offer, Requirement, SupportRequest
from ..models.matches import BROKERED_STATUSES

MATCHABLE_REQUEST_STATUSES = (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED)
ENGAGED = (MatchStatus.ACCEPTED, MatchStatus.PARTNERSHIP)
MODALITIES = list(Modality.values)
SUPPORT_TYPES = list(SupportType.values)
OPEN_ENDED = 10**6  # an offer with no end date: a day far beyond any request's end
NO_ORGANISATION = {"request": -1, "offer": -2}  # never equal to each other


def matchable_requests():
    return SupportRequest.objects.filter(status__in=MATCHABLE_REQUEST_STATUSES)


def matchable_offers():
    today = timezone.localdate()
    return Offer.objects.filter(status=OfferStatus.PUBLISHED).filter(
        Q(available_until__isnull=True) | Q(available_until__gte=today)
    )


@dataclass
class Items:
    """What requests and offers have in common, one row per item."""

    ids: np.ndarray
    areas: np.ndarray  # (n, areas) multi-hot
    objectives: np.ndarray  # (n, objectives) multi-hot
    support_types: np.ndarray  # (n, types) multi-hot
    languages: np.ndarray  # (n, languages) multi-hot
    modality: np.ndarray  # (n,) index in MODALITIES
    starts: np.ndarray  # (n,) days since 1970
    ends: np.ndarray
    vectors: np.ndarray  # (n, 512) unit-length text embeddings
    position: dict[int, int] = field(init=False)

    def __post_init__(self):
        self.position = {int(pk): row for row, pk in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Requests(Items):
    exact_places: np.ndarray  # (n, places) bool: the country or region, and what contains it
    near_places: np.ndarray  # (n, places) bool: neighbours, fellow members of regional bodies
    organisations: np.ndarray  # (n, 2): requester and joint government (-1: none)
    money: np.ndarray  # (n,) amount asked, in `money_currency`
    money_currency: np.ndarray  # (n,) index in the vocabulary's currencies, -1: no money asked
    expert_days: np.ndarray  # (n,) expert-days asked
    in_kind: np.ndarray  # (n,) asks for in-kind items
    # The same places by place (contiguous): one offer against every request reads a few rows.
    exact_by_place: np.ndarray = field(init=False)
    near_by_place: np.ndarray = field(init=False)

    def __post_init__(self):
        super().__post_init__()
        self.exact_by_place = np.ascontiguousarray(self.exact_places.T)
        self.near_by_place = np.ascontiguousarray(self.near_places.T)


@dataclass
class Offers(Items):
    reach: np.ndarray  # (n, places) bool: countries and regions covered
    is_global: np.ndarray
    organisation: np.ndarray  # (n,) offering organisation, -2 for an individual expert
    engagements_left: np.ndarray
    days_left: np.ndarray  # nan: the offer does not say
    money: np.ndarray
    money_currency: np.ndarray
    in_kind: np.ndarray
    answers: np.ndarray  # (n,) the request an offer answers, -1: none
    track_accepted: np.ndarray  # (n, areas) the provider's accepted matches, by capacity area
    track_declined: np.ndarray
    reach_by_place: np.ndarray = field(init=False)  # (places, n): one request reads a few rows

    def __post_init__(self):
        super().__post_init__()
        self.reach_by_place = np.ascontiguousarray(self.reach.T)


@dataclass
class MatchIndex:
    requests: Requests
    offers: Offers
    stamp: tuple
    area_ids: list[int]
    objective_ids: list[int]


def _days(date) -> int:
    return date.toordinal() - 719163  # 1970-01-01


def _multi_hot(position, pairs, columns, dtype=np.float32) -> np.ndarray:
    """Rows of `position` by `columns` with a 1 for each (item pk, column key) pair."""
    array = np.zeros((len(position), len(columns)), dtype=dtype)
    cells = [(position[a], columns[b]) for a, b in pairs if a in position and b in columns]
    if cells:
        rows, cols = zip(*cells, strict=True)
        array[list(rows), list(cols)] = 1
    return array


def _vectors(queryset, position) -> np.ndarray:
    vectors = np.zeros((len(position), embeddings.DIMENSIONS), dtype=np.float32)
    for pk, data in queryset.values_list("pk", "embedding").iterator(chunk_size=2000):
        vectors[position[pk]] = embeddings.from_bytes(data)
    return vectors


class Geography:
    """UN M49 regions, countries and regional bodies: what contains a place, and its neighbours."""

    def __init__(self):
        self.country_region = dict(Country.objects.values_list("pk", "region_id"))
        self.region_parent = dict(Region.objects.values_list("pk", "parent_id"))
        self.region_countries = defaultdict(set)
        for country, region in self.country_region.items():
            for above in self.regions_above(region):
                self.region_countries[above].add(country)
        bodies = defaultdict(set)
        for body, country in RegionalBody.members.through.objects.values_list(
            "regionalbody_id", "country_id"
        ):
            bodies[body].add(country)
        self.partners = defaultdict(set)  # country → fellow members of its regional bodies
        for members in bodies.values():
            for country in members:
                self.partners[country] |= members

    def regions_above(self, region) -> list[int]:
        chain = []
        while region is not None:
            chain.append(region)
            region = self.region_parent.get(region)
        return chain

    def countries_in(self, region) -> set[int]:
        return self.region_countries[region]

    def exact(self, country, region) -> set:
        """The places an offer may cover to cover this request fully."""
        if country is not None:
            regions = self.regions_above(self.country_region[country])
            return {("c", country)} | {("r", r) for r in regions}
        if region is not None:
            return {("r", r) for r in self.regions_above(region)} | {
                ("c", c) for c in self.countries_in(region)
            }
        return set()

    def near(self, country, region) -> set:
        """Places close enough for an offer there to help: the same (lowest) region, or a
        regional body both belong to."""
        if country is not None:
            neighbours = self.countries_in(self.country_region[country]) | self.partners[country]
            return {("c", c) for c in neighbours - {country}}
        if region is not None and self.region_parent.get(region) is not None:
            parent = self.region_parent[region]
            return {("c", c) for c in self.countries_in(parent) - self.countries_in(region)}
        return set()


def stamp() -> tuple:
    """Changes whenever something the index holds may have changed."""
    from .weights import current_weights_version

    requests = matchable_requests().aggregate(n=Count("pk"), last=Max("updated"))
    offers = matchable_offers().aggregate(n=Count("pk"), last=Max("updated"))
    brokered = Match.objects.filter(status__in=BROKERED_STATUSES).aggregate(
        n=Count("pk"), last=Max("updated")
    )
    return (
        tuple(requests.values()),
        tuple(offers.values()),
        tuple(brokered.values()),
        current_weights_version(),
        timezone.localdate(),
    )


def build() -> MatchIndex:
    requests, offers = matchable_requests(), matchable_offers()
    embeddings.embed_missing(requests)
    embeddings.embed_missing(offers)
    current = stamp()
    area_ids = list(CapacityArea.objects.values_list("pk", flat=True))
    objective_ids = list(GCMObjective.objects.values_list("pk", flat=True))
    vocabulary = {
        "areas": {pk: col for col, pk in enumerate(area_ids)},
        "objectives": {pk: col for col, pk in enumerate(objective_ids)},
        "support_types": {value: col for col, value in enumerate(SUPPORT_TYPES)},
    }
    request_rows = list(
        requests.values_list(
            "pk", "language", "working_languages", "modality", "starts_on", "ends_on",
            "country_id", "region_id", "organisation_id", "joint_with_id",
        ).order_by("pk")
    )  # fmt: skip
    offer_rows = list(
        offers.values_list(
            "pk", "language", "languages", "modality", "available_from", "available_until",
            "is_global", "organisation_id", "expert_id", "max_engagements", "expert_days",
            "money_amount", "currency", "in_response_to_id",
        ).order_by("pk")
    )  # fmt: skip
    languages = sorted(
        {row[1] for row in request_rows + offer_rows}
        | {code for row in request_rows + offer_rows for code in row[2]}
    )
    vocabulary["languages"] = {code: col for col, code in enumerate(languages)}
    reach = _offer_reach(offers)
    vocabulary["places"] = {place: col for col, place in enumerate(sorted({p for _, p in reach}))}
    currencies = sorted(
        {row[12] for row in offer_rows if row[12]}
        | set(
            Requirement.objects.filter(request__in=requests, kind=RequirementKind.MONEY)
            .values_list("currency", flat=True)
            .distinct()
        )
    )
    vocabulary["currencies"] = {code: col for col, code in enumerate(currencies)}
    return MatchIndex(
        requests=_requests(requests, request_rows, vocabulary),
        offers=_offers(offers, offer_rows, vocabulary, reach),
        stamp=current,
        area_ids=area_ids,
        objective_ids=objective_ids,
    )


def _common(queryset, rows, vocabulary, *, languages_of, start_of, end_of) -> dict:
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    position = {pk: index for index, pk in enumerate(ids.tolist())}
    through_areas = queryset.model.capacity_areas.through
    through_objectives = queryset.model.gcm_objectives.through
    owner = queryset.model._meta.model_name  # supportrequest / offer
    return {
        "ids": ids,
        "areas": _multi_hot(
            position,
            through_areas.objects.filter(**{f"{owner}__in": queryset}).values_list(
                f"{owner}_id", "capacityarea_id"
            ),
            vocabulary["areas"],
        ),
        "objectives": _multi_hot(
            position,
            through_objectives.objects.filter(**{f"{owner}__in": queryset}).values_list(
                f"{owner}_id", "gcmobjective_id"
            ),
            vocabulary["objectives"],
        ),
        "support_types": _multi_hot(
            position,
            queryset.model.support_types.rel.related_model.objects.filter(
                **{f"{queryset.model.support_types.rel.field.name}__in": queryset}
            ).values_list(f"{queryset.model.support_types.rel.field.name}_id", "support_type"),
            vocabulary["support_types"],
        ),
        "languages": _multi_hot(
            position,
            [(row[0], code) for row in rows for code in languages_of(row)],
            vocabulary["languages"],
        ),
        "modality": np.array([MODALITIES.index(row[3]) for row in rows], dtype=np.int8),
        "starts": np.array([start_of(row) for row in rows], dtype=np.int32),
        "ends": np.array([end_of(row) for row in rows], dtype=np.int32),
        "vectors": _vectors(queryset, position),
    }


def _requests(queryset, rows, vocabulary) -> Requests:
    common = _common(
        queryset,
        rows,
        vocabulary,
        languages_of=lambda row: row[2] or [row[1]],
        start_of=lambda row: _days(row[4]),
        end_of=lambda row: _days(row[5]),
    )
    position = {pk: index for index, pk in enumerate(common["ids"].tolist())}
    geography = Geography()
    exact, near = [], []
    for row in rows:
        exact += [(row[0], place) for place in geography.exact(row[6], row[7])]
        near += [(row[0], place) for place in geography.near(row[6], row[7])]
    needs = _needs(queryset, position, vocabulary["currencies"])
    return Requests(
        **common,
        exact_places=_multi_hot(position, exact, vocabulary["places"], bool),
        near_places=_multi_hot(position, near, vocabulary["places"], bool),
        organisations=np.array(
            [
                [row[8], row[9] if row[9] is not None else NO_ORGANISATION["request"]]
                for row in rows
            ],
            dtype=np.int64,
        ).reshape(len(rows), 2),
        **needs,
    )


def _needs(queryset, position, currencies) -> dict:
    """What each request asks for: the largest sum of money (and its currency), the expert-days,
    whether it asks for in-kind items."""
    n = len(position)
    needs = {
        "money": np.zeros(n, dtype=np.float32),
        "money_currency": np.full(n, -1, dtype=np.int32),
        "expert_days": np.zeros(n, dtype=np.float32),
        "in_kind": np.zeros(n, dtype=bool),
    }
    totals = (
        Requirement.objects.filter(request__in=queryset)
        .values_list("request_id", "kind", "currency")
        .annotate(total=Sum("quantity"))
    )
    for request_id, kind, currency, total in totals:
        row = position[request_id]
        if kind == RequirementKind.MONEY and total > needs["money"][row]:
            needs["money"][row] = total
            needs["money_currency"][row] = currencies[currency]
        elif kind == RequirementKind.EXPERT_DAYS:
            needs["expert_days"][row] += float(total)
        elif kind == RequirementKind.IN_KIND:
            needs["in_kind"][row] = True
    return needs


def _offer_reach(offers) -> list[tuple[int, tuple]]:
    countries = Offer.countries.through.objects.filter(offer__in=offers)
    regions = Offer.regions.through.objects.filter(offer__in=offers)
    return [(o, ("c", c)) for o, c in countries.values_list("offer_id", "country_id")] + [
        (o, ("r", r)) for o, r in regions.values_list("offer_id", "region_id")
    ]


def _offers(queryset, rows, vocabulary, reach) -> Offers:
    common = _common(
        queryset,
        rows,
        vocabulary,
        languages_of=lambda row: row[2] or [row[1]],
        start_of=lambda row: _days(row[4]),
        end_of=lambda row: _days(row[5]) if row[5] else OPEN_ENDED,
    )
    position = {pk: index for index, pk in enumerate(common["ids"].tolist())}
    engaged = dict(
        Match.objects.filter(offer__in=queryset, status__in=ENGAGED)
        .values_list("offer_id")
        .annotate(n=Count("pk"))
    )
    days_committed = dict(
        Requirement.objects.filter(
            kind=RequirementKind.EXPERT_DAYS,
            request__matches__offer__in=queryset,
            request__matches__status__in=ENGAGED,
        )
        .values_list("request__matches__offer_id")
        .annotate(days=Sum("quantity"))
    )
    accepted, declined = _track_record(rows, vocabulary["areas"])
    currencies = vocabulary["currencies"]
    return Offers(
        **common,
        reach=_multi_hot(position, reach, vocabulary["places"], bool),
        is_global=np.array([row[6] for row in rows], dtype=bool),
        organisation=np.array(
            [row[7] if row[7] is not None else NO_ORGANISATION["offer"] for row in rows],
            dtype=np.int64,
        ),
        engagements_left=np.array(
            [row[9] - engaged.get(row[0], 0) for row in rows], dtype=np.int32
        ),
        days_left=np.array(
            [row[10] - float(days_committed.get(row[0], 0)) if row[10] else np.nan for row in rows],
            dtype=np.float32,
        ),
        money=np.array([float(row[11] or 0) for row in rows], dtype=np.float32),
        money_currency=np.array([currencies.get(row[12], -1) for row in rows], dtype=np.int32),
        in_kind=common["support_types"][:, SUPPORT_TYPES.index(SupportType.IN_KIND)] > 0,
        answers=np.array([row[13] or -1 for row in rows], dtype=np.int64),
        track_accepted=accepted,
        track_declined=declined,
    )


def _provider(organisation_id, expert_id) -> tuple:
    return ("organisation", organisation_id) if organisation_id else ("expert", expert_id)


def _track_record(rows, areas) -> tuple[np.ndarray, np.ndarray]:
    """For each offer, its provider's brokered matches that ended accepted (or in partnership)
    and declined, counted by the capacity areas of the requests."""
    outcomes = Match.objects.filter(status__in=(*ENGAGED, MatchStatus.DECLINED)).values_list(
        "offer__organisation_id", "offer__expert_id", "status", "request__capacity_areas"
    )
    counts = defaultdict(lambda: np.zeros((2, len(areas)), dtype=np.float32))
    for organisation_id, expert_id, status, area in outcomes:
        if area in areas:
            counts[_provider(organisation_id, expert_id)][
                0 if status in ENGAGED else 1, areas[area]
            ] += 1
    record = np.zeros((2, len(rows), len(areas)), dtype=np.float32)
    for row_number, row in enumerate(rows):
        provider = _provider(row[7], row[8])
        if provider in counts:
            record[:, row_number] = counts[provider]
    return record[0], record[1]


_lock = threading.Lock()
_cached: MatchIndex | None = None


def current_index() -> MatchIndex:
    """The index, rebuilt if anything it holds changed since it was built."""
    global _cached
    with _lock:
        if _cached is None or _cached.stamp != stamp():
            _cached = build()
        return _cached


def forget() -> None:
    """Drop the index held by this process (tests; after a bulk change)."""
    global _cached
    with _lock:
        _cached = None
