"""Writes of the results framework: results (impact → outcomes → outputs), their indicators,
the project's reporting periods, targets per period, and the secretariat's progress rules."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from passerelle.core.audit import log_action
from passerelle.core.permissions import is_secretariat, require

from ..choices import PARENT_TYPE, Dimension, Frequency, Measure, ParticipantRole, ResultType
from ..models import (
    Indicator,
    PeriodValue,
    ProgressRules,
    Project,
    ReportingPeriod,
    Result,
)
from ..periods import periods_between
from .locking import lock_project

MAX_CATEGORIES = 12


@dataclass
class ResultData:
    type: int
    title: str
    description: str = ""
    parent: Result | None = None
    weight: int = 1


@dataclass
class IndicatorData:
    """`dimensions`: {dimension: [category, ...]} for the disaggregations reported."""

    title: str
    measure: int
    description: str = ""
    unit: str = ""
    ascending: bool = True
    baseline_date: date | None = None
    baseline_value: Decimal | None = None
    baseline_comment: str = ""
    dimensions: dict = field(default_factory=dict)
    weight: int = 1
    reporter: object = None
    capacity_area: object = None
    gcm_objective: object = None
    assessment_indicator: object = None


def _result_errors(project: Project, data: ResultData) -> dict:
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the result a title.")
    if data.type not in ResultType.values:
        errors["type"] = _("Choose the level from the list.")
        return errors
    expected = PARENT_TYPE.get(ResultType(data.type))
    parent = data.parent
    if parent is not None and parent.project_id != project.pk:
        errors["parent"] = _("The result it contributes to belongs to another project.")
    elif parent is not None and parent.type != expected:
        errors["parent"] = _("An output serves an outcome, and an outcome serves the impact.")
    elif parent is None and expected is not None and project.results.filter(type=expected).exists():
        errors["parent"] = _("Say which %(level)s this result contributes to.") % {
            "level": ResultType(expected).label.lower()
        }
    if not 1 <= data.weight <= 100:
        errors["weight"] = _("A weight is from 1 to 100.")
    return errors


@transaction.atomic
def result_create(*, actor, project: Project, data: ResultData) -> Result:
    project = lock_project(project.pk)
    require(actor, "change", project)
    if errors := _result_errors(project, data):
        raise ValidationError(errors)
    result = Result.objects.create(
        project=project, type=data.type, title=data.title.strip(),
        description=data.description.strip(), parent=data.parent, weight=data.weight,
        position=project.results.count(),
    )  # fmt: skip
    log_action(
        actor, project, "projects.result.created", {"result": result.pk, "title": result.title}
    )
    return result


@transaction.atomic
def result_update(*, actor, result: Result, data: ResultData) -> Result:
    project = lock_project(result.project_id)
    require(actor, "change", project)
    if data.type != result.type and result.children.exists():
        raise ValidationError({"type": _("Move the results under it first: its level holds them.")})
    if errors := _result_errors(project, data):
        raise ValidationError(errors)
    result.type, result.title = data.type, data.title.strip()
    result.description, result.parent, result.weight = (
        data.description.strip(),
        data.parent,
        data.weight,
    )
    result.save()
    log_action(
        actor, project, "projects.result.updated", {"result": result.pk, "title": result.title}
    )
    return result


def _has_reported_values(indicators) -> bool:
    return (
        PeriodValue.objects.filter(indicator__in=indicators)
        .exclude(actual__isnull=True, narrative="")
        .exists()
    )


@transaction.atomic
def result_remove(*, actor, result: Result) -> None:
    """Remove a result with what it holds, unless values were reported there: those are the
    project's record."""
    project = lock_project(result.project_id)
    require(actor, "change", project)
    below = _descendants(result)
    if _has_reported_values(Indicator.objects.filter(result__in=below)):
        raise ValidationError(_("Values were reported under this result: it stays."))
    log_action(
        actor, project, "projects.result.removed", {"result": result.pk, "title": result.title}
    )
    result.delete()
    project.save(update_fields=["updated"])  # the export's last-updated moves


def _descendants(result: Result) -> list[Result]:
    found, frontier = [result], [result]
    while frontier:
        frontier = list(Result.objects.filter(parent__in=frontier))
        found.extend(frontier)
    return found


