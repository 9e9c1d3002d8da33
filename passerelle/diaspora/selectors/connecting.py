"""Reads of the connecting area, each a fixed number of queries.

People are named through `people.shown_names`, except that a person who acted towards the reader
— asked them to connect, or wrote them a message — is named by their display name: acting
reveals it to the person they addressed.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from passerelle.community.choices import ModerationStatus

from .. import permissions_connecting  # noqa: F401  (the policies visible_to asks)
from ..choices import ConnectionStatus, GroupRole
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
from ..permissions import is_active_user
from .people import shown_names

VISIBLE = ModerationStatus.VISIBLE
GROUP_LIST_LIMIT = 200
THREADS_LIMIT = 100


def display_names(user_ids) -> dict[int, str]:
    """The display names of people who acted towards the reader (see the module's docstring)."""
    return dict(
        MemberProfile.objects.filter(user_id__in=set(user_ids)).values_list(
            "user_id", "display_name"
        )
    )


def names_for(viewer, *, acted: set[int], others: set[int]) -> dict[int, str]:
    """Names of `others` as `viewer` may see them, with `acted` named by their display name."""
    names = shown_names(viewer, others | acted)
    names.update(display_names(acted))
    return names


@dataclass
class Person:
    pk: int
    name: str


@dataclass
class ConnectionRow:
    connection: Connection
    other: Person


def my_connections(user) -> dict[str, list[ConnectionRow]]:
    """The user's connections: connected, requests received (pending), requests sent (pending
    or declined: the asker sees that the answer was no)."""
    rows = list(Connection.objects.visible_to(user).order_by("-updated", "-pk")[:500])
    acted = {c.requester_id for c in rows if c.addressee_id == user.pk}
    others = {c.addressee_id if c.requester_id == user.pk else c.requester_id for c in rows}
    names = names_for(user, acted=acted, others=others)
    groups = {"connected": [], "received": [], "sent": []}
    for connection in rows:
        other_id = (
            connection.addressee_id
            if connection.requester_id == user.pk
            else connection.requester_id
        )
        row = ConnectionRow(connection, Person(other_id, names[other_id]))
        if connection.status == ConnectionStatus.ACCEPTED:
            groups["connected"].append(row)
        elif connection.requester_id == user.pk:
            groups["sent"].append(row)
        elif connection.status == ConnectionStatus.PENDING:
            groups["received"].append(row)
    return groups


def my_blocks(user) -> list[Person]:
    rows = list(
        Block.objects.filter(blocker=user).order_by("-created").values_list("blocked_id", flat=True)
    )
    names = shown_names(user, rows)
    return [Person(pk, names[pk]) for pk in rows]


@dataclass
class InboxRow:
    conversation: Conversation
    other: Person
    unread: int


def inbox(user) -> list[InboxRow]:
    """The user's conversations, latest first, with the number of unread messages: three
    queries however many there are."""
    conversations = list(
        Conversation.objects.visible_to(user)
        .annotate(
            unread=Count(
                "messages",
                filter=Q(messages__read_at__isnull=True, messages__moderation_status=VISIBLE)
                & ~Q(messages__sender=user),
            ),
            from_other=Count("messages", filter=~Q(messages__sender=user)),
        )
        .order_by("-last_message_at", "-pk")[:500]
    )
    other_ids = {c.second_id if c.first_id == user.pk else c.first_id for c in conversations}
    acted = {
        c.second_id if c.first_id == user.pk else c.first_id for c in conversations if c.from_other
    }
    names = names_for(user, acted=acted, others=other_ids)
    rows = []
    for conversation in conversations:
        other_id = (
            conversation.second_id if conversation.first_id == user.pk else conversation.first_id
        )
        rows.append(InboxRow(conversation, Person(other_id, names[other_id]), conversation.unread))
    return rows


def unread_count(user) -> int:
    """How many messages wait for `user` to read them (for a badge in the navigation)."""
    if not is_active_user(user):
        return 0
    return (
        Message.objects.visible_to(user)
        .filter(read_at__isnull=True, moderation_status=VISIBLE)
        .exclude(sender=user)
        .count()
    )


def conversation_messages(user, conversation: Conversation):
    """The messages `user` may see (visible ones, and their own hidden ones marked as such)."""
    return list(
        Message.objects.visible_to(user).filter(conversation=conversation).order_by("created", "pk")
    )


def conversation_names(user, conversation: Conversation) -> dict[int, str]:
    other_id = conversation.second_id if conversation.first_id == user.pk else conversation.first_id
    wrote = conversation.messages.filter(sender_id=other_id).exists()
    names = names_for(user, acted={other_id} if wrote else set(), others={other_id, user.pk})
    return names


# --- groups -----------------------------------------------------------------------------------


def groups_with_counts():
    return Group.objects.annotate(
        member_count=Count("memberships", distinct=True),
        thread_count=Count("threads", filter=Q(threads__moderation_status=VISIBLE), distinct=True),
    )


def group_list(*, kind: str = "", country: str = "", language: str = "", text: str = ""):
    groups = groups_with_counts().select_related("country")
    if kind:
        groups = groups.filter(kind=kind)
    if country:
        groups = groups.filter(country__iso3=country)
    if language:
        groups = groups.filter(language=language)
    if text:
        groups = groups.filter(
            Q(name__icontains=text) | Q(description__icontains=text) | Q(theme__icontains=text)
        )
    return list(groups.order_by("name", "pk")[:GROUP_LIST_LIMIT])


def my_group_ids(user) -> set[int]:
    if not is_active_user(user):
        return set()
    return set(GroupMembership.objects.filter(user=user).values_list("group_id", flat=True))


def my_role(user, group: Group) -> str | None:
    if not is_active_user(user):
        return None
    return (
        GroupMembership.objects.filter(user=user, group=group)
        .values_list("role", flat=True)
        .first()
    )


def group_moderator_ids(group: Group) -> list[int]:
    return list(
        GroupMembership.objects.filter(group=group, role=GroupRole.MODERATOR).values_list(
            "user_id", flat=True
        )
    )


def group_threads(user, group: Group) -> list[Thread]:
    """The group's threads `user` may read, newest first, their authors named."""
    threads = list(
        Thread.objects.visible_to(user)
        .filter(group=group)
        .order_by("-created", "-pk")[:THREADS_LIMIT]
    )
    names = shown_names(user, {thread.author_id for thread in threads})
    for thread in threads:
        thread.group = group  # for its address, without a query per thread
        thread.author_name = names[thread.author_id]
    return threads
