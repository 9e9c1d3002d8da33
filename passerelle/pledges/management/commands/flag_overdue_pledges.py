"""`manage.py flag_overdue_pledges`: run by cron once a day (or by the scheduler). Flags each
progress report that fell due without coming, once; running it twice is harmless."""

from django.core.management.base import BaseCommand

from passerelle.pledges.services import pledges_flag_overdue


class Command(BaseCommand):
    help = "Flag the pledges whose progress report is overdue (their editors are notified)."

    def handle(self, *args, **options):
        flagged = pledges_flag_overdue()
        self.stdout.write(f"Flagged {flagged} overdue report{'' if flagged == 1 else 's'}.")
