"""Who reads and writes discussions, reactions and follows (core permission door).

A comment inherits its object's visibility: it is readable by exactly the users who may read the
discussion of an object they can see (`discussion_q`), and while hidden by moderation only by its
author and the moderators.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.core.permissions import NOTHING, Policy, is_secretariat, register_policy

from . import registry
from .choices import CommentAccess, ModerationStatus
from .models import Comment, Follow, Reaction


def is_platform_moderator(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_moderator or user.is_superuser)


def discussion_q(entry: registry.Commentable, user, *, write: bool = False) -> Q | None:
    """Q over `entry.model` selecting the objects whose discussion `user` may read (or write);
    None when it is none at all. Always combined with the object's own visibility."""
    if entry.access == CommentAccess.PUBLIC and not write:
        return Q()
    if not user.is_authenticated or not user.is_active:
        return None
    if entry.access in (CommentAccess.PUBLIC, CommentAccess.REGISTERED) or is_secretariat(user):
        return Q()
    allowed = NOTHING
    if entry.owner_field:
        allowed |= Q(**{f"{entry.owner_field}__in": user.organisation_ids})
    if entry.access == CommentAccess.PARTICIPANTS and entry.participants_q:
        allowed |= entry.participants_q(user)
    return allowed


def space_moderation_q(entry: registry.Commentable, user) -> Q:
    """Q over `entry.model`: the objects whose discussion `user` moderates as a space moderator."""
    if not user.is_authenticated:
        return NOTHING
    if entry.space_moderators_q:
        return entry.space_moderators_q(user)
    if not entry.owner_field:
        return NOTHING
    administered = [
        org_id for org_id, role in user.organisation_roles.items() if role == MembershipRole.ADMIN
    ]
    return Q(**{f"{entry.owner_field}__in": administered})


def discussion_objects(entry: registry.Commentable, user, *, write: bool = False):
    """The objects of `entry.model` whose discussion `user` may read (or write)."""
    rule = discussion_q(entry, user, write=write)
    if rule is None:
        return entry.model.objects.none()
    if write and entry.writable_q is not None:
        rule &= entry.writable_q()
    return entry.model.objects.visible_to(user).filter(rule)


def may_read_discussion(user, obj) -> bool:
    entry = registry.commentable_for(type(obj))
    return entry is not None and discussion_objects(entry, user).filter(pk=obj.pk).exists()


def may_write_discussion(user, obj) -> bool:
    entry = registry.commentable_for(type(obj))
    return (
        entry is not None and discussion_objects(entry, user, write=True).filter(pk=obj.pk).exists()
    )


def may_moderate_discussion(user, obj) -> bool:
    if is_platform_moderator(user):
        return True
    entry = registry.commentable_for(type(obj))
    return (
        entry is not None
        and entry.model.objects.filter(space_moderation_q(entry, user), pk=obj.pk).exists()
    )


def followable_objects(model, user):
    """The objects of `model` that `user` may follow: those they can see; for people, anyone
    with an active account (a person's public face is their community page, see PersonView)."""
    if model is User:
        return User.objects.filter(is_active=True)
    return model.objects.visible_to(user)


def moderation_visible_q(user) -> Q:
    """Comments hidden by moderation stay readable by their author and the moderators."""
    if is_platform_moderator(user):
        return Q()
    visible = Q(moderation_status=ModerationStatus.VISIBLE)
    if user.is_authenticated:
        visible |= Q(author=user)
    return visible


def comment_visible_q(user) -> Q:
    visible = NOTHING
    for entry in registry.commentables():
        readable = discussion_objects(entry, user)
        ids = readable.annotate(_key=Cast("pk", CharField())).values("_key")
        visible |= Q(content_type=ContentType.objects.get_for_model(entry.model), object_id__in=ids)
    return visible & moderation_visible_q(user)


class CommentPolicy(Policy):
    def visible_q(self, user) -> Q:
        return comment_visible_q(user)

    def can(self, user, action, comment) -> bool:
        if action == "view":
            return Comment.objects.filter(pk=comment.pk).visible_to(user).exists()
        if action in {"change", "delete"}:
            return user.is_authenticated and (
                comment.author_id == user.pk
                or (action == "delete" and may_moderate_discussion(user, comment.target))
            )
        return False


class OwnRowsPolicy(Policy):
    """Reactions and follows: a user sees and removes their own."""

    def visible_q(self, user) -> Q:
        return Q(user=user) if user.is_authenticated else NOTHING

    def can(self, user, action, obj) -> bool:
        return user.is_authenticated and obj.user_id == user.pk


register_policy(Comment, CommentPolicy())
register_policy(Reaction, OwnRowsPolicy())
register_policy(Follow, OwnRowsPolicy())
