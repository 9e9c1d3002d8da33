"""`manage.py notify_catchup`: run by cron every few minutes. Dispatches the audit entries the
task queue may have lost (a Redis restart), from the durable cursor; dispatching twice is
harmless, so it may overlap with the queue's own work."""

from django.core.management.base import BaseCommand

from passerelle.community.notifications import catchup


class Command(BaseCommand):
    help = "Turn audit entries not yet dispatched into notifications, from the catch-up cursor."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=None)
        parser.add_argument(
            "--settle-seconds",
            type=int,
            default=None,
            help="Leave entries younger than this to the next run "
            "(default: COMMUNITY['NOTIFY_CATCHUP_SETTLE_SECONDS']).",
        )

    def handle(self, *args, batch_size, settle_seconds, **options):
        processed = catchup(batch_size=batch_size, settle_seconds=settle_seconds)
        self.stdout.write(f"Dispatched {processed} audit entr{'y' if processed == 1 else 'ies'}.")
