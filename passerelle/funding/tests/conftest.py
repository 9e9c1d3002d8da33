"""Fixtures of the funding tests: exchange rates; a pooled fund managed by the secretariat's
organisation with a steering-committee member; an open call; an NGO applying with a government
partner; two reviewers; donors of several types (a foundation, a diaspora organisation, a State)
with their editors, and a person giving in their own name; an open request and a running public
project, each with requirements in money, expert-days and in-kind items."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.geo.models import Country
from passerelle.hub import services as hub
from passerelle.hub.tests.conftest import advance, request_data
from passerelle.projects import services as project_services
from passerelle.projects.choices import ProjectStatus
from passerelle.projects.tests.conftest import project_data
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .. import services
from ..choices import ContributionKind
from ..models import ExchangeRate, Fund


def fresh(user):
    """The same person as a new object: nothing cached on it (their roles) carries over."""
    return User.objects.get(pk=user.pk) if user is not None else None


def money(amount, currency="USD", *, day=None, **overrides) -> services.ContributionData:
    values = {
        "kind": ContributionKind.FINANCIAL,
        "amount": Decimal(amount),
        "currency": currency,
        "value_date": day or timezone.localdate(),
    }
    return services.ContributionData(**{**values, **overrides})


@pytest.fixture
def rates(db):
    """EUR at 1.10 then 1.20 USD (from a year ago, then from 30 days ago); XOF at 0.0017."""
    today = timezone.localdate()
    ExchangeRate.objects.bulk_create([
        ExchangeRate(currency="EUR", date=today - datetime.timedelta(days=365),
                     usd_per_unit=Decimal("1.10")),
        ExchangeRate(currency="EUR", date=today - datetime.timedelta(days=30),
                     usd_per_unit=Decimal("1.20")),
        ExchangeRate(currency="XOF", date=today - datetime.timedelta(days=365),
                     usd_per_unit=Decimal("0.0017")),
    ])  # fmt: skip


@pytest.fixture
def secretariat_org(db):
    return OrganisationFactory(type="international_organisation", name="IOM")


@pytest.fixture
def committee_member(db):
    return UserFactory()


@pytest.fixture
def fund(secretariat_org, committee_member):
    fund = Fund.objects.create(
        name="Start-up Fund for Safe, Orderly and Regular Migration",
        slug="start-up-fund",
        description="The pooled fund of GCM para 43(b).",
        manager=secretariat_org,
    )
    fund.committee.add(committee_member)
    return fund


def call_data(**overrides) -> services.CallData:
    values = {
        "title": "Capacity for safe labour migration",
        "description": "Proposals that strengthen labour migration governance.",
        "eligibility": "Governments with a civil-society or UN partner.",
        "budget_ceiling": Decimal("250000.00"),
        "deadline": timezone.now() + datetime.timedelta(days=30),
        "requires_government": True,
        "capacity_areas": [CapacityArea.objects.get(code="WGWS")],
    }
    return services.CallData(**{**values, **overrides})


@pytest.fixture
def draft_call(fund, secretariat):
    return services.call_create(actor=fresh(secretariat), fund=fund, data=call_data())


@pytest.fixture
def call(draft_call, secretariat):
    return services.call_publish(actor=fresh(secretariat), call=draft_call)


@pytest.fixture
def applicant(db):
    return OrganisationFactory(type="civil_society")


@pytest.fixture
def applicant_editor(applicant):
    return MembershipFactory(organisation=applicant, role="editor").user


@pytest.fixture
def partner_government(db):
    return OrganisationFactory(type="national_government", verification_status="verified")


@pytest.fixture
def partner_viewer(partner_government):
    return MembershipFactory(organisation=partner_government, role="viewer").user


def proposal_data(**overrides) -> services.ProposalData:
    values = {
        "title": "Fair recruitment pilot",
        "summary": "Ethical recruitment for seasonal workers.",
        "objectives": "No recruitment fees charged to workers.",
        "activities": "Training labour inspectors; a complaint line.",
        "budget": Decimal("120000.00"),
        "months": 18,
        "countries": [Country.objects.get(iso3="SEN")],
        "capacity_areas": [CapacityArea.objects.get(code="WGWS")],
        "gcm_objectives": [GCMObjective.objects.get(number=6)],
        "gender_marker": 1,
        "human_rights_marker": 2,
        "child_marker": 0,
        "language": "en",
    }
    return services.ProposalData(**{**values, **overrides})


@pytest.fixture
def draft_proposal(call, applicant, applicant_editor, partner_government):
    return services.proposal_create(
        actor=fresh(applicant_editor), call=call, organisation=applicant,
        data=proposal_data(partners=[partner_government]),
    )  # fmt: skip


@pytest.fixture
def proposal(draft_proposal, applicant_editor):
    return services.proposal_submit(actor=fresh(applicant_editor), proposal=draft_proposal)


@pytest.fixture
def reviewers(db):
    return [UserFactory(), UserFactory()]


def score_all(review, value=3):
    """Score every criterion of the review's call with `value`, then submit."""
    criteria = review.proposal.call.criteria.all()
    services.review_save(
        actor=fresh(review.reviewer), review=review,
        scores={c.pk: (value, "") for c in criteria}, comment="Sound.",
    )  # fmt: skip
    return services.review_submit(actor=fresh(review.reviewer), review=review)


