"""Periodic jobs: work that must happen on a schedule (the catch-up sweep every few minutes, the
daily and weekly digests). Modules register jobs here; `manage.py scheduler` runs them — one
scheduler process per installation, next to any number of task workers — and so does cron, if
an installation prefers it (README, "Periodic jobs").

A job should only enqueue background tasks or do small work, and must be harmless to run twice:
a restarted scheduler may run a job again, and cron and the scheduler may overlap.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    run: Callable[[], object]
    every: timedelta | None = None  # an interval …
    at: time | None = None  # … or a time of day (UTC), every day …
    weekday: int | None = None  # … or on one weekday (0 = Monday) at that time

    def is_due(self, now: datetime, last_run: datetime) -> bool:
        if self.every is not None:
            return now - last_run >= self.every
        scheduled = datetime.combine(now.date(), self.at, tzinfo=now.tzinfo)
        if self.weekday is not None and now.weekday() != self.weekday:
            return False
        return last_run < scheduled <= now


_jobs: dict[str, PeriodicJob] = {}


def register_periodic_job(job: PeriodicJob) -> None:
    if (job.every is None) == (job.at is None):
        raise ValueError(f"Periodic job {job.name}: give either `every` or `at`.")
    _jobs[job.name] = job


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def prune_task_results() -> None:
    """Finished runs of the database task backend pile up in its table; keep two weeks (failed
    runs a month, for the admins to read)."""
    from django.core.management import call_command

    call_command("prune_db_task_results", min_age_days=14, failed_min_age_days=30, verbosity=0)
