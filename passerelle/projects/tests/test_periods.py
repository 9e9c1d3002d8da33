"""Reporting periods as date arithmetic: calendar months, quarters or years between a project's
dates, the first and last cut at those dates; when a period's values lock."""

from datetime import date
from itertools import pairwise

import pytest

from passerelle.projects.choices import Frequency
from passerelle.projects.periods import locks_on, periods_between


def test_monthly_periods_are_calendar_months():
    assert periods_between(date(2026, 1, 1), date(2026, 4, 30), Frequency.MONTHLY) == [
        (date(2026, 1, 1), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 4, 30)),
    ]


def test_february_of_a_leap_year_has_29_days():
    assert periods_between(date(2028, 2, 1), date(2028, 2, 29), Frequency.MONTHLY) == [
        (date(2028, 2, 1), date(2028, 2, 29)),
    ]


def test_monthly_periods_cross_the_new_year():
    assert periods_between(date(2026, 11, 15), date(2027, 1, 10), Frequency.MONTHLY) == [
        (date(2026, 11, 15), date(2026, 11, 30)),
        (date(2026, 12, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 10)),
    ]


def test_quarterly_periods_are_calendar_quarters_cut_at_the_project_dates():
    """A project starting mid-May has the rest of the second quarter as its first period, and
    every later period is the same quarter as every other project's."""
    assert periods_between(date(2026, 5, 15), date(2027, 2, 10), Frequency.QUARTERLY) == [
        (date(2026, 5, 15), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 2, 10)),
    ]


@pytest.mark.parametrize(
    "start, quarter_start",
    [
        (date(2026, 1, 20), date(2026, 1, 1)),
        (date(2026, 3, 31), date(2026, 1, 1)),
        (date(2026, 4, 1), date(2026, 4, 1)),
        (date(2026, 8, 17), date(2026, 7, 1)),
        (date(2026, 12, 31), date(2026, 10, 1)),
    ],
)
def test_the_quarter_boundaries_hold_whatever_the_start(start, quarter_start):
    periods = periods_between(start, date(2027, 12, 31), Frequency.QUARTERLY)
    assert periods[0][0] == start
    assert periods[1][0].month in (1, 4, 7, 10) and periods[1][0].day == 1
    following = periods[1][0]
    assert (following.year * 12 + following.month) - (
        quarter_start.year * 12 + quarter_start.month
    ) == 3


def test_a_short_project_inside_one_quarter_has_one_period():
    assert periods_between(date(2026, 5, 10), date(2026, 6, 20), Frequency.QUARTERLY) == [
        (date(2026, 5, 10), date(2026, 6, 20)),
    ]


def test_a_one_day_project_has_one_period():
    day = date(2026, 9, 30)
    for frequency in (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY):
        assert periods_between(day, day, frequency) == [(day, day)]


def test_yearly_periods_are_calendar_years():
    assert periods_between(date(2025, 7, 1), date(2027, 3, 31), Frequency.YEARLY) == [
        (date(2025, 7, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 3, 31)),
    ]


@pytest.mark.parametrize("frequency", [Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY])
def test_periods_follow_each_other_without_gap_or_overlap(frequency):
    start, end = date(2025, 2, 14), date(2028, 11, 3)
    periods = periods_between(start, end, frequency)
    assert periods[0][0] == start and periods[-1][1] == end
    for (_first_start, first_end), (second_start, _second_end) in pairwise(periods):
        assert (second_start - first_end).days == 1
    assert all(period_start <= period_end for period_start, period_end in periods)


def test_custom_periods_are_not_generated():
    assert periods_between(date(2026, 1, 1), date(2027, 12, 31), Frequency.CUSTOM) == []


def test_an_unknown_frequency_generates_nothing():
    assert periods_between(date(2026, 1, 1), date(2027, 12, 31), "fortnightly") == []


def test_an_end_before_the_start_generates_nothing():
    assert periods_between(date(2026, 6, 1), date(2026, 5, 1), Frequency.MONTHLY) == []


def test_a_period_locks_the_day_after_its_grace_days():
    """Entries are taken up to and including `lock_after_days` after the period's end."""
    assert locks_on(date(2026, 3, 31), 30) == date(2026, 5, 1)
    assert locks_on(date(2026, 12, 31), 10) == date(2027, 1, 11)


def test_without_grace_days_a_period_locks_the_day_after_it_ends():
    assert locks_on(date(2026, 6, 30), 0) == date(2026, 7, 1)
