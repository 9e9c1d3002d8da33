"""Reads of projects: lists, a project with its results framework and progress, a period's
reporting sheet, the approval queue. Progress counts approved values only; every read costs a
fixed number of queries, whatever the number of projects, indicators or periods."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from passerelle.core.models import AuditEntry
from passerelle.core.permissions import NOTHING, get_visible_or_404
from passerelle.hub.models import Match

from . import progress
from .choices import Progress, ProjectStatus, ValueStatus
from .models import (
    Document,
    Evaluation,
    Indicator,
    Lesson,
    Participant,
    PeriodValue,
    Project,
    ProjectCountry,
    ProjectRegion,
    ReportingPeriod,
    Result,
)
from .services.results import current_rules


def project_list(*, user):
    return (
        Project.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("participants", Participant.objects.select_related("organisation")),
            Prefetch("countries", ProjectCountry.objects.select_related("country")),
            Prefetch("regions", ProjectRegion.objects.select_related("region")),
        )
    )


def project_get(*, user, pk) -> Project:
    return get_visible_or_404(
        Project.objects.select_related("organisation").prefetch_related(
            Prefetch("participants", Participant.objects.select_related("organisation")),
            Prefetch("countries", ProjectCountry.objects.select_related("country")),
            Prefetch("regions", ProjectRegion.objects.select_related("region")),
            "capacity_areas", "gcm_objectives", "guiding_principles",
            Prefetch("documents", Document.objects.order_by("-document_date", "title")),
            Prefetch("evaluations", Evaluation.objects.select_related("report")),
            Prefetch("lessons", Lesson.objects.select_related("evaluation")),
            Prefetch(
                "matches",
                queryset=Match.objects.select_related(
                    "request__organisation", "offer__organisation", "offer__expert"
                ),
            ),
        ),
        user,
        pk=pk,
    )  # fmt: skip


@dataclass
class IndicatorProgress:
    indicator: Indicator
    rows: list  # [(period, PeriodValue or None)] in period order
    standing: str
    percent: float | None  # of the final target

    @property
    def standing_label(self) -> str:
        return Progress(self.standing).label

    @property
    def approved_points(self) -> list:
        """(period, target, actual) of the periods with an approved actual."""
        return [
            (period, value.target, value.actual)
            for period, value in self.rows
            if value is not None and value.status == ValueStatus.APPROVED
            and value.actual is not None
        ]  # fmt: skip


@dataclass
class ResultNode:
    result: Result
    indicators: list[IndicatorProgress] = field(default_factory=list)
    children: list["ResultNode"] = field(default_factory=list)
    percent: float | None = None


def _rules() -> progress.Rules:
    rules = current_rules()
    return progress.Rules(on_track_from=rules.on_track_from, at_risk_from=rules.at_risk_from)


def indicator_progress(indicator, periods, values, rules) -> IndicatorProgress:
    """`values`: {period id: PeriodValue} of this indicator. Only approved actuals count."""
    rows = [(period, values.get(period.pk)) for period in periods]
    points = [
        progress.Point(
            target=value.target if value else None,
            actual=value.actual if value and value.status == ValueStatus.APPROVED else None,
        )
        for _period, value in rows
    ]
    if indicator.is_quantitative:
        standing, percent = progress.standing(
            points, baseline=indicator.baseline_value, ascending=indicator.ascending, rules=rules
        )
    else:
        standing, percent = Progress.NO_DATA, None
    return IndicatorProgress(indicator, rows, standing, percent)


def _values_by_indicator(values) -> dict:
    grouped = defaultdict(dict)
    for value in values:
        grouped[value.indicator_id][value.period_id] = value
    return grouped


def _trees(results, indicators, periods_of: dict, values: dict) -> dict[int, list[ResultNode]]:
    """{project id: its root results}, each indicator with its progress and each result with
    its weighted roll-up."""
    rules = _rules()
    nodes = {result.pk: ResultNode(result) for result in results}
    for indicator in indicators:
        node = nodes[indicator.result_id]
        node.indicators.append(
            indicator_progress(
                indicator, periods_of[node.result.project_id], values[indicator.pk], rules
            )
        )
    roots = defaultdict(list)
    for result in results:
        parent = nodes.get(result.parent_id)
        if parent is not None:
            parent.children.append(nodes[result.pk])
        else:
            roots[result.project_id].append(nodes[result.pk])
    for project_roots in roots.values():
        for root in project_roots:
            _roll_up(root)
    return roots


def _roll_up(node: ResultNode) -> float | None:
    """A result's progress: the weighted mean of its indicators' and its children's."""
    parts = [(item.percent, item.indicator.weight) for item in node.indicators]
    parts += [(_roll_up(child), child.result.weight) for child in node.children]
    node.percent = progress.weighted(parts)
    return node.percent


