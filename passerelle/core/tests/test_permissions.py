import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from passerelle.accounts.tests.factories import OrganisationFactory, UserFactory
from passerelle.core.permissions import Policy, get_visible_or_404, policy_for
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db


def test_a_model_without_policy_is_invisible_and_unchangeable():
    policy = policy_for(type("Unregistered", (), {}))
    assert type(policy) is Policy
    assert not policy.can(UserFactory(), "view", object())


@pytest.fixture
def notes(organisation, outsider):
    partner = outsider.memberships.get().organisation
    shared = Note.objects.create(owner=organisation, visibility="shared", text="shared")
    shared.shared_with.add(partner)
    return {
        "private": Note.objects.create(owner=organisation, visibility="private", text="private"),
        "shared": shared,
        "shared_elsewhere": Note.objects.create(
            owner=organisation, visibility="shared", text="shared elsewhere"
        ),
        "public": Note.objects.create(owner=organisation, visibility="public", text="public"),
    }


def visible_texts(user):
    return set(Note.objects.visible_to(user).distinct().values_list("text", flat=True))


def test_owner_sees_everything_it_owns(notes, viewer):
    assert visible_texts(viewer) == {"private", "shared", "shared elsewhere", "public"}


def test_named_partner_sees_shared_and_public(notes, outsider):
    assert visible_texts(outsider) == {"shared", "public"}


def test_secretariat_sees_shared_but_not_private(notes, secretariat):
    assert visible_texts(secretariat) == {"shared", "shared elsewhere", "public"}


def test_anonymous_and_strangers_see_public_only(notes):
    assert visible_texts(AnonymousUser()) == {"public"}
    assert visible_texts(UserFactory()) == {"public"}
    OrganisationFactory()


def test_get_visible_or_404_hides_existence(notes):
    with pytest.raises(Http404):
        get_visible_or_404(Note.objects.all(), AnonymousUser(), pk=notes["private"].pk)
    assert get_visible_or_404(Note.objects.all(), AnonymousUser(), pk=notes["public"].pk)
