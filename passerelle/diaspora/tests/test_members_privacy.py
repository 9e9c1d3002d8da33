"""What a member keeps private (or to the hub's members) never reaches anyone else: not their
page, the members' list or its filters, the map's counts, the API or search. Fields shown to
members are seen by signed-in people with a profile, and only by them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import UserFactory
from passerelle.search import selectors as search
from passerelle.search import services as indexing

from .. import search_index_members  # noqa: F401  (registers MemberProfile until apps.py does)
from ..selectors import members as selectors
from .factories import MemberProfileFactory

pytestmark = pytest.mark.django_db

SECRET = "Xylophonist"  # a word only the private bio holds
MEMBERS_ONLY = "Cardiologist"  # a word only the members-level headline holds


@pytest.fixture
def amina():
    """Her name and expertise public, her headline for members, everything else private."""
    return MemberProfileFactory(
        display_name="Amina Diallo",
        headline=f"{MEMBERS_ONLY} in Lyon",
        bio=f"Born in Dakar, a {SECRET} at heart.",
        expertise="Public health engineering",
        name_visibility="public",
        expertise_visibility="public",
        headline_visibility="members",
    )


@pytest.fixture
def hidden():
    """A member who shows nothing."""
    return MemberProfileFactory(display_name="Moussa Hidden", headline=SECRET)


@pytest.fixture
def hub_member():
    return MemberProfileFactory().user


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_member_page_shows_each_reader_what_they_may_see(amina, hub_member):
    page = client_for().get(amina.get_absolute_url()).content.decode()
    assert "Amina Diallo" in page and "Public health engineering" in page
    assert SECRET not in page and MEMBERS_ONLY not in page and "Senegal" not in page

    stranger_page = client_for(UserFactory()).get(amina.get_absolute_url()).content.decode()
    assert MEMBERS_ONLY not in stranger_page  # signed in, but not a member of the hub

    member_page = client_for(hub_member).get(amina.get_absolute_url()).content.decode()
    assert MEMBERS_ONLY in member_page and SECRET not in member_page

    own_page = client_for(amina.user).get(amina.get_absolute_url()).content.decode()
    assert SECRET in own_page and "Senegal" in own_page


def test_a_profile_that_shows_nothing_is_not_found(hidden, hub_member):
    for client in (client_for(), client_for(hub_member)):
        assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client_for(hidden.user).get(hidden.get_absolute_url()).status_code == 200


def test_profile_view_leaves_hidden_fields_out(amina):
    view = selectors.profile_view(AnonymousUser(), amina)
    assert set(view) == {"pk", "url", "is_own", "display_name", "expertise"}


def test_the_member_list_shows_only_visible_names_and_fields(amina, hidden, hub_member):
    page = client_for().get(reverse("diaspora:member_list")).content.decode()
    assert "Amina Diallo" in page
    assert "Moussa Hidden" not in page and SECRET not in page and MEMBERS_ONLY not in page
    member_page = client_for(hub_member).get(reverse("diaspora:member_list")).content.decode()
    assert MEMBERS_ONLY in member_page and "Moussa Hidden" not in member_page


@pytest.mark.parametrize(
    "filters",
    [
        {"residence": "FRA"},
        {"origin": "SEN"},
        {"language": "fr"},
        {"q": "Dakar"},  # in the private bio
        {"q": MEMBERS_ONLY},  # in the members-level headline
    ],
)
def test_filters_on_hidden_fields_reveal_nothing(amina, filters):
    response = client_for().get(reverse("diaspora:member_list"), filters)
    assert response.status_code == 200
    assert "Amina Diallo" not in response.content.decode()


def test_filters_match_fields_shown_to_the_reader(amina, hub_member):
    amina.residence_visibility = "members"
    amina.save()
    found = selectors.member_list(viewer=hub_member, residence="FRA", text=MEMBERS_ONLY)
    assert list(found) == [amina]
    assert not selectors.member_list(viewer=AnonymousUser(), residence="FRA").exists()
    assert list(selectors.member_list(viewer=AnonymousUser(), text="health")) == [amina]


def test_the_map_counts_only_public_fields(amina, hidden):
    assert selectors.map_counts("residence") == {}
    MemberProfileFactory(residence_visibility="members")
    MemberProfileFactory(residence_visibility="public", origin_visibility="members")
    counts = selectors._map_counts("residence")
    assert counts == {"FRA": {"organisations": 0, "members": 1, "total": 1}}
    assert selectors._map_counts("origin") == {}


def test_the_map_country_lists_only_public_residents(amina, hub_member):
    public = MemberProfileFactory(
        display_name="Fatou Public", name_visibility="public", residence_visibility="public"
    )
    page = client_for(hub_member).get(reverse("diaspora:map_country", args=["FRA"]))
    assert "Fatou Public" in page.content.decode()
    assert "Amina Diallo" not in page.content.decode()  # her residence is private
    assert public.pk


def test_the_api_shows_public_fields_only(amina, hidden, hub_member):
    for client in (client_for(), client_for(hub_member)):
        rows = client.get(reverse("api:diaspora-member-list")).json()["results"]
        assert [row["display_name"] for row in rows] == ["Amina Diallo"]
        assert set(rows[0]) == {"id", "page", "display_name", "expertise"}
        detail = client.get(reverse("api:diaspora-member-detail", args=[hidden.pk]))
        assert detail.status_code == 404


@pytest.fixture
def _indexed(amina, hidden):
    search.forget_held_documents()
    indexing.index_object(amina)
    indexing.index_object(hidden)
    yield
    search.forget_held_documents()


def found(user, query) -> list:
    return [result.object for result in search.search(user, query).results]


@pytest.mark.usefixtures("_indexed")
def test_search_finds_public_text_only(amina, hub_member):
    assert found(AnonymousUser(), "public health engineering") == [amina]
    for reader in (AnonymousUser(), hub_member, UserFactory()):
        assert found(reader, SECRET) == []
        assert found(reader, MEMBERS_ONLY) == []
        assert found(reader, "Moussa Hidden") == []


def test_a_profile_made_private_leaves_the_index(amina):
    indexing.index_object(amina)
    amina.name_visibility = "members"
    amina.save()
    indexing.index_object(amina)
    search.forget_held_documents()
    assert found(AnonymousUser(), "Amina Diallo") == []
