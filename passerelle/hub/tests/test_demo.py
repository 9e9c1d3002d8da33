"""The hub part of the demo: what it shows, and that it can run twice. The accounts, assessments
(for the gaps) and hub steps run once for the module (twice, in fact), in a transaction rolled back
at its end: the tasks services queue on commit never run, and the steps compute the matches
themselves."""

import re
import time
from collections import Counter, defaultdict
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.urls import reverse

from passerelle.accounts.choices import STATE_TYPES, OrganisationType
from passerelle.accounts.models import User
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.language_detection import detect_language
from passerelle.core.models import AuditEntry
from passerelle.hub import selectors
from passerelle.hub.choices import (
    PUBLIC_STATUSES,
    CostBasis,
    Decision,
    MatchStatus,
    OfferStatus,
    RequestScope,
    RequestStatus,
    RequirementKind,
    Side,
    SupportType,
)
from passerelle.hub.matching import index
from passerelle.hub.models import (
    Match,
    Offer,
    OfferSupportType,
    RequestSupportType,
    Requirement,
    SupportRequest,
)
from passerelle.hub.permissions import match_sides
from passerelle.taxonomy.models import CapacityArea

MODELS = (SupportRequest, RequestSupportType, Requirement, Offer, OfferSupportType, Match)
REQUESTS_STEP = "hub: requests for support"


def _run(modules) -> tuple[DemoContext, dict[str, float]]:
    context, seconds = DemoContext(), {}
    for step in demo_steps():
        if step.name.split(":")[0] in modules:
            started = time.perf_counter()
            step.run(context)
            seconds[step.name] = time.perf_counter() - started
    return context, seconds


def _counts() -> dict[str, int]:
    return (
        {model.__name__: model.objects.count() for model in MODELS}
        | {"audit": AuditEntry.objects.filter(action__startswith="hub.").count()}
        | {
            f"Match {status}": n
            for status, n in Counter(Match.objects.values_list("status", flat=True)).items()
        }
    )


def _pairs() -> set[tuple[int, int, str]]:
    """The matches: computed again on each run, they must come out the same."""
    return set(Match.objects.values_list("request_id", "offer_id", "status"))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first, seconds = _run({"accounts", "assessments", "hub"})
        counts, pairs = _counts(), _pairs()
        second, _seconds = _run({"accounts", "assessments", "hub"})
        yield SimpleNamespace(
            first=first,
            second=second,
            seconds=seconds[REQUESTS_STEP],
            counts=counts,
            counts_again=_counts(),
            pairs=pairs,
            pairs_again=_pairs(),
        )
        transaction.set_rollback(True)
    # The matcher's index of this process holds rows that were rolled back.
    index.forget()


def _requests():
    return SupportRequest.objects.select_related(
        "organisation", "joint_with", "country__region", "region"
    ).prefetch_related("capacity_areas", "requirements", "support_types")


def _top_region(support_request) -> str:
    if support_request.region is not None:
        return ([support_request.region, *support_request.region.ancestors()])[-1].name_en
    return support_request.country.regions()[-1].name_en


@pytest.mark.django_db
def test_runs_twice_without_duplicates_and_quickly(demo):
    assert demo.counts == demo.counts_again
    assert demo.counts["SupportRequest"] >= 60
    assert not SupportRequest.objects.filter(is_demo=False).exists()
    assert demo.seconds < 15  # a few seconds in practice; generous for slow machines
    assert demo.counts["Offer"] >= 80
    assert demo.pairs == demo.pairs_again
    assert not Offer.objects.filter(is_demo=False).exists()
    for context in (demo.first, demo.second):
        emails = {email for email, _password, _role in context.credentials}
        assert {
            "ecowas@demo.passerelle.test",
            "focal.fiji@demo.passerelle.test",
            "expert.reyes@demo.passerelle.test",
        } <= emails


