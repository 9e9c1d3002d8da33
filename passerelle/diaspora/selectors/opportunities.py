"""Reads of engagement opportunities and responses: the list with its counts, places left, a
person's own responses, and the responses the poster reads (with applicants' names in full:
applying reveals one's name to the poster)."""

from django.db.models import Count, Q

from ..choices import OpportunityStatus, ResponseStatus
from ..models import Opportunity, OpportunityResponse

COUNTED = ~Q(responses__status=ResponseStatus.WITHDRAWN)


def opportunity_list(user):
    return (
        Opportunity.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related("countries", "origin_countries", "capacity_areas")
        .annotate(
            response_count=Count("responses", filter=COUNTED, distinct=True),
            accepted_count=Count(
                "responses", filter=Q(responses__status=ResponseStatus.ACCEPTED), distinct=True
            ),
        )
        .order_by("deadline", "pk")
    )


def places_left(opportunity: Opportunity, accepted: int) -> int | None:
    if opportunity.places is None:
        return None
    return max(opportunity.places - accepted, 0)


def counts(opportunity: Opportunity) -> dict[str, int]:
    """What the public sees of the responses: how many, and how many accepted."""
    rows = opportunity.responses.exclude(status=ResponseStatus.WITHDRAWN)
    return {
        "responses": rows.count(),
        "accepted": rows.filter(status=ResponseStatus.ACCEPTED).count(),
    }


def my_response(user, opportunity: Opportunity) -> OpportunityResponse | None:
    if not user.is_authenticated:
        return None
    return OpportunityResponse.objects.filter(opportunity=opportunity, person=user).first()


def my_responses(user):
    return (
        OpportunityResponse.objects.visible_to(user)
        .filter(person=user)
        .select_related("opportunity__organisation")
        .order_by("-created")
    )


def responses_for_poster(opportunity: Opportunity):
    """Every response, the applicant's account with it (the poster sees their full name)."""
    return list(
        opportunity.responses.select_related("person", "answered_by").order_by("status", "created")
    )


def open_linked(user, *, limit: int = 10, **link) -> list[Opportunity]:
    return list(
        Opportunity.objects.visible_to(user)
        .filter(status=OpportunityStatus.OPEN, **link)
        .select_related("organisation")
        .order_by("deadline")[:limit]
    )