def _indicator_errors(project: Project, data: IndicatorData) -> dict:
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the indicator a title.")
    if data.measure not in Measure.values:
        errors["measure"] = _("Choose the measure from the list.")
    if (
        data.measure == Measure.PERCENTAGE
        and data.baseline_value is not None
        and not (0 <= data.baseline_value <= 100)
    ):
        errors["baseline_value"] = _("A percentage is from 0 to 100.")
    if data.measure == Measure.QUALITATIVE and data.baseline_value is not None:
        errors["baseline_value"] = _("A qualitative indicator has no baseline figure; describe it.")
    if not 1 <= data.weight <= 100:
        errors["weight"] = _("A weight is from 1 to 100.")
    implementers = {
        p.organisation_id for p in project.participants.all()
        if p.role == ParticipantRole.IMPLEMENTING
    }  # fmt: skip
    if data.reporter is not None and data.reporter.pk not in implementers:
        errors["reporter"] = _("The reporting organisation is one of the implementing ones.")
    if problem := _dimension_error(data.dimensions):
        errors["dimensions"] = problem
    return errors


def _dimension_error(dimensions: dict) -> str | None:
    for name, categories in dimensions.items():
        if name not in Dimension.values:
            return _("Choose the disaggregation dimensions from the list.")
        cleaned = [c.strip() for c in categories if c.strip()]
        if len(cleaned) < 2 or len(cleaned) > MAX_CATEGORIES:
            return _("Give each dimension 2 to %(most)d categories.") % {"most": MAX_CATEGORIES}
        if len(set(cleaned)) != len(cleaned):
            return _("A dimension lists each category once.")
    return None


def _indicator_fields(data: IndicatorData) -> dict:
    return {
        "title": data.title.strip(),
        "description": data.description.strip(),
        "measure": data.measure,
        "unit": data.unit.strip(),
        "ascending": data.ascending,
        "baseline_date": data.baseline_date,
        "baseline_value": data.baseline_value,
        "baseline_comment": data.baseline_comment.strip(),
        "dimensions": [
            {"dimension": name, "categories": [c.strip() for c in categories if c.strip()]}
            for name, categories in data.dimensions.items()
        ],
        "weight": data.weight,
        "reporter": data.reporter,
        "capacity_area": data.capacity_area,
        "gcm_objective": data.gcm_objective,
        "assessment_indicator": data.assessment_indicator,
    }


@transaction.atomic
def indicator_create(*, actor, result: Result, data: IndicatorData) -> Indicator:
    project = lock_project(result.project_id)
    require(actor, "change", project)
    if errors := _indicator_errors(project, data):
        raise ValidationError(errors)
    indicator = Indicator.objects.create(
        result=result, position=result.indicators.count(), **_indicator_fields(data)
    )
    log_action(
        actor, project, "projects.indicator.created",
        {"indicator": indicator.pk, "title": indicator.title},
    )  # fmt: skip
    return indicator


@transaction.atomic
def indicator_update(*, actor, indicator: Indicator, data: IndicatorData) -> Indicator:
    project = lock_project(indicator.result.project.pk)
    require(actor, "change", project)
    if errors := _indicator_errors(project, data):
        raise ValidationError(errors)
    reported = _has_reported_values([indicator])
    if reported and data.measure != indicator.measure:
        raise ValidationError({"measure": _("Values were reported in this measure: it stays.")})
    for name, value in _indicator_fields(data).items():
        setattr(indicator, name, value)
    indicator.save()
    log_action(
        actor, project, "projects.indicator.updated",
        {"indicator": indicator.pk, "title": indicator.title},
    )  # fmt: skip
    return indicator


@transaction.atomic
def indicator_remove(*, actor, indicator: Indicator) -> None:
    project = lock_project(indicator.result.project.pk)
    require(actor, "change", project)
    if _has_reported_values([indicator]):
        raise ValidationError(_("Values were reported for this indicator: it stays."))
    log_action(
        actor, project, "projects.indicator.removed",
        {"indicator": indicator.pk, "title": indicator.title},
    )  # fmt: skip
    indicator.delete()
    project.save(update_fields=["updated"])  # the export's last-updated moves


