"""Reads of the country pages: the countries that have a page, with their counts (one query);
a country's factsheet — entries by kind, institutions by EUDiF's typology, the diaspora
organisations of this origin by country of residence and those resident there (a fixed number of
queries); the calls and the contributions a reader may see."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from passerelle.geo.models import Country

from ..choices import ContributionStatus, EntryKind, InstitutionType
from ..models import FactsheetContribution, FactsheetEntry, OrganisationProfile

# Named apart from Country's own relations (it has `organisations`).
KIND_COUNTS = {
    "institution_count": EntryKind.INSTITUTION,
    "policy_count": EntryKind.POLICY,
    "programme_count": EntryKind.PROGRAMME,
}


def country_rows() -> QuerySet[Country]:
    """Countries with entries or diaspora organisations of that origin, each with its
    `institution_count`, `policy_count`, `programme_count` and `organisation_count`."""
    counts = {
        name: Count("diaspora_entries", filter=Q(diaspora_entries__kind=kind), distinct=True)
        for name, kind in KIND_COUNTS.items()
    }
    return (
        Country.objects.annotate(
            **counts, organisation_count=Count("diaspora_origin_profiles", distinct=True)
        )
        .filter(
            Q(institution_count__gt=0)
            | Q(policy_count__gt=0)
            | Q(programme_count__gt=0)
            | Q(organisation_count__gt=0)
        )
        .order_by("name")
    )


def country_counts(country: Country) -> dict[str, int]:
    """The counts of one country's page (for the section on the geo country page)."""
    row = country_rows().filter(pk=country.pk).first()
    if row is None:
        return {}
    return {name: getattr(row, name) for name in (*KIND_COUNTS, "organisation_count")}


@dataclass
class ResidenceGroup:
    country: Country
    organisations: list = field(default_factory=list)


@dataclass
class Factsheet:
    country: Country
    institutions: list = field(default_factory=list)  # [(type label, [entries])]
    policies: list = field(default_factory=list)
    programmes: list = field(default_factory=list)
    origin_groups: list = field(default_factory=list)  # [ResidenceGroup], largest first
    origin_count: int = 0
    resident: list = field(default_factory=list)  # profiles resident in the country


def factsheet(country: Country, *, user) -> Factsheet:
    """`country`'s page: 4 queries whatever its size."""
    sheet = Factsheet(country=country)
    entries = list(FactsheetEntry.objects.visible_to(user).filter(country=country))
    by_type = {}
    for entry in entries:
        if entry.kind == EntryKind.INSTITUTION:
            by_type.setdefault(entry.institution_type, []).append(entry)
        elif entry.kind == EntryKind.POLICY:
            sheet.policies.append(entry)
        else:
            sheet.programmes.append(entry)
    sheet.institutions = [
        (label, by_type[value]) for value, label in InstitutionType.choices if value in by_type
    ]
    profiles = OrganisationProfile.objects.visible_to(user).select_related("organisation")
    origin = list(
        profiles.filter(origin_countries=country)
        .prefetch_related(
            Prefetch("residence_countries", queryset=Country.objects.order_by("name"))
        )
        .order_by("organisation__name")
    )
    sheet.origin_count = len(origin)
    sheet.origin_groups = _by_residence(origin)
    sheet.resident = list(
        profiles.filter(residence_countries=country).order_by("organisation__name")
    )
    return sheet


def _by_residence(profiles) -> list[ResidenceGroup]:
    groups: dict[int, ResidenceGroup] = {}
    for profile in profiles:
        for residence in profile.residence_countries.all():
            groups.setdefault(residence.pk, ResidenceGroup(residence)).organisations.append(profile)
    return sorted(groups.values(), key=lambda g: (-len(g.organisations), g.country.name))


def contribution_queue(*, user) -> QuerySet[FactsheetContribution]:
    """Submitted contributions, oldest first (the secretariat's work list)."""
    return (
        FactsheetContribution.objects.visible_to(user)
        .filter(status=ContributionStatus.SUBMITTED)
        .select_related("call", "country", "entry", "contributor")
        .order_by("created", "pk")
    )


def contributions_of(*, user) -> QuerySet[FactsheetContribution]:
    return (
        FactsheetContribution.objects.visible_to(user)
        .filter(contributor=user)
        .select_related("call", "country", "entry")
        .order_by("-created", "-pk")
    )
