"""Reads of the community layer. A thread page costs the same few queries however long the
discussion: one page of top-level comments, then their replies, reactions and moderator notes
for that page in one query each."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from passerelle.accounts.models import User
from passerelle.core.permissions import get_visible_or_404

from . import registry
from .choices import CommentOrder
from .models import Comment, CommentRevision, Follow, Reaction
from .permissions import comment_visible_q, followable_objects, moderation_visible_q

# What a (type, id) pair from a URL or an API call is wanted for.
FOR_DISCUSSION, FOR_FOLLOW, FOR_REPORT = "discussion", "follow", "report"


def model_named(*, content_type_id: int | None = None, label: str | None = None):
    """The model named by a content type id or by "app_label.model"; 404 when none is."""
    try:
        if label is not None:
            app_label, model_name = label.split(".")
            content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
        else:
            content_type = ContentType.objects.get_for_id(content_type_id)
    except (ValueError, ContentType.DoesNotExist) as exc:
        raise Http404 from exc
    if content_type.model_class() is None:
        raise Http404
    return content_type.model_class()


def target_get(user, model, object_id, *, purpose: str):
    """The object a user names for a discussion, a follow or a report, through the door: 404
    when `model` is not registered for that purpose, or the object is missing or hidden from
    `user` (a malformed id included)."""
    registered = {
        FOR_DISCUSSION: registry.commentable_for(model) is not None,
        FOR_FOLLOW: registry.is_followable(model),
        FOR_REPORT: registry.reportable_for(model) is not None,
    }[purpose]
    if not registered:
        raise Http404
    try:
        if purpose == FOR_FOLLOW:
            return get_object_or_404(followable_objects(model, user), pk=object_id)
        return get_visible_or_404(model._default_manager.all(), user, pk=object_id)
    except (ValueError, ValidationError) as exc:
        raise Http404 from exc


ORDERINGS = {
    CommentOrder.OLDEST: ("created", "id"),
    CommentOrder.NEWEST: ("-created", "-id"),
    CommentOrder.USEFUL: ("-useful_count", "created", "id"),
}


@dataclass
class ThreadPage:
    page: Page
    order: str
    replies: dict[int, list[Comment]] = field(default_factory=dict)
    reaction_counts: dict[int, dict[str, int]] = field(default_factory=dict)
    my_reactions: dict[int, set[str]] = field(default_factory=dict)
    total: int = 0

    def comments(self) -> list[Comment]:
        """Every comment on the page, each reply after its thread's top-level comment."""
        ordered = []
        for root in self.page.object_list:
            ordered.append(root)
            ordered.extend(self.replies.get(root.pk, []))
        return ordered


def discussion_comments(obj, user):
    """The comments on `obj` that `user` may see; the caller has checked `may_read_discussion`."""
    return (
        Comment.objects.for_object(obj)
        .filter(moderation_visible_q(user))
        .select_related("author", "parent__author")
    )


def thread_page(obj, user, *, order: str = CommentOrder.OLDEST, page_number=1) -> ThreadPage:
    if order not in ORDERINGS:
        order = CommentOrder.OLDEST
    comments = discussion_comments(obj, user)
    roots = comments.filter(thread__isnull=True).order_by(*ORDERINGS[order])
    paginator = Paginator(roots, settings.COMMUNITY["COMMENTS_PER_PAGE"])
    page = paginator.get_page(page_number)
    root_ids = [root.pk for root in page.object_list]
    replies = defaultdict(list)
    for reply in comments.filter(thread__in=root_ids).order_by("created", "id"):
        replies[reply.thread_id].append(reply)
    ids = root_ids + [reply.pk for thread in replies.values() for reply in thread]
    result = ThreadPage(page=page, order=order, replies=dict(replies))
    result.total = comments.count()
    result.reaction_counts, result.my_reactions = reactions_for(user, ids)
    notes = dict(
        CommentRevision.objects.filter(comment__in=ids)
        .exclude(moderator_note="")
        .order_by("comment", "created")  # the latest note per comment wins in dict()
        .values_list("comment", "moderator_note")
    )
    for comment in result.comments():
        comment.moderator_note = notes.get(comment.pk, "")
    return result


def _comment_reactions(ids):
    return Reaction.objects.filter(
        content_type=registry.content_type_of(Comment), object_id__in=[str(pk) for pk in ids]
    )


def reactions_for(user, ids) -> tuple[dict[int, dict[str, int]], dict[int, set[str]]]:
    """For the comments `ids`: counts per reaction kind, and the kinds `user` gave."""
    return _reaction_counts(ids), _reactions_of(user, ids)


def _reaction_counts(ids) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = _comment_reactions(ids).values("object_id", "kind").annotate(n=Count("pk"))
    for row in rows.order_by():
        counts[int(row["object_id"])][row["kind"]] = row["n"]
    return dict(counts)


def _reactions_of(user, ids) -> dict[int, set[str]]:
    if not user.is_authenticated or not ids:
        return {}
    mine: dict[int, set[str]] = defaultdict(set)
    for object_id, kind in (
        _comment_reactions(ids).filter(user=user).values_list("object_id", "kind")
    ):
        mine[int(object_id)].add(kind)
    return dict(mine)


def page_of_comment(comment: Comment, user) -> int:
    """The page (oldest first) that shows `comment` or the thread it belongs to."""
    root = comment.thread or comment
    earlier = (
        discussion_comments(root.target, user)
        .filter(thread__isnull=True)
        .filter(Q(created__lt=root.created) | Q(created=root.created, id__lt=root.id))
        .count()
    )
    return earlier // settings.COMMUNITY["COMMENTS_PER_PAGE"] + 1


def visible_comments(user):
    """Every comment `user` may read, anywhere (the API, a person's page)."""
    return Comment.objects.filter(comment_visible_q(user)).select_related("author", "content_type")


def followers_of(*objects) -> "QuerySet[User]":  # noqa: F821
    """The active users who follow any of `objects`."""
    wanted = Q(pk__in=[])
    for obj in objects:
        if obj is not None:
            wanted |= Q(
                follows__content_type=registry.content_type_of(obj),
                follows__object_id=str(obj.pk),
            )
    return User.objects.filter(wanted, is_active=True).distinct()


def is_following(user, obj) -> bool:
    return user.is_authenticated and Follow.objects.for_object(obj).filter(user=user).exists()


def follows_of(user):
    """What `user` follows, newest first, with the followed objects fetched per type."""
    follows = list(Follow.objects.filter(user=user).select_related("content_type"))
    by_type = defaultdict(list)
    for row in follows:
        by_type[row.content_type].append(row.object_id)
    objects = {}
    for content_type, ids in by_type.items():
        for obj in followable_objects(content_type.model_class(), user).filter(pk__in=ids):
            objects[(content_type.pk, str(obj.pk))] = obj
    for row in follows:
        row.followed = objects.get((row.content_type_id, row.object_id))
    return [row for row in follows if row.followed is not None]
