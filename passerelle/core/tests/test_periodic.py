from datetime import UTC, datetime, time, timedelta

import pytest

from passerelle.core.periodic import PeriodicJob, register_periodic_job

MONDAY_5AM = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)


def test_an_interval_job_is_due_once_its_interval_has_passed():
    job = PeriodicJob("sweep", lambda: None, every=timedelta(minutes=5))
    assert not job.is_due(MONDAY_5AM + timedelta(minutes=4), MONDAY_5AM)
    assert job.is_due(MONDAY_5AM + timedelta(minutes=5), MONDAY_5AM)


def test_a_daily_job_runs_once_after_its_time():
    job = PeriodicJob("daily", lambda: None, at=time(6, 0))
    assert not job.is_due(MONDAY_5AM + timedelta(minutes=59), MONDAY_5AM)
    six = MONDAY_5AM + timedelta(hours=1)
    assert job.is_due(six + timedelta(seconds=20), MONDAY_5AM)
    assert not job.is_due(six + timedelta(minutes=1), six + timedelta(seconds=20))
    assert job.is_due(six + timedelta(days=1), six + timedelta(seconds=20))


def test_a_weekly_job_runs_on_its_day_only():
    job = PeriodicJob("weekly", lambda: None, at=time(6, 0), weekday=0)
    assert job.is_due(MONDAY_5AM + timedelta(hours=2), MONDAY_5AM)
    tuesday = MONDAY_5AM + timedelta(days=1)
    assert not job.is_due(tuesday + timedelta(hours=2), tuesday)


def test_a_job_needs_exactly_one_schedule():
    with pytest.raises(ValueError):
        register_periodic_job(PeriodicJob("neither", lambda: None))
    with pytest.raises(ValueError):
        register_periodic_job(PeriodicJob("both", lambda: None, every=timedelta(1), at=time(6, 0)))