@pytest.fixture
def reviewed(proposal, reviewers, secretariat):
    """The proposal with two submitted reviews (no conflict, every criterion scored 3)."""
    reviews = services.review_assign(actor=fresh(secretariat), proposal=proposal,
                                     reviewers=reviewers)  # fmt: skip
    for review in reviews:
        services.review_declare(actor=fresh(review.reviewer), review=review, has_conflict=False)
        score_all(review)
    return proposal


@pytest.fixture
def approved(reviewed, committee_member):
    return services.proposal_decide(actor=fresh(committee_member), proposal=reviewed,
                                    approve=True, note="Fits the fund's priorities.")  # fmt: skip


@pytest.fixture
def foundation(db):
    return OrganisationFactory(type="foundation")


@pytest.fixture
def foundation_editor(foundation):
    return MembershipFactory(organisation=foundation, role="editor").user


@pytest.fixture
def diaspora(db):
    return OrganisationFactory(type="diaspora_organisation")


@pytest.fixture
def diaspora_editor(diaspora):
    return MembershipFactory(organisation=diaspora, role="editor").user


@pytest.fixture
def state_donor(db):
    return OrganisationFactory(type="national_government", verification_status="verified")


@pytest.fixture
def state_editor(state_donor):
    return MembershipFactory(organisation=state_donor, role="editor").user


@pytest.fixture
def person(db):
    """Someone giving in their own name (a member of the diaspora)."""
    return UserFactory()


def deposit(fund, donor, editor, amount, *, paid=True, **earmarks):
    """A deposit into the fund by `donor`, committed and (by default) paid in full."""
    contribution = services.contribution_create(
        actor=fresh(editor), data=money(amount, **earmarks), fund=fund,
        source_organisation=donor, status="committed",
    )  # fmt: skip
    if paid:
        services.disbursement_record(
            actor=fresh(editor), contribution=contribution, amount=contribution.amount,
            on=timezone.localdate(),
        )  # fmt: skip
    return contribution


@pytest.fixture
def requester(organisation):
    return MembershipFactory(organisation=organisation, role="editor").user


@pytest.fixture
def open_request(organisation, requester, secretariat):
    """An open request asking for 50,000 EUR, 40 expert-days and 2 laptops worth 3,000 USD."""
    requirements = [
        {"kind": "money", "description": "Training costs", "quantity": Decimal(50000),
         "currency": "EUR"},
        {"kind": "expert_days", "description": "Labour inspection", "quantity": Decimal(40)},
        {"kind": "in_kind", "description": "Laptops", "quantity": Decimal(2), "currency": "USD",
         "estimated_value": Decimal(3000)},
    ]  # fmt: skip
    support_request = hub.request_create(
        actor=fresh(requester), organisation=organisation,
        data=request_data(requirements=requirements),
    )  # fmt: skip
    return advance(support_request, "open", requester=fresh(requester), broker=fresh(secretariat))


@pytest.fixture
def project_runner(government):
    return MembershipFactory(organisation=government, role="editor").user


@pytest.fixture
def public_project(government, organisation, project_runner):
    """A running public project of the government (accountable) with the organisation
    implementing, needing 100,000 USD and 20 expert-days."""
    project = project_services.project_create(
        actor=fresh(project_runner), organisation=government,
        data=project_data(government, organisation), status=ProjectStatus.IMPLEMENTATION,
    )  # fmt: skip
    services.project_requirements_set(
        actor=fresh(project_runner), project=project,
        lines=[
            {"kind": "money", "description": "Operations", "quantity": Decimal(100000),
             "currency": "USD"},
            {"kind": "expert_days", "description": "Screening trainers", "quantity": Decimal(20)},
        ],
    )  # fmt: skip
    return project
