"""Funding suggestions for a donor profile: open requests with a money gap and approved proposals
in the pooled funds' pipelines, ranked by how well they fit the donor's priorities — capacity
areas, GCM objectives, geography (the country, else the region) and the size of the gap against
the donor's usual ticket — each with its reasons in words.

`fit` is a pure function of plain data, so that the ranking can be tested without a database."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from passerelle.geo.models import Country, Region
from passerelle.hub.choices import RequirementKind
from passerelle.hub.models import SupportRequest

from .. import coverage
from ..choices import FUNDED_STATUSES, ProposalStatus
from ..models import Contribution, Proposal
from ..services.contributions import FUNDABLE_REQUEST_STATUSES

AREA_POINTS = 30
OBJECTIVE_POINTS = 20
COUNTRY_POINTS = 30
REGION_POINTS = 15
TICKET_POINTS = 20
LIMIT = 20
ZERO = Decimal(0)


@dataclass(frozen=True)
class Preferences:
    """A donor's priorities, as ids to names (the names go into the reasons)."""

    areas: dict = field(default_factory=dict)
    objectives: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)
    countries: dict = field(default_factory=dict)
    ticket_min: Decimal | None = None
    ticket_max: Decimal | None = None


@dataclass(frozen=True)
class Candidate:
    """What may be funded: its tags as ids, its regions with their parents, and its money gap in
    USD."""

    areas: frozenset = frozenset()
    objectives: frozenset = frozenset()
    countries: frozenset = frozenset()
    regions: frozenset = frozenset()
    gap: Decimal = ZERO


@dataclass
class Fit:
    score: int
    reasons: list[str]


def _names(ids, names: dict) -> str:
    return ", ".join(sorted(str(names[pk]) for pk in ids))


def _usd(amount: Decimal) -> str:
    return number_format(amount, decimal_pos=0, force_grouping=True)


def fit(preferences: Preferences, candidate: Candidate) -> Fit:
    """How well `candidate` fits `preferences`, out of 100, and why."""
    score, reasons = 0, []
    areas = candidate.areas & preferences.areas.keys()
    if areas:
        score += AREA_POINTS
        reasons.append(_("Capacity areas you fund: %(names)s.")
                       % {"names": _names(areas, preferences.areas)})  # fmt: skip
    objectives = candidate.objectives & preferences.objectives.keys()
    if objectives:
        score += OBJECTIVE_POINTS
        reasons.append(_("GCM objectives you support: %(names)s.")
                       % {"names": _names(objectives, preferences.objectives)})  # fmt: skip
    countries = candidate.countries & preferences.countries.keys()
    regions = candidate.regions & preferences.regions.keys()
    if countries:
        score += COUNTRY_POINTS
        reasons.append(_("In a country you give to: %(names)s.")
                       % {"names": _names(countries, preferences.countries)})  # fmt: skip
    elif regions:
        score += REGION_POINTS
        reasons.append(_("In a region you give to: %(names)s.")
                       % {"names": _names(regions, preferences.regions)})  # fmt: skip
    score += _ticket(preferences, candidate.gap, reasons)
    return Fit(score, reasons)


def _ticket(preferences: Preferences, gap: Decimal, reasons: list[str]) -> int:
    low, high = preferences.ticket_min, preferences.ticket_max
    if low is None and high is None:
        return 0
    if low is not None and gap < low:
        reasons.append(_("The gap (%(gap)s USD) is below your smallest contribution "
                         "(%(low)s USD).") % {"gap": _usd(gap), "low": _usd(low)})  # fmt: skip
        return 0
    if high is not None and gap > high:
        share = int(high * 100 / gap)
        reasons.append(_("Your largest contribution (%(high)s USD) would cover %(share)d %% of "
                         "the gap (%(gap)s USD).")
                       % {"high": _usd(high), "share": share, "gap": _usd(gap)})  # fmt: skip
        return TICKET_POINTS // 2
    reasons.append(_("The gap (%(gap)s USD) fits the size of your contributions.")
                   % {"gap": _usd(gap)})  # fmt: skip
    return TICKET_POINTS


# --- from the database -------------------------------------------------------------------------


@dataclass
class Suggestion:
    item: object  # a SupportRequest or a Proposal
    kind: str  # "request" or "proposal"
    gap: Decimal
    fit: Fit


