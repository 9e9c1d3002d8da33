"""Reads of the hub. Lists cost a fixed number of queries, whatever their length."""

from django.db.models import Prefetch

from passerelle.core.models import AuditEntry
from passerelle.core.permissions import get_visible_or_404

from .models import SupportRequest

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
