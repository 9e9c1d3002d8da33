"""Reads of pooled funds, calls, proposals and reviews, each in a fixed number of queries: the
list of funds with their balances, a fund's dashboard (deposits, transfers, expenditure, delivery
rate, broken down by thematic area, country and participating organisation), a call's proposals
with their weighted scores, a proposal's reviews as the reader may see them, and the pipeline.

Money is in US dollars, at the rate each flow keeps. A funded project with several areas,
countries or participating organisations counts in equal shares in each (the remaining cent goes
to the first), so that every breakdown adds up to the fund's totals.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum

from passerelle.core.permissions import get_visible_or_404
from passerelle.hub.choices import RequirementKind

from ..choices import (
    FUNDED_STATUSES,
    CallStatus,
    ContributionKind,
    ContributionStatus,
    ProposalStatus,
    ReviewStatus,
    TransactionKind,
)
from ..coverage import Coverage
from ..models import Call, Contribution, Criterion, Fund, Proposal, Review, Score, Transaction
from ..rates import CENT

ZERO = Decimal(0)


def _percent(part: Decimal, whole: Decimal) -> int | None:
    return int(part * 100 / whole) if whole else None


# --- funds -------------------------------------------------------------------------------------


def fund_list(*, user) -> list[Fund]:
    """Every fund the person may see, each with `balance` and `open_calls` (four queries)."""
    funds = list(
        Fund.objects.visible_to(user)
        .select_related("manager")
        .annotate(open_calls=Count("calls", filter=Q(calls__status=CallStatus.OPEN)))
        .order_by("name")
    )
    balances = fund_balances([fund.pk for fund in funds])
    for fund in funds:
        fund.balance = balances.get(fund.pk, ZERO)
    return funds


def fund_get(*, user, slug: str) -> Fund:
    return get_visible_or_404(
        Fund.objects.select_related("manager").prefetch_related("committee"), user, slug=slug
    )


def fund_balances(fund_ids) -> dict[int, Decimal]:
    """What each fund may still transfer: for each of its paid-in money deposits, what was paid
    less what grants drew on it (as services.balance, for many funds in two queries)."""
    deposits = Contribution.objects.filter(
        fund__in=fund_ids, kind=ContributionKind.FINANCIAL
    ).exclude(status=ContributionStatus.CANCELLED)
    paid = {
        row["contribution"]: (row["contribution__fund"], row["total"])
        for row in Transaction.objects.filter(
            contribution__in=deposits, kind=TransactionKind.DISBURSEMENT
        )
        .values("contribution", "contribution__fund")
        .annotate(total=Sum("amount_usd"))
    }
    drawn = {
        row["parent"]: row["total"]
        for row in Contribution.objects.filter(parent__in=deposits)
        .exclude(status=ContributionStatus.CANCELLED)
        .values("parent")
        .annotate(total=Sum("amount_usd"))
    }
    balances: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for deposit_id, (fund_id, total) in paid.items():
        left = total - drawn.get(deposit_id, ZERO)
        if left > 0:
            balances[fund_id] += left
    return {fund_id: amount.quantize(CENT) for fund_id, amount in balances.items()}


@dataclass
class Line:
    """One row of a breakdown: what the fund transferred to the projects in it, and what those
    projects reported spending."""

    label: str
    url: str = ""
    funded: Decimal = ZERO
    spent: Decimal = ZERO
    projects: int = 0

    @property
    def delivery(self) -> int | None:
        return _percent(self.spent, self.funded)


@dataclass
class Dashboard:
    committed: Decimal = ZERO  # deposits committed or paid
    paid: Decimal = ZERO  # disbursed into the fund
    pledged: Decimal = ZERO  # promised, not yet committed
    funded: Decimal = ZERO  # transferred to projects (net funded)
    spent: Decimal = ZERO  # expenditure the projects reported on the transfers
    deposits: list = field(default_factory=list)
    by_area: list[Line] = field(default_factory=list)
    by_country: list[Line] = field(default_factory=list)
    by_organisation: list[Line] = field(default_factory=list)
    grants: list = field(default_factory=list)  # (proposal, funded, spent)

    @property
    def delivery(self) -> int | None:
        """Delivery rate: expenditure over net funded, in whole percent."""
        return _percent(self.spent, self.funded)


def _shares(amount: Decimal, count: int) -> list[Decimal]:
    """`amount` in `count` equal shares to the cent, the remainder on the first."""
    if count <= 0:
        return []
    share = (amount / count).quantize(CENT, rounding="ROUND_DOWN")
    return [amount - share * (count - 1), *[share] * (count - 1)]


def _spread(lines: dict, items, funded: Decimal, spent: Decimal, label, url) -> None:
    items = list(items)
    for item, part_funded, part_spent in zip(
        items, _shares(funded, len(items)), _shares(spent, len(items)), strict=True
    ):
        line = lines.get(item.pk)
        if line is None:
            line = lines[item.pk] = Line(label=label(item), url=url(item))
        line.funded += part_funded
        line.spent += part_spent
        line.projects += 1


def _ranked(lines: dict) -> list[Line]:
    return sorted(lines.values(), key=lambda line: (-line.funded, line.label))


def fund_dashboard(fund: Fund) -> Dashboard:
    """The fund's figures, in seven queries whatever the number of deposits and grants."""
    board = Dashboard()
    deposits = list(
        fund.deposits.exclude(status=ContributionStatus.CANCELLED)
        .select_related(
            "source_organisation", "source_person", "earmark_area", "earmark_country",
            "earmark_proposal",
        )
        .order_by("-value_date", "-pk")
    )  # fmt: skip
    paid = dict(
        Transaction.objects.filter(
            contribution__fund=fund, kind=TransactionKind.DISBURSEMENT
        ).exclude(contribution__status=ContributionStatus.CANCELLED)
        .values_list("contribution")
        .annotate(total=Sum("amount_usd"))
    )  # fmt: skip
    for deposit in deposits:
        deposit.paid_usd = paid.get(deposit.pk, ZERO)
        if deposit.status in FUNDED_STATUSES:
            board.committed += deposit.amount_usd
        else:
            board.pledged += deposit.amount_usd
        board.paid += deposit.paid_usd
    board.deposits = deposits

    transfers = list(
        Contribution.objects.filter(source_fund=fund)
        .exclude(status=ContributionStatus.CANCELLED)
        .values_list("pk", "project", "amount_usd")
    )
    spent_on = dict(
        Transaction.objects.filter(
            contribution__source_fund=fund, kind=TransactionKind.EXPENDITURE
        ).exclude(contribution__status=ContributionStatus.CANCELLED)
        .values_list("contribution")
        .annotate(total=Sum("amount_usd"))
    )  # fmt: skip
    funded_project: dict[int, Decimal] = defaultdict(lambda: ZERO)
    spent_project: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for pk, project_id, amount in transfers:
        funded_project[project_id] += amount
        spent_project[project_id] += spent_on.get(pk, ZERO)
    board.funded = sum(funded_project.values(), ZERO)
    board.spent = sum(spent_project.values(), ZERO)

    grants = (
        Proposal.objects.filter(project__in=list(funded_project))
        .select_related("organisation", "project")
        .prefetch_related("capacity_areas", "countries", "partners")
        .order_by("title")
    )
    areas, countries, organisations = {}, {}, {}
    for proposal in grants:
        funded = funded_project[proposal.project_id]
        spent = spent_project[proposal.project_id]
        board.grants.append((proposal, funded, spent))
        _spread(areas, proposal.capacity_areas.all(), funded, spent,
                lambda a: a.name, lambda a: a.get_absolute_url())  # fmt: skip
        _spread(countries, proposal.countries.all(), funded, spent,
                lambda c: c.name, lambda c: c.get_absolute_url())  # fmt: skip
        _spread(organisations, [proposal.organisation, *proposal.partners.all()], funded, spent,
                lambda o: o.name, lambda o: o.get_absolute_url())  # fmt: skip
    board.by_area = _ranked(areas)
    board.by_country = _ranked(countries)
    board.by_organisation = _ranked(organisations)
    return board


