"""Factories shared by the diaspora hub's tests: a diaspora organisation with its profile, and a
member's profile (every field private unless a test says otherwise). Each area keeps the
factories only it uses in factories_<area>.py."""

import factory

from passerelle.accounts.tests.factories import OrganisationFactory, UserFactory
from passerelle.geo.models import Country

from ..models import MemberProfile, OrganisationProfile


def country(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3)


class OrganisationProfileFactory(factory.django.DjangoModelFactory):
    """A Senegalese diaspora association in France unless told otherwise."""

    class Meta:
        model = OrganisationProfile
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory, type="diaspora_organisation")
    size = "medium"
    founded = 2004
    cities = "Paris, Lyon"
    languages = factory.LazyFunction(lambda: ["fr", "wo"])

    @factory.post_generation
    def origins(self, create, extracted, **kwargs):
        if create:
            self.origin_countries.set([country(code) for code in extracted or ["SEN"]])

    @factory.post_generation
    def residences(self, create, extracted, **kwargs):
        if create:
            self.residence_countries.set([country(code) for code in extracted or ["FRA"]])

    @factory.post_generation
    def sector_list(self, create, extracted, **kwargs):
        if create:
            for sector in extracted or ["development"]:
                self.sectors.create(sector=sector)


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda profile: profile.user.full_name)
    headline = "Public health engineer"
    bio = "Born in Dakar, living in Lyon since 2009."
    expertise = "Health systems, diaspora health networks"
    languages = factory.LazyFunction(lambda: ["fr", "en"])
    origin_country = factory.LazyFunction(lambda: country("SEN"))
    residence_country = factory.LazyFunction(lambda: country("FRA"))
    city = "Lyon"
