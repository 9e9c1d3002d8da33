"""Donor profiles and suggestions: the pure fit function (areas, objectives, country or region,
ticket size against the gap, with reasons in words), the profile form per role, and the ranked
page."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD
from passerelle.geo.models import Country
from passerelle.taxonomy.models import CapacityArea

from ..models import DonorProfile
from ..selectors.suggestions import Candidate, Preferences, fit

PROFILE = reverse("funding:donor_profile")
SUGGESTIONS = reverse("funding:donor_suggestions")

PREFERENCES = Preferences(
    areas={1: "Border management"},
    objectives={11: "11. Borders"},
    regions={2: "Africa"},
    countries={3: "Senegal"},
    ticket_min=Decimal(1000),
    ticket_max=Decimal(50000),
)


def test_a_perfect_fit_scores_100_with_its_reasons():
    result = fit(PREFERENCES, Candidate(areas=frozenset({1, 9}), objectives=frozenset({11}),
                                        countries=frozenset({3}), regions=frozenset({2}),
                                        gap=Decimal(20000)))  # fmt: skip
    assert result.score == 100
    assert result.reasons == [
        "Capacity areas you fund: Border management.",
        "GCM objectives you support: 11. Borders.",
        "In a country you give to: Senegal.",
        "The gap (20,000 USD) fits the size of your contributions.",
    ]


def test_the_region_counts_when_the_country_does_not():
    result = fit(PREFERENCES, Candidate(countries=frozenset({4}), regions=frozenset({2, 5}),
                                        gap=Decimal(5000)))  # fmt: skip
    assert result.score == 15 + 20
    assert "In a region you give to: Africa." in result.reasons


def test_the_ticket_against_the_gap():
    small = fit(PREFERENCES, Candidate(gap=Decimal(500)))
    assert small.score == 0
    assert small.reasons == ["The gap (500 USD) is below your smallest contribution (1,000 USD)."]
    large = fit(PREFERENCES, Candidate(gap=Decimal(200000)))
    assert large.score == 10
    assert "would cover 25 % of the gap" in large.reasons[0]


def test_no_preference_no_score():
    assert fit(Preferences(), Candidate(areas=frozenset({1}), gap=Decimal(10))).score == 0


def as_(person) -> Client:
    client = Client()
    assert client.login(email=person.email, password=PASSWORD)
    return client


def test_a_person_writes_a_profile_and_gets_suggestions(rates, open_request, person):
    assert Client().get(PROFILE).status_code == 302
    client = as_(person)
    assert "Write your donor profile" in client.get(SUGGESTIONS).content.decode()
    page = client.get(PROFILE).content.decode()
    assert 'value="individual" selected' in page
    area = CapacityArea.objects.get(code="BORD")
    response = client.post(PROFILE, {
        "donor_type": "individual", "capacity_areas": [area.pk],
        "countries": [Country.objects.get(iso3="SEN").pk], "ticket_min": "10",
        "ticket_max": "100000",
    })  # fmt: skip
    assert response.status_code == 302
    profile = DonorProfile.objects.get(person=person)
    assert list(profile.capacity_areas.all()) == [area]
    text = client.get(SUGGESTIONS).content.decode()
    assert open_request.title in text
    assert "Fit: 80 out of 100" in text
    assert "In a country you give to: Senegal." in text


def test_bad_tickets_are_refused(person):
    response = as_(person).post(
        PROFILE, {"donor_type": "individual", "ticket_min": "500", "ticket_max": "100"}
    )
    assert response.status_code == 400
    assert "cannot be below the smallest" in response.content.decode()
    assert not DonorProfile.objects.exists()


def test_an_organisations_profile_is_for_its_editors(foundation, foundation_editor, person):
    url = f"{PROFILE}?organisation={foundation.slug}"
    assert as_(person).get(url).status_code == 403
    assert as_(person).get(f"{PROFILE}?organisation=nobody").status_code == 404
    page = as_(foundation_editor).get(url).content.decode()
    assert 'value="foundation" selected' in page
    assert as_(foundation_editor).post(url, {"donor_type": "foundation"}).status_code == 302
    assert DonorProfile.objects.get().organisation == foundation
