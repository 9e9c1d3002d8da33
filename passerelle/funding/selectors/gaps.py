"""Funding gaps: what open requests and running public projects require against what was given,
in US dollars (committed and paid count as funded; pledges are shown apart) and in expert-days,
by capacity area, GCM objective, UN M49 region and country.

An item tagged with several areas (objectives, countries, regions) counts in full under each of
them, so the rows of one table may add up to more than the total, which counts each item once.
A request counts in the region of its country (or its own region); a project in the regions of
its countries and the regions it names. A fixed number of queries, whatever the number of items.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from passerelle.geo.models import Country, Region
from passerelle.hub.choices import RequirementKind
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .. import coverage
from ..coverage import Coverage
from ..services.contributions import FUNDABLE_REQUEST_STATUSES, UNFUNDABLE_PROJECT_STATUSES

PUBLIC = "public"


@dataclass
class Item:
    areas: set = field(default_factory=set)
    objectives: set = field(default_factory=set)
    countries: set = field(default_factory=set)
    regions: set = field(default_factory=set)
    coverages: list = field(default_factory=list)


@dataclass
class Row:
    """The sum over some items: money (USD) and expert-days, each as a Coverage."""

    label: str = ""
    url: str = ""
    items: int = 0
    money: Coverage = field(default_factory=lambda: Coverage(RequirementKind.MONEY))
    days: Coverage = field(default_factory=lambda: Coverage(RequirementKind.EXPERT_DAYS))

    @property
    def coverages(self) -> list[Coverage]:
        return [c for c in (self.money, self.days) if c.required or c.funded or c.pledged]

    def add(self, item: Item) -> None:
        self.items += 1
        for found in item.coverages:
            total = {RequirementKind.MONEY: self.money, RequirementKind.EXPERT_DAYS: self.days}.get(
                found.kind
            )
            if total is not None:
                total.required += found.required
                total.funded += found.funded
                total.pledged += found.pledged


@dataclass
class Gaps:
    total: Row
    requests: int
    projects: int
    tables: list  # [(key, title, column heading, [Row])]


def _top_regions() -> tuple[dict[int, int], dict[int, int]]:
    """The top-level region of every region and of every country (two queries)."""
    parents = dict(Region.objects.values_list("pk", "parent_id"))

    def top(region):
        while parents.get(region) is not None:
            region = parents[region]
        return region

    countries = {c: top(r) for c, r in Country.objects.values_list("pk", "region_id") if r}
    return {region: top(region) for region in parents}, countries


def _pairs(queryset, relation: str):
    return ((pk, other) for pk, other in queryset.values_list("pk", relation) if other)


def _items(requests, projects) -> tuple[list[Item], int, int]:
    region_top, country_top = _top_regions()
    by_request: dict[int, Item] = {}
    for pk, country, region in requests.values_list("pk", "country", "region"):
        item = by_request[pk] = Item()
        if country:
            item.countries.add(country)
            item.regions.add(country_top.get(country))
        elif region:
            item.regions.add(region_top.get(region))
    for pk, area in _pairs(requests, "capacity_areas"):
        by_request[pk].areas.add(area)
    for pk, objective in _pairs(requests, "gcm_objectives"):
        by_request[pk].objectives.add(objective)
    for pk, rows in coverage.for_requests(list(by_request)).items():
        by_request[pk].coverages = rows

    by_project = {pk: Item() for pk in projects.values_list("pk", flat=True)}
    for pk, area in _pairs(projects, "capacity_areas"):
        by_project[pk].areas.add(area)
    for pk, objective in _pairs(projects, "gcm_objectives"):
        by_project[pk].objectives.add(objective)
    for pk, country in _pairs(projects, "countries__country"):
        by_project[pk].countries.add(country)
        by_project[pk].regions.add(country_top.get(country))
    for pk, region in _pairs(projects, "regions__region"):
        by_project[pk].regions.add(region_top.get(region))
    for pk, rows in coverage.for_projects(list(by_project)).items():
        by_project[pk].coverages = rows
    items = [*by_request.values(), *by_project.values()]
    for item in items:
        item.regions.discard(None)
    return items, len(by_request), len(by_project)


def _open_requests(user):
    return SupportRequest.objects.visible_to(user).filter(status__in=FUNDABLE_REQUEST_STATUSES)


def _running_projects(user):
    return (
        Project.objects.visible_to(user)
        .filter(visibility=PUBLIC)
        .exclude(status__in=UNFUNDABLE_PROJECT_STATUSES)
    )


def _table(items, attribute: str, names: dict[int, tuple[str, str]]) -> list[Row]:
    rows: dict = {}
    unspecified = Row(label=_("Not specified"))
    for item in items:
        keys = getattr(item, attribute)
        if not keys:
            unspecified.add(item)
        for key in keys:
            if key not in rows:
                label, url = names.get(key, (str(key), ""))
                rows[key] = Row(label=label, url=url)
            rows[key].add(item)
    ordered = sorted(rows.values(), key=lambda row: (-row.money.gap, row.label))
    return [*ordered, unspecified] if unspecified.items else ordered


def funding_gaps(*, user) -> Gaps:
    items, requests, projects = _items(_open_requests(user), _running_projects(user))
    total = Row(label=_("All requests and projects"))
    for item in items:
        total.add(item)

    def wanted(attribute):
        return set().union(*(getattr(item, attribute) for item in items)) if items else set()

    areas = {
        a.pk: (a.name, a.get_absolute_url())
        for a in CapacityArea.objects.filter(pk__in=wanted("areas"))
    }
    objectives = {
        o.pk: (str(o), o.get_absolute_url())
        for o in GCMObjective.objects.filter(pk__in=wanted("objectives"))
    }
    regions = {r.pk: (r.name, "") for r in Region.objects.filter(pk__in=wanted("regions"))}
    countries = {
        c.pk: (c.name, c.get_absolute_url())
        for c in Country.objects.filter(pk__in=wanted("countries"))
    }
    tables = [
        ("areas", _("By capacity area"), _("Capacity area"), _table(items, "areas", areas)),
        ("objectives", _("By GCM objective"), _("GCM objective"),
         _table(items, "objectives", objectives)),
        ("regions", _("By region"), _("Region"), _table(items, "regions", regions)),
        ("countries", _("By country"), _("Country"), _table(items, "countries", countries)),
    ]  # fmt: skip
    return Gaps(total=total, requests=requests, projects=projects, tables=tables)


def country_totals(*, user, country) -> Row | None:
    """Money and expert-days required against given, over the open requests and running public
    projects in `country`; None when there is nothing to show."""
    items, _requests, _projects = _items(
        _open_requests(user).filter(country=country),
        _running_projects(user).filter(countries__country=country).distinct(),
    )
    total = Row(label=country.name)
    for item in items:
        total.add(item)
    if not (total.money.required or total.money.funded or total.money.pledged):
        return None
    return total