@pytest.mark.django_db
def test_three_languages_that_read_as_such(demo):
    requests = list(_requests())
    by_language = {
        language: [r for r in requests if r.language == language] for language in ("en", "fr", "es")
    }
    assert all(len(group) >= 15 for group in by_language.values())
    assert sum(len(group) for group in by_language.values()) == len(requests)
    for support_request in requests:
        assert detect_language(support_request.description) == support_request.language
        assert detect_language(support_request.title) in (support_request.language, "en")
        assert "{" not in support_request.title + support_request.description
        sentences = len(re.findall(r"[.?!](\s|$)", support_request.description))
        assert 2 <= sentences <= 5, support_request.description
    # Variety: most titles are different.
    assert len({r.title for r in requests}) >= 0.9 * len(requests)


@pytest.mark.django_db
def test_every_capacity_area_and_region_and_kind_of_requester(demo):
    requests = list(_requests())
    used = {area.code for r in requests for area in r.capacity_areas.all()}
    assert used >= set(CapacityArea.objects.filter(is_active=True).values_list("code", flat=True))
    assert {_top_region(r) for r in requests} == {
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
    }
    types = {r.organisation.type for r in requests}
    assert {
        OrganisationType.NATIONAL_GOVERNMENT,
        OrganisationType.LOCAL_GOVERNMENT,
        OrganisationType.REGIONAL_BODY,
    } <= types
    regional = [r for r in requests if r.scope == RequestScope.REGIONAL]
    assert regional and all(r.region and r.country is None for r in regional)
    assert any(r.organisation.slug == "demo-ecowas-commission" for r in regional)
    assert {r.scope for r in requests} == set(RequestScope.values)
    joint = [r for r in requests if r.joint_with is not None]
    assert len(joint) >= 2
    assert all(r.joint_with.type in STATE_TYPES for r in joint)
    assert all(r.organisation.type not in STATE_TYPES for r in joint)


@pytest.mark.django_db
def test_what_the_requests_would_take(demo):
    requests = list(_requests())
    currencies = set()
    for support_request in requests:
        assert support_request.support_types.all()
        assert support_request.working_languages
        assert support_request.starts_on < support_request.ends_on
        requirements = support_request.requirements.all()
        assert requirements
        for requirement in requirements:
            if requirement.kind == RequirementKind.MONEY:
                currencies.add(requirement.currency)
            if requirement.kind == RequirementKind.IN_KIND:
                assert requirement.estimated_value > 0 and requirement.currency
    kinds = set(Requirement.objects.values_list("kind", flat=True))
    assert kinds == set(RequirementKind.values)
    assert {"USD", "EUR", "XOF", "MXN"} <= currencies
    assert len({r.modality for r in requests}) == 3
    open_requests = [r for r in requests if r.status == RequestStatus.OPEN]
    assert min(r.starts_on for r in open_requests) > open_requests[0].created.date()


@pytest.mark.django_db
def test_every_status_through_the_services(demo):
    requests = list(_requests())
    statuses = {r.status for r in requests}
    assert statuses >= {
        RequestStatus.DRAFT,
        RequestStatus.SUBMITTED,
        RequestStatus.CLARIFICATION,
        RequestStatus.OPEN,
        RequestStatus.WITHDRAWN,
        RequestStatus.CLOSED,
    }
    assert sum(r.status == RequestStatus.OPEN for r in requests) > len(requests) / 2
    for support_request in requests:
        steps = [entry.action for entry in selectors.timeline(support_request)]
        assert steps[0] == "hub.request.created"
        if support_request.status in PUBLIC_STATUSES:
            assert "hub.request.published" in steps
            assert support_request.published_at is not None
            assert support_request.organisation.can_publish_for_state or (
                support_request.organisation.type not in STATE_TYPES
            )
        if support_request.status != RequestStatus.DRAFT:
            assert "hub.request.submitted" in steps
    actions = AuditEntry.objects.filter(action__startswith="hub.request.")
    questions = actions.filter(action="hub.request.review_clarification")
    assert questions.count() == 3  # two waiting for an answer, one answered
    assert all(entry.data["note"].strip() for entry in questions)
    assert actions.filter(action="hub.request.review_advice").count() == 1
    assert actions.filter(action="hub.request.updated").exists()  # a question answered
    closed = actions.filter(action="hub.request.closed")
    assert closed.count() == 2 and all(entry.data["note"] for entry in closed)


