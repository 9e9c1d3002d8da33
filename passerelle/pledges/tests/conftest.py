"""Fixtures of the pledges' tests: what a pledging organisation writes, and pledges at each step
of their life (draft, published, closed, withdrawn) made by `organisation`'s editor."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.geo.models import Country
from passerelle.pledges import services
from passerelle.pledges.models import Pledge
from passerelle.taxonomy.models import CapacityArea, GCMObjective


def fresh(user):
    """The same person as a new object: nothing cached on it (their roles) carries over."""
    return User.objects.get(pk=user.pk) if user is not None else None


def days(n: int) -> datetime.date:
    """Today plus `n` days (minus, for n < 0)."""
    return timezone.localdate() + datetime.timedelta(days=n)


def pledge_data(**overrides) -> services.PledgeData:
    """A complete pledge: it passes the SMART check."""
    values = {
        "title": "Training 200 border officials",
        "description": "We will train the officials who work at the border in screening.",
        "form": "human_resource",
        "type": "individual",
        "gcm_objectives": [GCMObjective.objects.get(number=11)],
        "capacity_areas": [CapacityArea.objects.get(code="BORD")],
        "country": Country.objects.get(iso3="SEN"),
        "metric": "Border officials trained",
        "baseline": Decimal("0"),
        "target": Decimal("200"),
        "unit": "officials",
        "deadline": days(365),
    }
    return services.PledgeData(**{**values, **overrides})


def progress(**overrides) -> services.ProgressData:
    values = {
        "as_of": timezone.localdate(),
        "completion": "limited",
        "value_reached": Decimal("40"),
        "note": "Two courses took place.",
    }
    return services.ProgressData(**{**values, **overrides})


# The services that take a pledge from its draft to each status, in order.
STEPS = {
    "draft": [],
    "published": ["publish"],
    "closed": ["publish", "complete", "close"],
    "withdrawn": ["publish", "withdraw"],
}


def advance(pledge, status, *, actor) -> Pledge:
    for step in STEPS[status]:
        if step == "publish":
            services.pledge_publish(actor=actor, pledge=pledge)
        elif step == "complete":
            services.progress_record(
                actor=actor, pledge=pledge, data=progress(completion="complete", value_reached=200)
            )
        elif step == "close":
            services.pledge_close(actor=actor, pledge=pledge)
        elif step == "withdraw":
            services.pledge_withdraw(actor=actor, pledge=pledge)
    pledge.refresh_from_db()
    assert pledge.status == status
    return pledge


@pytest.fixture
def make_pledge(organisation, editor):
    """make_pledge(status="draft", organisation=..., actor=..., **data): a pledge of
    `organisation` (by default) written by its editor, taken to `status`."""

    def make(status="draft", *, organisation=organisation, actor=editor, **overrides):
        pledge = services.pledge_create(
            actor=fresh(actor), organisation=organisation, data=pledge_data(**overrides)
        )
        return advance(pledge, status, actor=fresh(actor))

    return make


@pytest.fixture
def draft(make_pledge):
    return make_pledge("draft")


@pytest.fixture
def published(make_pledge):
    return make_pledge("published")


@pytest.fixture
def partner(db):
    """An organisation named as a partner, with a viewer."""
    return OrganisationFactory(type="un_agency", slug="partner-agency")


@pytest.fixture
def partner_viewer(partner):
    return MembershipFactory(organisation=partner, role="viewer").user


@pytest.fixture
def verified_government(db):
    return OrganisationFactory(type="national_government", verification_status="verified")