def fund_calls(*, user, fund: Fund) -> list[Call]:
    return list(
        Call.objects.visible_to(user)
        .filter(fund=fund)
        .annotate(submitted=Count("proposals", filter=~Q(proposals__status=ProposalStatus.DRAFT)))
        .order_by("-deadline")
    )


# --- calls -------------------------------------------------------------------------------------


def call_get(*, user, pk: int) -> Call:
    return get_visible_or_404(Call.objects.select_related("fund", "fund__manager"), user, pk=pk)


def call_criteria(call: Call) -> list[Criterion]:
    return list(call.criteria.select_related("principle").order_by("position"))


def call_detail_related(call: Call) -> Call:
    """The call's areas and countries, fetched once for its page."""
    call.area_list = list(call.capacity_areas.order_by("position", "name"))
    call.country_list = list(call.countries.order_by("name"))
    return call


def weighted_scores(proposal_ids) -> dict[int, tuple[Decimal | None, int]]:
    """Each proposal's weighted average score (0 to 4, two decimals) over the submitted reviews,
    and how many reviews were submitted: one query."""
    totals: dict[int, list] = defaultdict(lambda: [ZERO, ZERO, set()])
    rows = Score.objects.filter(
        review__proposal__in=proposal_ids, review__status=ReviewStatus.SUBMITTED
    ).values_list("review__proposal", "review", "value", "criterion__weight")
    for proposal_id, review_id, value, weight in rows:
        total = totals[proposal_id]
        total[0] += Decimal(value) * weight
        total[1] += weight
        total[2].add(review_id)
    return {
        pk: ((num / den).quantize(CENT) if den else None, len(reviews))
        for pk, (num, den, reviews) in totals.items()
    }


