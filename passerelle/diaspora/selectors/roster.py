"""Reads of the roster: the search of active experts, an expert's page with their track record,
contacts received and sent, the experts the hub's matcher proposed for a request, and diaspora
co-funding. Lists cost a fixed number of queries, whatever their length."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from passerelle.core.permissions import get_visible_or_404, user_can
from passerelle.funding import coverage
from passerelle.funding.models import Contribution
from passerelle.funding.selectors.contributions import totals_usd
from passerelle.funding.services.contributions import (
    FUNDABLE_REQUEST_STATUSES,
    UNFUNDABLE_PROJECT_STATUSES,
)
from passerelle.hub.choices import PUBLIC_STATUSES, MatchStatus, RequirementKind
from passerelle.hub.models import Match, SupportRequest
from passerelle.projects.models import Project

from ..choices import DIASPORA_ORGANISATION_TYPES, ContactStatus, RosterStatus
from ..models import ExpertContact, RosterEntry
from .people import shown_names

CONTACTS_LIMIT = 100
COFUNDING_LIMIT = 30


def _entries():
    return RosterEntry.objects.select_related("offer").prefetch_related(
        "capacity_areas", "work_countries"
    )


def roster_search(*, user, areas=(), languages=(), country=None, availability="", text=""):
    """Active experts only, with any of `areas` and any of `languages`; a queryset to
    paginate."""
    entries = _entries().visible_to(user).filter(status=RosterStatus.ACTIVE)
    if areas:
        entries = entries.filter(capacity_areas__in=areas)
    if languages:
        # The JSON text of the list holds each quoted code (portable; the codes are ISO).
        spoken = Q()
        for code in languages:
            spoken |= Q(languages__icontains=f'"{code}"')
        entries = entries.filter(spoken)
    if country is not None:
        entries = entries.filter(work_countries=country)
    if availability:
        entries = entries.filter(availability=availability)
    if text:
        entries = entries.filter(Q(headline__icontains=text) | Q(expertise__icontains=text))
    return entries.distinct().order_by("headline", "pk")


def name_entries(viewer, entries) -> list:
    """Each entry with `expert_name`: the name its expert shows `viewer`."""
    entries = list(entries)
    names = shown_names(viewer, [entry.expert_id for entry in entries])
    for entry in entries:
        entry.expert_name = names[entry.expert_id]
    return entries


def entry_get(*, user, pk) -> RosterEntry:
    return get_visible_or_404(_entries().select_related("expert"), user, pk=pk)


def my_entry(*, user) -> RosterEntry | None:
    if not user.is_authenticated:
        return None
    return _entries().filter(expert=user).first()


@dataclass
class TrackItem:
    organisation: str
    request_title: str
    request_url: str
    completed_at: object
    outcome: str


def completed_contacts():
    return (
        ExpertContact.objects.filter(status=ContactStatus.COMPLETED)
        .select_related("organisation", "support_request")
        .defer("support_request__embedding")
        .order_by("-completed_at", "pk")
    )


def track_record(entry: RosterEntry) -> list[TrackItem]:
    """The completed engagements, newest first: the organisation, the request when it is
    public, when and what it achieved. Completed engagements are public with the entry. Uses
    `entry.completed_contacts` when a list prefetched them (Prefetch to_attr)."""
    contacts = getattr(entry, "completed_contacts", None)
    if contacts is None:
        contacts = completed_contacts().filter(roster_entry=entry)
    items = []
    for contact in contacts:
        request = contact.support_request
        public = request is not None and request.status in PUBLIC_STATUSES
        items.append(
            TrackItem(
                organisation=contact.organisation.name,
                request_title=request.title if public else "",
                request_url=request.get_absolute_url() if public else "",
                completed_at=contact.completed_at,
                outcome=contact.outcome,
            )
        )
    return items


def partnerships_count(entry: RosterEntry) -> int:
    """Hub partnerships of the expert's offers (every offer the entry published)."""
    return Match.objects.filter(
        offer__expert_id=entry.expert_id, status=MatchStatus.PARTNERSHIP
    ).count()


def _contacts(user):
    return ExpertContact.objects.visible_to(user).select_related(
        "roster_entry", "organisation", "support_request"
    )