@pytest.mark.django_db
def test_some_requests_start_from_an_assessment_gap(demo):
    from_gaps = list(_requests().filter(source_indicator__isnull=False))
    assert len(from_gaps) >= 3
    for support_request in from_gaps:
        assessment = support_request.source_assessment
        assert assessment.organisation == support_request.organisation
        agreed = assessment.agreed_answers.get(indicator=support_request.source_indicator)
        assert agreed.desired_level > agreed.level
        assert assessment.title in support_request.description
        assert support_request.language == assessment.language
    assert len({r.language for r in from_gaps}) == 3


@pytest.mark.django_db
def test_all_demo(demo):
    assert SupportRequest.objects.exists()
    assert not SupportRequest.objects.filter(is_demo=False).exists()
    assert all(r.organisation.is_demo and r.created_by.is_demo for r in _requests())


@pytest.mark.django_db
def test_the_pages_show_the_demo(demo, client):
    response = client.get(reverse("hub:request_list"))
    assert response.status_code == 200
    published = SupportRequest.objects.filter(status__in=PUBLIC_STATUSES).count()
    assert response.context["page_obj"].paginator.count == published
    africa = client.get(reverse("hub:request_list"), {"region": "002"})
    assert any(r.organisation.slug == "demo-ecowas-commission" for r in africa.context["page_obj"])
    broker = User.objects.get(email="broker@demo.passerelle.test")
    client.force_login(broker)
    queue = client.get(reverse("hub:review_queue"))
    assert queue.status_code == 200
    assert (
        len(queue.context["waiting"])
        == SupportRequest.objects.filter(status=RequestStatus.SUBMITTED).count()
    )
    assert len(queue.context["asked"]) == 2
    for status in RequestStatus.values:
        for support_request in SupportRequest.objects.filter(status=status)[:1]:
            editor = support_request.created_by
            client.force_login(editor)
            page = client.get(support_request.get_absolute_url())
            assert page.status_code == 200
            assert len(page.context["timeline"]) >= 1


# --- Offers and matches --------------------------------------------------------------------------


def _offers():
    return Offer.objects.select_related(
        "organisation", "expert", "created_by", "in_response_to__organisation"
    ).prefetch_related("capacity_areas", "support_types", "countries", "regions")


def _top_regions(offer) -> set[str]:
    """The continents an offer names (none for an offer anywhere in the world)."""
    regions = {([region, *region.ancestors()])[-1].name_en for region in offer.regions.all()}
    return regions | {country.regions()[-1].name_en for country in offer.countries.all()}


@pytest.mark.django_db
def test_offers_in_three_languages_that_read_as_such(demo):
    offers = list(_offers())
    assert len(offers) >= 80
    shares = Counter(offer.language for offer in offers)
    assert set(shares) == {"en", "fr", "es"}
    assert all(0.25 <= n / len(offers) <= 0.42 for n in shares.values())
    for offer in offers:
        assert detect_language(offer.description) == offer.language, offer.title
        assert detect_language(offer.title) in (offer.language, "en"), offer.title
        sentences = len(re.findall(r"[.?!](\s|$)", offer.description))
        assert 1 <= sentences <= 5, offer.description
    assert len({offer.title for offer in offers}) == len(offers)
    assert all(offer.is_demo and offer.created_by.is_demo for offer in offers)


@pytest.mark.django_db
def test_every_capacity_area_support_type_and_region_offered(demo):
    published = [offer for offer in _offers() if offer.status == OfferStatus.PUBLISHED]
    areas = {area.code for offer in published for area in offer.capacity_areas.all()}
    assert areas >= set(CapacityArea.objects.filter(is_active=True).values_list("code", flat=True))
    types = {t.support_type for offer in published for t in offer.support_types.all()}
    assert types == set(SupportType.values)
    offered = set().union(*(_top_regions(offer) for offer in published))
    assert offered >= {_top_region(r) for r in _requests()}
    assert any(offer.is_global for offer in published)
    providers = {offer.organisation.type for offer in published if offer.organisation}
    assert {
        OrganisationType.UN_AGENCY,
        OrganisationType.NATIONAL_GOVERNMENT,
        OrganisationType.LOCAL_GOVERNMENT,
        OrganisationType.CIVIL_SOCIETY,
        OrganisationType.PRIVATE_SECTOR,
        OrganisationType.FOUNDATION,
        OrganisationType.ACADEMIA,
        OrganisationType.DIASPORA_ORGANISATION,
    } <= providers
    # Governments offer too: other States' ministries, verified before they publish.
    states = [
        offer for offer in published if offer.organisation and offer.organisation.acts_for_state
    ]
    assert len({offer.organisation.country for offer in states}) >= 5
    assert all(offer.organisation.can_publish_for_state for offer in states)


