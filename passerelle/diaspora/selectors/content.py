"""Reads of stories: the public list (published, not hidden), a person's own stories, the stories
linked to a dialogue event or session, the reactions to a story, and the names shown of authors."""

from django.db.models import Count

from passerelle.community.choices import ModerationStatus
from passerelle.community.models import Reaction
from passerelle.community.registry import content_type_of

from ..choices import PublicationStatus
from ..models import Story
from .people import shown_names

PUBLISHED = {"status": PublicationStatus.PUBLISHED, "moderation_status": ModerationStatus.VISIBLE}


def published_stories(user):
    """The stories lists show: published and not hidden (a hidden one vanishes from every list,
    even its author's view of the public list)."""
    return (
        Story.objects.visible_to(user)
        .filter(**PUBLISHED)
        .select_related("organisation")
        .prefetch_related("countries")
    )


def my_stories(user):
    return (
        Story.objects.visible_to(user)
        .filter(author=user)
        .select_related("organisation")
        .order_by("-created")
    )


def linked_stories(user, *, limit: int = 10, **link):
    """Published stories linked to an event (`event=`), a session (`agenda_item=`) or an
    organisation (`organisation=`)."""
    return list(published_stories(user).filter(**link).order_by("-published_at")[:limit])


def author_names(viewer, stories) -> dict[int, str]:
    return shown_names(viewer, {story.author_id for story in stories})


def reactions(user, story: Story) -> tuple[dict[str, int], set[str]]:
    """({kind: count}, {kinds `user` gave}) for one story."""
    rows = Reaction.objects.filter(content_type=content_type_of(Story), object_id=str(story.pk))
    counts = dict(rows.values_list("kind").annotate(count=Count("pk")).order_by())
    mine = (
        set(rows.filter(user=user).values_list("kind", flat=True))
        if user.is_authenticated
        else set()
    )
    return counts, mine
