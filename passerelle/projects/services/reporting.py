"""Reporting, DHIS2-style: the implementer enters each indicator's actual for a period (saved as
they type, with a version check), submits the period's values; the accountable organisation
approves each value or returns it with a comment; a returned value is fixed and submitted again.
A period takes entries from its first day until `project.lock_after_days` after its end; a
returned value stays open to its fix after that. Reporters are reminded before a period locks.

Concurrent edits: every value carries a `lock_version`; a save names the version it started
from, and if the row moved on since, nothing is written and `ValueConflict` carries the newer
value so that the person sees both and loses nothing.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from passerelle.assessments import evidence
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..choices import EDITABLE_VALUE_STATUSES, REPORTING_STATUSES, Measure, ValueStatus
from ..models import Indicator, PeriodValue, Project, ReportingPeriod
from ..periods import locks_on
from ..permissions import reports_indicator
from .locking import lock_project

COMMENT_LIMIT = 2000


class ValueConflict(Exception):
    """Someone saved this value after the version the person started from."""

    def __init__(self, current: PeriodValue):
        super().__init__("value changed since it was read")
        self.current = current


@dataclass
class ValueData:
    """An actual as entered: the figure (or, for a qualitative indicator, the narrative), its
    disaggregation {dimension: {category: figure or None}} and a link to the evidence."""

    actual: Decimal | None = None
    narrative: str = ""
    disaggregation: dict = field(default_factory=dict)
    evidence_url: str = ""


def entry_closed_reason(period: ReportingPeriod, project: Project, *, today: date) -> str | None:
    """Why the period takes no entries today, in words; None while it is open."""
    if today < period.start:
        return _("This period has not started yet: its values are entered from %(day)s.") % {
            "day": date_format(period.start, "DATE_FORMAT")
        }
    closes = locks_on(period.end, project.lock_after_days)
    if today >= closes:
        return _(
            "This period is locked: values were due by %(day)s. Ask the accountable "
            "organisation to return a value if it must change."
        ) % {"day": date_format(closes - timedelta(days=1), "DATE_FORMAT")}
    return None


def _check_entry(actor, project: Project, indicator: Indicator, period, value) -> None:
    """May the actor change this value now? A clear ValidationError if not."""
    if not reports_indicator(actor, indicator, project):
        raise PermissionDenied
    if value is not None and value.status not in EDITABLE_VALUE_STATUSES:
        if value.status == ValueStatus.SUBMITTED:
            raise ValidationError(_("This value is waiting for approval and cannot change now."))
        raise ValidationError(_("This value is approved and final."))
    returned = value is not None and value.status == ValueStatus.RETURNED
    closed = entry_closed_reason(period, project, today=timezone.localdate())
    if closed and not returned:
        raise ValidationError(closed)


def _number_error(indicator: Indicator, figure: Decimal) -> str | None:
    if indicator.measure == Measure.PERCENTAGE and not 0 <= figure <= 100:
        return _("A percentage is from 0 to 100.")
    if (
        indicator.measure == Measure.UNIT
        and indicator.ascending
        and figure < 0
        and (indicator.baseline_value is None or indicator.baseline_value >= 0)
    ):
        return _("A count cannot be negative.")
    return None


def _clean_value(indicator: Indicator, data: ValueData) -> dict:
    """Every problem at once, by field; the fields to store when there is none."""
    errors = {}
    if indicator.is_quantitative:
        if data.actual is not None and (problem := _number_error(indicator, data.actual)):
            errors["actual"] = problem
    elif data.actual is not None:
        errors["actual"] = _("This indicator is reported in words: use the narrative.")
    if len(data.narrative) > 5000:
        errors["narrative"] = _("Keep the narrative under 5000 characters.")
    if data.evidence_url.strip():
        try:
            URLValidator(schemes=["http", "https"])(data.evidence_url.strip())
        except ValidationError:
            errors["evidence_url"] = _("Give a web address starting with https://.")
    breakdown, problem = _clean_disaggregation(indicator, data)
    if problem:
        errors["disaggregation"] = problem
    if errors:
        raise ValidationError(errors)
    return {
        "actual": data.actual,
        "narrative": data.narrative.strip(),
        "disaggregation": breakdown,
        "evidence_url": data.evidence_url.strip(),
    }


def _clean_disaggregation(indicator: Indicator, data: ValueData) -> tuple[dict, str | None]:
    """Only the indicator's dimensions and categories; figures not negative; when every
    category of a dimension is given, they add up to the actual."""
    defined = {d["dimension"]: d["categories"] for d in indicator.dimensions}
    cleaned = {}
    for dimension, figures in data.disaggregation.items():
        if dimension not in defined or not set(figures) <= set(defined[dimension]):
            return {}, _("Report only the categories defined for this indicator.")
        given = {category: figure for category, figure in figures.items() if figure is not None}
        if any(figure < 0 for figure in given.values()):
            return {}, _("A figure by category cannot be negative.")
        complete = len(given) == len(defined[dimension])
        if complete and data.actual is not None and sum(given.values()) != data.actual:
            message = _(
                "The figures by %(dimension)s add up to %(sum)s, not the %(actual)s reported."
            )
            return {}, message % {
                "dimension": dimension.replace("_", " "),
                "sum": sum(given.values()),
                "actual": data.actual,
            }
        if given:
            cleaned[dimension] = {category: str(figure) for category, figure in given.items()}
    return cleaned, None


@transaction.atomic
def value_save(
    *, actor, indicator: Indicator, period: ReportingPeriod, data: ValueData,
    expected_version: int | None,
) -> PeriodValue:  # fmt: skip
    """Save an actual as entered (autosave calls this on every change)."""
    project = lock_project(period.project_id)
    require(actor, "report", project)
    if indicator.result.project_id != project.pk:
        raise ValidationError(_("This indicator belongs to another project."))
    value = (
        PeriodValue.objects.select_for_update().filter(indicator=indicator, period=period).first()
    )
    _check_entry(actor, project, indicator, period, value)
    fields = _clean_value(indicator, data)
    current = value.lock_version if value is not None else 0
    if expected_version is not None and expected_version != current:
        raise ValueConflict(value)
    if value is None:
        value = PeriodValue(indicator=indicator, period=period)
    for name, content in fields.items():
        setattr(value, name, content)
    value.entered_by, value.entered_at = actor, timezone.now()
    value.lock_version = current + 1
    value.save()
    log_action(
        actor, value, "projects.value.saved",
        {"indicator": indicator.pk, "period": period.pk, "actual": value.actual,
         "narrative": value.narrative[:200]},
    )  # fmt: skip
    return value


@transaction.atomic
def value_evidence_attach(
    *, actor, indicator: Indicator, period: ReportingPeriod, upload
) -> PeriodValue:
    """Attach a file (type, size and content checked) as the evidence of an actual, replacing
    the one before; the same rules as entering the value."""
    project = lock_project(period.project_id)
    require(actor, "report", project)
    if indicator.result.project_id != project.pk:
        raise ValidationError(_("This indicator belongs to another project."))
    value = (
        PeriodValue.objects.select_for_update().filter(indicator=indicator, period=period).first()
    )
    _check_entry(actor, project, indicator, period, value)
    evidence.check_upload(upload)
    value = value or PeriodValue(indicator=indicator, period=period)
    replaced = value.evidence_file.name
    value.evidence_file.save(upload.name, upload, save=False)
    try:
        # The version stays: the file is not among what the screen's autosave writes.
        value.entered_by, value.entered_at = actor, timezone.now()
        value.save()
    except Exception:
        value.evidence_file.delete(save=False)  # no row, no file
        raise
    if replaced:
        # The old file goes only once the new one is recorded for good.
        storage = value.evidence_file.storage
        transaction.on_commit(lambda: storage.delete(replaced))
    log_action(
        actor, value, "projects.value.evidence_attached",
        {"indicator": indicator.pk, "period": period.pk, "file": upload.name[:200]},
    )  # fmt: skip
    return value


def _reported(value: PeriodValue) -> bool:
    """Entered enough to be approved: the figure of a quantitative indicator, the narrative of
    the others."""
    if value.indicator.is_quantitative:
        return value.actual is not None
    return bool(value.narrative)


@transaction.atomic
def values_submit(*, actor, period: ReportingPeriod) -> int:
    """Submit for approval every value of the period the actor reports that is entered and not
    yet submitted; return how many."""
    project = lock_project(period.project_id)
    require(actor, "report", project)
    candidates = (
        PeriodValue.objects.select_for_update(of=("self",))
        .filter(period=period, status__in=EDITABLE_VALUE_STATUSES)
        .select_related("indicator")
    )
    today, submitted = timezone.localdate(), []
    closed = entry_closed_reason(period, project, today=today)
    for value in candidates:
        if not (_reported(value) and reports_indicator(actor, value.indicator, project)):
            continue
        if closed and value.status != ValueStatus.RETURNED:
            continue
        submitted.append(value)
    if not submitted:
        raise ValidationError(closed or _("Nothing to submit: enter the period's values first."))
    now = timezone.now()
    for value in submitted:
        resubmitted = value.status == ValueStatus.RETURNED
        value.status, value.submitted_at = ValueStatus.SUBMITTED, now
        value.save(update_fields=["status", "submitted_at", "updated"])
        log_action(
            actor, value, "projects.value.submitted",
            {"indicator": value.indicator_id, "period": period.pk, "resubmitted": resubmitted},
        )  # fmt: skip
    log_action(
        actor, period, "projects.period.submitted",
        {"project": project.pk, "values": len(submitted)},
    )  # fmt: skip
    return len(submitted)


def _review(actor, value: PeriodValue):
    project = lock_project(value.period.project_id)
    require(actor, "approve", project)
    value = PeriodValue.objects.select_for_update().get(pk=value.pk)
    if value.status != ValueStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted value is approved or returned."))
    return value


@transaction.atomic
def value_approve(*, actor, value: PeriodValue) -> PeriodValue:
    value = _review(actor, value)
    value.status, value.reviewed_by, value.reviewed_at = ValueStatus.APPROVED, actor, timezone.now()
    value.review_comment = ""
    value.save()
    log_action(
        actor, value, "projects.value.approved",
        {"indicator": value.indicator_id, "period": value.period_id, "actual": value.actual},
    )  # fmt: skip
    return value


@transaction.atomic
def values_approve(*, actor, period: ReportingPeriod) -> int:
    """Approve every submitted value of the period; return how many."""
    # Asked first: whether anything waits is not for others to learn.
    require(actor, "approve", lock_project(period.project_id))
    waiting = list(period.values.filter(status=ValueStatus.SUBMITTED))
    for value in waiting:
        value_approve(actor=actor, value=value)
    if not waiting:
        raise ValidationError(_("No value of this period is waiting for approval."))
    return len(waiting)


@transaction.atomic
def value_return(*, actor, value: PeriodValue, comment: str) -> PeriodValue:
    """Send a value back to its reporter with what to fix."""
    value = _review(actor, value)
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": _("Say what should be fixed.")})
    if len(comment) > COMMENT_LIMIT:
        raise ValidationError({"comment": _("Keep the comment under %(limit)d characters.")
                               % {"limit": COMMENT_LIMIT}})  # fmt: skip
    value.status, value.reviewed_by, value.reviewed_at = ValueStatus.RETURNED, actor, timezone.now()
    value.review_comment = comment
    value.save()
    log_action(
        actor, value, "projects.value.returned",
        {"indicator": value.indicator_id, "period": value.period_id, "comment": comment},
    )  # fmt: skip
    return value


def remind_reporters(*, today: date | None = None) -> int:
    """Remind the reporters of each running project's periods that lock within
    PROJECTS["REMIND_DAYS_BEFORE"] days and still miss values; once per period. Returns how
    many periods were reminded."""
    today = today or timezone.localdate()
    ahead = settings.PROJECTS["REMIND_DAYS_BEFORE"]
    periods = (
        ReportingPeriod.objects.filter(
            reminded_at__isnull=True,
            project__status__in=REPORTING_STATUSES,
            end__lt=today,
            end__gte=today - timedelta(days=365 + 1),
        )
        .select_related("project")
        .order_by("pk")
    )
    reminded = 0
    for period in periods:
        closes = locks_on(period.end, period.project.lock_after_days)
        if closes - timedelta(days=ahead) <= today < closes and _remind(period, closes):
            reminded += 1
    return reminded


@transaction.atomic
def _remind(period: ReportingPeriod, closes: date) -> bool:
    """Log `projects.period.reminder` once for the period when values are missing; of two runs
    at once, the conditional update lets one claim it."""
    indicators = Indicator.objects.filter(result__project=period.project_id).count()
    entered = period.values.exclude(status=ValueStatus.DRAFT).count()
    if indicators == 0 or entered >= indicators:
        return False
    claimed = ReportingPeriod.objects.filter(pk=period.pk, reminded_at__isnull=True).update(
        reminded_at=timezone.now()
    )
    if claimed:
        log_action(
            None, period, "projects.period.reminder",
            {"project": period.project_id, "locks_on": closes, "missing": indicators - entered},
        )  # fmt: skip
    return bool(claimed)
