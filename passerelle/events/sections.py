"""What events add to other modules' pages (core.sections): on the dashboard, the person's
registrations to events not over yet and the events they organise; on an organisation's page,
the events it organises or supports."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.sections import register_section

from .choices import ACTIVE, PartnerRole
from .models import Event, Registration
from .permissions import organising_ids

LIMIT = 6


def dashboard_events(request, user):
    if not user.is_authenticated:
        return None
    today = timezone.localdate()
    registrations = list(
        Registration.objects.filter(user=user, status__in=ACTIVE, event__ends_on__gte=today)
        .select_related("event", "item")
        .order_by("event__starts_on", "created")[:LIMIT]
    )
    organised = list(
        Event.objects.filter(
            partners__role=PartnerRole.ORGANISER,
            partners__organisation__in=organising_ids(user),
            ends_on__gte=today,
        ).order_by("starts_on")[:LIMIT]
    )
    if not (registrations or organised):
        return None
    return {"registrations": registrations, "organised": organised}


def organisation_events(request, organisation):
    events = list(
        Event.objects.visible_to(request.user)
        .filter(partners__organisation=organisation)
        .distinct()
        .order_by("-starts_on")[:LIMIT]
    )
    if not events:
        return None
    return {"title": _("Events"), "events": events}


for page, key, template, get_context, order in (
    ("dashboard", "events", "events/_dashboard_section.html", dashboard_events, 55),
    ("organisation", "events", "events/_events_section.html", organisation_events, 65),
):  # fmt: skip
    register_section(page, key, template=template, get_context=get_context, order=order)
