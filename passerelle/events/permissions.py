"""Who sees and does what with events.

Published (and cancelled) events, their agenda, speakers and documents are public. A draft is
its organisers': the editors of an organising organisation (who "run" the event) and the
secretariat prepare and edit it. Registrations hold personal data: they are seen and handled
(participant list, export, check-in) by the person registered, the focal point who registered
them, and those who run the event — no one else, the secretariat included.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import NOTHING, Policy, is_secretariat, register_policy

from .choices import EventStatus, PartnerRole
from .models import AgendaItem, Event, EventPartner, Registration

SHOWN = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


def organising_ids(user) -> list[int]:
    """The organisations in which `user` may organise events (editor or more)."""
    if not user.is_authenticated:
        return []
    return [
        organisation_id
        for organisation_id in user.organisation_ids
        if user.has_role(organisation_id, MembershipRole.EDITOR)
    ]


def runs(user, event) -> bool:
    """An editor of one of the event's organisers: who handles its registrations."""
    if not user.is_authenticated or not user.is_active:
        return False
    return event.partners.filter(
        role=PartnerRole.ORGANISER, organisation__in=organising_ids(user)
    ).exists()


def organises(user, event) -> bool:
    """Who prepares and edits the event: those who run it, and the secretariat."""
    return runs(user, event) or is_secretariat(user)


def run_events_q(user, prefix: str = "") -> Q:
    """The events `user` runs (as a Q over Event, or over a model with `prefix`)."""
    ids = organising_ids(user)
    if not ids:
        return NOTHING
    organised = EventPartner.objects.filter(role=PartnerRole.ORGANISER, organisation__in=ids)
    return Q(**{f"{prefix}pk__in": organised.values("event")})


def organised_events_q(user, prefix: str = "") -> Q:
    """The events `user` organises: those they run; every event for the secretariat (written
    out: an empty Q() would vanish from the OR it is put in)."""
    if is_secretariat(user):
        return Q(**{f"{prefix}pk__isnull": False})
    return run_events_q(user, prefix)


def can_create_events(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (is_secretariat(user) or bool(organising_ids(user)))
    )


class EventPolicy(Policy):
    def visible_q(self, user) -> Q:
        shown = Q(status__in=SHOWN)
        if not user.is_authenticated:
            return shown
        return shown | organised_events_q(user)

    def can(self, user, action, event) -> bool:
        if action == "view":
            return event.status in SHOWN or organises(user, event)
        if action == "change":
            return organises(user, event)
        if action in ("manage_registrations", "check_in", "export_participants"):
            return runs(user, event)
        if action == "register":
            return (
                user.is_authenticated and user.is_active and event.status == EventStatus.PUBLISHED
            )
        return False


class AgendaItemPolicy(Policy):
    def visible_q(self, user) -> Q:
        shown = Q(event__status__in=SHOWN)
        if not user.is_authenticated:
            return shown
        return shown | organised_events_q(user, prefix="event__")

    def can(self, user, action, item) -> bool:
        return EventPolicy().can(user, action, item.event)


class RegistrationPolicy(Policy):
    def visible_q(self, user) -> Q:
        if not user.is_authenticated:
            return NOTHING
        return Q(user=user) | Q(registered_by=user) | run_events_q(user, prefix="event__")

    def can(self, user, action, registration) -> bool:
        if not user.is_authenticated:
            return False
        own = registration.user_id == user.pk or registration.registered_by_id == user.pk
        if action in ("view", "cancel", "download_data"):
            return own or runs(user, registration.event)
        if action == "delete_data":
            return registration.user_id == user.pk
        if action == "check_in":
            return runs(user, registration.event)
        return False


register_policy(Event, EventPolicy())
register_policy(AgendaItem, AgendaItemPolicy())
register_policy(Registration, RegistrationPolicy())
