"""The one permission door.

Every model that users read or change registers a `Policy`. Reads of user-supplied ids go through
`visible_to(user)` (a queryset filter) or `get_visible_or_404`; writes ask `user_can(user, action,
obj)` or `require(user, action, obj)`. A model without a policy is invisible and unchangeable:
deny by default (Decidim's lesson, NetBox's RestrictedQuerySet).

The door needs two facts about a user, which the accounts app provides on its User model:
`organisation_ids` (the organisations the user belongs to, with roles) and `is_secretariat`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

NOTHING = Q(pk__in=[])


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Private — owner only")
    SHARED = "shared", _("Shared — owner, named partners and the secretariat")
    PUBLIC = "public", _("Public")


class Policy:
    """Who may read a model's rows and what they may do with one. Grants nothing by itself."""

    def visible_q(self, user) -> Q:
        return NOTHING

    def can(self, user, action: str, obj: Any) -> bool:
        return False


class PublicReadPolicy(Policy):
    """Reference data: everyone reads, only the admin (Django admin) writes."""

    def visible_q(self, user) -> Q:
        return Q()

    def can(self, user, action: str, obj: Any) -> bool:
        return action == "view"


def owned_visibility_q(user, *, owner: str = "owner", partners: str = "shared_with") -> Q:
    """Rows of an owned model that `user` may read, following ARCHITECTURE.md:
    private → owner only; shared → owner, named partners and the secretariat; public → all."""
    public = Q(visibility=Visibility.PUBLIC)
    if not user.is_authenticated:
        return public
    org_ids = user.organisation_ids
    visible = public | Q(**{f"{owner}__in": org_ids})
    visible |= Q(visibility=Visibility.SHARED, **{f"{partners}__in": org_ids})
    if is_secretariat(user):
        visible |= Q(visibility=Visibility.SHARED)
    return visible


def is_secretariat(user) -> bool:
    return user.is_authenticated and user.is_secretariat


_policies: dict[type[models.Model], Policy] = {}


def register_policy(model: type[models.Model], policy: Policy) -> None:
    _policies[model] = policy


def policy_for(model: type[models.Model]) -> Policy:
    return _policies.get(model, Policy())


def user_can(user, action: str, obj: models.Model) -> bool:
    return policy_for(type(obj)).can(user, action, obj)


def require(user, action: str, obj: models.Model) -> None:
    """For an object already fetched through the door (so visible): 403 unless allowed."""
    if not user_can(user, action, obj):
        raise PermissionDenied


class RestrictedQuerySet(models.QuerySet):
    def visible_to(self, user) -> RestrictedQuerySet:
        return self.filter(policy_for(self.model).visible_q(user))


def get_visible_or_404(queryset: models.QuerySet, user, **lookup) -> Any:
    """Fetch one row by user-supplied lookups; 404 if missing *or* not visible to the user, so
    that a private object's existence is not revealed."""
    queryset = queryset.filter(policy_for(queryset.model).visible_q(user)).distinct()
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
