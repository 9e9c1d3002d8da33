"""Writes of stories (blog posts, videos, news, community events): their author writes them, on
their own or on behalf of an organisation they edit for; its editors may change, publish and
delete it too. New accounts take part under the community's limits (community/trust.py): few
links, and no embedded video until trusted. Every change is audited under `diaspora.story.*`."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.community import trust
from passerelle.core.audit import log_action
from passerelle.core.search import index_later

from .. import permissions_content  # noqa: F401  (the policy the services ask)
from ..choices import PublicationStatus, StoryKind
from ..models import Story
from ..permissions import is_active_user
from ..permissions_content import editor_organisation_ids, edits_story
from ..video import video_for

FIELDS = (
    "kind", "title", "summary", "body", "language", "video_url", "starts_at", "place",
    "event", "agenda_item",
)  # fmt: skip


@dataclass
class StoryData:
    """What the author writes; the same for a new story and an edit."""

    kind: str
    title: str
    body: str
    language: str
    summary: str = ""
    video_url: str = ""
    starts_at: object = None
    place: str = ""
    event: object = None
    agenda_item: object = None
    countries: list = field(default_factory=list)


@transaction.atomic
def story_create(*, actor, data: StoryData, organisation=None, is_demo: bool = False) -> Story:
    """A draft story by `actor`, on behalf of `organisation` if given (which they must edit for)."""
    if not is_active_user(actor):
        raise PermissionDenied
    if organisation is not None and organisation.pk not in editor_organisation_ids(actor):
        raise ValidationError(
            {"organisation": _("You may write on behalf of an organisation you edit for only.")}
        )
    _check_author(actor, data, editing=None)
    story = Story(author=actor, organisation=organisation, is_demo=is_demo)
    _apply(story, data)
    story.save()
    story.countries.set(data.countries)
    log_action(actor, story, "diaspora.story.created", _summary(story))
    index_later(story)
    return story


@transaction.atomic
def story_update(*, actor, story: Story, data: StoryData) -> Story:
    _require_edit(actor, story)
    _check_author(actor, data, editing=story)
    _apply(story, data)
    story.save()
    story.countries.set(data.countries)
    log_action(actor, story, "diaspora.story.updated", _summary(story))
    index_later(story)
    return story


@transaction.atomic
def story_publish(*, actor, story: Story) -> Story:
    _require_edit(actor, story)
    trust.check_may_take_part(actor)
    if story.status == PublicationStatus.PUBLISHED:
        raise ValidationError(_("This story is already published."), code="published")
    story.status = PublicationStatus.PUBLISHED
    story.published_at = story.published_at or timezone.now()
    story.full_clean()
    story.save(update_fields=["status", "published_at", "updated"])
    log_action(actor, story, "diaspora.story.published", _summary(story))
    index_later(story)
    return story


@transaction.atomic
def story_unpublish(*, actor, story: Story) -> Story:
    _require_edit(actor, story)
    if story.status != PublicationStatus.PUBLISHED:
        raise ValidationError(_("This story is not published."), code="draft")
    story.status = PublicationStatus.DRAFT
    story.save(update_fields=["status", "updated"])
    log_action(actor, story, "diaspora.story.unpublished", _summary(story))
    index_later(story)
    return story


@transaction.atomic
def story_delete(*, actor, story: Story) -> None:
    _require_edit(actor, story)
    log_action(actor, story, "diaspora.story.deleted", _summary(story))
    story.delete()


def _require_edit(actor, story: Story) -> None:
    if not edits_story(actor, story):
        raise PermissionDenied


def _check_author(actor, data: StoryData, *, editing) -> None:
    """The community's limits (sanctions, links of new accounts) and a safe video address."""
    try:
        trust.check_may_post(actor, f"{data.summary}\n{data.body}", editing=editing)
    except ValidationError as error:
        raise ValidationError({"body": error.messages}) from error
    if data.video_url:
        if video_for(data.video_url) is None:
            raise ValidationError(
                {
                    "video_url": _(
                        "Give an https link to a video file (.mp4, .webm, .ogv) or to a YouTube "
                        "or Vimeo video page."
                    )
                }
            )
        if trust.trust_level(actor) == trust.NEW:
            raise ValidationError(
                {
                    "video_url": _(
                        "New accounts may not embed videos yet. Join your organisation or take "
                        "part a little longer."
                    )
                }
            )


def _apply(story: Story, data: StoryData) -> None:
    """Copies the author's fields onto `story` and checks it; nothing is saved on error."""
    errors = {}
    if data.kind == StoryKind.VIDEO and not data.video_url:
        errors["video_url"] = [_("A video needs its address.")]
    if data.kind == StoryKind.EVENT and not data.starts_at:
        errors["starts_at"] = [_("A community event needs its start date and time.")]
    agenda_item = data.agenda_item
    if agenda_item is not None and data.event is not None and agenda_item.event_id != data.event.pk:
        errors["agenda_item"] = [_("This session is not part of the chosen event.")]
    if errors:
        raise ValidationError(errors)
    for name in FIELDS:
        setattr(story, name, getattr(data, name))
    if agenda_item is not None and story.event is None:
        story.event = agenda_item.event
    story.title, story.summary = story.title.strip(), story.summary.strip()
    story.full_clean(exclude=["author", "organisation"])


def _summary(story: Story) -> dict:
    return {"kind": story.kind, "title": story.title, "status": story.status}
