"""`manage.py close_past_deadline_calls`: run by cron once a day (or by the scheduler). Closes
the open calls for proposals whose deadline has passed; running it twice is harmless."""

from django.core.management.base import BaseCommand

from passerelle.funding.services import calls_close_past_deadline


class Command(BaseCommand):
    help = "Close the open calls for proposals whose deadline has passed."

    def handle(self, *args, **options):
        closed = calls_close_past_deadline()
        self.stdout.write(f"Closed {closed} call{'' if closed == 1 else 's'} past their deadline.")