def preferences_of(profile) -> Preferences:
    return Preferences(
        areas={a.pk: a.name for a in profile.capacity_areas.all()},
        objectives={o.pk: str(o) for o in profile.gcm_objectives.all()},
        regions={r.pk: r.name for r in profile.regions.all()},
        countries={c.pk: c.name for c in profile.countries.all()},
        ticket_min=profile.ticket_min,
        ticket_max=profile.ticket_max,
    )


def _ancestors() -> tuple[dict[int, frozenset], dict[int, frozenset]]:
    """Every region with its parents, and every country's region with its parents."""
    parents = dict(Region.objects.values_list("pk", "parent_id"))

    def chain(region):
        found = set()
        while region is not None:
            found.add(region)
            region = parents.get(region)
        return frozenset(found)

    of_region = {region: chain(region) for region in parents}
    of_country = {
        c: of_region.get(r, frozenset()) for c, r in Country.objects.values_list("pk", "region_id")
    }
    return of_region, of_country


def _tags(queryset, relation: str) -> dict[int, set]:
    found: dict[int, set] = {}
    for pk, other in queryset.values_list("pk", relation):
        if other:
            found.setdefault(pk, set()).add(other)
    return found


def _request_candidates(user, of_region, of_country) -> list[tuple[SupportRequest, Candidate]]:
    requests = list(
        SupportRequest.objects.visible_to(user)
        .filter(status__in=FUNDABLE_REQUEST_STATUSES, requirements__kind=RequirementKind.MONEY)
        .distinct()
        .defer("embedding")
        .select_related("organisation", "country", "region")
    )
    ids = [r.pk for r in requests]
    queryset = SupportRequest.objects.filter(pk__in=ids)
    areas, objectives = _tags(queryset, "capacity_areas"), _tags(queryset, "gcm_objectives")
    gaps = {
        pk: next((c.gap for c in rows if c.kind == RequirementKind.MONEY), ZERO)
        for pk, rows in coverage.for_requests(ids).items()
    }
    found = []
    for request in requests:
        if gaps[request.pk] <= 0:
            continue
        regions = (
            of_country.get(request.country_id, frozenset())
            if request.country_id
            else of_region.get(request.region_id, frozenset())
        )
        found.append((request, Candidate(
            areas=frozenset(areas.get(request.pk, ())),
            objectives=frozenset(objectives.get(request.pk, ())),
            countries=frozenset([request.country_id] if request.country_id else ()),
            regions=regions,
            gap=gaps[request.pk],
        )))  # fmt: skip
    return found


def _proposal_candidates(user, of_country) -> list[tuple[Proposal, Candidate]]:
    proposals = list(
        Proposal.objects.visible_to(user)
        .filter(status=ProposalStatus.APPROVED)
        .distinct()
        .select_related("organisation", "call__fund")
    )
    ids = [p.pk for p in proposals]
    queryset = Proposal.objects.filter(pk__in=ids)
    areas, objectives = _tags(queryset, "capacity_areas"), _tags(queryset, "gcm_objectives")
    countries = _tags(queryset, "countries")
    earmarked = dict(
        Contribution.objects.filter(earmark_proposal__in=ids, status__in=FUNDED_STATUSES)
        .values("earmark_proposal")
        .annotate(total=Sum("amount_usd"))
        .values_list("earmark_proposal", "total")
    )
    found = []
    for proposal in proposals:
        gap = proposal.budget - earmarked.get(proposal.pk, ZERO)
        if gap <= 0:
            continue
        where = countries.get(proposal.pk, set())
        found.append((proposal, Candidate(
            areas=frozenset(areas.get(proposal.pk, ())),
            objectives=frozenset(objectives.get(proposal.pk, ())),
            countries=frozenset(where),
            regions=frozenset().union(*(of_country.get(c, frozenset()) for c in where)),
            gap=gap,
        )))  # fmt: skip
    return found


def suggestions(*, user, profile) -> list[Suggestion]:
    """The best fits for `profile` among what `user` may see, best first (at most LIMIT); those
    that fit in nothing are left out."""
    preferences = preferences_of(profile)
    of_region, of_country = _ancestors()
    ranked = []
    for kind, candidates in (
        ("request", _request_candidates(user, of_region, of_country)),
        ("proposal", _proposal_candidates(user, of_country)),
    ):
        for item, candidate in candidates:
            result = fit(preferences, candidate)
            if result.score > 0:
                ranked.append(Suggestion(item, kind, candidate.gap, result))
    ranked.sort(key=lambda s: (-s.fit.score, -s.gap, s.kind, s.item.pk))
    return ranked[:LIMIT]
