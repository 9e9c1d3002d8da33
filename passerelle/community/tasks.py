"""Background work of the community layer (docs/adr/0005-task-backends-and-retries.md). Each task
is a thin shell over `notifications`, takes only JSON-safe arguments and may run twice without
harm: dispatching is unique per recipient, entry and kind, and e-mails are claimed before they
are sent."""

from datetime import datetime

from passerelle.core.models import AuditEntry
from passerelle.core.tasks import retrying_task

from . import notifications


@retrying_task()
def dispatch_audit_entry(*, entry_id: int) -> None:
    entry = AuditEntry.objects.filter(pk=entry_id).first()
    if entry is not None:
        notifications.dispatch(entry)


@retrying_task()
def send_notification_emails(*, notification_ids: list[int]) -> None:
    notifications.deliver_immediate(notification_ids=notification_ids)


@retrying_task()
def send_digest_batch(*, user_ids: list[int], frequency: str, cutoff_iso: str) -> None:
    notifications.deliver_digest_batch(
        user_ids=user_ids, frequency=frequency, cutoff=datetime.fromisoformat(cutoff_iso)
    )


@retrying_task(max_attempts=3)
def notify_catchup() -> None:
    notifications.catchup()
