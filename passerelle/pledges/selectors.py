"""Reads of pledges. Lists cost a fixed number of queries, whatever their length."""

from django.db.models import Prefetch

from passerelle.core.models import AuditEntry
from passerelle.core.permissions import get_visible_or_404

from .models import Pledge, ProgressUpdate


def pledge_list(*, user):
    return Pledge.objects.visible_to(user).select_related("organisation", "country", "region")


def pledge_get(*, user, pk) -> Pledge:
    return get_visible_or_404(
        Pledge.objects.select_related(
            "organisation", "country", "region", "matches__organisation"
        ).prefetch_related(
            "partners", "capacity_areas", "gcm_objectives",
            Prefetch("progress_updates", ProgressUpdate.objects.select_related("author")),
            Prefetch("matched_by", Pledge.objects.visible_to(user).select_related("organisation")),
        ),
        user,
        pk=pk,
    )  # fmt: skip


def history(pledge: Pledge) -> list[AuditEntry]:
    """The pledge's history, oldest first: each step, who took it and the note with it (a missed
    report has no actor: the platform noticed it)."""
    entries = AuditEntry.objects.for_object(pledge).filter(action__startswith="pledges.pledge.")
    return list(entries.select_related("actor").order_by("created", "pk"))