def call_proposals(call: Call) -> list[Proposal]:
    """The call's submitted proposals (drafts stay with their authors), each with `score`,
    `reviews_submitted` and `reviews_assigned`, best first."""
    proposals = list(
        call.proposals.exclude(status=ProposalStatus.DRAFT)
        .select_related("organisation")
        .annotate(
            reviews_assigned=Count("reviews", filter=~Q(reviews__status=ReviewStatus.CONFLICT))
        )
        .order_by("-submitted_at", "-pk")
    )
    scores = weighted_scores([p.pk for p in proposals])
    for proposal in proposals:
        proposal.score, proposal.reviews_submitted = scores.get(proposal.pk, (None, 0))
    proposals.sort(key=lambda p: (p.score is None, -(p.score or 0)))
    return proposals


# --- proposals and reviews ---------------------------------------------------------------------


def proposal_get(*, user, pk: int) -> Proposal:
    return get_visible_or_404(
        Proposal.objects.select_related(
            "call", "call__fund", "organisation", "project"
        ).prefetch_related("partners", "countries", "capacity_areas", "gcm_objectives"),
        user,
        pk=pk,
    )


def _readable_reviews(user):
    """The reviews `user` may read (the blind rule is the policy's), with their reviewers and
    their scores in the criteria's order."""
    return (
        Review.objects.visible_to(user)
        .select_related("reviewer")
        .prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("criterion__principle").order_by(
                    "criterion__position"
                ),
            )
        )
        .order_by("pk")
        .distinct()
    )


def proposal_reviews(*, user, proposal: Proposal) -> list[Review]:
    """The reviews of the proposal that `user` may read, each with its scores in the criteria's
    order."""
    return list(_readable_reviews(user).filter(proposal=proposal))


def proposals_reviews(*, user, proposals) -> dict[int, list[Review]]:
    """`proposal_reviews` for many proposals in two queries: each proposal's pk to its reviews
    that `user` may read."""
    reviews: dict[int, list[Review]] = {proposal.pk: [] for proposal in proposals}
    for review in _readable_reviews(user).filter(proposal__in=list(reviews)):
        reviews[review.proposal_id].append(review)
    return reviews


def earmarked_cover(proposals) -> dict[int, Coverage]:
    """How far deposits earmarked for each proposal cover its budget: committed or paid (funded),
    and pledged."""
    rows = (
        Contribution.objects.filter(earmark_proposal__in=[p.pk for p in proposals])
        .values("earmark_proposal")
        .annotate(
            funded=Sum("amount_usd", filter=Q(status__in=FUNDED_STATUSES)),
            pledged=Sum("amount_usd", filter=Q(status=ContributionStatus.PLEDGED)),
        )
    )
    held = {row["earmark_proposal"]: row for row in rows}
    return {
        proposal.pk: Coverage(
            RequirementKind.MONEY,
            required=proposal.budget,
            funded=held.get(proposal.pk, {}).get("funded") or ZERO,
            pledged=held.get(proposal.pk, {}).get("pledged") or ZERO,
        )
        for proposal in proposals
    }


def pipeline(*, user, fund: Fund | None = None) -> list[Proposal]:
    """Approved proposals still waiting for money, across funds (or one fund's), each with
    `cover`: how far deposits earmarked for it cover its budget."""
    proposals = Proposal.objects.visible_to(user).filter(status=ProposalStatus.APPROVED)
    if fund is not None:
        proposals = proposals.filter(call__fund=fund)
    proposals = list(
        proposals.select_related("organisation", "call__fund")
        .prefetch_related("countries", "capacity_areas")
        .order_by("-decided_at", "-pk")
        .distinct()
    )
    cover = earmarked_cover(proposals)
    for proposal in proposals:
        proposal.cover = cover[proposal.pk]
    return proposals


def review_get(*, user, pk: int) -> Review:
    return get_visible_or_404(
        Review.objects.select_related(
            "reviewer", "proposal", "proposal__organisation", "proposal__call",
            "proposal__call__fund",
        ).prefetch_related("proposal__partners"),
        user,
        pk=pk,
    )  # fmt: skip


def review_scores(review: Review) -> dict[int, Score]:
    return {score.criterion_id: score for score in review.scores.all()}


def my_reviews(*, user) -> list[Review]:
    return list(
        Review.objects.filter(reviewer=user)
        .select_related("proposal", "proposal__organisation", "proposal__call")
        .order_by("status", "proposal__call__deadline", "pk")
    )
