"""Reporting periods as date arithmetic (no database): a project's periods from its dates and
frequency, calendar-aligned so that every project's second quarter is the same quarter."""

from datetime import date, timedelta

from .choices import FREQUENCY_MONTHS


def _aligned_start(day: date, months: int) -> date:
    """The first day of the calendar month, quarter or year holding `day`."""
    month = (day.month - 1) // months * months + 1
    return date(day.year, month, 1)


def _months_later(first_of_month: date, months: int) -> date:
    index = first_of_month.month - 1 + months
    return date(first_of_month.year + index // 12, index % 12 + 1, 1)


def periods_between(start: date, end: date, frequency: str) -> list[tuple[date, date]]:
    """The periods covering start..end: calendar months, quarters or years, the first and last
    cut at the project's own dates. A custom frequency generates none."""
    months = FREQUENCY_MONTHS.get(frequency)
    if months is None:
        return []
    periods = []
    cursor = _aligned_start(start, months)
    while cursor <= end:
        following = _months_later(cursor, months)
        periods.append((max(cursor, start), min(following - timedelta(days=1), end)))
        cursor = following
    return periods


def locks_on(period_end: date, lock_after_days: int) -> date:
    """The first day on which a period's values can no longer be entered."""
    return period_end + timedelta(days=lock_after_days + 1)