def project_percent(roots: list[ResultNode]) -> float | None:
    return progress.weighted((node.percent, node.result.weight) for node in roots)


def framework(project: Project) -> tuple[list[ResultNode], list[ReportingPeriod]]:
    """The project's results as a tree (impacts first) with progress, and its periods. Five
    queries."""
    periods = list(project.periods.order_by("start"))
    indicators = (
        Indicator.objects.filter(result__project=project)
        .select_related("reporter", "capacity_area", "gcm_objective", "assessment_indicator")
        .order_by("position", "pk")
    )
    values = PeriodValue.objects.filter(indicator__result__project=project).select_related(
        "entered_by", "reviewed_by"
    )
    roots = _trees(
        list(project.results.all()),
        list(indicators),
        {project.pk: periods},
        _values_by_indicator(values),
    )
    return roots[project.pk], periods


def projects_progress(projects) -> dict[int, float | None]:
    """Each project's weighted progress, for a list page: five queries for any number."""
    ids = [project.pk for project in projects]
    periods_of = defaultdict(list)
    for period in ReportingPeriod.objects.filter(project__in=ids).order_by("start"):
        periods_of[period.project_id].append(period)
    values = PeriodValue.objects.filter(indicator__result__project__in=ids).only(
        "indicator", "period", "target", "actual", "status"
    )
    roots = _trees(
        list(Result.objects.filter(project__in=ids)),
        list(Indicator.objects.filter(result__project__in=ids)),
        periods_of,
        _values_by_indicator(values),
    )
    return {pk: project_percent(roots[pk]) for pk in ids}


@dataclass
class SheetRow:
    """One indicator on a period's reporting screen."""

    indicator: Indicator
    value: PeriodValue | None
    may_enter: bool


def period_sheet(project: Project, period: ReportingPeriod) -> list[SheetRow]:
    """Every indicator of the project with its value for the period, in results order. Whether
    the person may enter it is decided by the view (it knows the user)."""
    indicators = (
        Indicator.objects.filter(result__project=project)
        .select_related("result", "reporter")
        .order_by("-result__type", "result__position", "result__pk", "position", "pk")
    )
    values = {
        value.indicator_id: value
        for value in period.values.select_related("entered_by", "reviewed_by")
    }
    return [SheetRow(indicator, values.get(indicator.pk), False) for indicator in indicators]


def waiting_for_approval(project: Project) -> list[PeriodValue]:
    return list(
        PeriodValue.objects.filter(period__project=project, status=ValueStatus.SUBMITTED)
        .select_related("indicator", "period", "entered_by")
        .order_by("period__start", "indicator__position")
    )


def value_trail(value: PeriodValue) -> list[AuditEntry]:
    """A value's history, oldest first: each save, submission, approval and return."""
    entries = AuditEntry.objects.for_object(value).select_related("actor")
    return list(entries.order_by("created", "pk"))


