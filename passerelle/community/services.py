"""Every write of comments, reactions and follows. Each service checks the door and the trust
limits, validates, writes in one transaction with its audit entry; notifications follow from the
audit entry (notifications.py), never from here."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from passerelle.accounts.models import Organisation, User
from passerelle.core.audit import log_action

from . import markdown, registry, trust
from .choices import ModerationStatus, ReactionKind
from .models import MAX_COMMENT_DEPTH, Comment, CommentRevision, Follow, Reaction
from .permissions import followable_objects, may_moderate_discussion, may_write_discussion

MAX_BODY = 10_000


def _require_active(actor) -> None:
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write something before posting."), code="empty")
    if len(body) > MAX_BODY:
        raise ValidationError(
            _("A comment is limited to %(max)d characters; this one has %(length)d.")
            % {"max": MAX_BODY, "length": len(body)},
            code="too_long",
        )
    return body


def _clean_language(language: str | None) -> str:
    language = (language or get_language() or "en")[:2]
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the platform's languages."), code="language")
    return language


def _mentioned(handles: tuple[str, ...]) -> tuple[list[User], list[Organisation]]:
    users = list(User.objects.filter(handle__in=handles, is_active=True))
    found = {user.handle for user in users}
    organisations = list(
        Organisation.objects.filter(slug__in=[h for h in handles if h not in found])
    )
    return users, organisations


def _without_language(path: str) -> str:
    """Stored HTML serves readers of every language: its links carry no language prefix (the
    locale middleware sends each reader to their own)."""
    prefix = f"/{get_language()}/"
    return "/" + path.removeprefix(prefix) if path.startswith(prefix) else path


def _render(body: str) -> tuple[markdown.Rendered, list[User], list[Organisation]]:
    users, organisations = _mentioned(markdown.mentioned_handles(body))
    urls = {
        user.handle: _without_language(reverse("community:person", args=[user.handle]))
        for user in users
    }
    urls |= {org.slug: _without_language(org.get_absolute_url()) for org in organisations}
    return markdown.render(body, mention_urls=urls), users, organisations


def _place_reply(comment: Comment, parent: Comment | None, target) -> None:
    """Replies nest up to MAX_COMMENT_DEPTH; deeper replies join their parent's level."""
    if parent is None:
        return
    if (parent.content_type_id, parent.object_id) != (comment.content_type_id, comment.object_id):
        raise ValidationError(_("You can only reply within the same discussion."), code="thread")
    if parent.is_deleted or parent.is_hidden:
        raise ValidationError(
            _("This comment was deleted or hidden; it cannot be replied to."), code="parent"
        )
    comment.thread_id = parent.thread_id or parent.pk
    if parent.depth < MAX_COMMENT_DEPTH:
        comment.parent, comment.depth = parent, parent.depth + 1
    else:
        comment.parent_id, comment.depth = parent.parent_id, parent.depth


@transaction.atomic
def comment_create(*, actor, target, body: str, parent=None, language=None) -> Comment:
    _require_active(actor)
    if not may_write_discussion(actor, target):
        raise PermissionDenied
    body = _clean_body(body)
    trust.check_may_post(actor, body)
    rendered, users, organisations = _render(body)
    comment = Comment(
        content_type=registry.content_type_of(target),
        object_id=str(target.pk),
        author=actor,
        body=body,
        body_html=rendered.html,
        body_hash=trust.body_fingerprint(body),
        language=_clean_language(language),
    )
    _place_reply(comment, parent, target)
    comment.save()
    comment.mentioned_users.set(users)
    comment.mentioned_organisations.set(organisations)
    log_action(
        actor,
        comment,
        "community.comment.created",
        {
            "parent_id": parent.pk if parent else None,
            "mentioned_user_ids": [user.pk for user in users],
            "mentioned_organisation_ids": [org.pk for org in organisations],
        },
    )
    return comment


