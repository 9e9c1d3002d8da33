"""Reads after an event: the attendance counted from check-ins, the session summaries in agenda
order, and the outcomes with their follow-ups (one query each, whatever the number of rows)."""

from django.db.models import Count
from django.utils.translation import gettext as _

from passerelle.accounts.choices import OrganisationType

from .models import ClosingReport, Event, Outcome, Registration, SessionSummary

AGENDA_ORDER = ("item__starts_at", "-item__ends_at", "item__pk")


def attendance_by_organisation_type(event: Event) -> list[tuple[str, int]]:
    """(type of organisation, people checked in), the largest first."""
    return by_organisation_type(
        Registration.objects.filter(event=event, checked_in_at__isnull=False)
    )


def by_organisation_type(registrations) -> list[tuple[str, int]]:
    """(type of organisation, registrations), the largest first; people registered without an
    organisation under "No organisation". One query."""
    types = dict(OrganisationType.choices)
    counted = registrations.order_by().values("organisation__type").annotate(count=Count("pk"))
    lines = [
        (str(types.get(row["organisation__type"], _("No organisation"))), row["count"])
        for row in counted
    ]
    return sorted(lines, key=lambda line: (-line[1], line[0]))


def session_summaries(report: ClosingReport):
    return (
        SessionSummary.objects.filter(report=report).select_related("item").order_by(*AGENDA_ORDER)
    )


def outcome_list(*, user, event: Event):
    """The outcomes of `event` that `user` may see, with their session, owner and follow-up."""
    return (
        Outcome.objects.visible_to(user)
        .filter(event=event)
        .select_related("item", "owner", "pledge", "support_request", "practice_call")
        .order_by("deadline", "pk")
    )
