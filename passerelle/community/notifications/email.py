"""Notifications by e-mail: one e-mail per notification for those who chose "immediately", and
daily or weekly digests.

Digests fan out (Decidim's single daily job overloaded its servers at 40,000 users):
`send_digests` only lists the recipients, by keyset pages of DIGEST_BATCH_SIZE, and queues one
`send_digest_batch` task per page, so that workers share the run and each batch costs a constant
number of queries whatever its size. Every e-mail is in its recipient's language and carries
one-click unsubscribe links (RFC 8058).

Sending is idempotent. A batch first claims its notifications with a conditional UPDATE (stamping
`emailed_at`), sends, then marks them SENT in one UPDATE: a re-run, or a second worker given the
same batch, finds nothing left to claim. A worker that dies after claiming leaves a stale claim,
which the next run takes over after EMAIL_CLAIM_TIMEOUT_MINUTES.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from ..choices import EmailStatus
from ..models import Notification
from ..registry import notification_type
from .access import available_targets
from .selectors import localised_path, message_for
from .services import unsubscribe_token

DIGEST_FREQUENCIES = (EmailStatus.DAILY, EmailStatus.WEEKLY)
SUBJECT_LENGTH = 180


def send_digests(frequency: str, *, batch_size: int | None = None) -> int:
    """Queue one digest task per batch of recipients with notifications waiting for the
    `frequency` digest; returns the number of batches. The cutoff is now: what arrives during
    the run waits for the next digest."""
    if frequency not in DIGEST_FREQUENCIES:
        raise ValueError(f"No digest is sent {frequency!r}.")
    from .. import tasks  # tasks import this module

    batch_size = batch_size or settings.COMMUNITY["DIGEST_BATCH_SIZE"]
    cutoff = timezone.now()
    waiting = Notification.objects.filter(email_status=frequency, created__lte=cutoff)
    last_id, batches = 0, 0
    while True:
        user_ids = list(
            waiting.filter(recipient_id__gt=last_id)
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()[:batch_size]
        )
        if not user_ids:
            return batches
        tasks.send_digest_batch.enqueue(
            user_ids=user_ids, frequency=frequency, cutoff_iso=cutoff.isoformat()
        )
        batches += 1
        last_id = user_ids[-1]
        if len(user_ids) < batch_size:
            return batches


def deliver_digest_batch(*, user_ids: list[int], frequency: str, cutoff: datetime) -> int:
    """Send each of these users one digest of their notifications waiting for `frequency` and
    made up to `cutoff`; returns the number of e-mails sent."""
    notifications = _claim(
        Q(recipient_id__in=user_ids, email_status=frequency, created__lte=cutoff)
    )
    return _deliver(notifications, lambda user, items: [_digest(user, items, frequency)])


def deliver_immediate(*, notification_ids: list[int]) -> int:
    """Send one e-mail per notification waiting to be e-mailed immediately."""
    notifications = _claim(Q(pk__in=notification_ids, email_status=EmailStatus.IMMEDIATE))
    return _deliver(notifications, lambda user, items: [_single(user, n) for n in items])


def _claim(rule: Q) -> list[Notification]:
    now = timezone.now()
    stale = now - timedelta(minutes=settings.COMMUNITY["EMAIL_CLAIM_TIMEOUT_MINUTES"])
    claimed = (
        Notification.objects.filter(rule)
        .filter(Q(emailed_at__isnull=True) | Q(emailed_at__lt=stale))
        .update(emailed_at=now)
    )
    if not claimed:
        return []
    return list(
        Notification.objects.filter(rule, emailed_at=now)
        .select_related("recipient")
        .order_by("recipient_id", "created", "id")
    )


def _deliver(notifications: list[Notification], compose: Callable) -> int:
    """Drop what may no longer be mailed, compose per recipient, send over one connection, and
    record the outcome in two UPDATEs."""
    if not notifications:
        return 0
    users, by_user = {}, defaultdict(list)
    for notification in notifications:
        user = users.setdefault(notification.recipient_id, notification.recipient)
        by_user[user.pk].append(notification)
    available = available_targets(
        (users[n.recipient_id], n.content_type_id, n.object_id)
        for n in notifications
        if users[n.recipient_id].is_active
    )
    outgoing, dropped = [], []
    for user_id, items in by_user.items():
        keep = [n for n in items if (user_id, n.content_type_id, n.object_id) in available]
        if not users[user_id].email:
            keep = []
        kept = {n.pk for n in keep}
        dropped += [n.pk for n in items if n.pk not in kept]
        if keep:
            outgoing += compose(users[user_id], keep)
    if dropped:
        Notification.objects.filter(pk__in=dropped).update(email_status=EmailStatus.DROPPED)
    sent: list[int] = []
    try:
        with get_connection() as connection:
            for message, ids in outgoing:
                connection.send_messages([message])
                sent += ids
    except Exception:
        done = set(sent)
        unsent = [pk for _message, ids in outgoing for pk in ids if pk not in done]
        Notification.objects.filter(pk__in=unsent).update(emailed_at=None)
        raise
    finally:
        if sent:
            Notification.objects.filter(pk__in=sent).update(email_status=EmailStatus.SENT)
    return len(outgoing)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _item(notification: Notification, language: str) -> dict:
    return {
        "message": message_for(notification, language=language),
        "excerpt": notification.data.get("excerpt", ""),
        "url": _absolute(localised_path(notification.data.get("url", "/"), language)),
    }


def _unsubscribe_links(user, kinds: list[str]) -> tuple[list[dict], str | None]:
    """A link per kind that may be switched off, and one for all of them (the header's)."""
    kinds = [kind for kind in kinds if _may_switch_off(kind)]
    links = [
        {
            "label": notification_type(kind).label,
            "url": _absolute(
                reverse(
                    "community:notification_unsubscribe",
                    kwargs={"token": unsubscribe_token(user, kind)},
                )
            ),
        }
        for kind in kinds
    ]
    if len(links) == 1:
        return links, links[0]["url"]
    if not links:
        return [], None
    every = reverse(
        "community:notification_unsubscribe", kwargs={"token": unsubscribe_token(user, kinds)}
    )
    return links, _absolute(every)


def _may_switch_off(kind: str) -> bool:
    registered = notification_type(kind)
    return registered is not None and not registered.mandatory


def _email(user, subject: str, context: dict, template: str, ids: list[int]):
    context["preferences_url"] = _absolute(reverse("community:notification_preferences"))
    text = render_to_string(f"community/email/{template}.txt", context)
    html = render_to_string(f"community/email/{template}.html", context)
    headers = {"Auto-Submitted": "auto-generated", "Content-Language": context["language"]}
    if context["unsubscribe_all"]:
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_all']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=_one_line(subject),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message, ids


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUBJECT_LENGTH else text[: SUBJECT_LENGTH - 1] + "…"


def _single(user, notification: Notification):
    language = user.preferred_language
    with translation.override(language):
        item = _item(notification, language)
        links, every = _unsubscribe_links(user, [notification.kind])
        context = {
            "user": user,
            "language": language,
            "item": item,
            "unsubscribe_links": links,
            "unsubscribe_all": every,
        }
        return _email(user, item["message"], context, "notification_message", [notification.pk])


def _digest(user, notifications: list[Notification], frequency: str):
    language = user.preferred_language
    count = len(notifications)
    with translation.override(language):
        if frequency == EmailStatus.DAILY:
            subject = ngettext(
                "Your daily Passerelle digest: %(count)d notification",
                "Your daily Passerelle digest: %(count)d notifications",
                count,
            )
        else:
            subject = ngettext(
                "Your weekly Passerelle digest: %(count)d notification",
                "Your weekly Passerelle digest: %(count)d notifications",
                count,
            )
        links, every = _unsubscribe_links(user, sorted({n.kind for n in notifications}))
        context = {
            "user": user,
            "language": language,
            "title": gettext("Daily digest")
            if frequency == EmailStatus.DAILY
            else gettext("Weekly digest"),
            "items": [_item(n, language) for n in notifications],
            "unsubscribe_links": links,
            "unsubscribe_all": every,
        }
        return _email(
            user,
            subject % {"count": count},
            context,
            "digest_message",
            [n.pk for n in notifications],
        )
