"""How other modules plug into the community layer (ARCHITECTURE.md: modules above `community`
register here; `community` never imports them).

- `register_commentable(Model, ...)`: the model's objects have a discussion; the entry says who
  reads and writes it, whose organisation owns it, who moderates it and on which page section it
  shows.
- `register_followable(Model)`: users may follow its objects.
- `register_reportable(Model, ...)`: its user-written content can be reported and hidden; the
  model must inherit `ModeratedContent` and every listing of it must show only visible rows.
- `register_notification_type(...)`: an audit action that notifies someone, the kind users set
  e-mail preferences for, and how its message reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from .choices import CommentAccess, EmailFrequency


@dataclass(frozen=True)
class Commentable:
    """A model whose objects have a discussion. Rules are Q objects over the model, so that "the
    comments this user may read" stays one query however many objects there are."""

    model: type[models.Model]
    access: str = CommentAccess.PUBLIC
    # Path to the organisation that owns an object: its members read and write MEMBERS and
    # PARTICIPANTS discussions, and its administrators moderate the discussion.
    owner_field: str | None = None
    # For PARTICIPANTS discussions: user → Q selecting the objects the user takes part in.
    participants_q: Callable[[Any], Q] | None = None
    # The discussion space's own moderators (user → Q of the objects they moderate); by default
    # the owning organisation's administrators.
    space_moderators_q: Callable[[Any], Q] | None = None
    # The core.sections page the discussion appears on (None: the module includes it itself).
    page: str | None = None
    # () → Q selecting the objects whose discussion takes new comments now (a forum open between
    # two dates); None: always, for whoever may write.
    writable_q: Callable[[], Q] | None = None


@dataclass(frozen=True)
class Reportable:
    model: type[models.Model]
    author_field: str
    # (content) → the object whose discussion space moderators may decide on it.
    space_of: Callable[[models.Model], models.Model | None] = lambda content: None


@dataclass(frozen=True)
class NotificationType:
    """`kind` is what users choose e-mail frequency for; `actions` the audit actions that raise it.
    `recipients(entry)` yields (user, target object, data) for each person to notify — the
    dispatcher drops the actor and anyone who cannot see the target. `message(data)` returns the
    line shown in the bell and the e-mail, called in the recipient's language. `audience(user)`
    says whether the kind is for `user` at all, so whether their preferences offer it (None: it
    is for everyone)."""

    kind: str
    actions: tuple[str, ...]
    label: Any
    description: Any
    recipients: Callable[[Any], Iterable[tuple[Any, models.Model, dict[str, Any]]]]
    message: Callable[[dict[str, Any]], str]
    default_email: str = EmailFrequency.DAILY
    # Moderation outcomes must reach the author even if they unfollowed everything.
    mandatory: bool = False
    # Kinds only some people receive (the moderation queue: moderators) are not offered to others.
    audience: Callable[[Any], bool] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_commentables: dict[type[models.Model], Commentable] = {}
_followables: set[type[models.Model]] = set()
_reportables: dict[type[models.Model], Reportable] = {}
_notification_types: dict[str, NotificationType] = {}


def register_commentable(model: type[models.Model], **options) -> None:
    _commentables[model] = Commentable(model=model, **options)
    register_followable(model)


def register_followable(model: type[models.Model]) -> None:
    _followables.add(model)


def register_reportable(model: type[models.Model], **options) -> None:
    _reportables[model] = Reportable(model=model, **options)


def register_notification_type(notification_type: NotificationType) -> None:
    _notification_types[notification_type.kind] = notification_type


def commentable_for(model: type[models.Model]) -> Commentable | None:
    return _commentables.get(model)


def commentables() -> list[Commentable]:
    return list(_commentables.values())


def is_followable(model: type[models.Model]) -> bool:
    return model in _followables


def followable_models() -> list[type[models.Model]]:
    return sorted(_followables, key=lambda model: model._meta.label)


def reportable_for(model: type[models.Model]) -> Reportable | None:
    return _reportables.get(model)


def notification_types() -> list[NotificationType]:
    return sorted(_notification_types.values(), key=lambda t: t.kind)


def notification_type(kind: str) -> NotificationType | None:
    return _notification_types.get(kind)


def notification_types_for_action(action: str) -> list[NotificationType]:
    return [t for t in _notification_types.values() if action in t.actions]


def content_type_of(model_or_obj) -> ContentType:
    return ContentType.objects.get_for_model(model_or_obj)
