"""The members area's demo: eighty-odd organisations over thirty-odd countries of origin and of
residence, forty members with varied visibility, Amina Diallo's public profile as a login; run
twice, the same rows."""

import pytest
from django.contrib.auth.models import AnonymousUser

from passerelle.accounts.tests.factories import OrganisationFactory
from passerelle.core.demo import DemoContext

from .. import demo_members
from ..models import MemberProfile, OrganisationProfile
from ..selectors.members import map_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    OrganisationFactory(slug="demo-senegalese-diaspora-france", type="diaspora_organisation")
    context = DemoContext()
    demo_members.load(context)
    return context


def test_runs_twice_with_the_same_rows(demo):
    counts = (OrganisationProfile.objects.count(), MemberProfile.objects.count())
    demo_members.load(DemoContext())
    assert (OrganisationProfile.objects.count(), MemberProfile.objects.count()) == counts


def test_organisations_spread_over_the_world(demo):
    profiles = demo.data["diaspora_organisations"]
    assert len(profiles) >= 80
    assert all(
        p.is_demo and p.organisation.is_demo
        for p in profiles
        if p.organisation.slug.startswith("demo-diaspora-")
    )
    origins = {c.iso3 for p in profiles for c in p.origin_countries.all()}
    residences = {c.iso3 for p in profiles for c in p.residence_countries.all()}
    assert len(origins) >= 30 and len(residences) >= 30
    names = {p.organisation.name for p in profiles}
    assert "Association des Sénégalais de Lyon" in names
    assert any(name.startswith(("Federación de", "Asociación de")) for name in names)
    assert any(" Association " in name or " Network " in name for name in names)
    assert any(p.organisation.slug == "demo-senegalese-diaspora-france" for p in profiles)
    assert len(map_counts("residence")) >= 30


def test_members_show_more_or_less(demo):
    members = demo.data["diaspora_members"]
    assert len(members) == 40 and all(m.is_demo and m.user.is_demo for m in members)
    visible = set(MemberProfile.objects.visible_to(AnonymousUser()))
    assert 0 < len(visible) < len(members)
    assert any(m.name_visibility == "private" for m in members)
    assert any(m.bio_visibility == "members" for m in members)


def test_amina_is_a_public_login(demo):
    email, password, _who = demo.credentials[0]
    assert email == "amina.diallo@demo.passerelle.test" and len(demo.credentials) == 1
    amina = MemberProfile.objects.get(user__email=email)
    assert amina.user.check_password(password)
    assert amina.bio_visibility == "public" and amina.residence_country.iso3 == "FRA"
