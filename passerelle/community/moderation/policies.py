"""Who moderates what, and the policies of cases, reports, sanctions and appeals (registered
with the core permission door when this module is imported).

Moderators are the platform's (secretariat, `is_platform_moderator`) and each discussion space's
own (`space_moderation_q`): space moderators decide on content in their spaces and may warn;
suspensions, bans, lifting them and appeals are the platform moderators'.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.core.permissions import NOTHING, Policy, register_policy

from .. import registry
from ..choices import AppealStatus, CaseStatus
from ..models import Appeal, GenericTarget, ModerationCase, Report, Sanction
from ..permissions import is_platform_moderator, may_moderate_discussion, space_moderation_q
from .content import case_content, space_of

APPEALABLE_STATUSES = (CaseStatus.HIDDEN, CaseStatus.EDITED)


# --- who moderates what -----------------------------------------------------------------------


def can_moderate(user, content) -> bool:
    """Platform moderators moderate everything; a space moderator the content in their space."""
    if is_platform_moderator(user):
        return True
    space = space_of(content) if content is not None else None
    return space is not None and may_moderate_discussion(user, space)


def _moderated_spaces(user) -> list[tuple[object, QuerySet]]:
    """(content type, queryset of objects) for each kind of space `user` moderates."""
    spaces = []
    for entry in registry.commentables():
        rule = space_moderation_q(entry, user)
        if rule != NOTHING:
            objects = entry.model._default_manager.filter(rule)
            spaces.append((registry.content_type_of(entry.model), objects))
    return spaces


def _as_text_keys(queryset: QuerySet) -> QuerySet:
    # Generic object ids are text (like the audit trail's); compare them with text keys.
    return queryset.annotate(_key=Cast("pk", CharField())).values("_key")


def reportable_models() -> list[type]:
    return [model for model in apps.get_models() if registry.reportable_for(model)]


def space_cases_q(user) -> Q:
    """Q over ModerationCase: the cases about content in the spaces `user` moderates, as one SQL
    query with subqueries however many spaces. Content whose space is its generic target (a
    comment) is covered; a reportable model of another shape reaches platform moderators only."""
    spaces = _moderated_spaces(user)
    if not spaces:
        return NOTHING
    in_spaces = reduce(
        or_,
        (Q(content_type=ct, object_id__in=_as_text_keys(objects)) for ct, objects in spaces),
    )
    cases = NOTHING
    for model in reportable_models():
        if issubclass(model, GenericTarget):
            content = model._base_manager.filter(in_spaces)
            cases |= Q(
                content_type=registry.content_type_of(model), object_id__in=_as_text_keys(content)
            )
    return cases


def is_moderator(user) -> bool:
    """Platform moderator, or moderator of at least one discussion space (the queue's door)."""
    if is_platform_moderator(user):
        return True
    return any(objects.exists() for _ct, objects in _moderated_spaces(user))


def moderated_cases_q(user) -> Q:
    return Q() if is_platform_moderator(user) else space_cases_q(user)


def platform_moderators() -> QuerySet[User]:
    return User.objects.filter(Q(is_moderator=True) | Q(is_superuser=True), is_active=True)


def space_moderators(space) -> QuerySet[User]:
    """The space moderators of `space`, where the registry's rule reads backwards: the owning
    organisation's administrators. A custom `space_moderators_q` (user → objects) cannot be
    inverted; such spaces are left to the platform moderators' notifications."""
    entry = registry.commentable_for(type(space)) if space is not None else None
    if entry is None or entry.space_moderators_q or not entry.owner_field:
        return User.objects.none()
    owners = type(space)._default_manager.filter(pk=space.pk).values(entry.owner_field)
    return User.objects.filter(
        is_active=True,
        memberships__role=MembershipRole.ADMIN,
        memberships__organisation__in=owners,
    ).distinct()


# --- policies ---------------------------------------------------------------------------------


class ModerationCasePolicy(Policy):
    """Moderators see the cases they may decide; an author sees the cases that hid or changed
    their content (not the open ones: reports below the threshold are the moderators' only)."""

    def visible_q(self, user) -> Q:
        if is_platform_moderator(user):
            return Q()  # not ORed: Q() | other is just other
        if not user.is_authenticated:
            return NOTHING
        return space_cases_q(user) | (Q(author=user) & ~Q(status=CaseStatus.OPEN))

    def can(self, user, action, case) -> bool:
        if not user.is_authenticated:
            return False
        if action == "moderate":
            return can_moderate(user, case_content(case))
        if action == "view":
            is_author = case.author_id == user.pk and case.status != CaseStatus.OPEN
            return is_author or can_moderate(user, case_content(case))
        if action == "appeal":
            return (
                case.author_id == user.pk
                and case.status in APPEALABLE_STATUSES
                and not Appeal.objects.filter(case=case).exists()
            )
        return False


class ReportPolicy(Policy):
    """Reports are read by the moderators of the content only (never by its author)."""

    def visible_q(self, user) -> Q:
        if is_platform_moderator(user):
            return Q()
        return Q(case__in=ModerationCase.objects.filter(space_cases_q(user)))

    def can(self, user, action, report) -> bool:
        return action == "view" and can_moderate(user, case_content(report.case))


class SanctionPolicy(Policy):
    def visible_q(self, user) -> Q:
        if is_platform_moderator(user):
            return Q()
        return Q(user=user) | Q(created_by=user) if user.is_authenticated else NOTHING

    def can(self, user, action, sanction) -> bool:
        if action == "view":
            return is_platform_moderator(user) or sanction.user_id == user.pk
        if action == "lift":
            return is_platform_moderator(user) and sanction.lifted_at is None
        return False


class AppealPolicy(Policy):
    def visible_q(self, user) -> Q:
        if is_platform_moderator(user):
            return Q()
        return Q(appellant=user) if user.is_authenticated else NOTHING

    def can(self, user, action, appeal) -> bool:
        if action == "view":
            return is_platform_moderator(user) or appeal.appellant_id == user.pk
        if action == "decide":
            return is_platform_moderator(user) and appeal.status == AppealStatus.PENDING
        return False


register_policy(ModerationCase, ModerationCasePolicy())
register_policy(Report, ReportPolicy())
register_policy(Sanction, SanctionPolicy())
register_policy(Appeal, AppealPolicy())
