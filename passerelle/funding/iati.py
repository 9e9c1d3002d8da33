"""A project's money in its IATI 2.03 activity (added to passerelle.projects.iati's export).

Budgets: the project's money requirements spread over its planned dates in periods of at most
twelve months (IATI's rule), each period's share pro rata of its days, rounded to the cent so
that the parts add up to the requirement exactly. Requirements in one currency are published in
it; requirements in several are converted to US dollars at the latest stored rates (a line whose
currency has no rate yet is left out, as in the coverage figures).

Transactions, for financial contributions that are committed or paid: the incoming commitment
(11), each disbursement as incoming funds (1), and each expenditure the project reported (4).
The provider is the giving organisation (by type and name: organisations here have no IATI
identifier), the person — named only as the public may read them (permissions.names_source),
else "Individual contributor" — or the pooled fund, with the fund's own activity identifier.
The receiver is the project's accountable organisation, with the project's activity identifier.
In-kind help is not a flow of money: IATI transactions leave it out.
"""

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _

from passerelle.hub.choices import RequirementKind
from passerelle.projects.choices import ParticipantRole
from passerelle.projects.iati import ActivityPart, activity_identifier, register_activity_part

from .choices import (
    FUNDED_STATUSES,
    IATI_EXPENDITURE,
    IATI_INCOMING_COMMITMENT,
    IATI_INCOMING_FUNDS,
    ContributionKind,
    DonorType,
    TransactionKind,
    donor_type_of,
)
from .exports import source_name
from .models import Contribution, ExchangeRate, ProjectRequirement
from .permissions import names_source
from .rates import CENT, USD, to_usd

BUDGET_ORIGINAL, BUDGET_INDICATIVE = "1", "1"
TRANSACTION_CODES = {
    TransactionKind.DISBURSEMENT: IATI_INCOMING_FUNDS,
    TransactionKind.EXPENDITURE: IATI_EXPENDITURE,
}


def fund_activity_identifier(fund) -> str:
    """The pooled fund as an IATI activity of the publisher: stable for ever, like a project's."""
    return f"{settings.PROJECTS['IATI_PUBLISHER']['ref']}-FUND-{fund.slug}"


def budget_periods(start: date, end: date) -> list[tuple[date, date]]:
    """[start, end] cut into consecutive periods of twelve months at most, the last one ending
    on `end`."""
    periods = []
    while start <= end:
        following = _year_after(start)
        periods.append((start, min(following - timedelta(days=1), end)))
        start = following
    return periods


def _year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February: the next year has none
        return date(day.year + 1, 3, 1)


def pro_rata(total: Decimal, periods: list[tuple[date, date]]) -> list[Decimal]:
    """`total` shared between `periods` by their number of days, in cents, adding up to `total`
    exactly: each share is the rounded running total less the rounded one before it."""
    days = [(end - start).days + 1 for start, end in periods]
    whole = sum(days)
    shares, running, previous = [], 0, Decimal(0)
    for count in days:
        running += count
        reached = (total * running / whole).quantize(CENT, rounding=ROUND_HALF_UP)
        shares.append(reached - previous)
        previous = reached
    return shares


def _sub(parent: ET.Element, tag: str, attributes: dict | None = None) -> ET.Element:
    kept = {name: value for name, value in (attributes or {}).items() if value is not None}
    return ET.SubElement(parent, tag, kept)


def _narrative(parent: ET.Element, text: str) -> None:
    _sub(parent, "narrative").text = str(text)


def _value(parent: ET.Element, amount: Decimal, currency: str, day: date) -> None:
    element = _sub(parent, "value", {"currency": currency, "value-date": day.isoformat()})
    element.text = format(amount.quantize(CENT), "f")


def _money_lines(project) -> tuple[str, Decimal] | None:
    """(currency, total) of the project's money requirements, or None without any."""
    lines = [line for line in project.iati_requirements if line.kind == RequirementKind.MONEY]
    currencies = {line.currency or USD for line in lines}
    if not lines:
        return None
    if len(currencies) == 1:
        return currencies.pop(), sum((line.quantity for line in lines), Decimal(0))
    total = Decimal(0)
    for line in lines:
        rate = Decimal(1) if (line.currency or USD) == USD else line.latest_usd_per_unit
        if rate is not None:
            total += to_usd(line.quantity, rate)
    return USD, total


