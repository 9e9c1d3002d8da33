"""The funding part of the demo: what it shows, and that it can run twice. Every demo step runs
once for the module (the funding step builds on the organisations, people, requests and projects
of the steps before it), then the funding step again, in a transaction rolled back at its end."""

from collections import Counter
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Membership, Organisation, User
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.models import AuditEntry
from passerelle.hub.choices import RequirementKind
from passerelle.hub.matching import index
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Project

from .. import coverage, services
from ..choices import (
    CallStatus,
    ContributionKind,
    ContributionStatus,
    DonorType,
    ProposalStatus,
    ReviewStatus,
    TransactionKind,
)
from ..models import (
    Call,
    Contribution,
    DonorProfile,
    ExchangeRate,
    Fund,
    ProjectRequirement,
    Proposal,
    Review,
    Transaction,
)
from ..permissions import sits_on_committee
from ..services.contributions import FUNDABLE_REQUEST_STATUSES

FUNDING_STEP = "funding: donors, contributions and the pooled fund"
MODELS = (
    Contribution,
    Transaction,
    DonorProfile,
    ExchangeRate,
    ProjectRequirement,
    Fund,
    Call,
    Proposal,
    Review,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "audit": AuditEntry.objects.filter(action__startswith="funding.").count(),
        "users": User.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first = DemoContext()
        for step in demo_steps():
            step.run(first)
        counts = _counts()
        second = DemoContext()
        next(step for step in demo_steps() if step.name == FUNDING_STEP).run(second)
        yield SimpleNamespace(first=first, second=second, counts=counts, counts_again=_counts())
        transaction.set_rollback(True)
    # The matcher's index of this process holds rows that were rolled back.
    index.forget()


@pytest.mark.django_db
def test_runs_twice_without_duplicates(demo):
    assert demo.counts == demo.counts_again
    assert demo.counts["Contribution"] >= 60
    assert demo.first.data["funding"] == demo.second.data["funding"]


@pytest.mark.django_db
def test_all_demo(demo):
    assert not Contribution.objects.filter(is_demo=False).exists()
    assert not DonorProfile.objects.filter(is_demo=False).exists()
    assert not Proposal.objects.filter(is_demo=False).exists()
    assert not Call.objects.filter(is_demo=False).exists()
    assert Fund.objects.get().is_demo


@pytest.mark.django_db
def test_donors_of_every_type_with_priorities(demo):
    profiles = DonorProfile.objects.prefetch_related("capacity_areas", "regions")
    assert {p.donor_type for p in profiles} == set(DonorType.values)
    assert all(p.capacity_areas.all() and p.regions.all() for p in profiles)
    assert any(p.ticket_min and p.ticket_max for p in profiles)
    givers = Contribution.objects.filter(source_fund=None)
    people = givers.filter(source_person__isnull=False)
    assert people.filter(anonymous=True).exists() and people.filter(anonymous=False).exists()
    types = {p.donor_type for p in profiles if p.organisation_id in set(
        givers.values_list("source_organisation", flat=True))}  # fmt: skip
    assert set(DonorType.values) - {DonorType.MIGRANT_INDIVIDUAL} <= types


@pytest.mark.django_db
def test_contributions_in_every_status_kind_and_several_currencies(demo):
    contributions = Contribution.objects.all()
    assert set(contributions.values_list("status", flat=True)) == set(ContributionStatus.values)
    kinds = set(contributions.values_list("kind", flat=True))
    assert {
        ContributionKind.FINANCIAL,
        ContributionKind.EXPERT_DAYS,
        ContributionKind.EQUIPMENT,
        ContributionKind.VENUE,
        ContributionKind.PRO_BONO,
    } <= kinds
    assert len(set(contributions.values_list("currency", flat=True))) >= 4
    cancelled = contributions.filter(status=ContributionStatus.CANCELLED)
    reasons = AuditEntry.objects.filter(action="funding.contribution.cancelled")
    assert reasons.count() == cancelled.count()
    assert all(entry.data["reason"] for entry in reasons)
    # Some committed money is only partly paid; expenditure stays within what was disbursed.
    disbursed = Counter()
    for row in Transaction.objects.filter(kind=TransactionKind.DISBURSEMENT):
        disbursed[row.contribution_id] += row.amount
    partly = contributions.filter(status=ContributionStatus.COMMITTED, pk__in=list(disbursed))
    assert partly.exists()
    spent = Transaction.objects.filter(kind=TransactionKind.EXPENDITURE)
    assert spent.count() >= 5
    for row in spent:
        assert row.amount <= disbursed[row.contribution_id]


@pytest.mark.django_db
def test_rates_for_every_currency_used(demo):
    today = timezone.localdate()
    used = set(Contribution.objects.values_list("currency", flat=True)) | set(
        ProjectRequirement.objects.exclude(currency="").values_list("currency", flat=True)
    )
    for currency in used - {"USD"}:
        rates = ExchangeRate.objects.filter(currency=currency)
        assert rates.count() >= 24, currency
        assert rates.filter(date__lte=today - timezone.timedelta(days=700)).exists(), currency


@pytest.mark.django_db
def test_the_pooled_fund_and_its_two_calls(demo):
    fund = Fund.objects.get(slug=demo.first.data["funding"]["fund"])
    assert fund.committee.count() >= 2
    assert services.balance(fund) >= 0
    deposits = fund.deposits.all()
    assert deposits.values("source_organisation").distinct().count() >= 5
    assert deposits.filter(earmark_area__isnull=False).exists()
    assert deposits.filter(earmark_country__isnull=False).exists()
    assert deposits.filter(earmark_proposal__status=ProposalStatus.APPROVED).exists()
    closed = Call.objects.get(fund=fund, status=CallStatus.CLOSED)
    opened = Call.objects.get(pk=demo.first.data["funding"]["open_call"], status=CallStatus.OPEN)
    assert closed.deadline < timezone.now() < opened.deadline
    statuses = Counter(closed.proposals.values_list("status", flat=True))
    assert statuses[ProposalStatus.FUNDED] >= 2
    assert statuses[ProposalStatus.APPROVED] >= 1
    assert statuses[ProposalStatus.REJECTED] == 1
    assert all(p.decision_note for p in closed.proposals.filter(status=ProposalStatus.REJECTED))
    for proposal in closed.proposals.prefetch_related("partners"):
        assert proposal.partners.exists()
        assert proposal.reviews.filter(status=ReviewStatus.SUBMITTED).count() == 2
    assert Review.objects.filter(status=ReviewStatus.CONFLICT).count() == 1
    # What stays in the pipeline asks for more than the fund holds.
    for proposal in closed.proposals.filter(status=ProposalStatus.APPROVED):
        assert proposal.budget > services.balance(fund)
    for proposal in closed.proposals.filter(status=ProposalStatus.FUNDED):
        transfers = proposal.project.contributions.filter(source_fund=fund)
        assert sum(t.amount for t in transfers) == proposal.budget
        assert all(t.parent_id for t in transfers)
        assert Transaction.objects.filter(contribution__in=transfers).exists()
    assert Counter(opened.proposals.values_list("status", flat=True)) == {
        ProposalStatus.DRAFT: 1,
        ProposalStatus.SUBMITTED: 1,
    }
    assert not Review.objects.filter(proposal__call=opened).exists()


@pytest.mark.django_db
def test_gaps_show_on_requests_and_projects(demo):
    requests = SupportRequest.objects.filter(is_demo=True, status__in=FUNDABLE_REQUEST_STATUSES)
    projects = Project.objects.filter(requirements__isnull=False).distinct()
    assert projects.count() >= 10
    for rows in (
        coverage.for_requests(requests.values_list("pk", flat=True)),
        coverage.for_projects(projects.values_list("pk", flat=True)),
    ):
        money = [
            row
            for lines in rows.values()
            for row in lines
            if row.kind == RequirementKind.MONEY and row.required
        ]
        percents = [row.percent_funded for row in money]
        assert any(percent >= 100 for percent in percents)  # fully covered
        assert any(0 < percent < 60 for percent in percents)  # a clear gap
        assert any(percent == 0 for percent in percents)  # nothing yet
    assert any(
        row.pledged and not row.funded
        for lines in coverage.for_requests(requests.values_list("pk", flat=True)).values()
        for row in lines
    )


def _edits(email: str, slug: str) -> bool:
    return Membership.objects.filter(
        user__email=email,
        organisation__slug=slug,
        role__in=(MembershipRole.EDITOR, MembershipRole.ADMIN),
    ).exists()


@pytest.mark.django_db
def test_the_browser_flow_has_its_people(demo):
    flow = demo.first.data["funding"]
    fund = Fund.objects.get(slug=flow["fund"])
    for email in flow["committee"]:
        assert sits_on_committee(User.objects.get(email=email), fund)
    assert User.objects.get(email=flow["secretariat"]).is_secretariat
    assert _edits(flow["applicant_editor"], flow["applicant"])
    for email in flow["reviewers"]:
        assert not User.objects.get(email=email).organisation_ids
    assert _edits(flow["diaspora_editor"], flow["diaspora_organisation"])
    assert Organisation.objects.get(slug=flow["partner_government"]).can_publish_for_state
    assert Proposal.objects.get(pk=flow["pipeline_proposal"]).status == ProposalStatus.APPROVED
    assert Project.objects.filter(pk=flow["funded_project"], proposal__isnull=False).exists()
    emails = {email for email, _password, _role in demo.first.credentials}
    assert set(flow["committee"]) | set(flow["reviewers"]) <= emails
