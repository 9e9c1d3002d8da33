"""Reads of contributions: lists and a contribution's page (each through the door), who the
public may see as the source, a contribution's money and history, the chain donor → fund →
project, and what a person's contributions delivered. Lists cost a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from passerelle.core.models import AuditEntry
from passerelle.core.permissions import get_visible_or_404
from passerelle.projects import selectors as project_selectors
from passerelle.projects.models import Participant, Project

from ..choices import (
    FUNDED_STATUSES,
    ContributionKind,
    ContributionStatus,
    DonorType,
    TransactionKind,
)
from ..models import Contribution, Transaction
from ..permissions import names_source
from ..services.contributions import donor_type_of_source

ZERO = Decimal(0)


def contribution_list(*, user):
    """The contributions `user` may see, with what their rows and `names_source` read."""
    return (
        Contribution.objects.visible_to(user)
        .select_related(
            "source_organisation", "source_person", "source_fund", "request", "project", "fund"
        )
        .prefetch_related(
            Prefetch("project__participants", Participant.objects.only("project", "organisation"))
        )
    )


def contribution_get(*, user, pk) -> Contribution:
    return get_visible_or_404(
        contribution_list(user=user).select_related(
            "parent__source_organisation", "parent__source_person", "parent__fund",
            "earmark_area", "earmark_country", "earmark_proposal",
        ),
        user,
        pk=pk,
    )  # fmt: skip


def source_name(user, contribution: Contribution) -> str:
    """Who gave, as `user` may read it."""
    if not names_source(user, contribution):
        return _("Anonymous contributor")
    source = contribution.source
    if contribution.source_person_id is not None:
        return source.full_name or f"@{source.handle}"  # never the e-mail address
    return source.name


def donor_type_label(contribution: Contribution) -> str:
    return DonorType(donor_type_of_source(contribution)).label


def annotate_sources(user, contributions) -> list[Contribution]:
    """Each contribution with `shown_source` (its source's name or "Anonymous contributor") and
    `donor_type_label`; no query beyond those of `contribution_list`."""
    contributions = list(contributions)
    for contribution in contributions:
        contribution.shown_source = source_name(user, contribution)
        contribution.donor_type_label = donor_type_label(contribution)
    return contributions


def totals_usd(contributions) -> dict[str, Decimal]:
    """USD totals of a filtered set: funded (committed and paid) and pledged, apart; cancelled
    contributions count for nothing."""
    found = contributions.aggregate(
        funded=Sum("amount_usd", filter=Q(status__in=FUNDED_STATUSES)),
        pledged=Sum("amount_usd", filter=Q(status=ContributionStatus.PLEDGED)),
    )
    return {key: value or ZERO for key, value in found.items()}


@dataclass
class Money:
    """A contribution's money in its currency: what was paid on it and what was spent."""

    committed: Decimal
    disbursed: Decimal = ZERO
    spent: Decimal = ZERO
    disbursements: list = field(default_factory=list)
    expenditure: list = field(default_factory=list)

    @property
    def left_to_pay(self) -> Decimal:
        return max(self.committed - self.disbursed, ZERO)

    @property
    def left_to_report(self) -> Decimal:
        return max(self.disbursed - self.spent, ZERO)


def money_of(contribution: Contribution) -> Money:
    money = Money(committed=contribution.amount)
    for record in Transaction.objects.filter(contribution=contribution).select_related(
        "created_by"
    ):
        if record.kind == TransactionKind.DISBURSEMENT:
            money.disbursements.append(record)
            money.disbursed += record.amount
        else:
            money.expenditure.append(record)
            money.spent += record.amount
    return money


def history(contribution: Contribution) -> list[AuditEntry]:
    """The contribution's steps, oldest first, with who took them."""
    return list(
        AuditEntry.objects.for_object(contribution)
        .select_related("actor")
        .order_by("created", "pk")
    )


def children_of(*, user, contribution: Contribution) -> list[Contribution]:
    """A deposit's transfers (to the projects the fund finances) that `user` may see."""
    return annotate_sources(user, contribution_list(user=user).filter(parent=contribution))


# --- what my contributions delivered -----------------------------------------------------------


@dataclass
class Delivered:
    contribution: Contribution
    projects: list = field(default_factory=list)  # [(project, percent)]
    transfers: list = field(default_factory=list)  # [(transfer, percent of its project)]


def my_contributions(*, user) -> list[Delivered]:
    """`user`'s contributions and their organisations', each with what it delivered: a
    project's progress, a request's projects, a deposit's transfers and their projects. A fixed
    number of queries."""
    if not user.is_authenticated:
        return []
    mine = list(
        contribution_list(user=user).filter(
            Q(source_person=user) | Q(source_organisation__in=user.organisation_ids)
        )
    )
    annotate_sources(user, mine)
    answering = _projects_answering(user, [c.request_id for c in mine if c.request_id])
    transfers = defaultdict(list)
    for transfer in contribution_list(user=user).filter(
        parent__in=[c.pk for c in mine if c.fund_id]
    ):
        transfers[transfer.parent_id].append(transfer)
    projects = {c.project_id: c.project for c in mine if c.project_id}
    for request_projects in answering.values():
        projects |= {p.pk: p for p in request_projects}
    for found in transfers.values():
        projects |= {t.project_id: t.project for t in found if t.project_id}
    percents = project_selectors.projects_progress(list(projects.values()))
    delivered = []
    for contribution in mine:
        item = Delivered(contribution)
        if contribution.project_id:
            item.projects = [(contribution.project, percents[contribution.project_id])]
        elif contribution.request_id:
            item.projects = [(p, percents[p.pk]) for p in answering[contribution.request_id]]
        else:
            item.transfers = [(t, percents.get(t.project_id)) for t in transfers[contribution.pk]]
        delivered.append(item)
    return delivered


def _projects_answering(user, request_ids) -> dict[int, list[Project]]:
    """The visible projects that came from matches of these requests, by request."""
    found = (
        Project.objects.visible_to(user)
        .filter(matches__request__in=request_ids)
        .annotate(from_request=F("matches__request"))
        .order_by("-planned_start", "pk")
    )
    answering = defaultdict(list)
    for project in found:
        if all(p.pk != project.pk for p in answering[project.from_request]):
            answering[project.from_request].append(project)
    return answering


def summary(*, user) -> dict | None:
    """For the dashboard: how many contributions `user` and their organisations made, and their
    worth in USD by status."""
    if not user.is_authenticated:
        return None
    mine = Contribution.objects.filter(
        Q(source_person=user) | Q(source_organisation__in=user.organisation_ids)
    )
    found = mine.aggregate(
        count=Count("pk"),
        funded=Sum("amount_usd", filter=Q(status__in=FUNDED_STATUSES)),
        pledged=Sum("amount_usd", filter=Q(status=ContributionStatus.PLEDGED)),
        in_kind=Sum(
            "amount_usd",
            filter=~Q(kind=ContributionKind.FINANCIAL) & ~Q(status=ContributionStatus.CANCELLED),
        ),
    )
    if not found["count"]:
        return None
    return {key: value or ZERO for key, value in found.items()}
