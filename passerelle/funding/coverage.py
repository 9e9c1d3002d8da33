"""Coverage = contributed / required, for money and for each non-financial kind, of many requests
or projects at once (two queries per kind of owner, whatever their number).

Money is compared in US dollars: requirements at today's rate (they have no date), contributions
at the stored rate of their own date. Expert-days are counted in days. In-kind items are compared
by value: the requirements' estimated values against the contributions' declared values
(equipment, venues, pro bono services and other help).

"Funded" is what was committed or paid; "pledged" is promised but not yet committed (OCHA's FTS
keeps the same line). Cancelled contributions count for nothing.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from passerelle.hub.choices import RequirementKind
from passerelle.hub.models import Requirement

from .choices import FUNDED_STATUSES, ContributionKind, ContributionStatus
from .models import Contribution, ProjectRequirement
from .rates import CENT, latest_rates, to_usd

LABELS = {
    RequirementKind.MONEY: _("Money (USD)"),
    RequirementKind.EXPERT_DAYS: _("Expert-days"),
    RequirementKind.IN_KIND: _("In-kind help (USD value)"),
}
ORDER = (RequirementKind.MONEY, RequirementKind.EXPERT_DAYS, RequirementKind.IN_KIND)
ZERO = Decimal(0)


@dataclass
class Coverage:
    kind: str
    required: Decimal = ZERO
    funded: Decimal = ZERO
    pledged: Decimal = ZERO
    # Currencies of requirements left out of `required`: no exchange rate is stored for them yet.
    unpriced: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])

    @property
    def percent_funded(self) -> int | None:
        """Funded share of the requirement in whole percent (it may pass 100); None with no
        requirement."""
        if not self.required:
            return None
        return int(self.funded * 100 / self.required)

    @property
    def percent_pledged(self) -> int | None:
        if not self.required:
            return None
        return int(self.pledged * 100 / self.required)

    @property
    def gap(self) -> Decimal:
        return max(self.required - self.funded, ZERO)

    @property
    def bar_funded(self) -> int:
        """The funded part of a bar, capped at 100."""
        return min(self.percent_funded or 0, 100)

    @property
    def bar_pledged(self) -> int:
        """The pledged part after the funded one, so that the two fit in the bar."""
        return min(self.percent_pledged or 0, 100 - self.bar_funded)


def contribution_bucket(kind: str) -> str:
    if kind == ContributionKind.FINANCIAL:
        return RequirementKind.MONEY
    if kind == ContributionKind.EXPERT_DAYS:
        return RequirementKind.EXPERT_DAYS
    return RequirementKind.IN_KIND


def _required(lines, owner: str) -> tuple[dict, dict]:
    """Requirements per owner and kind (money and in-kind values in USD, expert-days in days),
    and per owner and kind the currencies left out for want of an exchange rate."""
    rows = list(
        lines.values(owner, "kind", "currency").annotate(
            quantity=Sum("quantity"), value=Sum("estimated_value")
        )
    )
    rates = latest_rates({row["currency"] for row in rows if row["currency"]})
    required: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    unpriced: dict[int, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        kind = row["kind"]
        if kind == RequirementKind.EXPERT_DAYS:
            amount = row["quantity"]
        else:
            base = row["quantity"] if kind == RequirementKind.MONEY else (row["value"] or ZERO)
            rate = rates.get(row["currency"])
            if rate is None:  # said beside the bar; the secretariat adds the rate in the admin
                unpriced[row[owner]][kind].add(row["currency"])
                continue
            amount = to_usd(base, rate)
        required[row[owner]][kind] += amount
    return required, unpriced


def _contributed(contributions, owner: str) -> dict[int, dict[str, list[Decimal]]]:
    """[funded, pledged] per owner and kind."""
    rows = (
        contributions.exclude(status=ContributionStatus.CANCELLED)
        .values(owner, "kind", "status")
        .annotate(usd=Sum("amount_usd"), days=Sum("quantity"))
    )
    given: dict = defaultdict(lambda: defaultdict(lambda: [ZERO, ZERO]))
    for row in rows:
        bucket = contribution_bucket(row["kind"])
        amount = row["days"] if bucket == RequirementKind.EXPERT_DAYS else row["usd"]
        given[row[owner]][bucket][0 if row["status"] in FUNDED_STATUSES else 1] += amount or ZERO
    return given


def _merge(ids, required, unpriced, given) -> dict[int, list[Coverage]]:
    coverage = {}
    for pk in ids:
        rows = []
        for kind in ORDER:
            need = required.get(pk, {}).get(kind, ZERO)
            funded, pledged = given.get(pk, {}).get(kind, [ZERO, ZERO])
            missing = tuple(sorted(unpriced.get(pk, {}).get(kind, ())))
            if need or funded or pledged or missing:
                rows.append(Coverage(kind, need.quantize(CENT), funded, pledged, missing))
        coverage[pk] = rows
    return coverage


def for_requests(ids) -> dict[int, list[Coverage]]:
    ids = list(ids)
    required, unpriced = _required(Requirement.objects.filter(request__in=ids), "request")
    given = _contributed(Contribution.objects.filter(request__in=ids), "request")
    return _merge(ids, required, unpriced, given)


def for_projects(ids) -> dict[int, list[Coverage]]:
    ids = list(ids)
    required, unpriced = _required(ProjectRequirement.objects.filter(project__in=ids), "project")
    given = _contributed(Contribution.objects.filter(project__in=ids), "project")
    return _merge(ids, required, unpriced, given)
