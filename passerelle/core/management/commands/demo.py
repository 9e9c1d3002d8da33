"""Load the demo scenario: `manage.py demo`. Idempotent; prints the demo logins."""

import sys
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from passerelle.core.demo import DemoContext, demo_steps


class Command(BaseCommand):
    help = "Load (or refresh) the demo scenario and print the demo users' logins."

    def handle(self, *args, **options):
        steps = demo_steps()
        context = DemoContext()
        started = time.monotonic()
        for index, step in enumerate(steps, start=1):
            self._draw_progress(index - 1, len(steps), step.name)
            with transaction.atomic():
                step.run(context)
        self._draw_progress(len(steps), len(steps), "done")
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo scenario loaded in {time.monotonic() - started:.1f} s. "
                "DEMO DATA — these accounts exist for the demo only:"
            )
        )
        width = max((len(email) for email, _, _ in context.credentials), default=10)
        for email, password, role in context.credentials:
            self.stdout.write(f"  {email:<{width}}  {password}  {role}")

    def _draw_progress(self, done: int, total: int, label: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {done}/{total} {label}"
        if sys.stdout.isatty():
            self.stdout.write(f"\r{line:<80}", ending="")
        else:
            self.stdout.write(line)
