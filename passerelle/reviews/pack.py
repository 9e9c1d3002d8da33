"""A country's review pack: what a government brings to a regional review or to the International
Migration Review Forum. It gathers, as `user` may see them (each module's door, through its
selectors), the country's published assessments over time with the change between consecutive
cycles, the requests for support of its organisations, the projects in the country with their
participants and progress, each project's indicators against their targets, and its
organisations' pledges.

    pack = country_pack(country, user=request.user)

A fixed number of queries, whatever the number of assessments, requests, projects or indicators
(tests/test_pack.py counts them). The pdf and exports modules print the same pack.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.assessments import scoring
from passerelle.assessments.choices import AssessmentStatus, Scope
from passerelle.assessments.models import Assessment
from passerelle.hub import selectors as hub_selectors
from passerelle.hub.choices import RequestStatus
from passerelle.pledges import selectors as pledge_selectors
from passerelle.projects import selectors as project_selectors
from passerelle.projects.choices import ParticipantRole, Progress, ProjectStatus

OPEN_REQUESTS = (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED)
ON_COURSE = (Progress.ACHIEVED, Progress.ON_TRACK)


@dataclass
class Cycle:
    """One published assessment of a series: its domain values, in the series' domain order,
    and the change of each since the previous cycle (None for the first cycle)."""

    assessment: Assessment
    published_on: date
    values: list[float | None]
    changes: list[float | None]


@dataclass
class DomainRow:
    code: str
    name: str
    cells: list[tuple[float | None, float | None]]  # (value, change since the previous cycle)
    overall: float | None  # change from the first cycle to the latest


@dataclass
class AssessmentSeries:
    """One organisation's published cycles on one framework, oldest first."""

    organisation: object
    framework: object
    scope: str
    scale: str
    domains: list[tuple[str, str]]  # (code, name), in the latest version's order
    cycles: list[Cycle]

    @property
    def scope_label(self) -> str:
        return str(Scope(self.scope).label)

    @property
    def has_change(self) -> bool:
        return len(self.cycles) > 1

    @property
    def rows(self) -> list[DomainRow]:
        return [
            DomainRow(
                code=code,
                name=name,
                cells=[(cycle.values[i], cycle.changes[i]) for cycle in self.cycles],
                overall=scoring.change(self.cycles[0].values[i], self.cycles[-1].values[i]),
            )
            for i, (code, name) in enumerate(self.domains)
        ]


@dataclass
class IndicatorRow:
    """A project's indicator against its targets: only approved actuals count."""

    project: object
    result: object
    indicator: object
    latest_actual: Decimal | None
    latest_period: object  # the reporting period of the latest approved actual, or None
    final_target: Decimal | None
    standing: str
    percent: float | None  # of the final target

    @property
    def baseline(self) -> Decimal | None:
        return self.indicator.baseline_value

    @property
    def standing_label(self) -> str:
        return str(Progress(self.standing).label)


@dataclass
class ProjectRow:
    project: object
    percent: float | None  # weighted progress towards the targets
    participants: list[tuple[str, list]]  # (role label, organisations), in IATI role order
    indicators: list[IndicatorRow] = field(default_factory=list)


@dataclass
class RequestRow:
    request: object
    date: date  # when it was published, or written when it is not (yet)

    @property
    def capacity_areas(self) -> list[str]:
        return [area.name for area in self.request.capacity_areas.all()]


@dataclass
class ReviewPack:
    country: object
    generated_on: date
    assessments: list[AssessmentSeries]
    requests: list[RequestRow]  # newest first
    projects: list[ProjectRow]
    pledges: list  # Pledge, newest first

    @property
    def indicators(self) -> list[IndicatorRow]:
        return [row for project in self.projects for row in project.indicators]

    @property
    def cycle_count(self) -> int:
        return sum(len(series.cycles) for series in self.assessments)

    @property
    def has_demo(self) -> bool:
        items = [cycle.assessment for series in self.assessments for cycle in series.cycles]
        items += [row.request for row in self.requests] + self.pledges
        items += [row.project for row in self.projects]
        return any(item.is_demo for item in items)

    def summary(self) -> list[tuple[str, int]]:
        """(what, how many), in the active language."""
        standings = Counter(row.standing for row in self.indicators)
        return [
            (_("published capacity assessments"), self.cycle_count),
            (
                _("organisations with a published assessment"),
                len({series.organisation.pk for series in self.assessments}),
            ),
            (_("requests for support"), len(self.requests)),
            (
                _("requests open for support"),
                sum(1 for row in self.requests if row.request.status in OPEN_REQUESTS),
            ),
            (_("projects"), len(self.projects)),
            (
                _("projects running"),
                sum(1 for r in self.projects if r.project.status == ProjectStatus.IMPLEMENTATION),
            ),
            (_("project indicators"), len(self.indicators)),
            (
                _("indicators achieved or on track"),
                sum(standings.get(standing, 0) for standing in ON_COURSE),
            ),
            (_("pledges"), len(self.pledges)),
        ]


