"""Peer exchange (similar requests of other organisations, and what answered them) and the
public supply-demand map."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.geo.models import Region
from passerelle.hub.matching import peers
from passerelle.hub.models import Match, RequestSimilarity
from passerelle.hub.supply_demand import heat_levels, supply_demand

from .conftest import requirement

pytestmark = pytest.mark.django_db

TRAFFICKING_FR = (
    "Identifier les victimes de la traite",
    "Former les agents des frontières à identifier les victimes de la traite des personnes.",
)
TRAFFICKING_EN = (
    "Identifying victims of trafficking",
    "Train border officers to identify victims of human trafficking.",
)
REMITTANCES = (
    "Cheaper remittances",
    "Lower the cost of sending money home through mobile wallets.",
)


@pytest.fixture(autouse=True)
def fresh_state():
    peers.forget()
    cache.clear()
    yield
    peers.forget()


@pytest.fixture
def other_requester(db):
    organisation = OrganisationFactory(type="civil_society", name="Coastal NGO")
    return organisation, MembershipFactory(organisation=organisation, role="editor").user


def test_a_request_lists_similar_requests_of_other_organisations(make_request, other_requester):
    organisation, editor = other_requester
    mine = make_request("open", title=TRAFFICKING_FR[0], description=TRAFFICKING_FR[1])
    make_request("open", title="Our other need", description=TRAFFICKING_EN[1])  # same org
    theirs = make_request(
        "open", organisation=organisation, actor=editor,
        title=TRAFFICKING_EN[0], description=TRAFFICKING_EN[1],
    )  # fmt: skip
    unrelated = make_request(
        "open", organisation=organisation, actor=editor,
        title=REMITTANCES[0], description=REMITTANCES[1],
    )  # fmt: skip

    peers.refresh_peers(mine.pk)

    listed = list(RequestSimilarity.objects.filter(request=mine).values_list("similar", flat=True))
    assert listed[0] == theirs.pk
    assert set(listed) <= {theirs.pk, unrelated.pk}
    # And the request enters its peer's list.
    assert RequestSimilarity.objects.filter(request=theirs, similar=mine).exists()


def test_a_withdrawn_request_leaves_every_list(make_request, other_requester):
    organisation, editor = other_requester
    mine = make_request("open", title=TRAFFICKING_FR[0], description=TRAFFICKING_FR[1])
    theirs = make_request(
        "open", organisation=organisation, actor=editor,
        title=TRAFFICKING_EN[0], description=TRAFFICKING_EN[1],
    )  # fmt: skip
    peers.refresh_peers(mine.pk)
    theirs.status = "withdrawn"
    theirs.save()

    peers.refresh_peers(theirs.pk)

    assert not RequestSimilarity.objects.filter(similar=theirs).exists()


def test_the_request_page_shows_peers_and_what_answered_them(
    make_request, make_offer, other_requester
):
    organisation, editor = other_requester
    mine = make_request("open", title=TRAFFICKING_FR[0], description=TRAFFICKING_FR[1])
    theirs = make_request(
        "open", organisation=organisation, actor=editor,
        title=TRAFFICKING_EN[0], description=TRAFFICKING_EN[1],
    )  # fmt: skip
    offer = make_offer(title="Anti-trafficking curriculum")
    Match.objects.create(
        request=theirs, offer=offer, score=0.8, computed_at=timezone.now(),
        status="partnership", introduced_at=timezone.now(),
    )  # fmt: skip
    peers.refresh_peers(mine.pk)

    page = Client().get(mine.get_absolute_url())

    assert page.context["peers"][0][0] == theirs
    assert page.context["peers"][0][2] == [offer]
    assert "Anti-trafficking curriculum" in page.content.decode()


def test_the_map_counts_requests_offers_and_unmet_needs_by_area_and_region(
    make_request, make_offer, areas
):
    make_request("open", requirements=[requirement(quantity=20)])
    make_request("open", requirements=[requirement(kind="money", quantity=5000, currency="USD")])
    make_request("draft")  # not published: not counted
    make_offer()
    make_offer(countries=[], is_global=True)

    grid = supply_demand()

    africa = Region.objects.get(code="002")
    cell = grid.cell(areas["BORD"], africa)
    assert cell.open_requests == 2 and cell.published_requests == 2
    assert cell.offers == 2
    assert cell.unmet_expert_days == 20
    assert cell.unmet_money == {"USD": 5000}
    europe = Region.objects.get(code="150")
    assert grid.cell(areas["BORD"], europe).offers == 1  # the offer that works anywhere
    levels = heat_levels(grid, "offers")
    assert levels[(areas["BORD"].pk, africa.pk)] == (2, 5)
    assert levels[(areas["BORD"].pk, europe.pk)] == (1, 3)


def test_the_map_page_is_public_and_filters(make_request, django_assert_max_num_queries):
    make_request("open")
    with django_assert_max_num_queries(20):
        page = Client().get(reverse("hub:supply_demand"), {"measure": "unmet_expert_days"})
    assert page.status_code == 200
    assert "Expert-days still needed" in page.content.decode()

    bad = Client().get(reverse("hub:supply_demand"), {"measure": "everything"})
    assert bad.status_code == 400
