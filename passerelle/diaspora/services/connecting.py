"""Writes of the connecting area: connections asked and answered, blocks, direct messages and
groups with their threads. Each write is audited under `diaspora.*`; notifications follow from
those entries (notification_types_connecting.py).

A connection is one row per pair of people (`Connection.pair`, unique): asking again while
pending does nothing, asking someone who already asked you accepts their request, and a declined
request cannot be repeated by the same person for DECLINED_COOLDOWN. The row is locked
(select_for_update) while it is decided, and a first insert that loses a race to the other
person's reads the winner's row instead.

Direct messages are written only between connected people who have not blocked each other, and
by accounts trusted enough to send them (community.trust, as Discourse limits new accounts). The
audit entry of a message is recorded on its conversation and never holds the text.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from passerelle.community import trust
from passerelle.core.audit import log_action

from .. import permissions_connecting  # noqa: F401  (the policies visible_to asks)
from ..choices import ConnectionStatus, GroupKind, GroupRole
from ..models import (
    Block,
    Connection,
    Conversation,
    Group,
    GroupMembership,
    MemberProfile,
    Message,
    Thread,
)
from ..permissions import is_active_user, is_member
from ..permissions_connecting import is_group_member

DECLINED_COOLDOWN = timedelta(days=30)
MESSAGE_MAX_LENGTH = 5000
SLUG_LENGTH = 70  # of the slug's 80: room for a counter
RESERVED_SLUGS = {"new"}


# --- shared checks ----------------------------------------------------------------------------


def _require_active(actor) -> None:
    if not is_active_user(actor):
        raise PermissionDenied


def _require_member(actor) -> None:
    if not is_member(actor):
        raise PermissionDenied


def is_blocked_between(first, second) -> bool:
    """Whether either person blocked the other."""
    return Block.objects.filter(
        Q(blocker=first, blocked=second) | Q(blocker=second, blocked=first)
    ).exists()


def _refuse_if_blocked(actor, other) -> None:
    if is_blocked_between(actor, other):
        raise ValidationError(
            _("You cannot contact this person: one of you has blocked the other."),
            code="blocked",
        )


def _refuse_self(actor, other) -> None:
    if actor.pk == other.pk:
        raise ValidationError(_("You cannot do this with yourself."), code="self")


# --- connections ------------------------------------------------------------------------------


def _check_addressee(actor, addressee) -> None:
    """The addressee must be a member the requester can find (their profile is visible)."""
    visible = MemberProfile.objects.visible_to(actor).filter(user=addressee, user__is_active=True)
    if not visible.exists():
        raise ValidationError(_("This member cannot be found."), code="not_found")


def _clean_message(message: str) -> str:
    message = (message or "").strip()
    if len(message) > 500:
        raise ValidationError(
            {"message": _("Keep the message to 500 characters or fewer.")}, code="too_long"
        )
    return message


def _locked_connection(pair: str) -> Connection | None:
    return Connection.objects.select_for_update().filter(pair=pair).first()


@transaction.atomic
def connection_request(*, actor, addressee, message: str = "") -> Connection:
    """Ask `addressee` to connect. Idempotent while pending; accepts the addressee's own pending
    request to `actor`; refused for DECLINED_COOLDOWN after `actor`'s request was declined."""
    _require_member(actor)
    _refuse_self(actor, addressee)
    _check_addressee(actor, addressee)
    _refuse_if_blocked(actor, addressee)
    message = _clean_message(message)
    pair = Connection.pair_of(actor.pk, addressee.pk)
    connection = _locked_connection(pair)
    if connection is None:
        try:
            with transaction.atomic():
                return _ask(
                    Connection(requester=actor, addressee=addressee, pair=pair), message, actor
                )
        except IntegrityError:
            # The other person asked at the same moment: their row is now committed.
            connection = _locked_connection(pair)
    return _ask_again(connection, actor=actor, addressee=addressee, message=message)


def _ask(connection: Connection, message: str, actor) -> Connection:
    connection.message = message
    connection.status = ConnectionStatus.PENDING
    connection.answered_at = None
    connection.full_clean(exclude=["pair"])
    connection.save()
    log_action(actor, connection, "diaspora.connection.requested", {})
    return connection