@pytest.mark.django_db
def test_diaspora_experts_offer_in_their_own_name(demo):
    by_experts = [offer for offer in _offers() if offer.expert_id is not None]
    assert len({offer.expert_id for offer in by_experts}) >= 5
    for offer in by_experts:
        assert offer.organisation is None
        assert offer.created_by == offer.expert
        assert offer.expert.is_demo and not offer.expert.memberships.exists()
    published = {o.expert_id for o in by_experts if o.status == OfferStatus.PUBLISHED}
    assert len(published) >= 5
    assert len({offer.language for offer in by_experts}) == 3


@pytest.mark.django_db
def test_what_the_offers_give(demo):
    offers = list(_offers())
    for offer in offers:
        assert offer.support_types.all() and offer.capacity_areas.all() and offer.languages
        assert offer.is_global or offer.countries.all() or offer.regions.all()
        assert offer.available_until is None or offer.available_until > offer.available_from
        if offer.money_amount is not None:
            assert offer.money_amount > 0 and offer.currency
    funded = [offer for offer in offers if offer.money_amount]
    assert len(funded) >= 5 and len({offer.currency for offer in funded}) >= 3
    assert {offer.cost_basis for offer in offers} == set(CostBasis.values)
    assert sum(offer.expert_days is not None for offer in offers) > len(offers) / 2
    assert any(offer.max_engagements > 1 for offer in offers)
    assert any(offer.available_until is None for offer in offers)
    answering = [offer for offer in offers if offer.in_response_to is not None]
    assert len(answering) >= 10
    assert len({offer.language for offer in answering}) == 3
    for offer in answering:
        assert offer.in_response_to.status in PUBLIC_STATUSES
        assert offer.in_response_to.organisation != offer.organisation
        assert offer.language == offer.in_response_to.language


@pytest.mark.django_db
def test_every_offer_status_through_the_services(demo):
    offers = list(_offers())
    statuses = Counter(offer.status for offer in offers)
    assert set(statuses) == set(OfferStatus.values)
    assert statuses[OfferStatus.PUBLISHED] > 0.75 * len(offers)
    trail = defaultdict(list)
    for object_id, action in (
        AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Offer))
        .order_by("pk")
        .values_list("object_id", "action")
    ):
        trail[int(object_id)].append(action)
    for offer in offers:
        steps = trail[offer.pk]
        assert steps[0] == "hub.offer.created"
        if offer.status != OfferStatus.DRAFT:
            assert "hub.offer.published" in steps and offer.published_at is not None
    for action in ("hub.offer.withdrawn", "hub.offer.closed"):
        entries = AuditEntry.objects.filter(action=action)
        assert entries and all(entry.data["note"] for entry in entries)
    # A government not verified yet keeps its offer as a draft.
    assert any(
        offer.status == OfferStatus.DRAFT
        and offer.organisation is not None
        and offer.organisation.acts_for_state
        and not offer.organisation.can_publish_for_state
        for offer in offers
    )


def _matches():
    return (
        Match.objects.select_related(
            "request__organisation", "offer__organisation", "introduced_by"
        )
        .defer("request__embedding", "offer__embedding")
        .prefetch_related("request__capacity_areas", "offer__capacity_areas")
    )


