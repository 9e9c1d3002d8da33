"""The community layer's periodic jobs (core.periodic): the catch-up sweep, the digests, and
the deletion of old notifications."""

from datetime import time, timedelta

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from . import tasks
from .notifications import notifications_purge, send_digests

register_periodic_job(
    PeriodicJob(
        "notify_catchup", lambda: tasks.notify_catchup.enqueue(), every=timedelta(minutes=5)
    )
)
register_periodic_job(PeriodicJob("daily_digests", lambda: send_digests("daily"), at=time(6, 0)))
register_periodic_job(
    PeriodicJob("weekly_digests", lambda: send_digests("weekly"), at=time(6, 0), weekday=0)
)
register_periodic_job(PeriodicJob("purge_notifications", notifications_purge, at=time(3, 0)))
