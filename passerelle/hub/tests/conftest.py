"""Fixtures of the hub's tests: what a requester writes, and requests at each step of their life
(draft, submitted, clarification, open, closed, withdrawn) made by `organisation`'s editor."""

import datetime
from decimal import Decimal

import pytest

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.geo.models import Country, Region
from passerelle.hub import services
from passerelle.hub.models import SupportRequest
from passerelle.taxonomy.models import CapacityArea

STARTS, ENDS = datetime.date(2026, 9, 1), datetime.date(2027, 3, 31)


def fresh(user):
    """The same person as a new object: nothing cached on it (their roles) carries over."""
    return User.objects.get(pk=user.pk) if user is not None else None


def requirement(**overrides) -> dict:
    return {
        "kind": "expert_days",
        "description": "A statistician",
        "quantity": Decimal("20"),
        "currency": "",
        "estimated_value": None,
        **overrides,
    }


def request_data(**overrides) -> services.RequestData:
    values = {
        "title": "Training for border officials",
        "description": "We need training for the officials who work at the border.",
        "capacity_areas": [CapacityArea.objects.get(code="BORD")],
        "scope": "national",
        "modality": "hybrid",
        "starts_on": STARTS,
        "ends_on": ENDS,
        "support_types": ["training"],
        "country": Country.objects.get(iso3="SEN"),
        "working_languages": ["fr", "en"],
        "requirements": [requirement()],
    }
    return services.RequestData(**{**values, **overrides})


# The services that take a request from one step to the next, in order.
STEPS = {
    "draft": [],
    "submitted": ["submit"],
    "clarification": ["submit", "clarification"],
    "open": ["submit", "accept"],
    "closed": ["submit", "accept", "close"],
    "withdrawn": ["withdraw"],
}


def _submitter(support_request, requester):
    """A joint request is submitted by the government it is made with, once verified."""
    joint = support_request.joint_with
    if joint is None:
        return requester
    type(joint).objects.filter(pk=joint.pk).update(verification_status="verified")
    membership = joint.memberships.filter(role__in=["editor", "admin"]).first()
    user = (
        membership.user if membership else MembershipFactory(organisation=joint, role="editor").user
    )
    return fresh(user)


def advance(support_request, status, *, requester, broker) -> SupportRequest:
    for step in STEPS[status]:
        if step == "submit":
            services.request_submit(
                actor=_submitter(support_request, requester), support_request=support_request
            )
        elif step == "clarification":
            services.request_review(
                actor=broker, support_request=support_request, outcome="clarification",
                note="Which agencies take part?",
            )  # fmt: skip
        elif step == "accept":
            services.request_review(
                actor=broker, support_request=support_request, outcome="accepted", note=""
            )
        elif step == "close":
            services.request_close(actor=requester, support_request=support_request)
        elif step == "withdraw":
            services.request_withdraw(actor=requester, support_request=support_request)
    support_request.refresh_from_db()
    assert support_request.status == status
    return support_request


@pytest.fixture
def senegal(db):
    return Country.objects.get(iso3="SEN")


@pytest.fixture
def make_request(organisation, editor, secretariat):
    """make_request(status="draft", organisation=..., actor=..., **data): a request of
    `organisation` (by default) written by its editor, taken to `status`."""

    def make(status="draft", *, organisation=organisation, actor=editor, **overrides):
        support_request = services.request_create(
            actor=fresh(actor), organisation=organisation, data=request_data(**overrides)
        )
        return advance(support_request, status, requester=fresh(actor), broker=fresh(secretariat))

    return make


@pytest.fixture
def draft(make_request):
    return make_request("draft")


@pytest.fixture
def joint_draft(make_request, government):
    """A draft of the civil society organisation made jointly with the (unverified)
    government."""
    return make_request("draft", joint_with=government, title="Joint request")


@pytest.fixture
def verified_government(db):
    return OrganisationFactory(type="national_government", verification_status="verified")


@pytest.fixture
def other_broker(db):
    return MembershipFactory(role="viewer", user__is_broker=True).user


@pytest.fixture
def areas(db):
    return {area.code: area for area in CapacityArea.objects.all()}


@pytest.fixture
def regions(db):
    return {region.code: region for region in Region.objects.all()}


def offer_data(**overrides) -> services.OfferData:
    values = {
        "title": "Training courses on border management",
        "description": "Our trainers run courses for border officials on managing borders "
        "humanely and on identifying people in vulnerable situations.",
        "capacity_areas": [CapacityArea.objects.get(code="BORD")],
        "support_types": ["training"],
        "modality": "hybrid",
        "available_from": datetime.date(2026, 6, 1),
        "cost_basis": "free",
        "languages": ["en", "fr"],
        "countries": [Country.objects.get(iso3="SEN")],
    }
    return services.OfferData(**{**values, **overrides})


@pytest.fixture
def provider(db):
    return OrganisationFactory(type="un_agency", name="Agency for Borders")


@pytest.fixture
def provider_editor(provider):
    return MembershipFactory(organisation=provider, role="editor").user


@pytest.fixture
def make_offer(provider, provider_editor):
    """make_offer(status="published", organisation=..., actor=..., **data): an offer of
    `provider` (by default) written by its editor, taken to `status`."""

    def make(status="published", *, organisation=provider, actor=provider_editor, **overrides):
        actor = fresh(actor)
        offer = services.offer_create(
            actor=actor, organisation=organisation, data=offer_data(**overrides)
        )
        if status in ("published", "closed"):
            services.offer_publish(actor=actor, offer=offer)
        if status == "closed":
            services.offer_close(actor=actor, offer=offer)
        if status == "withdrawn":
            services.offer_withdraw(actor=actor, offer=offer)
        offer.refresh_from_db()
        assert offer.status == status
        return offer

    return make
