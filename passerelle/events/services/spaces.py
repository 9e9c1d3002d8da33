"""Writes of discussion spaces: creating one (by the editors of its host organisation or the
secretariat), changing it, and closing it with the moderators' summary. Every change is audited
under `events.space.*`.

Problems are reported all at once, by field, before anything is written."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.permissions import is_secretariat, require

from .. import permissions_spaces  # noqa: F401  (the policy the services ask)
from ..models import DiscussionSpace, Event
from ..permissions_spaces import can_create_spaces

QUESTIONS_LIMIT = 20
QUESTION_LENGTH = 500
MODERATORS_LIMIT = 20
SLUG_LENGTH = 70  # of the slug's 80: room for a counter
# The spaces' URLs that a slug must not take (events/urls.py).
RESERVED_SLUGS = {"new"}


@dataclass
class SpaceData:
    """What the host writes; the same for a new space and an edit. `moderators` are users,
    `event` an Event or None; times are aware datetimes."""

    title: str
    theme: str
    description: str
    language: str
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None = None
    audience: str = ""
    languages: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)  # in order
    moderators: list = field(default_factory=list)
    event: Event | None = None


FIELDS = (
    "title", "theme", "description", "audience", "language", "languages", "questions", "event",
    "opens_at", "closes_at",
)  # fmt: skip


def space_create(*, actor, organisation, data: SpaceData) -> DiscussionSpace:
    """A space hosted by `organisation`; public once `opens_at` comes."""
    if not can_create_spaces(actor) or not (
        is_secretariat(actor) or actor.has_role(organisation.pk, MembershipRole.EDITOR)
    ):
        raise PermissionDenied
    errors: dict = {}
    fields = _clean(data, errors)
    space = DiscussionSpace(**fields, organisation=organisation)
    _full_clean(space, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        _save_new(space)
        space.moderators.set(data.moderators)
        log_action(
            actor,
            space,
            "events.space.created",
            {
                "organisation": organisation.pk,
                "slug": space.slug,
                "moderators": sorted(user.pk for user in data.moderators),
            },
        )
    return space


def space_update(*, actor, space: DiscussionSpace, data: SpaceData) -> DiscussionSpace:
    require(actor, "change", space)
    with transaction.atomic():
        space = DiscussionSpace.objects.select_for_update().get(pk=space.pk)
        errors: dict = {}
        fields = _clean(data, errors)
        if space.summary_published_at and fields.get("closes_at") != space.closes_at:
            errors["closes_at"] = _("The space is closed with its summary: it cannot reopen.")
        changes = sorted(name for name, value in fields.items() if getattr(space, name) != value)
        for name, value in fields.items():
            setattr(space, name, value)
        _full_clean(space, errors)
        if errors:
            raise ValidationError(errors)
        space.save(update_fields=[*fields, "updated"])
        before = set(space.moderators.values_list("pk", flat=True))
        after = {user.pk for user in data.moderators}
        if before != after:
            space.moderators.set(data.moderators)
            changes.append("moderators")
        log_action(actor, space, "events.space.updated", {"fields": changes})
    return space


def space_close_with_summary(*, actor, space: DiscussionSpace, summary: str) -> DiscussionSpace:
    """The moderators' summary, published; the space closes now if it was still open."""
    with transaction.atomic():
        space = DiscussionSpace.objects.select_for_update().get(pk=space.pk)
        require(actor, "close", space)
        summary = (summary or "").strip()
        limit = DiscussionSpace._meta.get_field("summary").max_length
        if not summary:
            raise ValidationError({"summary": _("Write the summary of the discussion.")})
        if len(summary) > limit:
            raise ValidationError(
                {"summary": _("Keep the summary under %(limit)s characters.") % {"limit": limit}}
            )
        now = timezone.now()
        if space.opens_at > now:
            raise ValidationError({"__all__": _("The space has not opened yet.")})
        closed_now = space.closes_at is None or space.closes_at > now
        if closed_now:
            space.closes_at = now
        space.summary = summary
        space.summary_published_at = now
        space.save(update_fields=["closes_at", "summary", "summary_published_at", "updated"])
        log_action(
            actor,
            space,
            "events.space.closed",
            {"closed_now": closed_now, "summary_length": len(summary)},
        )
    return space


def _clean(data: SpaceData, errors: dict) -> dict:
    """The fields to store; problems go to `errors`, by field."""
    title = (data.title or "").strip()
    if not title:
        errors["title"] = _("Give the space a title.")
    theme = (data.theme or "").strip()
    if not theme:
        errors["theme"] = _("Say what the theme of the discussion is.")
    description = (data.description or "").strip()
    if not description:
        errors["description"] = _("Describe the discussion.")
    if data.language not in dict(settings.LANGUAGES):
        errors["language"] = _("Choose the language the texts are written in.")
    languages = list(dict.fromkeys(data.languages or []))
    unknown = [code for code in languages if code not in LANG_INFO]
    if unknown:
        errors["languages"] = _("Unknown language code: %(codes)s.") % {"codes": ", ".join(unknown)}
    questions = [q.strip() for q in data.questions or [] if q and q.strip()]
    if len(questions) > QUESTIONS_LIMIT:
        errors["questions"] = _("Ask at most %(limit)s questions.") % {"limit": QUESTIONS_LIMIT}
    elif any(len(q) > QUESTION_LENGTH for q in questions):
        errors["questions"] = _("Keep each question under %(limit)s characters.") % {
            "limit": QUESTION_LENGTH
        }
    moderators = list(data.moderators or [])
    if not moderators:
        errors["moderators"] = _("Name at least one moderator.")
    elif len(moderators) > MODERATORS_LIMIT:
        errors["moderators"] = _("Name at most %(limit)s moderators.") % {"limit": MODERATORS_LIMIT}
    elif any(not user.is_active for user in moderators):
        errors["moderators"] = _("Moderators must have an active account.")
    if data.opens_at is None:
        errors["opens_at"] = _("Say when the space opens.")
    elif data.closes_at is not None and data.closes_at <= data.opens_at:
        errors["closes_at"] = _("The space must close after it opens.")
    return {
        "title": title,
        "theme": theme,
        "description": description,
        "audience": (data.audience or "").strip(),
        "language": data.language,
        "languages": languages,
        "questions": questions,
        "event": data.event,
        "opens_at": data.opens_at,
        "closes_at": data.closes_at,
    }


def _full_clean(space: DiscussionSpace, errors: dict) -> None:
    """The model's own checks (lengths), on the fields not already refused."""
    try:
        space.full_clean(exclude={"slug", "organisation", *errors}, validate_constraints=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages)


def _save_new(space: DiscussionSpace) -> None:
    """Save with a free slug made of the title; the unique index decides between two spaces
    created with the same title at the same moment."""
    base = slugify(space.title)[:SLUG_LENGTH].strip("-") or "space"
    taken = RESERVED_SLUGS | set(
        DiscussionSpace.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    for _attempt in range(10):
        slug, counter = base, 2
        while slug in taken:
            slug = f"{base}-{counter}"
            counter += 1
        space.slug = slug
        try:
            with transaction.atomic():
                space.save()
        except IntegrityError:
            if not DiscussionSpace.objects.filter(slug=slug).exists():
                raise
            taken.add(slug)
        else:
            return
    raise IntegrityError("No free slug for this space.")
