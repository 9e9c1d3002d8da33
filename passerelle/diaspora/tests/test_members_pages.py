"""The members area's pages for each role: the directory (filters, htmx, bounded queries), an
organisation's page and profile form, the world map with its table and a country's panel, the
members' list, and a person's own profile (edit, erase); the section on the organisation page."""

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.community.models import Follow

from .. import sections_members  # noqa: F401  (registers its section until apps.py does)
from ..models import MemberProfile, OrganisationProfile
from .factories import MemberProfileFactory, OrganisationProfileFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"diaspora:{name}", args=args)


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def association():
    return OrganisationProfileFactory(
        organisation__name="Association des Sénégalais de Lyon",
        organisation__slug="asl",
        origins=["SEN"],
        residences=["FRA"],
        sector_list=["development", "culture"],
    )


@pytest.fixture
def association_editor(association):
    return MembershipFactory(organisation=association.organisation, role="editor").user


# The directory ------------------------------------------------------------------------------


def test_the_directory_filters_organisations(association):
    OrganisationProfileFactory(
        organisation__name="Federación de Mexicanos en Chicago", origins=["MEX"],
        residences=["USA"], sector_list=["investment"], languages=["es", "en"],
    )  # fmt: skip
    client = client_for()
    for filters, expected in (
        ({}, ["Association des Sénégalais de Lyon", "Federación de Mexicanos en Chicago"]),
        ({"origin": "MEX"}, ["Federación de Mexicanos en Chicago"]),
        ({"residence": "FRA"}, ["Association des Sénégalais de Lyon"]),
        ({"sector": "culture"}, ["Association des Sénégalais de Lyon"]),
        ({"language": "ES"}, ["Federación de Mexicanos en Chicago"]),
        ({"q": "chicago"}, ["Federación de Mexicanos en Chicago"]),
    ):
        response = client.get(url("directory"), filters)
        names = [p.organisation.name for p in response.context["page_obj"].object_list]
        assert names == expected, filters


def test_bad_filters_are_a_400_with_a_message():
    response = client_for().get(url("directory"), {"origin": "ZZZ", "language": "french"})
    assert response.status_code == 400
    assert "Check the filters" in response.content.decode()


def test_htmx_replaces_only_the_results(association):
    response = client_for().get(url("directory"), headers={"HX-Request": "true"})
    assert response.content.decode().startswith('<div id="organisation-results">')
    assert "HX-Request" in response["Vary"]


def test_the_directory_costs_the_same_for_many_organisations(django_assert_max_num_queries):
    for _number in range(25):
        OrganisationProfileFactory(sector_list=["development", "investment"])
    with django_assert_max_num_queries(10):
        assert client_for().get(url("directory")).status_code == 200


# An organisation ----------------------------------------------------------------------------


def test_the_organisation_page_shows_its_profile_and_visible_members(association, outsider):
    shown = MemberProfileFactory(
        display_name="Amina Diallo", name_visibility="public", organisations_visibility="public"
    )
    kept = MemberProfileFactory(display_name="Moussa Kept", name_visibility="public")
    for profile in (shown, kept):
        profile.organisations.add(association)
    page = client_for(outsider).get(association.get_absolute_url()).content.decode()
    assert "Senegal" in page and "Development projects" in page
    assert "Amina Diallo" in page and "Moussa Kept" not in page
    assert 'aria-pressed="false"' in page  # the follow button
    assert client_for().get(url("organisation_detail", "nobody")).status_code == 404


def test_following_an_organisation_from_its_page(association, outsider):
    organisation = association.organisation
    page = client_for(outsider).get(association.get_absolute_url()).content.decode()
    action = page.split('class="inline follow"')[0].rsplit('action="', 1)[1].split('"')[0]
    client_for(outsider).post(action)
    assert Follow.objects.filter(user=outsider, object_id=str(organisation.pk)).exists()


