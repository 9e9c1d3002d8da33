"""From audit entries to notifications (pretix's notification framework).

`log_action` calls `on_audit_entry` inside the writing transaction; after the commit a task runs
`dispatch`, which asks each registered notification kind whom to tell. The queue only wakes the
workers up: `catchup` (the `notify_catchup` command, run by cron) replays the audit trail from a
cursor, so a queue lost with its Redis loses no notification. Dispatching an entry twice is
harmless: a notification is unique per recipient, entry and kind.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from passerelle.core.models import AuditEntry
from passerelle.core.tasks import enqueue_on_commit

from ..choices import EmailFrequency, EmailStatus
from ..models import DispatchCursor, Notification, NotificationPreference
from ..registry import notification_types, notification_types_for_action
from .access import available_targets

CURSOR = "notifications"

EMAIL_STATUS = {
    EmailFrequency.OFF: EmailStatus.NONE,
    EmailFrequency.IMMEDIATE: EmailStatus.IMMEDIATE,
    EmailFrequency.DAILY: EmailStatus.DAILY,
    EmailFrequency.WEEKLY: EmailStatus.WEEKLY,
}


def on_audit_entry(entry: AuditEntry) -> None:
    """Called by core.audit.log_action for every new entry, inside its transaction."""
    if notification_types_for_action(entry.action):
        from .. import tasks  # tasks import this module

        enqueue_on_commit(tasks.dispatch_audit_entry, entry_id=entry.pk)


@transaction.atomic
def dispatch(entry: AuditEntry) -> int:
    """Create the notifications `entry` calls for; return how many were new or already there.

    Each kind names (user, target, data) triples. Dropped: the actor, inactive users, users who
    may not see the target now, content hidden by moderation, a second notification of one kind
    for one user. A kind flagged `skip_if_notified` (activity on what one follows) reaches only
    users no other kind notified of this entry, so one comment is one notification. A kind
    flagged `hide_actor` (moderation speaks for the platform) does not record who acted.
    """
    kinds = sorted(
        notification_types_for_action(entry.action),
        key=lambda kind: (bool(kind.extra.get("skip_if_notified")), kind.kind),
    )
    candidates, seen = [], set()
    for kind in kinds:
        for user, target, data in kind.recipients(entry):
            if user is None or target is None or not user.is_active:
                continue
            if user.pk == entry.actor_id or (user.pk, kind.kind) in seen:
                continue
            seen.add((user.pk, kind.kind))
            content_type = ContentType.objects.get_for_model(target)
            candidates.append((kind, user, content_type.pk, str(target.pk), data))
    if not candidates:
        return 0
    visible = available_targets((user, ct, object_id) for _k, user, ct, object_id, _d in candidates)
    preferences = {(user_id, kind): email for user_id, kind, email in _preferences(candidates)}
    rows, notified = [], set()
    for kind, user, content_type_id, object_id, data in candidates:
        if (user.pk, content_type_id, object_id) not in visible:
            continue
        if kind.extra.get("skip_if_notified") and user.pk in notified:
            continue
        notified.add(user.pk)
        frequency = preferences.get((user.pk, kind.kind), kind.default_email)
        if kind.mandatory and frequency == EmailFrequency.OFF:
            frequency = kind.default_email
        rows.append(
            Notification(
                recipient=user,
                kind=kind.kind,
                audit_entry=entry,
                actor_id=None if kind.extra.get("hide_actor") else entry.actor_id,
                content_type_id=content_type_id,
                object_id=object_id,
                data=data,
                email_status=EMAIL_STATUS[frequency],
            )
        )
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    _enqueue_immediate_emails(entry)
    return len(rows)


def _preferences(candidates):
    return NotificationPreference.objects.filter(
        user__in={user.pk for _k, user, *_rest in candidates},
        kind__in={kind.kind for kind, *_rest in candidates},
    ).values_list("user_id", "kind", "email")


def _enqueue_immediate_emails(entry: AuditEntry) -> None:
    """One task for the entry's waiting immediate e-mails, including those of an earlier dispatch
    whose task was lost; the task claims each notification, so none is mailed twice."""
    pending = list(
        Notification.objects.filter(
            audit_entry=entry, email_status=EmailStatus.IMMEDIATE, emailed_at__isnull=True
        ).values_list("pk", flat=True)
    )
    if pending:
        from .. import tasks

        enqueue_on_commit(tasks.send_notification_emails, notification_ids=pending)


def catchup(*, batch_size: int | None = None, settle_seconds: int | None = None) -> int:
    """Dispatch the audit entries after the cursor whose action some kind handles, oldest first,
    in batches, moving the cursor after each batch. Returns the number of entries processed.

    Entries younger than `settle_seconds` wait for the next run: ids are handed out before
    commit, so a younger entry may still have an older, uncommitted neighbour that the cursor
    must not jump over.
    """
    limits = settings.COMMUNITY
    batch_size = batch_size or limits["NOTIFY_CATCHUP_BATCH_SIZE"]
    if settle_seconds is None:
        settle_seconds = limits["NOTIFY_CATCHUP_SETTLE_SECONDS"]
    actions = sorted({action for kind in notification_types() for action in kind.actions})
    DispatchCursor.objects.get_or_create(name=CURSOR)
    processed = 0
    while True:
        settled = timezone.now() - timedelta(seconds=settle_seconds)
        with transaction.atomic():
            cursor = DispatchCursor.objects.select_for_update().get(name=CURSOR)
            entries = list(
                AuditEntry.objects.filter(
                    pk__gt=cursor.last_entry_id, action__in=actions, created__lte=settled
                ).order_by("pk")[:batch_size]
            )
            for entry in entries:
                dispatch(entry)
            if entries:
                cursor.last_entry_id = entries[-1].pk
                cursor.save(update_fields=["last_entry_id", "updated"])
        processed += len(entries)
        if len(entries) < batch_size:
            return processed
