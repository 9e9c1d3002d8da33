"""`manage.py remind_project_reporters`: run by cron once a day (or by the scheduler). Reminds
the reporters of each period that locks soon with values missing, once; running it twice is
harmless."""

from django.core.management.base import BaseCommand

from passerelle.projects.services import remind_reporters


class Command(BaseCommand):
    help = "Remind reporters of the reporting periods that lock soon with values missing."

    def handle(self, *args, **options):
        reminded = remind_reporters()
        self.stdout.write(
            f"Reminded the reporters of {reminded} period{'' if reminded == 1 else 's'}."
        )
