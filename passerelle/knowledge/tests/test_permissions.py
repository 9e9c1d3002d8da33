"""Who sees and does what with a knowledge item at each step of its way: the policy's answers
(`user_can`) and the door's queryset (`visible_to`) agree, role by role."""

import pytest
from django.contrib.auth.models import AnonymousUser

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.core.permissions import user_can
from passerelle.knowledge.models import Item, Review
from passerelle.knowledge.services import items, reviews

from .conftest import fresh

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "download", "change", "submit", "withdraw", "translate")
READ = {"view", "download"}

# status → role → the actions allowed (every other action of ACTIONS is refused).
ALLOWED = {
    "draft": {
        "anonymous": set(),
        "outsider": set(),
        "viewer": READ,
        "editor": READ | {"change", "submit", "translate"},
        "curator": set(),  # drafts are never shown to curators
        "reviewer": set(),
    },
    "submitted": {
        "anonymous": set(),
        "outsider": set(),
        "viewer": READ,
        "editor": READ | {"translate"},
        "curator": READ | {"translate"},
        "reviewer": set(),  # not assigned yet
    },
    "in_review": {
        "anonymous": set(),
        "outsider": set(),
        "viewer": READ,
        "editor": READ | {"translate"},
        "curator": READ | {"translate"},
        "reviewer": READ,  # the assigned one
        "other_reviewer": set(),
    },
    "changes_requested": {
        "anonymous": set(),
        "viewer": READ,
        "editor": READ | {"change", "submit", "translate"},
        "curator": READ | {"translate"},
        "reviewer": READ,
    },
    "published": {
        "anonymous": READ,
        "outsider": READ,
        "viewer": READ,
        "editor": READ | {"change", "withdraw", "translate"},
        "curator": READ | {"change", "withdraw", "translate"},
        "reviewer": READ,
    },
    "withdrawn": {
        "anonymous": set(),
        "outsider": set(),
        "viewer": READ,
        "editor": READ,
        "curator": READ,
    },
}

CASES = [(status, role) for status, roles in ALLOWED.items() for role in roles]


@pytest.fixture
def other_reviewer(db):
    """An expert of a third organisation, reviewing other items but not this one."""
    return MembershipFactory(organisation=OrganisationFactory(), role="viewer").user


@pytest.fixture
def item_at(request, editor, curator):
    def make(status):
        if status == "draft":
            return request.getfixturevalue("draft")
        if status in ("submitted", "in_review", "published"):
            return request.getfixturevalue(status)
        if status == "changes_requested":
            item = request.getfixturevalue("in_review")
            return reviews.item_request_changes(actor=curator, item=item, reason="More figures.")
        if status == "withdrawn":
            item = request.getfixturevalue("published")
            return items.item_withdraw(actor=fresh(editor), item=item, reason="Outdated.")
        raise AssertionError(status)

    return make


def _person(request, role):
    if role == "anonymous":
        return AnonymousUser()
    return fresh(request.getfixturevalue(role))


@pytest.mark.parametrize(("status", "role"), CASES)
def test_each_role_may_do_what_the_items_status_allows(request, item_at, status, role):
    item = item_at(status)
    assert item.status == status
    person = _person(request, role)
    allowed = {
        action for action in ACTIONS if user_can(person, action, Item.objects.get(pk=item.pk))
    }
    assert allowed == ALLOWED[status][role]
    visible = Item.objects.visible_to(person).filter(pk=item.pk).exists()
    assert visible == ("view" in ALLOWED[status][role])


def test_reviewers_see_only_the_items_assigned_to_them(in_review, reviewer, other_reviewer):
    assert list(Item.objects.visible_to(fresh(reviewer))) == [in_review]
    assert not Item.objects.visible_to(fresh(other_reviewer)).exists()


def test_drafts_are_invisible_to_curators(draft, curator, secretariat):
    for person in (curator, secretariat):
        assert not Item.objects.visible_to(fresh(person)).filter(pk=draft.pk).exists()
        assert not user_can(fresh(person), "view", draft)


def test_authors_read_submitted_reviews_without_the_reviewers_names(
    in_review, reviewer, editor, curator
):
    review = Review.objects.get(item=in_review)
    assert not Review.objects.visible_to(fresh(editor)).exists()  # not submitted yet
    verdicts = {check.position: ("met", "") for check in review.checks.all()}
    reviews.review_save(
        actor=fresh(reviewer), review=review, verdicts=verdicts, comment="Clear.",
        recommendation="publish",
    )  # fmt: skip
    reviews.review_submit(actor=fresh(reviewer), review=review)
    review.refresh_from_db()

    assert list(Review.objects.visible_to(fresh(editor))) == [review]
    assert user_can(fresh(editor), "view", review)
    assert not user_can(fresh(editor), "view_reviewer", review)
    assert user_can(fresh(curator), "view_reviewer", review)
    assert user_can(fresh(reviewer), "view_reviewer", review)


def test_only_signed_in_readers_rate_and_report_replications_of_published_items(
    published, outsider
):
    published = Item.objects.get(pk=published.pk)
    for action in ("rate", "report_replication"):
        assert not user_can(AnonymousUser(), action, published)
        assert user_can(fresh(outsider), action, published)
