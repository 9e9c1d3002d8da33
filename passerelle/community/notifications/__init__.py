"""Notifications: one model, derived from audit entries, shown in the bell and the list, e-mailed
immediately or in daily or weekly digests, in the recipient's language.

- `dispatch`: audit entry → notifications (`on_audit_entry`, `dispatch`, `catchup`)
- `access`: the policy (own notifications only) and what may still be shown
- `selectors`: reads, messages in the reader's language, preferences
- `services`: mark read, preferences, signed unsubscribe links
- `email`: immediate e-mails and digests, fanned out in batches

The kinds themselves (who is notified of what, and how it reads) are registered in
`notification_types.py` and by the modules above.
"""

from .access import NotificationPolicy, available_targets
from .dispatch import catchup, dispatch, on_audit_entry
from .email import deliver_digest_batch, deliver_immediate, send_digests
from .selectors import (
    email_preferences,
    message_for,
    notification_get,
    notification_list,
    unread_count,
    with_messages,
)
from .services import (
    notification_mark_all_read,
    notification_mark_read,
    notification_preferences_update,
    notifications_purge,
    unsubscribe,
    unsubscribe_token,
    unsubscribe_token_read,
)

__all__ = [
    "NotificationPolicy",
    "available_targets",
    "catchup",
    "deliver_digest_batch",
    "deliver_immediate",
    "dispatch",
    "email_preferences",
    "message_for",
    "notification_get",
    "notification_list",
    "notification_mark_all_read",
    "notification_mark_read",
    "notification_preferences_update",
    "notifications_purge",
    "on_audit_entry",
    "send_digests",
    "unread_count",
    "unsubscribe",
    "unsubscribe_token",
    "unsubscribe_token_read",
    "with_messages",
]
