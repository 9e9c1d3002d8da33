"""The search index's periodic job (core.periodic): the catch-up sweep, for whatever a queued
task missed (ADR 5: a queue is never the only record of work that must happen)."""

from datetime import timedelta

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from . import tasks

register_periodic_job(
    PeriodicJob(
        "search_catch_up", lambda: tasks.catch_up_task.enqueue(), every=timedelta(minutes=10)
    )
)