def _budgets(activity: ET.Element, project) -> None:
    money = _money_lines(project)
    if money is None or money[1] <= 0:
        return
    currency, total = money
    periods = budget_periods(project.planned_start, project.planned_end)
    for (start, end), share in zip(periods, pro_rata(total, periods), strict=True):
        budget = _sub(activity, "budget", {"type": BUDGET_ORIGINAL, "status": BUDGET_INDICATIVE})
        _sub(budget, "period-start", {"iso-date": start.isoformat()})
        _sub(budget, "period-end", {"iso-date": end.isoformat()})
        _value(budget, share, currency, start)


def _accountable(project):
    for participant in project.participants.all():
        if participant.role == ParticipantRole.ACCOUNTABLE:
            return participant.organisation
    return project.organisation


def _provider(transaction: ET.Element, contribution: Contribution) -> None:
    if contribution.source_fund_id is not None:
        fund = contribution.source_fund
        element = _sub(
            transaction,
            "provider-org",
            {
                "type": fund.manager.iati_type,
                "provider-activity-id": fund_activity_identifier(fund),
            },
        )
        _narrative(element, fund.name)
        return
    organisation = contribution.source_organisation
    named = names_source(AnonymousUser(), contribution)
    element = _sub(
        transaction, "provider-org", {"type": organisation.iati_type if organisation else None}
    )
    _narrative(element, source_name(contribution, named=named) or _unnamed(contribution))


def _unnamed(contribution: Contribution) -> str:
    """What the public may read of a source it may not name: a person is an individual, an
    organisation its type of donor."""
    if contribution.source_person_id is not None:
        return _("Individual contributor")
    return str(DonorType(donor_type_of(contribution.source_organisation)).label)


def _receiver(transaction: ET.Element, project, organisation) -> None:
    element = _sub(
        transaction,
        "receiver-org",
        {"type": organisation.iati_type, "receiver-activity-id": activity_identifier(project)},
    )
    _narrative(element, organisation.name)


def _transaction(activity, code: str, day: date, amount: Decimal, currency: str, description=""):
    element = _sub(activity, "transaction")
    _sub(element, "transaction-type", {"code": code})
    _sub(element, "transaction-date", {"iso-date": day.isoformat()})
    _value(element, amount, currency, day)
    if description:
        _narrative(_sub(element, "description"), description)
    return element


def _transactions(activity: ET.Element, project) -> None:
    accountable = _accountable(project)
    for contribution in project.iati_contributions:
        committed = contribution.committed_on or contribution.value_date
        element = _transaction(activity, IATI_INCOMING_COMMITMENT, committed,
                               contribution.amount, contribution.currency)  # fmt: skip
        _provider(element, contribution)
        _receiver(element, project, accountable)
        for record in contribution.transactions.all():
            element = _transaction(activity, TRANSACTION_CODES[record.kind], record.value_date,
                                   record.amount, contribution.currency,
                                   record.description)  # fmt: skip
            if record.kind == TransactionKind.DISBURSEMENT:
                _provider(element, contribution)
                _receiver(element, project, accountable)
            else:
                spender = _sub(
                    element,
                    "provider-org",
                    {
                        "type": accountable.iati_type,
                        "provider-activity-id": activity_identifier(project),
                    },
                )
                _narrative(spender, accountable.name)


def build(activity: ET.Element, project) -> None:
    """Budgets, then transactions: the schema's order."""
    _budgets(activity, project)
    _transactions(activity, project)


def last_updated(project):
    moments = [contribution.updated for contribution in project.iati_contributions]
    for contribution in project.iati_contributions:
        moments += [record.created_at for record in contribution.transactions.all()]
    return max(moments, default=None)


_latest_rate = (
    ExchangeRate.objects.filter(currency=OuterRef("currency"))
    .order_by("-date")
    .values("usd_per_unit")[:1]
)

register_activity_part(
    ActivityPart(
        build=build,
        updated=last_updated,
        prefetch=(
            "organisation",
            Prefetch(
                "requirements",
                ProjectRequirement.objects.annotate(latest_usd_per_unit=Subquery(_latest_rate)),
                to_attr="iati_requirements",
            ),
            Prefetch(
                "contributions",
                Contribution.objects.filter(
                    kind=ContributionKind.FINANCIAL, status__in=FUNDED_STATUSES
                )
                .select_related("source_organisation", "source_person", "source_fund__manager")
                .prefetch_related("transactions")
                .order_by("value_date", "pk"),
                to_attr="iati_contributions",
            ),
        ),
    )
)
