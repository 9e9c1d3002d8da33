"""Who sees and does what in the connecting area.

A connection is seen by its two people, a block by the one who made it. Conversations and their
messages are seen ONLY by their two participants: not the secretariat, not the moderators (a
reported message reaches moderators through its moderation case, the community module's
business). A message hidden by moderation is still seen by its sender, marked as hidden.
Groups are public; their threads are read by everyone while visible and written (new threads,
replies) by the group's members.
"""

from django.db.models import Q

from passerelle.community.choices import ModerationStatus
from passerelle.core.permissions import NOTHING, Policy, register_policy

from .choices import ConnectionStatus, GroupRole
from .models import Block, Connection, Conversation, Group, GroupMembership, Message, Thread
from .permissions import is_active_user, is_member

VISIBLE = Q(moderation_status=ModerationStatus.VISIBLE)


def member_of_groups_q(user, prefix: str = "") -> Q:
    """Q over groups (or, with a prefix such as "group__", over rows of a group) that `user`
    belongs to."""
    if not is_active_user(user):
        return NOTHING
    return Q(**{f"{prefix}memberships__user": user})


def moderated_groups_q(user, prefix: str = "") -> Q:
    if not is_active_user(user):
        return NOTHING
    return Q(
        **{f"{prefix}memberships__user": user, f"{prefix}memberships__role": GroupRole.MODERATOR}
    )


def is_group_member(user, group) -> bool:
    return is_active_user(user) and GroupMembership.objects.filter(group=group, user=user).exists()


def is_group_moderator(user, group) -> bool:
    return (
        is_active_user(user)
        and GroupMembership.objects.filter(
            group=group, user=user, role=GroupRole.MODERATOR
        ).exists()
    )


class ConnectionPolicy(Policy):
    def visible_q(self, user) -> Q:
        if not is_active_user(user):
            return NOTHING
        return Q(requester=user) | Q(addressee=user)

    def can(self, user, action, connection) -> bool:
        if not is_active_user(user):
            return False
        is_party = user.pk in (connection.requester_id, connection.addressee_id)
        if action in {"view", "remove"}:
            return is_party
        if action in {"accept", "decline"}:
            return (
                connection.addressee_id == user.pk and connection.status == ConnectionStatus.PENDING
            )
        return False


class BlockPolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q(blocker=user) if is_active_user(user) else NOTHING

    def can(self, user, action, block) -> bool:
        return action in {"view", "delete"} and is_active_user(user) and block.blocker_id == user.pk


class ConversationPolicy(Policy):
    """Only the two participants, whoever else asks."""

    def visible_q(self, user) -> Q:
        if not is_active_user(user):
            return NOTHING
        return Q(first=user) | Q(second=user)

    def can(self, user, action, conversation) -> bool:
        return (
            action in {"view", "send"}
            and is_active_user(user)
            and user.pk in (conversation.first_id, conversation.second_id)
        )


class MessagePolicy(Policy):
    """The two participants see the visible messages; the sender also their own hidden ones."""

    def visible_q(self, user) -> Q:
        if not is_active_user(user):
            return NOTHING
        participant = Q(conversation__first=user) | Q(conversation__second=user)
        return participant & (VISIBLE | Q(sender=user))

    def can(self, user, action, message) -> bool:
        return action == "view" and Message.objects.filter(pk=message.pk).visible_to(user).exists()


class GroupPolicy(Policy):
    """Public: everyone finds a group. Members with a profile join; moderators edit."""

    def visible_q(self, user) -> Q:
        return Q()

    def can(self, user, action, group) -> bool:
        if action == "view":
            return True
        if action in {"join", "create"}:
            return is_member(user)
        if action in {"leave", "post"}:
            return is_group_member(user, group)
        if action == "change":
            return is_group_moderator(user, group)
        return False


class GroupMembershipPolicy(Policy):
    """Who is in a group is shown as counts; a person sees their own memberships."""

    def visible_q(self, user) -> Q:
        return Q(user=user) if is_active_user(user) else NOTHING

    def can(self, user, action, membership) -> bool:
        return action == "view" and is_active_user(user) and membership.user_id == user.pk


class ThreadPolicy(Policy):
    """Everyone reads visible threads; the author still finds their own hidden thread."""

    def visible_q(self, user) -> Q:
        if not is_active_user(user):
            return VISIBLE
        return VISIBLE | Q(author=user)

    def can(self, user, action, thread) -> bool:
        if action == "view":
            return thread.moderation_status == ModerationStatus.VISIBLE or (
                is_active_user(user) and thread.author_id == user.pk
            )
        if action == "reply":
            return is_group_member(user, thread.group)
        return False


register_policy(Connection, ConnectionPolicy())
register_policy(Block, BlockPolicy())
register_policy(Conversation, ConversationPolicy())
register_policy(Message, MessagePolicy())
register_policy(Group, GroupPolicy())
register_policy(GroupMembership, GroupMembershipPolicy())
register_policy(Thread, ThreadPolicy())
