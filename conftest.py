"""Fixtures shared by every app's tests: people in each role around one organisation."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.core.search import forget_facet_labels


@pytest.fixture(autouse=True)
def _clear_cache():
    # Throttles and allauth's rate limits live in the cache; tests must not inherit them.
    cache.clear()
    forget_facet_labels()  # the search's labels of reference data, held by the process
    yield


@pytest.fixture(autouse=True)
def _default_language():
    # A request to a /fr/ page leaves French active in the test's thread; the next test must
    # not reverse URLs or read labels in it.
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def organisation(db):
    return OrganisationFactory(type="civil_society")


@pytest.fixture
def government(db):
    return OrganisationFactory(type="national_government", verification_status="unverified")


def _member(organisation, role):
    return MembershipFactory(organisation=organisation, role=role).user


@pytest.fixture
def owner(organisation):
    """The administrator of `organisation`."""
    return _member(organisation, "admin")


@pytest.fixture
def editor(organisation):
    return _member(organisation, "editor")


@pytest.fixture
def viewer(organisation):
    return _member(organisation, "viewer")


@pytest.fixture
def outsider(db):
    """A member of another organisation."""
    return _member(OrganisationFactory(), "admin")


@pytest.fixture
def secretariat(db):
    return UserFactory(is_broker=True, is_moderator=True, is_curator=True)


@pytest.fixture
def government_admin(government):
    return _member(government, "admin")
