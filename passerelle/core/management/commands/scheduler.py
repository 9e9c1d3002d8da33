"""`manage.py scheduler`: run the registered periodic jobs (core/periodic.py) on time. One
process per installation; `python3 bootstrap.py demo` starts it with the task worker."""

import logging
import time as clock

from django.core.management.base import BaseCommand
from django.utils import timezone

from passerelle.core.periodic import periodic_jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the periodic jobs (catch-up sweep, digests…) on their schedule."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick", type=float, default=30, help="Seconds between two looks at the clock."
        )
        parser.add_argument(
            "--run-all-once", action="store_true", help="Run every job once now, then stop."
        )

    def handle(self, *args, tick, run_all_once, **options):
        jobs = periodic_jobs()
        if run_all_once:
            for job in jobs:
                self.run(job)
            return
        self.stdout.write("Scheduler running: " + ", ".join(job.name for job in jobs))
        started = timezone.now()
        last_runs = {job.name: started for job in jobs}
        while True:
            now = timezone.now()
            for job in jobs:
                if job.is_due(now, last_runs[job.name]):
                    last_runs[job.name] = now
                    self.run(job)
            clock.sleep(tick)

    def run(self, job):
        try:
            job.run()
        except Exception:  # one failing job must not stop the others
            logger.exception("Periodic job %s failed", job.name)
        else:
            logger.info("Periodic job %s ran", job.name)