@pytest.mark.django_db
def test_matches_in_every_status_through_brokering(demo):
    statuses = Counter(Match.objects.values_list("status", flat=True))
    assert set(statuses) == set(MatchStatus.values)
    assert statuses[MatchStatus.PROPOSED] > 0.9 * statuses.total()
    broker = User.objects.get(email="broker@demo.passerelle.test")
    brokered = list(_matches().exclude(status=MatchStatus.PROPOSED))
    for match in brokered:
        assert match.introduced_by == broker and match.introduction_note
        # The secretariat took good proposals through brokering.
        assert match.score >= settings.HUB_MATCHING["GOOD_SCORE"]
    decisions = {
        (match.requester_decision, match.provider_decision)
        for match in brokered
        if match.status == MatchStatus.INTRODUCED
    }
    # Waiting for both, and accepted by one side only (either).
    assert {
        (Decision.PENDING, Decision.PENDING),
        (Decision.ACCEPTED, Decision.PENDING),
        (Decision.PENDING, Decision.ACCEPTED),
    } <= decisions
    declined = [match for match in brokered if match.status == MatchStatus.DECLINED]
    # Declined by the requester, and by a provider, each with a reason.
    assert any(match.requester_decision == Decision.DECLINED for match in declined)
    assert any(match.provider_decision == Decision.DECLINED for match in declined)
    for match in declined:
        reason = (
            match.requester_reason
            if match.requester_decision == Decision.DECLINED
            else match.provider_reason
        )
        assert reason.strip() and match.decided_at is not None
    for match in brokered:
        if match.status in (MatchStatus.ACCEPTED, MatchStatus.PARTNERSHIP):
            assert match.requester_decision == match.provider_decision == Decision.ACCEPTED
        if match.status == MatchStatus.ACCEPTED:
            assert match.request.status in (RequestStatus.PARTLY_MATCHED, RequestStatus.MATCHED)
        if match.status == MatchStatus.PARTNERSHIP:
            assert match.partnership_at is not None
            assert match.request.status == RequestStatus.IN_PARTNERSHIP
    # Each side answered through one of its editors (or the expert).
    answers = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Match),
        action__in=("hub.match.accepted", "hub.match.declined"),
    )
    assert answers.count() >= 10
    by_pk = {match.pk: match for match in brokered}
    for entry in answers:
        actor = User.objects.get(pk=entry.actor_id)
        assert entry.data["side"] in match_sides(actor, by_pk[int(entry.object_id)])
    assert {entry.data["side"] for entry in answers} == set(Side.values)


@pytest.mark.django_db
def test_a_cross_lingual_proposal_that_only_the_text_links(demo):
    proposals = (
        _matches()
        .filter(status=MatchStatus.PROPOSED)
        .exclude(request__language=F("offer__language"))
    )
    linked = [
        match
        for match in proposals
        if not {a.pk for a in match.request.capacity_areas.all()}
        & {a.pk for a in match.offer.capacity_areas.all()}
        and match.explanation["values"]["semantic"] >= 0.5
    ]
    assert linked
    # In more than one direction: French to Spanish, Spanish to English...
    assert len({(match.request.language, match.offer.language) for match in linked}) >= 3


@pytest.mark.django_db
def test_the_offer_and_match_pages_show_the_demo(demo, client):
    response = client.get(reverse("hub:offer_list"))
    assert response.status_code == 200
    public = Offer.objects.filter(status__in=(OfferStatus.PUBLISHED, OfferStatus.CLOSED)).count()
    assert response.context["page_obj"].paginator.count == public
    for status in OfferStatus.values:
        offer = Offer.objects.filter(status=status).first()
        client.force_login(offer.created_by)
        assert client.get(offer.get_absolute_url()).status_code == 200
    broker = User.objects.get(email="broker@demo.passerelle.test")
    for status in MatchStatus.values:
        match = Match.objects.filter(status=status).select_related("request", "offer").first()
        url = reverse("hub:match_detail", args=[match.pk])
        for person in (broker, match.request.created_by, match.offer.created_by):
            client.force_login(person)
            assert client.get(url).status_code == 200
    client.force_login(broker)
    console = client.get(reverse("hub:console"))
    assert console.status_code == 200
    assert (
        len(console.context["introduced"])
        == Match.objects.filter(status=MatchStatus.INTRODUCED).count()
    )
    assert console.context["to_introduce"]
