"""Who sees and does what with discussion spaces.

A space is public from the moment it opens (`opens_at`), and stays readable once closed, with
its summary. Before it opens it is being prepared: only its host's members, its moderators and
the secretariat see it. Its host's editors and the secretariat edit it; its moderators and its
host's editors close it with a summary.
"""

from django.db.models import Q
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, is_secretariat, register_policy

from .models import DiscussionSpace
from .permissions import organising_ids


def is_space_open(space: DiscussionSpace, now=None) -> bool:
    """Open for comments: opened, and not closed yet."""
    now = now or timezone.now()
    return space.opens_at <= now and (space.closes_at is None or now < space.closes_at)


def open_spaces_q() -> Q:
    """The spaces open now (they take new comments)."""
    now = timezone.now()
    return Q(opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))


def moderates(user, space: DiscussionSpace) -> bool:
    """One of the space's own moderators."""
    if not user.is_authenticated or not user.is_active:
        return False
    return space.moderators.filter(pk=user.pk).exists()


def hosts(user, space: DiscussionSpace) -> bool:
    """An editor (or more) of the hosting organisation."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.has_role(space.organisation_id, MembershipRole.EDITOR)


def can_create_spaces(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (is_secretariat(user) or bool(organising_ids(user)))
    )


def moderated_spaces_q(user) -> Q:
    """Q over DiscussionSpace: the spaces `user` moderates (the community layer's rule)."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    return Q(moderators=user)


class DiscussionSpacePolicy(Policy):
    def visible_q(self, user) -> Q:
        opened = Q(opens_at__lte=timezone.now())
        if not user.is_authenticated:
            return opened
        if is_secretariat(user):
            return Q(pk__isnull=False)
        # A subquery, not a join: the join on moderators would repeat rows.
        moderated = DiscussionSpace.moderators.through.objects.filter(user=user)
        return (
            opened
            | Q(organisation__in=user.organisation_ids)
            | Q(pk__in=moderated.values("discussionspace"))
        )

    def can(self, user, action, space) -> bool:
        if action == "view":
            return (
                space.opens_at <= timezone.now()
                or is_secretariat(user)
                or (user.is_authenticated and space.organisation_id in user.organisation_ids)
                or moderates(user, space)
            )
        if action == "change":
            return hosts(user, space) or is_secretariat(user)
        if action == "close":
            return space.summary_published_at is None and (
                moderates(user, space) or hosts(user, space)
            )
        return False


register_policy(DiscussionSpace, DiscussionSpacePolicy())
