"""The matcher: scores and their explanations, stored proposals kept up to date, and a full
re-match that agrees with the incremental one."""

import pytest
from django.utils import timezone

from passerelle.core.models import AuditEntry
from passerelle.geo.models import Region
from passerelle.hub import services
from passerelle.hub.matching import engine, index, refresh
from passerelle.hub.matching.criteria import CRITERIA
from passerelle.hub.matching.weights import current_weights
from passerelle.hub.models import Match

from .conftest import fresh

pytestmark = pytest.mark.django_db

FRENCH_NEED = (
    "Former nos agents aux frontières",
    "Le ministère souhaite former les agents des postes frontaliers à l'identification des "
    "victimes de la traite des personnes et à leur orientation vers les services de protection.",
)
ENGLISH_ANSWER = (
    "Training on identifying victims of trafficking",
    "We train border officials to identify victims of human trafficking at border posts and to "
    "refer them to protection services.",
)
UNRELATED = (
    "Cheaper remittances through mobile money",
    "We help central banks and operators lower the cost of sending money home through mobile "
    "wallets and digital channels.",
)


@pytest.fixture(autouse=True)
def fresh_index():
    index.forget()
    yield
    index.forget()


def test_a_french_request_ranks_the_english_offer_on_its_need_first(make_request, make_offer):
    request = make_request("open", title=FRENCH_NEED[0], description=FRENCH_NEED[1])
    answer = make_offer(title=ENGLISH_ANSWER[0], description=ENGLISH_ANSWER[1])
    unrelated = make_offer(title=UNRELATED[0], description=UNRELATED[1])

    matches = dict(
        engine.ranked(index.current_index(), "request", request.pk, current_weights(), 5, 0)
    )

    assert list(matches) == [answer.pk, unrelated.pk]
    explained = engine.explain(index.current_index(), [(request.pk, answer.pk)], current_weights())[
        0
    ]
    assert set(explained["values"]) == set(CRITERIA)
    assert explained["values"]["semantic"] > 0.5
    assert explained["score"] == pytest.approx(
        sum(explained["weights"][c] * explained["values"][c] for c in CRITERIA), abs=1e-3
    )


def test_an_organisation_is_never_matched_with_itself(
    make_request, make_offer, organisation, editor
):
    request = make_request("open")
    make_offer(organisation=organisation, actor=editor)

    assert (
        engine.ranked(index.current_index(), "request", request.pk, current_weights(), 5, 0) == []
    )


def test_the_first_offer_published_is_scored_against_no_request(make_offer):
    offer = make_offer(title=ENGLISH_ANSWER[0], description=ENGLISH_ANSWER[1])

    refresh.refresh_offer(offer.pk)

    assert not Match.objects.filter(offer=offer).exists()


def test_publishing_stores_the_proposals_of_both_sides(make_request, make_offer):
    request = make_request("open", title=FRENCH_NEED[0], description=FRENCH_NEED[1])
    answer = make_offer(title=ENGLISH_ANSWER[0], description=ENGLISH_ANSWER[1])

    refresh.refresh_request(request.pk)

    match = Match.objects.get(request=request, offer=answer)
    assert match.status == "proposed"
    assert match.in_request_top and match.in_offer_top
    assert match.explanation["values"]["semantic"] > 0.5
    assert AuditEntry.objects.filter(action="hub.match.proposed", object_id=str(match.pk)).exists()


def test_a_withdrawn_offer_loses_its_proposals_but_not_its_brokered_matches(
    make_request, make_offer, secretariat
):
    first = make_request("open")
    second = make_request("open", title="Another need at the border")
    offer = make_offer()
    refresh.refresh_offer(offer.pk)
    brokered = Match.objects.get(request=first, offer=offer)
    Match.objects.filter(pk=brokered.pk).update(status="introduced", introduced_at=timezone.now())

    services.offer_withdraw(actor=fresh(offer.created_by), offer=offer)
    refresh.refresh_offer(offer.pk)

    assert list(Match.objects.filter(offer=offer).values_list("request", flat=True)) == [first.pk]
    assert not Match.objects.filter(request=second).exists()


def test_a_request_not_published_has_no_proposals(make_request, make_offer):
    draft = make_request("draft")
    make_offer()

    refresh.refresh_request(draft.pk)

    assert not Match.objects.filter(request=draft).exists()


def test_a_weak_pair_is_not_proposed(make_request, make_offer, areas):
    request = make_request("open")
    make_offer(
        title=UNRELATED[0], description=UNRELATED[1], capacity_areas=[areas["DATA"]],
        support_types=["funding"], languages=["ar"], modality="in_person", countries=[],
        is_global=False, regions=[Region.objects.get(code="150")],
    )  # fmt: skip

    refresh.refresh_request(request.pk)

    assert not Match.objects.filter(request=request).exists()


def test_the_full_rematch_agrees_with_the_incremental_one(make_request, make_offer, areas):
    requests = [
        make_request("open", title=FRENCH_NEED[0], description=FRENCH_NEED[1]),
        make_request("open", title="Data on labour migration", capacity_areas=[areas["DATA"]]),
    ]
    offers = [
        make_offer(title=ENGLISH_ANSWER[0], description=ENGLISH_ANSWER[1]),
        make_offer(title="Migration statistics", capacity_areas=[areas["DATA"]]),
        make_offer(title=UNRELATED[0], description=UNRELATED[1]),
    ]
    for request in requests:
        refresh.refresh_request(request.pk)
    for offer in offers:
        refresh.refresh_offer(offer.pk)
    incremental = _stored()

    refresh.rematch_all(block=1)

    assert _stored() == incremental


def _stored():
    return {
        (m.request_id, m.offer_id): (round(m.score, 3), m.in_request_top, m.in_offer_top)
        for m in Match.objects.all()
    }


def test_a_better_request_takes_the_place_of_the_weakest_on_a_full_list(
    make_request, make_offer, settings
):
    settings.HUB_MATCHING = {**settings.HUB_MATCHING, "PER_ITEM": 1}
    offer = make_offer(title=ENGLISH_ANSWER[0], description=ENGLISH_ANSWER[1])
    weak = make_request("open", title=UNRELATED[0], description=UNRELATED[1])
    refresh.refresh_request(weak.pk)
    assert Match.objects.get(offer=offer).in_offer_top

    strong = make_request("open", title=FRENCH_NEED[0], description=FRENCH_NEED[1])
    refresh.refresh_request(strong.pk)

    assert Match.objects.get(offer=offer, request=strong).in_offer_top
    weak_match = Match.objects.filter(offer=offer, request=weak).first()
    assert weak_match is None or not weak_match.in_offer_top


def test_a_full_rematch_keeps_the_rows_of_proposals_still_wanted(make_request, make_offer):
    request = make_request("open", title=FRENCH_NEED[0], description=FRENCH_NEED[1])
    make_offer(title=ENGLISH_ANSWER[0], description=ENGLISH_ANSWER[1])
    refresh.refresh_request(request.pk)
    before = set(Match.objects.values_list("pk", flat=True))

    refresh.rematch_all()

    assert set(Match.objects.values_list("pk", flat=True)) == before