def country_pack(country, *, user, today: date | None = None) -> ReviewPack:
    """The review pack of `country` as `user` may see it."""
    return ReviewPack(
        country=country,
        generated_on=today or timezone.localdate(),
        assessments=_assessments(country, user),
        requests=_requests(country, user),
        projects=_projects(country, user),
        pledges=_pledges(country, user),
    )


# --- Assessments ------------------------------------------------------------------------------


def _assessments(country, user) -> list[AssessmentSeries]:
    """The published cycles of the country's organisations, grouped by organisation and
    framework. Values are the domain values stored at publication (Assessment.published_scores):
    two queries, whatever the number of cycles."""
    published = (
        Assessment.objects.visible_to(user)
        .filter(status=AssessmentStatus.PUBLISHED, organisation__country=country)
        .select_related("organisation", "version__framework")
        .prefetch_related("version__domains")
        .order_by("published_at", "pk")
    )
    grouped = defaultdict(list)
    for assessment in published:
        grouped[(assessment.organisation_id, assessment.version.framework_id)].append(assessment)
    series = [_series(cycles) for cycles in grouped.values()]
    national_first = {Scope.NATIONAL: 0, Scope.LOCAL: 1}
    return sorted(
        series,
        key=lambda s: (national_first.get(s.scope, 2), s.organisation.name, s.framework.name),
    )


def _series(assessments: list[Assessment]) -> AssessmentSeries:
    latest = assessments[-1]
    names = {}
    for assessment in reversed(assessments):  # the latest version's names win
        for domain in assessment.version.domains.all():
            names.setdefault(domain.code, domain.name)
    codes = [domain.code for domain in latest.version.domains.all()]
    codes += [code for code in names if code not in codes]
    cycles, previous = [], None
    for assessment in assessments:
        values = [assessment.published_scores.get(code) for code in codes]
        changes = (
            [scoring.change(before, after) for before, after in zip(previous, values, strict=True)]
            if previous is not None
            else [None] * len(codes)
        )
        cycles.append(
            Cycle(assessment, timezone.localdate(assessment.published_at), values, changes)
        )
        previous = values
    return AssessmentSeries(
        organisation=latest.organisation,
        framework=latest.version.framework,
        scope=latest.scope,
        scale=latest.version.scale,
        domains=[(code, names[code]) for code in codes],
        cycles=cycles,
    )


# --- Requests and pledges ---------------------------------------------------------------------


def _requests(country, user) -> list[RequestRow]:
    """The requests for support of the country's organisations (made by them or jointly with
    them), newest first. Three queries."""
    of_country = Q(organisation__country=country) | Q(joint_with__country=country)
    requests = hub_selectors.request_list(user=user).filter(of_country).order_by("-created")
    return [
        RequestRow(request, timezone.localdate(request.published_at or request.created))
        for request in requests
    ]


def _pledges(country, user) -> list:
    return list(
        pledge_selectors.pledge_list(user=user)
        .filter(organisation__country=country)
        .order_by("-created")
    )


# --- Projects and their results ---------------------------------------------------------------


def _projects(country, user) -> list[ProjectRow]:
    """The projects in the country, newest first, with their progress and indicators: the
    projects' selectors, each a fixed number of queries for any number of projects."""
    projects = list(
        project_selectors.project_list(user=user)
        .filter(countries__country=country)
        .order_by("-planned_start", "-pk")
    )
    if not projects:
        return []
    percents = project_selectors.projects_progress(projects)
    rows = {
        project.pk: ProjectRow(project, percents[project.pk], _participants(project))
        for project in projects
    }
    found = project_selectors.tagged_indicators(user=user, result__project__pk__in=list(rows))
    for project, item in sorted(found, key=_framework_order):
        row = rows[project.pk]
        row.indicators.append(_indicator_row(row.project, item))
    return list(rows.values())


def _participants(project) -> list[tuple[str, list]]:
    by_role = defaultdict(list)
    for participant in project.participants.all():
        by_role[participant.role].append(participant.organisation)
    return [(str(role.label), by_role[role]) for role in ParticipantRole if by_role[role]]


def _framework_order(pair) -> tuple:
    """Impact first, then outcomes and outputs, as the project's results framework reads."""
    _project, item = pair
    result = item.indicator.result
    return (-result.type, result.position, result.pk, item.indicator.position, item.indicator.pk)


def _indicator_row(project, item) -> IndicatorRow:
    approved = item.approved_points
    latest_period, _target, latest_actual = approved[-1] if approved else (None, None, None)
    targets = [value.target for _period, value in item.rows if value and value.target is not None]
    return IndicatorRow(
        project=project,
        result=item.indicator.result,
        indicator=item.indicator,
        latest_actual=latest_actual,
        latest_period=latest_period,
        final_target=targets[-1] if targets else None,
        standing=item.standing,
        percent=item.percent,
    )