def _ask_again(connection: Connection, *, actor, addressee, message: str) -> Connection:
    if connection.status == ConnectionStatus.ACCEPTED:
        return connection
    if connection.status == ConnectionStatus.PENDING:
        if connection.requester_id == actor.pk:
            return connection
        return _answer(connection, actor=actor, status=ConnectionStatus.ACCEPTED)
    if connection.requester_id == actor.pk and (
        connection.answered_at is None
        or connection.answered_at > timezone.now() - DECLINED_COOLDOWN
    ):
        raise ValidationError(
            _("This member declined your request. You may ask again 30 days after their answer."),
            code="declined_recently",
        )
    connection.requester, connection.addressee = actor, addressee
    return _ask(connection, message, actor)


def _answer(connection: Connection, *, actor, status: str) -> Connection:
    connection.status = status
    connection.answered_at = timezone.now()
    connection.save(update_fields=["status", "answered_at", "updated"])
    log_action(actor, connection, f"diaspora.connection.{status}", {})
    return connection


def _locked_pending_for_addressee(actor, connection: Connection) -> Connection:
    _require_active(actor)
    connection = Connection.objects.select_for_update().get(pk=connection.pk)
    if connection.addressee_id != actor.pk:
        raise PermissionDenied
    if connection.status != ConnectionStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="answered")
    return connection


@transaction.atomic
def connection_accept(*, actor, connection: Connection) -> Connection:
    connection = _locked_pending_for_addressee(actor, connection)
    _refuse_if_blocked(actor, connection.requester)
    return _answer(connection, actor=actor, status=ConnectionStatus.ACCEPTED)


@transaction.atomic
def connection_decline(*, actor, connection: Connection) -> Connection:
    connection = _locked_pending_for_addressee(actor, connection)
    return _answer(connection, actor=actor, status=ConnectionStatus.DECLINED)


@transaction.atomic
def connection_remove(*, actor, connection: Connection) -> None:
    """Either person ends the connection (or withdraws or forgets a request)."""
    _require_active(actor)
    if actor.pk not in (connection.requester_id, connection.addressee_id):
        raise PermissionDenied
    log_action(actor, connection, "diaspora.connection.removed", {"status": connection.status})
    connection.delete()


# --- blocks -----------------------------------------------------------------------------------


@transaction.atomic
def block(*, actor, blocked) -> Block:
    """`actor` no longer hears from `blocked`: any connection between them ends. Idempotent."""
    _require_active(actor)
    _refuse_self(actor, blocked)
    existing = Block.objects.filter(blocker=actor, blocked=blocked).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            row = Block.objects.create(blocker=actor, blocked=blocked)
    except IntegrityError:
        return Block.objects.get(blocker=actor, blocked=blocked)
    Connection.objects.filter(pair=Connection.pair_of(actor.pk, blocked.pk)).delete()
    log_action(actor, row, "diaspora.block.created", {})
    return row


@transaction.atomic
def unblock(*, actor, blocked) -> None:
    _require_active(actor)
    row = Block.objects.select_for_update().filter(blocker=actor, blocked=blocked).first()
    if row is None:
        return
    log_action(actor, row, "diaspora.block.removed", {})
    row.delete()


# --- direct messages --------------------------------------------------------------------------


def are_connected(first, second) -> bool:
    return Connection.objects.filter(
        pair=Connection.pair_of(first.pk, second.pk), status=ConnectionStatus.ACCEPTED
    ).exists()


def check_may_message(actor, other) -> None:
    """Everything that refuses a direct message from `actor` to `other`, with the reason."""
    _require_member(actor)
    _refuse_self(actor, other)
    _refuse_if_blocked(actor, other)
    if not other.is_active or not are_connected(actor, other):
        raise ValidationError(
            _("You can send messages only to members you are connected with."),
            code="not_connected",
        )
    trust.check_may_take_part(actor)
    if not trust.may_send_direct_messages(actor):
        raise ValidationError(
            _(
                "New accounts cannot send direct messages yet. Join your organisation or take "
                "part a little longer to send them."
            ),
            code="new_account",
        )


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")}, code="required")
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {"body": _("Keep the message to 5,000 characters or fewer.")}, code="too_long"
        )
    return body


def _conversation_between(first, second) -> Conversation:
    low, high = sorted((first, second), key=lambda user: user.pk)
    try:
        with transaction.atomic():
            conversation, created = Conversation.objects.get_or_create(first=low, second=high)
    except IntegrityError:
        conversation, created = Conversation.objects.get(first=low, second=high), False
    conversation._created = created
    return conversation


@transaction.atomic
def conversation_start(*, actor, other, body: str) -> Conversation:
    """The conversation between `actor` and `other` (opened if needed) with `body` sent in it."""
    check_may_message(actor, other)
    body = _clean_body(body)
    conversation = _conversation_between(actor, other)
    if conversation._created:
        log_action(actor, conversation, "diaspora.conversation.started", {})
    _send(actor, conversation, body)
    return conversation