def test_following_a_member_from_their_page(outsider):
    member = MemberProfileFactory(name_visibility="public")
    own_page = client_for(member.user).get(member.get_absolute_url()).content.decode()
    assert 'class="inline follow"' not in own_page
    page = client_for(outsider).get(member.get_absolute_url()).content.decode()
    action = page.split('class="inline follow"')[0].rsplit('action="', 1)[1].split('"')[0]
    client_for(outsider).post(action)
    assert Follow.objects.filter(user=outsider, object_id=str(member.user_id)).exists()


def test_editors_write_the_profile(association, association_editor):
    client = client_for(association_editor)
    assert client.get(url("organisation_profile_edit", "asl")).status_code == 200
    data = {
        "origin_countries": [association.origin_countries.get().pk],
        "residence_countries": [association.residence_countries.get().pk],
        "sectors": ["advocacy"], "size": "large", "founded": "2001", "languages": "fr, wo",
        "social_links": "https://example.org/asl",
    }  # fmt: skip
    response = client.post(url("organisation_profile_edit", "asl"), data)
    assert response.status_code == 302
    association.refresh_from_db()
    assert association.size == "large" and association.social_links == ["https://example.org/asl"]


def test_bad_profile_input_is_a_400_with_the_message(association, association_editor):
    data = {"origin_countries": [], "sectors": ["advocacy"], "size": "large",
            "languages": "klingon"}  # fmt: skip
    response = client_for(association_editor).post(url("organisation_profile_edit", "asl"), data)
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()


def test_others_may_not_edit_and_other_types_have_no_profile(association, outsider, editor):
    assert client_for(outsider).get(url("organisation_profile_edit", "asl")).status_code == 403
    viewer = MembershipFactory(organisation=association.organisation, role="viewer").user
    assert client_for(viewer).get(url("organisation_profile_edit", "asl")).status_code == 403
    anonymous = client_for().get(url("organisation_profile_edit", "asl"))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    ngo = editor.memberships.get().organisation  # a civil society organisation
    assert client_for(editor).get(url("organisation_profile_edit", ngo.slug)).status_code == 404


def test_the_organisation_page_of_accounts_shows_the_diaspora_profile(association, editor):
    page = client_for().get(association.organisation.get_absolute_url()).content.decode()
    assert "In the diaspora hub" in page and association.get_absolute_url() in page
    migrants = OrganisationFactory(type="migrant_organisation")
    MembershipFactory(organisation=migrants, user=editor, role="editor")
    page = client_for(editor).get(migrants.get_absolute_url()).content.decode()
    assert url("organisation_profile_edit", migrants.slug) in page
    ngo = editor.memberships.get(role="editor", organisation__type="civil_society").organisation
    assert (
        "In the diaspora hub" not in client_for(editor).get(ngo.get_absolute_url()).content.decode()
    )


# The map ------------------------------------------------------------------------------------


def test_the_map_draws_counts_with_a_table(association):
    MemberProfileFactory(residence_visibility="public")
    page = client_for().get(url("map")).content.decode()
    assert '<svg class="chart-svg" viewBox="0 0 1010 666"' in page
    assert "<title>France: 2</title>" in page
    assert 'href="/en/diaspora/map/FRA/?by=residence"' in page
    assert '<th scope="row"><a href="/en/diaspora/map/FRA/?by=residence">France</a></th>' in page
    assert "CC BY 4.0" in page
    by_origin = client_for().get(url("map"), {"by": "origin"}).content.decode()
    assert "<title>Senegal: 1</title>" in by_origin


def test_a_bad_map_kind_is_a_400():
    assert client_for().get(url("map"), {"by": "income"}).status_code == 400
    assert client_for().get(url("map_country", "FRA"), {"by": "income"}).status_code == 400


def test_the_country_panel_is_a_partial_for_htmx(association):
    partial = client_for().get(url("map_country", "FRA"), headers={"HX-Request": "true"})
    assert partial.content.decode().startswith('<section aria-labelledby="map-country-heading"')
    assert "Association des Sénégalais de Lyon" in partial.content.decode()
    page = client_for().get(url("map_country", "fra")).content.decode()
    assert "<h1>" in page


