"""`manage.py send_digests --frequency daily|weekly`: run by cron (daily at a quiet hour; weekly
on one day). It only queues one task per batch of recipients; the workers send the e-mails."""

from django.core.management.base import BaseCommand

from passerelle.community.notifications import send_digests


class Command(BaseCommand):
    help = "Queue the daily or weekly notification digests, one task per batch of recipients."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=["daily", "weekly"], required=True)
        parser.add_argument(
            "--batch-size",
            type=int,
            default=None,
            help="Recipients per task (default: COMMUNITY['DIGEST_BATCH_SIZE']).",
        )

    def handle(self, *args, frequency, batch_size, **options):
        batches = send_digests(frequency, batch_size=batch_size)
        self.stdout.write(f"Queued {batches} {frequency} digest batch(es).")