def history(project: Project) -> list[AuditEntry]:
    """The project's own history (details, status, framework, documents), newest first; a
    status change carries its two statuses in words (`moved`)."""
    entries = list(
        AuditEntry.objects.for_object(project)
        .select_related("actor")
        .order_by("-created", "-pk")[:50]
    )
    for entry in entries:
        if entry.action == "projects.project.status_changed":
            entry.moved = (
                ProjectStatus(entry.data["from"]).label,
                ProjectStatus(entry.data["to"]).label,
            )
    return entries


def _takes_part_q(user, project: str) -> Q:
    """Rows of the projects `user` takes part in (`project`: the path to the project), as a
    member of the recording organisation or of a participating one (permissions.is_member)."""
    if not user.is_authenticated:
        return NOTHING
    ids = user.organisation_ids
    taking_part = Participant.objects.filter(organisation__in=ids).values("project")
    return Q(**{f"{project}__organisation__in": ids}) | Q(**{f"{project}__in": taking_part})


def values_for(user):
    """The period values `user` may read, each annotated `actual_shown`. Until it is approved,
    an actual (with its narrative, disaggregation, evidence and approval state) is the work of
    the project's organisations: only the members of its recording and participating
    organisations read it. Everyone else who sees the project (the public, the secretariat on a
    shared one) reads the approved values, and of the others their target only."""
    shown = Q(status=ValueStatus.APPROVED) | _takes_part_q(user, "period__project")
    return (
        PeriodValue.objects.visible_to(user)
        .filter(shown | Q(target__isnull=False))
        .annotate(
            actual_shown=Case(
                When(shown, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
    )


def _values_in(status: str):
    counted = (
        PeriodValue.objects.filter(period=OuterRef("pk"), status=status)
        .order_by()
        .values("period")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def periods_for(user):
    """The reporting periods `user` may read, each annotated with how many of its values are in
    each approval state (`draft_count`, `submitted_count`, `returned_count`, `approved_count`).
    As in values_for, only the project's members count the values not yet approved: for anyone
    else those counts are None."""
    member = _takes_part_q(user, "project")
    counts = {"approved_count": _values_in(ValueStatus.APPROVED)}
    for status in (ValueStatus.DRAFT, ValueStatus.SUBMITTED, ValueStatus.RETURNED):
        counts[f"{status}_count"] = Case(
            When(member, then=_values_in(status)), default=None, output_field=IntegerField()
        )
    return ReportingPeriod.objects.visible_to(user).select_related("project").annotate(**counts)


def tagged_indicators(
    *, user, limit: int | None = None, **lookup
) -> list[tuple[Project, IndicatorProgress]]:
    """Indicators of the projects `user` may see matching `lookup` (e.g. gcm_objective=...),
    each with its project and progress: what a review page summarises. With a `limit`, those
    of the most recent projects only (a page stays quick however many there are). Six
    queries."""
    indicators = Indicator.objects.filter(
        result__project__in=Project.objects.visible_to(user).values("pk"), **lookup
    ).select_related("result__project")
    if limit is not None:
        indicators = indicators.order_by("-result__project__planned_start", "pk")[:limit]
    wanted = {indicator.pk for indicator in indicators}
    projects = {indicator.result.project_id: indicator.result.project for indicator in indicators}
    if not wanted:
        return []
    periods_of = defaultdict(list)
    for period in ReportingPeriod.objects.filter(project__in=projects).order_by("start"):
        periods_of[period.project_id].append(period)
    values = _values_by_indicator(
        PeriodValue.objects.filter(indicator__in=wanted).only(
            "indicator", "period", "target", "actual", "status"
        )
    )
    rules = _rules()
    found = [
        (
            indicator.result.project,
            indicator_progress(
                indicator, periods_of[indicator.result.project_id], values[indicator.pk], rules
            ),
        )
        for indicator in indicators
    ]
    return sorted(found, key=lambda pair: (pair[0].title, pair[1].indicator.title))