def sync_periods(project: Project) -> None:
    """Give the project the periods its dates and frequency call for. Periods that no longer fit
    are removed only when nothing was reported in them. Custom periods are left alone."""
    if project.reporting_frequency == Frequency.CUSTOM:
        return
    wanted = periods_between(
        project.planned_start, project.planned_end, project.reporting_frequency
    )
    existing = {(p.start, p.end): p for p in project.periods.all()}
    reported = PeriodValue.objects.filter(period=OuterRef("pk")).exclude(
        actual__isnull=True, narrative=""
    )
    stale = [period.pk for key, period in existing.items() if key not in set(wanted)]
    ReportingPeriod.objects.filter(pk__in=stale).exclude(Exists(reported)).delete()
    # A period kept for its values keeps its days: no new period overlaps it.
    kept = list(project.periods.values_list("start", "end"))
    ReportingPeriod.objects.bulk_create(
        ReportingPeriod(project=project, start=start, end=end)
        for start, end in wanted
        if not any(start <= kept_end and kept_start <= end for kept_start, kept_end in kept)
    )


@transaction.atomic
def period_add(*, actor, project: Project, start: date, end: date) -> ReportingPeriod:
    """A custom period; it may not overlap another one."""
    project = lock_project(project.pk)
    require(actor, "change", project)
    if project.reporting_frequency != Frequency.CUSTOM:
        raise ValidationError(
            _("Periods follow the project's frequency; choose custom periods first.")
        )
    if end < start:
        raise ValidationError({"end": _("The period ends before it starts.")})
    if project.periods.filter(start__lte=end, end__gte=start).exists():
        raise ValidationError(_("This period overlaps another one."))
    period = ReportingPeriod.objects.create(project=project, start=start, end=end)
    log_action(actor, project, "projects.period.added", {"start": start, "end": end})
    return period


@transaction.atomic
def period_remove(*, actor, period: ReportingPeriod) -> None:
    project = lock_project(period.project_id)
    require(actor, "change", project)
    if period.values.filter(~Q(actual__isnull=True) | ~Q(narrative="")).exists():
        raise ValidationError(_("Values were reported in this period: it stays."))
    if project.reporting_frequency != Frequency.CUSTOM:
        raise ValidationError(
            _("Periods follow the project's frequency; choose custom periods first.")
        )
    log_action(
        actor, project, "projects.period.removed", {"start": period.start, "end": period.end}
    )
    period.delete()
    project.save(update_fields=["updated"])  # the export's last-updated moves


@transaction.atomic
def target_set(*, actor, indicator: Indicator, period: ReportingPeriod, target) -> PeriodValue:
    """The value the indicator should reach by the end of the period (empty: none)."""
    project = lock_project(indicator.result.project.pk)
    require(actor, "change", project)
    if period.project_id != project.pk:
        raise ValidationError(_("This period belongs to another project."))
    if target is not None and not indicator.is_quantitative:
        raise ValidationError(
            {"target": _("Only a figure has a target; describe a qualitative one.")}
        )
    if target is not None and indicator.measure == Measure.PERCENTAGE and not 0 <= target <= 100:
        raise ValidationError({"target": _("A percentage is from 0 to 100.")})
    value, _created = PeriodValue.objects.get_or_create(indicator=indicator, period=period)
    before = value.target
    value.target = target
    value.save(update_fields=["target", "updated"])
    log_action(
        actor, value, "projects.target.set",
        {"indicator": indicator.pk, "period": period.pk, "from": before, "to": target},
    )  # fmt: skip
    return value


def current_rules() -> ProgressRules:
    defaults = settings.PROJECTS["PROGRESS_RULES"]
    rules, _created = ProgressRules.objects.get_or_create(
        pk=1,
        defaults={
            "on_track_from": defaults["ON_TRACK_FROM"],
            "at_risk_from": defaults["AT_RISK_FROM"],
        },
    )
    return rules


@transaction.atomic
def progress_rules_update(*, actor, on_track_from: int, at_risk_from: int) -> ProgressRules:
    """The secretariat sets when an indicator is on track or at risk (percent of the period's
    target reached); below `at_risk_from` it is off track."""
    if not is_secretariat(actor):
        raise PermissionDenied
    if not 0 <= at_risk_from <= on_track_from <= 100:
        raise ValidationError(_("Give 0 ≤ at risk ≤ on track ≤ 100."))
    rules = current_rules()
    rules = ProgressRules.objects.select_for_update().get(pk=rules.pk)
    before = {"on_track_from": rules.on_track_from, "at_risk_from": rules.at_risk_from}
    rules.on_track_from, rules.at_risk_from, rules.updated_by = on_track_from, at_risk_from, actor
    rules.save()
    log_action(
        actor, rules, "projects.rules.updated",
        {"from": before, "to": {"on_track_from": on_track_from, "at_risk_from": at_risk_from}},
    )  # fmt: skip
    return rules
