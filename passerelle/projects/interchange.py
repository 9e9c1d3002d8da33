"""A period's values as a spreadsheet, out and back in: one row per indicator, the same columns
both ways (CSV or XLSX). Reporters fill it offline — what ministries and NGOs already do — and
upload it; the upload is all or nothing: every problem is reported with its row and column, and
nothing is saved unless every row is right. A row carries the value's version as exported, so a
value someone changed since is refused rather than overwritten."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .choices import ValueStatus
from .models import Indicator, PeriodValue, ReportingPeriod
from .services.reporting import entry_closed_reason

FIXED = ["indicator_id", "result", "indicator", "measure", "unit", "target", "actual",
         "narrative", "evidence_url", "status", "version"]  # fmt: skip
REQUIRED = ["indicator_id", "actual", "narrative", "version"]
# The service's fields and the columns that hold them, for messages.
FIELD_COLUMNS = {"actual": "actual", "narrative": "narrative", "evidence_url": "evidence_url"}


def _indicators(period: ReportingPeriod) -> list[Indicator]:
    return list(
        Indicator.objects.filter(result__project=period.project_id)
        .select_related("result")
        .order_by("-result__type", "result__position", "result__pk", "position", "pk")
    )


def breakdown_columns(indicators) -> list[str]:
    """One column per dimension and category used by any indicator: "sex:Female"."""
    columns = []
    for indicator in indicators:
        for entry in indicator.dimensions:
            for category in entry["categories"]:
                column = f"{entry['dimension']}:{category}"
                if column not in columns:
                    columns.append(column)
    return columns


def period_rows(period: ReportingPeriod) -> tuple[list[str], list[dict]]:
    """The columns and rows of the period's sheet."""
    indicators = _indicators(period)
    values = {v.indicator_id: v for v in period.values.all()}
    extra = breakdown_columns(indicators)
    rows = []
    for indicator in indicators:
        value = values.get(indicator.pk)
        row = {
            "indicator_id": indicator.pk,
            "result": indicator.result.title,
            "indicator": indicator.title,
            "measure": indicator.get_measure_display(),
            "unit": indicator.unit,
            "target": _figure(value.target) if value else "",
            "actual": _figure(value.actual) if value else "",
            "narrative": value.narrative if value else "",
            "evidence_url": value.evidence_url if value else "",
            "status": value.get_status_display() if value else "",
            "version": value.lock_version if value else 0,
        }
        for column in extra:
            dimension, category = column.split(":", 1)
            figures = value.disaggregation.get(dimension, {}) if value else {}
            row[column] = figures.get(category, "")
        rows.append(row)
    return FIXED + extra, rows


def _figure(number) -> str:
    return "" if number is None else format(number.normalize(), "f")


def _number(text: str, row: int, column: str, errors: list) -> Decimal | None:
    if not text:
        return None
    try:
        number = Decimal(text.replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        errors.append(_message(row, column, _("“%(text)s” is not a number") % {"text": text}))
        return None
    if not number.is_finite():
        errors.append(_message(row, column, _("“%(text)s” is not a number") % {"text": text}))
        return None
    return number


def _message(row: int, column: str, problem: str) -> str:
    return _("Row %(row)d, column %(column)s: %(problem)s.") % {
        "row": row, "column": column, "problem": problem,
    }  # fmt: skip


def _parse(row: dict, number: int, indicator: Indicator, errors: list):
    """The row as the service's ValueData and the version it was exported at."""
    breakdown = {}
    for entry in indicator.dimensions:
        for category in entry["categories"]:
            column = f"{entry['dimension']}:{category}"
            figure = _number(row.get(column, ""), number, column, errors)
            breakdown.setdefault(entry["dimension"], {})[category] = figure
    version = row.get("version", "")
    if not version.isdigit():
        errors.append(_message(number, "version", _("keep the version as exported")))
    data = services.ValueData(
        actual=_number(row.get("actual", ""), number, "actual", errors),
        narrative=row.get("narrative", ""),
        disaggregation=breakdown,
        evidence_url=row.get("evidence_url", ""),
    )
    return data, int(version) if version.isdigit() else None


def _unchanged(data: services.ValueData, value: PeriodValue | None) -> bool:
    if value is None:
        return data.actual is None and not data.narrative.strip() and not any(
            figure is not None for figures in data.disaggregation.values()
            for figure in figures.values()
        )  # fmt: skip
    stored = {
        dimension: {category: Decimal(figure) for category, figure in figures.items()}
        for dimension, figures in value.disaggregation.items()
    }
    given = {
        dimension: {c: f for c, f in figures.items() if f is not None}
        for dimension, figures in data.disaggregation.items()
    }
    given = {dimension: figures for dimension, figures in given.items() if figures}
    return (
        data.actual == value.actual
        and data.narrative.strip() == value.narrative
        and data.evidence_url.strip() == value.evidence_url
        and given == stored
    )


@transaction.atomic
def import_rows(*, actor, period: ReportingPeriod, rows: list[dict]) -> int:
    """Save the rows that change a value, through the same service as the screen; return how
    many. Every problem of every row is reported at once, and nothing is saved unless there is
    none."""
    indicators = {indicator.pk: indicator for indicator in _indicators(period)}
    values = {v.indicator_id: v for v in period.values.all()}
    closed = entry_closed_reason(period, period.project, today=timezone.localdate())
    if closed and not any(v.status == ValueStatus.RETURNED for v in values.values()):
        raise ValidationError(closed)
    errors, changes, seen = [], [], set()
    for number, row in enumerate(rows, start=2):
        ident = row.get("indicator_id", "")
        indicator = indicators.get(int(ident)) if ident.isdigit() else None
        if indicator is None:
            errors.append(_message(number, "indicator_id", _("not an indicator of this project")))
            continue
        if indicator.pk in seen:
            errors.append(_message(number, "indicator_id", _("this indicator has another row")))
            continue
        seen.add(indicator.pk)
        data, version = _parse(row, number, indicator, errors)
        if version is not None and not _unchanged(data, values.get(indicator.pk)):
            changes.append((number, indicator, data, version))
    saved = 0
    for number, indicator, data, version in changes:
        try:
            with transaction.atomic():
                services.value_save(actor=actor, indicator=indicator, period=period,
                                    data=data, expected_version=version)  # fmt: skip
            saved += 1
        except services.ValueConflict:
            errors.append(
                _message(
                    number,
                    "version",
                    _("someone changed this value since the export; export again"),
                )
            )
        except PermissionDenied:
            errors.append(_message(number, "indicator_id", _("you do not report this indicator")))
        except ValidationError as error:
            errors.extend(_row_errors(number, error))
    if errors:
        raise ValidationError(errors)
    return saved


def _row_errors(number: int, error: ValidationError) -> list[str]:
    if not hasattr(error, "error_dict"):
        return [_message(number, "actual", message.rstrip(".")) for message in error.messages]
    found = []
    for field, messages in error.message_dict.items():
        column = FIELD_COLUMNS.get(field, _("by category") if field == "disaggregation" else field)
        found.extend(_message(number, column, message.rstrip(".")) for message in messages)
    return found