@transaction.atomic
def message_send(*, actor, conversation: Conversation, body: str) -> Message:
    _require_active(actor)
    if actor.pk not in (conversation.first_id, conversation.second_id):
        raise PermissionDenied
    check_may_message(actor, conversation.other(actor))
    return _send(actor, conversation, _clean_body(body))


def _send(actor, conversation: Conversation, body: str) -> Message:
    message = Message(conversation=conversation, sender=actor, body=body)
    message.full_clean()
    message.save()
    conversation.last_message_at = message.created
    conversation.save(update_fields=["last_message_at", "updated"])
    # On the conversation, whose description holds no text: the audit log never keeps a message.
    log_action(actor, conversation, "diaspora.message.sent", {"message_id": message.pk})
    return message


@transaction.atomic
def conversation_mark_read(*, actor, conversation: Conversation) -> int:
    """Mark the other person's messages read; returns how many were unread."""
    _require_active(actor)
    if actor.pk not in (conversation.first_id, conversation.second_id):
        raise PermissionDenied
    count = (
        Message.objects.filter(conversation=conversation, read_at__isnull=True)
        .exclude(sender=actor)
        .update(read_at=timezone.now())
    )
    if count:
        log_action(actor, conversation, "diaspora.conversation.read", {"count": count})
    return count


# --- groups and threads -----------------------------------------------------------------------


def _unique_slug(name: str) -> str:
    base = slugify(name)[:SLUG_LENGTH].strip("-") or "group"
    if base in RESERVED_SLUGS:
        base = f"{base}-group"
    slug, counter = base, 2
    while Group.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


@transaction.atomic
def group_create(
    *,
    actor,
    name: str,
    kind: str,
    description: str,
    language: str,
    country=None,
    theme: str = "",
    is_demo: bool = False,
) -> Group:
    """A group by country of origin (needs the country) or by theme (needs the theme's name);
    its creator becomes its moderator."""
    _require_member(actor)
    errors = {}
    if kind == GroupKind.ORIGIN and country is None:
        errors["country"] = _("Choose the country of origin of the group.")
    if kind == GroupKind.THEME and not (theme or "").strip():
        errors["theme"] = _("Name the theme of the group.")
    if errors:
        raise ValidationError(errors)
    group = Group(
        name=(name or "").strip(),
        kind=kind,
        country=country if kind == GroupKind.ORIGIN else None,
        theme=(theme or "").strip() if kind == GroupKind.THEME else "",
        description=(description or "").strip(),
        language=language,
        created_by=actor,
        is_demo=is_demo,
    )
    group.slug = _unique_slug(group.name)
    group.full_clean()
    group.save()
    GroupMembership.objects.create(group=group, user=actor, role=GroupRole.MODERATOR)
    log_action(actor, group, "diaspora.group.created", {"kind": kind})
    return group


@transaction.atomic
def group_join(*, actor, group: Group) -> GroupMembership:
    """Idempotent: joining twice keeps the first membership."""
    _require_member(actor)
    membership, created = GroupMembership.objects.get_or_create(group=group, user=actor)
    if created:
        log_action(actor, group, "diaspora.group.joined", {})
    return membership


@transaction.atomic
def group_leave(*, actor, group: Group) -> None:
    """The last moderator cannot leave: the group would have no one to look after it."""
    _require_active(actor)
    moderators = list(
        GroupMembership.objects.select_for_update()
        .filter(group=group, role=GroupRole.MODERATOR)
        .values_list("user_id", flat=True)
    )
    membership = GroupMembership.objects.filter(group=group, user=actor).first()
    if membership is None:
        return
    if moderators == [actor.pk]:
        raise ValidationError(
            _("You are the group's only moderator: it needs another one before you leave."),
            code="last_moderator",
        )
    membership.delete()
    log_action(actor, group, "diaspora.group.left", {})


@transaction.atomic
def thread_create(*, actor, group: Group, title: str, body: str, is_demo: bool = False) -> Thread:
    """A discussion in `group`, by one of its members, within the community's posting limits."""
    _require_active(actor)
    if not is_group_member(actor, group):
        raise PermissionDenied
    body = (body or "").strip()
    trust.check_may_post(actor, body)
    thread = Thread(
        group=group, title=(title or "").strip(), body=body, author=actor, is_demo=is_demo
    )
    thread.full_clean()
    thread.save()
    log_action(actor, thread, "diaspora.thread.created", {"group_id": group.pk})
    return thread