@transaction.atomic
def comment_edit(*, actor, comment: Comment, body: str, moderator_note: str = "") -> Comment:
    """The author edits within the edit window; a moderator edits any time, with a note that is
    shown under the comment. The previous text is kept as a revision."""
    _require_active(actor)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    as_moderator = comment.author_id != actor.pk
    if as_moderator:
        if not may_moderate_discussion(actor, comment.target):
            raise PermissionDenied
        moderator_note = moderator_note.strip()
        if not moderator_note:
            raise ValidationError(
                _("Say why you edit someone else's comment: the note is shown with it."),
                code="note_required",
            )
    else:
        if comment.is_deleted:
            raise ValidationError(_("A deleted comment cannot be edited."), code="deleted")
        if comment.moderation_status != ModerationStatus.VISIBLE:
            raise ValidationError(
                _("This comment is under review by the moderators and cannot be edited now."),
                code="under_review",
            )
        if not comment.edit_window_open:
            raise ValidationError(
                _("Comments can be edited for %(minutes)d minutes after posting.")
                % {"minutes": settings.COMMUNITY["EDIT_WINDOW_MINUTES"]},
                code="edit_window",
            )
    body = _clean_body(body)
    if not as_moderator:
        trust.check_may_post(actor, body, editing=comment)
    previous_users = set(comment.mentioned_users.values_list("pk", flat=True))
    previous_orgs = set(comment.mentioned_organisations.values_list("pk", flat=True))
    CommentRevision.objects.create(
        comment=comment, body=comment.body, edited_by=actor, moderator_note=moderator_note
    )
    rendered, users, organisations = _render(body)
    comment.body, comment.body_html = body, rendered.html
    comment.body_hash = trust.body_fingerprint(body)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "body_html", "body_hash", "edited_at", "updated"])
    comment.mentioned_users.set(users)
    comment.mentioned_organisations.set(organisations)
    if as_moderator:
        log_action(actor, comment, "community.comment.moderator_edited", {"note": moderator_note})
    else:
        log_action(
            actor,
            comment,
            "community.comment.edited",
            {
                "mentioned_user_ids": [u.pk for u in users if u.pk not in previous_users],
                "mentioned_organisation_ids": [
                    o.pk for o in organisations if o.pk not in previous_orgs
                ],
            },
        )
    return comment


@transaction.atomic
def comment_delete(*, actor, comment: Comment, reason: str = "") -> Comment:
    """The text goes; the row stays as "comment deleted" so that replies keep their place."""
    _require_active(actor)
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    by_author = comment.author_id == actor.pk
    if not by_author and not may_moderate_discussion(actor, comment.target):
        raise PermissionDenied
    if not by_author and not reason.strip():
        raise ValidationError(_("Say why you delete someone else's comment."), code="reason")
    if comment.is_deleted:
        return comment
    comment.body = comment.body_html = ""
    comment.deleted_at = timezone.now()
    comment.save(update_fields=["body", "body_html", "deleted_at", "updated"])
    comment.mentioned_users.clear()
    comment.mentioned_organisations.clear()
    log_action(
        actor,
        comment,
        "community.comment.deleted",
        {"by_author": by_author, "reason": reason.strip()},
    )
    return comment


def _visible(user, obj) -> bool:
    return type(obj).objects.filter(pk=obj.pk).visible_to(user).exists()


@transaction.atomic
def reaction_toggle(*, actor, target, kind: str) -> bool:
    """Add the reaction, or take it back if it was there. Returns whether it is now there."""
    _require_active(actor)
    if kind not in ReactionKind.values:
        raise ValidationError(_("Unknown reaction."), code="kind")
    if not _visible(actor, target):
        raise PermissionDenied
    if isinstance(target, Comment):
        if target.is_deleted or target.is_hidden:
            raise ValidationError(_("This comment cannot receive reactions."), code="hidden")
        if target.author_id == actor.pk:
            raise ValidationError(_("You cannot react to your own comment."), code="own")
    trust.check_may_take_part(actor)
    lookup = {
        "user": actor,
        "content_type": registry.content_type_of(target),
        "object_id": str(target.pk),
        "kind": kind,
    }
    deleted, _rows = Reaction.objects.filter(**lookup).delete()
    added = not deleted
    if added:
        Reaction.objects.create(**lookup)
    if isinstance(target, Comment) and kind == ReactionKind.USEFUL:
        Comment.objects.filter(pk=target.pk).update(
            useful_count=F("useful_count") + (1 if added else -1)
        )
    log_action(
        actor,
        target,
        "community.reaction.added" if added else "community.reaction.removed",
        {"kind": kind},
    )
    return added


@transaction.atomic
def follow(*, actor, target) -> Follow:
    _require_active(actor)
    if not registry.is_followable(type(target)):
        raise ValidationError(_("This cannot be followed."), code="not_followable")
    if target == actor:
        raise ValidationError(_("You cannot follow yourself."), code="self")
    if not followable_objects(type(target), actor).filter(pk=target.pk).exists():
        raise PermissionDenied
    trust.check_may_take_part(actor)
    row, created = Follow.objects.get_or_create(
        user=actor,
        content_type=registry.content_type_of(target),
        object_id=str(target.pk),
    )
    if created:
        log_action(actor, actor, "community.follow.created", {"target": _describe(target)})
    return row


@transaction.atomic
def unfollow(*, actor, target) -> None:
    _require_active(actor)
    deleted, _rows = (
        Follow.objects.for_object(target).filter(user=actor).delete()
        if actor.is_authenticated
        else (0, {})
    )
    if deleted:
        log_action(actor, actor, "community.follow.deleted", {"target": _describe(target)})


def _describe(obj) -> dict:
    return {"type": obj._meta.label_lower, "id": str(obj.pk), "name": str(obj)}
