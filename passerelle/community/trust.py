"""Trust levels and posting limits (Discourse's sandbox for new accounts).

Level 0, a new account: few comments per hour, few links, no uploads, no direct messages.
Level 1, trusted: a member of an organisation (vouched for by it), or an account that has taken
part for a while (TRUST_AFTER_DAYS old with TRUST_AFTER_COMMENTS visible comments). The
secretariat is always trusted. A suspended or banned user may not post, react, follow or report.
All limits are settings (settings.COMMUNITY).
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import ModerationStatus, SanctionKind
from .markdown import count_links
from .models import Comment, Sanction

NEW, TRUSTED = 0, 1


def limits() -> dict:
    return settings.COMMUNITY


def trust_level(user) -> int:
    if user.is_secretariat or user.organisation_ids:
        return TRUSTED
    old_enough = user.date_joined <= timezone.now() - timedelta(days=limits()["TRUST_AFTER_DAYS"])
    if not old_enough:
        return NEW
    visible = Comment.objects.filter(
        author=user, deleted_at__isnull=True, moderation_status=ModerationStatus.VISIBLE
    )
    return TRUSTED if visible.count() >= limits()["TRUST_AFTER_COMMENTS"] else NEW


def active_sanction(user) -> Sanction | None:
    """The ban or running suspension that keeps `user` from taking part, if any."""
    return (
        Sanction.objects.filter(user=user, lifted_at__isnull=True)
        .filter(
            Q(kind=SanctionKind.BAN) | Q(kind=SanctionKind.SUSPENSION, until__gt=timezone.now())
        )
        .order_by("-created")
        .first()
    )


def check_may_take_part(user) -> None:
    """Reacting, following and reporting: refused only to sanctioned users."""
    sanction = active_sanction(user)
    if sanction is None:
        return
    if sanction.kind == SanctionKind.BAN:
        raise ValidationError(
            _("Your account is banned from discussions: %(reason)s") % {"reason": sanction.reason},
            code="banned",
        )
    raise ValidationError(
        _("Your account is suspended from discussions until %(until)s: %(reason)s")
        % {"until": date_format(sanction.until, "DATETIME_FORMAT"), "reason": sanction.reason},
        code="suspended",
    )


def check_may_post(user, body: str, *, editing: Comment | None = None) -> None:
    """Everything that refuses a comment before it is written, with a message saying why."""
    check_may_take_part(user)
    level = trust_level(user)
    _check_links(body, level)
    if editing is None:
        _check_rate(user, level)
        _check_duplicate(user, body)


def _check_links(body: str, level: int) -> None:
    allowed = limits()["NEW_ACCOUNT_MAX_LINKS"]
    if level == NEW and count_links(body) > allowed:
        raise ValidationError(
            ngettext(
                "New accounts may include at most %(count)d link in a comment. Join your "
                "organisation or take part a little longer to post more.",
                "New accounts may include at most %(count)d links in a comment. Join your "
                "organisation or take part a little longer to post more.",
                allowed,
            )
            % {"count": allowed},
            code="too_many_links",
        )


def _check_rate(user, level: int) -> None:
    per_hour = limits()["NEW_ACCOUNT_COMMENTS_PER_HOUR" if level == NEW else "COMMENTS_PER_HOUR"]
    recent = Comment.objects.filter(
        author=user, created__gte=timezone.now() - timedelta(hours=1)
    ).count()
    if recent >= per_hour:
        raise ValidationError(
            ngettext(
                "You have reached the limit of %(count)d comment per hour. Please try again later.",
                "You have reached the limit of %(count)d comments per hour. "
                "Please try again later.",
                per_hour,
            )
            % {"count": per_hour},
            code="rate_limited",
        )


def body_fingerprint(body: str) -> str:
    """Two comments are "the same text" when they differ only in case and spacing."""
    return hashlib.sha256(" ".join(body.lower().split()).encode()).hexdigest()


def _check_duplicate(user, body: str) -> None:
    minutes = limits()["DUPLICATE_WINDOW_MINUTES"]
    duplicate = Comment.objects.filter(
        author=user,
        body_hash=body_fingerprint(body),
        created__gte=timezone.now() - timedelta(minutes=minutes),
    ).exists()
    if duplicate:
        raise ValidationError(
            ngettext(
                "You posted the same text less than %(count)d minute ago. Please do not repeat "
                "a comment; edit the first one instead.",
                "You posted the same text less than %(count)d minutes ago. Please do not repeat "
                "a comment; edit the first one instead.",
                minutes,
            )
            % {"count": minutes},
            code="duplicate",
        )


def may_upload(user) -> bool:
    return active_sanction(user) is None and (
        trust_level(user) == TRUSTED or limits()["NEW_ACCOUNT_UPLOADS"]
    )


def may_send_direct_messages(user) -> bool:
    return active_sanction(user) is None and (
        trust_level(user) == TRUSTED or limits()["NEW_ACCOUNT_DIRECT_MESSAGES"]
    )
