"""When a pledge's next progress report is due, and its status light. Pure functions over plain
values, so that every case is tested without a database; `light_q` says the same as
`status_light` to the database, for the list's filter and the overdue sweep."""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Q

from .choices import Completion, PledgeStatus, ReportingLight


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the last day of that month when it has no such day
    (31 January + 1 month = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_report_due(
    *, since: date, interval_months: int, deadline: date | None, completion: str
) -> date | None:
    """`interval_months` after the last report (`since`: the last report, or the day the pledge
    was made), and at the latest on the deadline, when the final report is expected. None once
    the pledge is complete: nothing more is due."""
    if completion == Completion.COMPLETE:
        return None
    due = add_months(since, interval_months)
    if deadline is not None and since < deadline:
        due = min(due, deadline)
    return due


def due_soon() -> timedelta:
    """How early a report due counts as soon (amber)."""
    return timedelta(days=settings.PLEDGES["DUE_SOON_DAYS"])


def status_light(
    *,
    status: str,
    completion: str,
    deadline: date | None,
    next_report_due: date | None,
    today: date,
    soon: timedelta,
) -> str | None:
    """Green: reported within the interval (or complete); amber: the next report is due within
    `soon`; red: a report is overdue, or the deadline has passed and the pledge is not complete.
    None for a pledge that is not being reported on (a draft, a closed or withdrawn pledge)."""
    if status != PledgeStatus.PUBLISHED:
        return None
    if completion == Completion.COMPLETE:
        return ReportingLight.GREEN
    if (deadline is not None and deadline < today) or (
        next_report_due is not None and next_report_due < today
    ):
        return ReportingLight.RED
    if next_report_due is not None and next_report_due <= today + soon:
        return ReportingLight.AMBER
    return ReportingLight.GREEN


def light_q(light: str, *, today: date, soon: timedelta) -> Q:
    """The pledges whose `status_light` is `light`, as a filter. Published pledges always have a
    deadline, and a next report due unless complete (the constraints and services see to it)."""
    reporting = Q(status=PledgeStatus.PUBLISHED) & ~Q(completion=Completion.COMPLETE)
    overdue = Q(deadline__lt=today) | Q(next_report_due__lt=today)
    due_soon_q = Q(next_report_due__lte=today + soon)
    if light == ReportingLight.RED:
        return reporting & overdue
    if light == ReportingLight.AMBER:
        return reporting & ~overdue & due_soon_q
    complete = Q(status=PledgeStatus.PUBLISHED, completion=Completion.COMPLETE)
    return complete | (reporting & ~overdue & ~due_soon_q)
