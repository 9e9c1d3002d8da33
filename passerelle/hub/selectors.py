"""Reads of the hub. Lists cost a fixed number of queries, whatever their length."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Max, Prefetch, Q

from passerelle.core.models import AuditEntry
from passerelle.core.permissions import get_visible_or_404

from .choices import PUBLIC_STATUSES, MatchStatus, RequestStatus
from .models import Match, Offer, RequestSimilarity, SupportRequest

TIMELINE_ACTIONS = (
    "hub.request.created",
    "hub.request.submitted",
    "hub.request.review_clarification",
    "hub.request.review_advice",
    "hub.request.published",
    "hub.request.updated",
    "hub.request.withdrawn",
    "hub.request.closed",
)


def request_list(*, user):
    return (
        SupportRequest.objects.visible_to(user)
        .defer("embedding")
        .select_related("organisation", "joint_with", "country", "region")
        .prefetch_related("capacity_areas", "support_types")
    )


def request_get(*, user, pk) -> SupportRequest:
    return get_visible_or_404(
        SupportRequest.objects.select_related(
            "organisation", "joint_with", "country", "region", "source_assessment",
            "source_indicator",
        ).prefetch_related(
            "capacity_areas", "gcm_objectives", "support_types",
            Prefetch("requirements"),
        ),
        user,
        pk=pk,
    )  # fmt: skip


def timeline(support_request: SupportRequest) -> list[AuditEntry]:
    """The request's history, oldest first: each step, who took it and the note with it."""
    entries = AuditEntry.objects.for_object(support_request).filter(action__in=TIMELINE_ACTIONS)
    return list(entries.select_related("actor").order_by("created", "pk"))


def offer_list(*, user):
    return (
        Offer.objects.visible_to(user)
        .defer("embedding")
        .select_related("organisation", "expert")
        .prefetch_related("capacity_areas", "support_types", "countries", "regions")
    )


def offer_get(*, user, pk) -> Offer:
    return get_visible_or_404(
        Offer.objects.select_related("organisation", "expert", "in_response_to").prefetch_related(
            "capacity_areas", "gcm_objectives", "support_types", "countries", "regions"
        ),
        user,
        pk=pk,
    )


def _match_rows(user):
    return (
        Match.objects.visible_to(user)
        .select_related(
            "request", "request__organisation", "offer", "offer__organisation", "offer__expert"
        )
        .defer("request__embedding", "offer__embedding")
    )


def _matches(user):
    """Matches with what their explanations show: both items' vocabularies."""
    return _match_rows(user).prefetch_related(
        "request__capacity_areas", "request__gcm_objectives", "request__support_types",
        "offer__capacity_areas", "offer__gcm_objectives", "offer__support_types",
    )  # fmt: skip


def matches_of_request(*, user, support_request, limit: int | None = None) -> list[Match]:
    """The offers matched with a request, brokered ones first, then by score."""
    limit = limit or settings.HUB_MATCHING["PER_ITEM"]
    matches = _matches(user).filter(request=support_request)
    return _brokered_then_best(matches, limit)


def matches_of_offer(*, user, offer, limit: int | None = None) -> list[Match]:
    limit = limit or settings.HUB_MATCHING["PER_ITEM"]
    return _brokered_then_best(_matches(user).filter(offer=offer), limit)


def _brokered_then_best(matches, limit) -> list[Match]:
    brokered = list(matches.exclude(status=MatchStatus.PROPOSED).order_by("-updated"))
    proposed = list(matches.filter(status=MatchStatus.PROPOSED).order_by("-score", "pk")[:limit])
    return brokered + proposed


def match_get(*, user, pk) -> Match:
    return get_visible_or_404(_matches(user), user, pk=pk)


def match_list(*, user):
    """The matches `user` may see, with who is on each side (for the API: no relations of the
    request or the offer, which the explanation does not need)."""
    return Match.objects.visible_to(user).select_related(
        "request__organisation", "offer__organisation", "offer__expert"
    )


def match_timeline(match: Match) -> list[AuditEntry]:
    entries = AuditEntry.objects.for_object(match).exclude(action="hub.match.proposed")
    return list(entries.select_related("actor").order_by("created", "pk"))


def brokering_board(*, user) -> dict:
    """The secretariat's console: requests waiting for review, published requests without a
    good match, the best proposals not yet introduced, introductions waiting for an answer,
    accepted matches waiting to become partnerships, and the latest declines."""
    good = settings.HUB_MATCHING["GOOD_SCORE"]
    matches = _match_rows(user)
    open_requests = SupportRequest.objects.filter(
        status__in=(RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED)
    )
    return {
        "waiting_review": SupportRequest.objects.filter(status=RequestStatus.SUBMITTED).count(),
        "without_good_match": open_requests.annotate(best=Max("matches__score"))
        .filter(Q(best__lt=good) | Q(best__isnull=True))
        .select_related("organisation", "country", "region")
        .order_by("published_at")[:25],
        "to_introduce": matches.filter(status=MatchStatus.PROPOSED, score__gte=good)
        .exclude(request__matches__status__in=(MatchStatus.INTRODUCED, MatchStatus.ACCEPTED))
        .filter(request__in=open_requests, offer__status="published")
        .order_by("-score")[:25],
        "introduced": matches.filter(status=MatchStatus.INTRODUCED).order_by("introduced_at")[:25],
        "accepted": matches.filter(status=MatchStatus.ACCEPTED).order_by("decided_at")[:25],
        "declined": matches.filter(status=MatchStatus.DECLINED).order_by("-decided_at")[:10],
    }


def peers_of(support_request) -> list[tuple[SupportRequest, float, list[Offer]]]:
    """Similar published requests of other organisations, most similar first, each with the
    offers that answered it (accepted matches and partnerships: what the peer did)."""
    similarities = (
        RequestSimilarity.objects.filter(
            request=support_request, similar__status__in=PUBLIC_STATUSES
        )
        .select_related("similar__organisation", "similar__country", "similar__region")
        .defer("similar__embedding")
    )
    peers = [(entry.similar, entry.score) for entry in similarities]
    answered = defaultdict(list)
    engaged = Match.objects.filter(
        request__in=[peer for peer, _ in peers],
        status__in=(MatchStatus.ACCEPTED, MatchStatus.PARTNERSHIP),
    ).select_related("offer__organisation", "offer__expert")
    for match in engaged:
        answered[match.request_id].append(match.offer)
    return [(peer, score, answered[peer.pk]) for peer, score in peers]
