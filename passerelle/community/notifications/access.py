"""Who sees a notification (its recipient, nobody else), and whether what a notification is about
may still be shown to its recipient: visible to them through the permission door and not hidden
by moderation. Every place that shows or mails a notification asks `available_targets` first, so
that content hidden after the notification was made stays hidden in the bell, the list, the API,
immediate e-mails and digests alike.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q

from passerelle.accounts.models import Membership
from passerelle.core.permissions import NOTHING, Policy, policy_for, register_policy

from ..choices import ModerationStatus
from ..models import ModeratedContent, Notification, NotificationPreference

# (recipient id, content type id, object id as stored on the notification)
TargetKey = tuple[int, int, str]


class NotificationPolicy(Policy):
    """A notification is its recipient's alone: they read it and mark it read."""

    def visible_q(self, user) -> Q:
        return Q(recipient=user.pk) if user.is_authenticated else NOTHING

    def can(self, user, action, obj) -> bool:
        return (
            action in {"view", "mark_read"}
            and user.is_authenticated
            and obj.recipient_id == user.pk
        )


class NotificationPreferencePolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q(user=user.pk) if user.is_authenticated else NOTHING

    def can(self, user, action, obj) -> bool:
        return action in {"view", "change"} and user.is_authenticated and obj.user_id == user.pk


register_policy(Notification, NotificationPolicy())
register_policy(NotificationPreference, NotificationPreferencePolicy())


def shown_q(model) -> Q:
    """Rows of `model` that moderation or deletion has not taken away from everyone."""
    rule = Q()
    if issubclass(model, ModeratedContent):
        rule &= Q(moderation_status=ModerationStatus.VISIBLE)
    if any(f.name == "deleted_at" for f in model._meta.concrete_fields):
        rule &= Q(deleted_at__isnull=True)
    return rule


def prefetch_organisation_roles(users: Iterable) -> None:
    """Fill `User.organisation_roles` (a cached property the door reads) for many users in one
    query, instead of one query per user."""
    missing = {user.pk: user for user in users if "organisation_roles" not in user.__dict__}
    if not missing:
        return
    roles: dict[int, dict[int, str]] = defaultdict(dict)
    rows = Membership.objects.filter(user__in=list(missing)).values_list(
        "user_id", "organisation_id", "role"
    )
    for user_id, organisation_id, role in rows:
        roles[user_id][organisation_id] = role
    for user_id, user in missing.items():
        user.__dict__["organisation_roles"] = roles[user_id]


def available_targets(pairs: Iterable[tuple]) -> set[TargetKey]:
    """Of the (user, content type id, object id) pairs, those whose object exists, is not hidden
    by moderation and is visible to the user now.

    Queries are bounded by the number of content types, not of pairs: per type, one query finds
    the objects everyone may see (what an anonymous visitor sees, signed-in users see too) and one
    the others; only objects in that second, restricted group are checked user by user (members'
    discussions: few recipients each).
    """
    users = {}
    wanted: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for user, content_type_id, object_id in pairs:
        users[user.pk] = user
        wanted[content_type_id][object_id].add(user.pk)
    available: set[TargetKey] = set()
    restricted: dict[int, dict[int, dict]] = defaultdict(dict)  # user → type → {pk: object id}
    for content_type_id, by_object in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        keys = _primary_keys(model, by_object)
        if not keys:
            continue
        shown = model._default_manager.filter(shown_q(model), pk__in=list(keys)).order_by()
        public = set(
            shown.filter(policy_for(model).visible_q(AnonymousUser()))
            .values_list("pk", flat=True)
            .distinct()
        )
        others = (
            set(shown.exclude(pk__in=public).values_list("pk", flat=True))
            if len(public) < len(keys)
            else set()
        )
        for pk in public:
            available.update((u, content_type_id, keys[pk]) for u in by_object[keys[pk]])
        for pk in others:
            for user_id in by_object[keys[pk]]:
                restricted[user_id].setdefault(content_type_id, {})[pk] = keys[pk]
    if restricted:
        prefetch_organisation_roles(users[user_id] for user_id in restricted)
    for user_id, by_type in restricted.items():
        for content_type_id, keys in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            seen = (
                model._default_manager.filter(pk__in=list(keys))
                .order_by()
                .filter(policy_for(model).visible_q(users[user_id]))
                .values_list("pk", flat=True)
                .distinct()
            )
            available.update((user_id, content_type_id, keys[pk]) for pk in seen)
    return available


def _primary_keys(model, object_ids: Iterable[str]) -> dict:
    """{primary key value: object id as stored} for the ids that are valid keys of `model`."""
    field = model._meta.pk
    keys = {}
    for object_id in object_ids:
        try:
            keys[field.to_python(object_id)] = object_id
        except ValidationError:
            continue
    return keys


def with_availability(user, notifications: list[Notification]) -> list[Notification]:
    """Set `available` on each of one user's notifications."""
    available = available_targets((user, n.content_type_id, n.object_id) for n in notifications)
    for notification in notifications:
        key = (user.pk, notification.content_type_id, notification.object_id)
        notification.available = key in available
    return notifications