def test_the_map_costs_the_same_for_many_countries(django_assert_max_num_queries):
    for origin, residence in (("SEN", "FRA"), ("MEX", "USA"), ("PHL", "GBR"), ("MAR", "ESP")):
        OrganisationProfileFactory(origins=[origin], residences=[residence])
        MemberProfileFactory(residence_visibility="public")
    with django_assert_max_num_queries(6):
        assert client_for().get(url("map")).status_code == 200


# Members -------------------------------------------------------------------------------------


def test_the_member_list_costs_the_same_for_many_members(django_assert_max_num_queries,
                                                         association):  # fmt: skip
    for _number in range(25):
        profile = MemberProfileFactory(name_visibility="public", organisations_visibility="public")
        profile.organisations.add(association)
    client = client_for(MemberProfileFactory().user)
    with django_assert_max_num_queries(14):
        assert client.get(url("member_list")).status_code == 200


def test_a_person_writes_their_profile_private_by_default(outsider):
    client = client_for(outsider)
    form = client.get(url("profile_edit")).content.decode()
    assert "Only me: nobody else" in form
    response = client.post(
        url("profile_edit"),
        {"display_name": "Amina Diallo", "bio": "Born in Dakar.", "languages": "fr, wo",
         "name_visibility": "public", **{f"{g}_visibility": "private" for g in ("headline",
         "bio", "expertise", "languages", "origin", "residence", "links", "organisations")}},
    )  # fmt: skip
    profile = MemberProfile.objects.get(user=outsider)
    assert response.status_code == 302 and response["Location"] == profile.get_absolute_url()
    assert profile.name_visibility == "public" and profile.bio_visibility == "private"


def test_bad_profile_input_is_a_400(outsider):
    response = client_for(outsider).post(
        url("profile_edit"), {"display_name": "Amina", "languages": "french"}
    )
    assert response.status_code == 400
    assert not MemberProfile.objects.exists()


def test_a_person_erases_their_profile_after_confirming():
    profile = MemberProfileFactory()
    client = client_for(profile.user)
    assert "Erase my profile" in client.get(url("profile_delete")).content.decode()
    assert client.post(url("profile_delete")).status_code == 302
    assert not MemberProfile.objects.exists()
    assert client.get(url("profile_delete")).status_code == 404


def test_the_api_lists_and_filters_organisations(association):
    OrganisationProfileFactory(origins=["MEX"], residences=["USA"], languages=["es"])
    client = client_for()
    rows = client.get(reverse("api:diaspora-organisation-list"), {"origin": "sen"}).json()
    assert [row["slug"] for row in rows["results"]] == ["asl"]
    assert rows["results"][0]["origin_countries"] == ["SEN"]
    rows = client.get(reverse("api:diaspora-organisation-list"), {"language": "es"}).json()
    assert len(rows["results"]) == 1
    detail = client.get(reverse("api:diaspora-organisation-detail", args=["asl"])).json()
    assert detail["sectors"] == ["culture", "development"] or set(detail["sectors"]) == {
        "culture", "development"}  # fmt: skip
    assert OrganisationProfile.objects.count() == 2


def test_the_organisation_page_costs_the_same_for_many_members(django_assert_max_num_queries,
                                                              association):  # fmt: skip
    for _number in range(15):
        profile = MemberProfileFactory(name_visibility="public", organisations_visibility="public")
        profile.organisations.add(association)
    client = client_for()
    with django_assert_max_num_queries(12):
        assert client.get(association.get_absolute_url()).status_code == 200


def test_the_api_costs_the_same_for_many_rows(django_assert_max_num_queries, association):
    for _number in range(15):
        OrganisationProfileFactory()
        MemberProfileFactory(name_visibility="public", organisations_visibility="public")
    client = client_for()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("api:diaspora-organisation-list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("api:diaspora-member-list")).status_code == 200
