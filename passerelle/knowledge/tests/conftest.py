"""Fixtures of the knowledge base's tests: items of `organisation` at each step of their way
(draft, submitted, in review, changes requested, published), a curator, a reviewer from another
organisation, and an open call for practices."""

import datetime

import pytest
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.knowledge.choices import ItemKind
from passerelle.knowledge.services import calls, items, reviews
from passerelle.taxonomy.models import CapacityArea, GCMObjective


def fresh(user):
    """The same person as a new object: nothing cached on it (their roles) carries over."""
    return User.objects.get(pk=user.pk) if user is not None else None


def practice_data(**overrides) -> items.ItemData:
    """A practice complete enough to be submitted."""
    values = {
        "title": "One-stop shops for returning migrants in Dakar",
        "summary": "A single desk where returning migrants find jobs, training and papers.",
        "texts": {
            "context": "Returning migrants went to five offices to rebuild their lives.",
            "activities": "The city opened one desk with the employment and registry offices.",
            "results": "Waiting times fell from three weeks to two days for 1,200 people.",
        },
        "language": "en",
        "capacity_areas": [CapacityArea.objects.get(code="WGWS")],
        "gcm_objectives": [GCMObjective.objects.get(number=21)],
    }
    values.update(overrides)
    return items.ItemData(**values)


@pytest.fixture
def curator(db):
    return UserFactory(is_curator=True)


@pytest.fixture
def reviewer(db):
    """An expert of another organisation, who peer-reviews."""
    return MembershipFactory(organisation=OrganisationFactory(), role="viewer").user


@pytest.fixture
def draft(editor, organisation):
    return items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE, data=practice_data()
    )


@pytest.fixture
def submitted(draft, editor):
    return items.item_submit(actor=fresh(editor), item=draft)


@pytest.fixture
def in_review(submitted, curator, reviewer):
    reviews.reviewers_assign(actor=curator, item=submitted, reviewers=[fresh(reviewer)])
    submitted.refresh_from_db()
    return submitted


@pytest.fixture
def published(in_review, curator):
    return reviews.item_publish(actor=curator, item=in_review)


@pytest.fixture
def open_call(curator):
    call = calls.call_create(
        actor=curator,
        data=calls.CallData(
            title="Practices of local migrant integration",
            theme="Cities and integration",
            description="Share what your city does to include migrants.",
            eligibility="Local authorities and their partners.",
            deadline=timezone.now() + datetime.timedelta(days=30),
            contact="practices@example.org",
            language="en",
            own_criteria=["Involves migrants in the design"],
        ),
    )
    return calls.call_open(actor=curator, call=call)
