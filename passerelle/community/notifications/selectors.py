"""Reads of notifications and preferences. A notification's message is rendered when it is shown,
in the reader's language, from the data stored with it: listing costs no joins."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import translation
from django.utils.translation import gettext

from passerelle.core.permissions import get_visible_or_404

from ..choices import EmailFrequency
from ..models import Notification, NotificationPreference
from ..registry import NotificationType, notification_type, notification_types
from .access import with_availability

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def unread_count(*, user) -> int:
    """The bell's figure: one COUNT on the (recipient, read_at) index."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_list(*, user) -> QuerySet[Notification]:
    """The user's notifications, unread first, newest first within each group."""
    return (
        Notification.objects.visible_to(user)
        .annotate(
            _read=Case(
                When(read_at__isnull=True, then=Value(0)), default=1, output_field=IntegerField()
            )
        )
        .order_by("_read", "-created", "-id")
    )


def notification_get(*, user, pk) -> Notification:
    """One of the user's notifications; 404 for anybody else's."""
    return get_visible_or_404(Notification.objects.all(), user, pk=pk)


def localised_path(path: str, language: str) -> str:
    """A stored, language-free path ("/community/comments/5/") in `language` ("/fr/community/…").
    Anything else (empty, absolute, already prefixed) is returned as it is."""
    if not path.startswith("/") or path.startswith("//"):
        return path
    first = path.split("/", 2)[1]
    if first in LANGUAGE_CODES:
        return path
    return f"/{language}{path}"


def message_for(notification: Notification, *, language: str | None = None) -> str:
    """The notification's line, in `language` (by default its recipient's). Plain text: templates
    and e-mails escape it like any user-written text."""
    kind = notification_type(notification.kind)
    language = language or notification.recipient.preferred_language
    with translation.override(language):
        if kind is None:
            return gettext("A notification of a kind that no longer exists.")
        return str(kind.message(notification.data))


def with_messages(user, notifications, *, language: str) -> list[Notification]:
    """One user's notifications ready to show: `available` (target visible and not hidden),
    `message`, `excerpt` and `link` (both empty when not available), in `language`."""
    notifications = with_availability(user, list(notifications))
    for notification in notifications:
        if notification.available:
            notification.message = message_for(notification, language=language)
            notification.excerpt = notification.data.get("excerpt", "")
            notification.link = localised_path(notification.data.get("url", ""), language)
        else:
            with translation.override(language):
                notification.message = gettext(
                    "This content was removed or hidden, or you may no longer see it."
                )
            notification.excerpt = notification.link = ""
    return notifications


@dataclass(frozen=True)
class PreferenceRow:
    kind: NotificationType
    email: str
    choices: list[tuple[str, Any]]


def frequency_choices(kind: NotificationType) -> list[tuple[str, Any]]:
    """What a user may choose for `kind`: a mandatory kind cannot be switched off."""
    return [
        (value, label)
        for value, label in EmailFrequency.choices
        if not (kind.mandatory and value == EmailFrequency.OFF)
    ]


def notification_types_for(user) -> list[NotificationType]:
    """The kinds `user` may receive, so may set preferences for: those whose audience admits
    them (every kind without an audience)."""
    return [kind for kind in notification_types() if kind.audience is None or kind.audience(user)]


def email_frequencies(*, user) -> dict[str, str]:
    """{kind: e-mail frequency} for every kind, offered to `user` or not (the kind's default
    without a row): an unsubscribe link may name a kind no longer offered to them."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind.kind: chosen.get(kind.kind, kind.default_email) for kind in notification_types()}


def email_preferences(*, user) -> list[PreferenceRow]:
    """Every kind offered to `user` with their e-mail frequency for it (the kind's default without
    a row)."""
    frequencies = email_frequencies(user=user)
    return [
        PreferenceRow(kind=kind, email=frequencies[kind.kind], choices=frequency_choices(kind))
        for kind in notification_types_for(user)
    ]