def contacts_received(*, user) -> list[ExpertContact]:
    if not user.is_authenticated:
        return []
    return list(_contacts(user).filter(roster_entry__expert=user)[:CONTACTS_LIMIT])


def contacts_sent(*, user) -> list[ExpertContact]:
    if not user.is_authenticated:
        return []
    return list(
        _contacts(user)
        .filter(organisation__in=user.organisation_ids)
        .exclude(roster_entry__expert=user)[:CONTACTS_LIMIT]
    )


def contact_get(*, user, pk) -> ExpertContact:
    return get_visible_or_404(
        _contacts(user).select_related("roster_entry__expert", "sent_by"), user, pk=pk
    )


# --- the experts proposed for a request ---------------------------------------------------------


def proposed_experts(*, user, support_request, limit: int = 20) -> list[Match]:
    """The matcher's matches of the request whose offer is a roster entry `user` may see, best
    first, with what the hub's explanation reads; each with `entry` and `contact` (the latest
    contact of the user's organisations with that expert about this request, or None)."""
    visible = RosterEntry.objects.visible_to(user).values("pk")
    matches = list(
        Match.objects.filter(request=support_request, offer__roster_entry__in=visible)
        .select_related("request", "offer", "offer__roster_entry")
        .defer("request__embedding", "offer__embedding")
        .prefetch_related(
            "request__capacity_areas",
            "request__gcm_objectives",
            "request__support_types",
            "offer__capacity_areas",
            "offer__gcm_objectives",
            "offer__support_types",
        )
        .order_by("-score", "pk")[:limit]
    )
    entries = [match.offer.roster_entry for match in matches]
    name_entries(user, entries)
    contacts = {}
    if user.is_authenticated and entries:
        for contact in ExpertContact.objects.filter(
            roster_entry__in=entries,
            support_request=support_request,
            organisation__in=user.organisation_ids,
        ).order_by("created", "pk"):
            contacts[contact.roster_entry_id] = contact  # the latest wins
    for match in matches:
        match.entry = match.offer.roster_entry
        match.contact = contacts.get(match.entry.pk)
    return matches


def can_see_proposals(user, support_request) -> bool:
    return support_request.published_at is not None and user_can(
        user, "view_matches", support_request
    )


# --- the roster on a member's page --------------------------------------------------------------


def member_roster(*, viewer, person) -> dict | None:
    entry = RosterEntry.objects.visible_to(viewer).filter(expert=person).first()
    if entry is None:
        return None
    return {"entry": entry, "track_record": track_record(entry)}


# --- co-funding --------------------------------------------------------------------------------


def cofunding(*, user) -> dict:
    """Open requests and projects still short of money (the funding module's coverage), and what
    diaspora organisations and individuals gave. A fixed number of queries."""
    requests = list(
        SupportRequest.objects.visible_to(user)
        .filter(status__in=FUNDABLE_REQUEST_STATUSES, requirements__kind=RequirementKind.MONEY)
        .defer("embedding")
        .select_related("organisation", "country")
        .distinct()
        .order_by("-published_at", "pk")[:COFUNDING_LIMIT]
    )
    projects = list(
        Project.objects.visible_to(user)
        .exclude(status__in=UNFUNDABLE_PROJECT_STATUSES)
        .filter(requirements__kind=RequirementKind.MONEY)
        .distinct()
        .order_by("-pk")[:COFUNDING_LIMIT]
    )
    request_money = _money(coverage.for_requests([r.pk for r in requests]))
    project_money = _money(coverage.for_projects([p.pk for p in projects]))
    contributions = Contribution.objects.visible_to(user)
    return {
        "requests": [(r, request_money[r.pk]) for r in requests if r.pk in request_money],
        "projects": [(p, project_money[p.pk]) for p in projects if p.pk in project_money],
        "by_organisations": totals_usd(
            contributions.filter(source_organisation__type__in=DIASPORA_ORGANISATION_TYPES)
        ),
        "by_individuals": totals_usd(contributions.filter(source_person__isnull=False)),
        "as_of": timezone.now(),
    }


def _money(coverages: dict) -> dict:
    """{pk: the money coverage} of the items whose money is not fully funded."""
    found = {}
    for pk, rows in coverages.items():
        money = next((row for row in rows if row.kind == RequirementKind.MONEY), None)
        if money is not None and money.gap > 0:
            found[pk] = money
    return found
