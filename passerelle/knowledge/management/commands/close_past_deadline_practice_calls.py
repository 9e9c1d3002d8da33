"""`manage.py close_past_deadline_practice_calls`: run by cron once a day (or by the scheduler).
Closes the open calls for practices whose deadline has passed; running it twice is harmless."""

from django.core.management.base import BaseCommand

from passerelle.knowledge.services.calls import close_past_deadline_calls


class Command(BaseCommand):
    help = "Close the open calls for practices whose deadline has passed."

    def handle(self, *args, **options):
        closed = close_past_deadline_calls()
        self.stdout.write(f"Closed {closed} call{'' if closed == 1 else 's'} past their deadline.")
