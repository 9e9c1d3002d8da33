"""Writes of notifications and e-mail preferences.

Marking read writes no audit entry: it is the reader's own bookkeeping, as frequent as page
views, and nobody else needs to account for it. Preference changes are audited
("community.preferences.changed"), including those made through an unsubscribe link.

Unsubscribe links carry a token signed with the secret key (salt "community.unsubscribe") whose
payload is the user's id and the kinds to switch off: it cannot be forged or altered, and it
changes the preferences of the user inside it only, whoever follows the link.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.models import User
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..choices import EmailFrequency, EmailStatus
from ..models import Notification, NotificationPreference
from ..registry import NotificationType, notification_type
from .dispatch import EMAIL_STATUS
from .selectors import email_frequencies, frequency_choices, notification_types_for

UNSUBSCRIBE_SALT = "community.unsubscribe"
WAITING_FOR_DIGEST = (EmailStatus.DAILY, EmailStatus.WEEKLY)


def notification_mark_read(*, actor, notification: Notification) -> None:
    require(actor, "mark_read", notification)
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=now)
        notification.read_at = now


def notification_mark_all_read(*, actor) -> int:
    if not actor.is_authenticated:
        raise PermissionDenied
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_preferences_update(*, actor, user: User, preferences: dict[str, str]) -> dict:
    """Set the e-mail frequency of some kinds for `user` (only `user` may); returns what changed.
    A kind not offered to `user` (its audience) is refused like an unknown one. Notifications
    still waiting for a digest follow the new choice: switched off, they are dropped; moved
    between daily and weekly, they go with the new digest."""
    if not actor.is_authenticated or actor.pk != user.pk:
        raise PermissionDenied
    offered = {kind.kind: kind for kind in notification_types_for(user)}
    errors = {}
    for kind_name, value in preferences.items():
        kind = offered.get(kind_name)
        if kind is None:
            errors[kind_name] = _("Unknown kind of notification.")
        elif value not in dict(frequency_choices(kind)):
            errors[kind_name] = _("Choose one of the frequencies offered.")
    if errors:
        raise ValidationError(errors)
    current = email_frequencies(user=user)
    changed = {kind: value for kind, value in preferences.items() if current[kind] != value}
    _apply(user, changed)
    if changed:
        log_action(actor, user, "community.preferences.changed", {"email": changed})
    return changed


def _apply(user: User, changed: dict[str, str]) -> None:
    for kind, value in changed.items():
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"email": value}
        )
        waiting = Notification.objects.filter(recipient=user, kind=kind, emailed_at__isnull=True)
        if value == EmailFrequency.OFF:
            waiting.filter(email_status__in=(EmailStatus.IMMEDIATE, *WAITING_FOR_DIGEST)).update(
                email_status=EmailStatus.DROPPED
            )
        elif value in (EmailFrequency.DAILY, EmailFrequency.WEEKLY):
            waiting.filter(email_status__in=WAITING_FOR_DIGEST).update(
                email_status=EMAIL_STATUS[value]
            )


def unsubscribe_token(user: User, kinds) -> str:
    """The token of a link that switches off e-mail for `kinds` (one kind or several)."""
    kinds = [kinds] if isinstance(kinds, str) else sorted(kinds)
    return signing.dumps({"u": user.pk, "k": kinds}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_read(token: str) -> tuple[User, list[NotificationType]]:
    """The user and the kinds a token is for; ValidationError if it was not made by us or names
    nothing that can be switched off."""
    invalid = ValidationError(
        _(
            "This unsubscribe link is not valid. Copy the whole link from the e-mail, or "
            "change your e-mail preferences after logging in."
        ),
        code="invalid_token",
    )
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as exc:
        raise invalid from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("k"), list):
        raise invalid
    user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
    kinds = [notification_type(name) for name in payload["k"] if isinstance(name, str)]
    kinds = [kind for kind in kinds if kind is not None and not kind.mandatory]
    if user is None or not kinds:
        raise invalid
    return user, kinds


@transaction.atomic
def unsubscribe(*, token: str) -> tuple[User, list[NotificationType]]:
    """Switch off e-mail for the token's kinds, for the token's user. Following the link twice
    changes nothing the second time."""
    user, kinds = unsubscribe_token_read(token)
    current = email_frequencies(user=user)
    changed = {
        kind.kind: EmailFrequency.OFF.value
        for kind in kinds
        if current[kind.kind] != EmailFrequency.OFF
    }
    _apply(user, changed)
    if changed:
        log_action(
            user,
            user,
            "community.preferences.changed",
            {"email": changed, "via": "unsubscribe_link"},
        )
    return user, kinds


def notifications_purge(*, now=None) -> int:
    """Delete notifications past their retention (settings.COMMUNITY): read ones after
    NOTIFICATION_RETENTION_DAYS, unread ones after twice that. Waiting e-mails are kept until
    sent or dropped. Returns how many were deleted."""
    now = now or timezone.now()
    days = settings.COMMUNITY["NOTIFICATION_RETENTION_DAYS"]
    expired = Notification.objects.filter(
        Q(read_at__isnull=False, created__lt=now - timedelta(days=days))
        | Q(created__lt=now - timedelta(days=2 * days))
    ).exclude(email_status__in=[EmailStatus.IMMEDIATE, EmailStatus.DAILY, EmailStatus.WEEKLY])
    deleted, _rows = expired.delete()
    return deleted
