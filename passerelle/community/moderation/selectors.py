"""Reads: the moderation queue and its count, pending appeals, a case and what a moderator needs
to decide on it, and an author's own cases and sanctions."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from passerelle.accounts.models import User
from passerelle.core.models import AuditEntry
from passerelle.core.permissions import get_visible_or_404

from .. import registry
from ..choices import OPEN_CASE_STATUSES, AppealStatus, CaseStatus
from ..models import Appeal, Comment, GenericTarget, ModerationCase, Report, Sanction
from ..permissions import is_platform_moderator
from .content import content_excerpt, space_of
from .policies import moderated_cases_q


def attach_content(cases) -> list[ModerationCase]:
    """Fetch each case's content and the space it sits in with one query per model, not per
    case; then `case.content`, `case.space` and `case.excerpt` cost nothing."""
    cases = list(cases)
    prefetch_related_objects(cases, "target")
    contents = [case.target for case in cases if isinstance(case.target, GenericTarget)]
    prefetch_related_objects(contents, "target")
    for case in cases:
        case.content = case.target
        case.space = space_of(case.content) if case.content is not None else None
        case.excerpt = content_excerpt(case.content)
    return cases


def moderation_queue(*, user, status: str | None = None) -> QuerySet[ModerationCase]:
    """The cases `user` decides on (the caller has checked `is_moderator`); open ones unless
    `status` asks for another."""
    statuses = [status] if status else list(OPEN_CASE_STATUSES)
    return (
        ModerationCase.objects.filter(moderated_cases_q(user), status__in=statuses)
        .select_related("author", "content_type", "appeal")
        .prefetch_related(Prefetch("reports", queryset=Report.objects.order_by("created")))
        .order_by("created", "id")
    )


def open_case_count(*, user) -> int:
    return ModerationCase.objects.filter(
        moderated_cases_q(user), status__in=OPEN_CASE_STATUSES
    ).count()


def appeal_queue(*, user) -> QuerySet[Appeal]:
    """Pending appeals: the platform moderators' (an appeal may contest a space moderator)."""
    if not is_platform_moderator(user):
        return Appeal.objects.none()
    return (
        Appeal.objects.filter(status=AppealStatus.PENDING)
        .select_related("case__content_type", "case__decided_by", "appellant")
        .order_by("created", "id")
    )


def case_get(*, user, pk: int) -> ModerationCase:
    return get_visible_or_404(
        ModerationCase.objects.select_related("author", "decided_by", "content_type"),
        user,
        pk=pk,
    )


def case_audit_trail(case: ModerationCase) -> QuerySet[AuditEntry]:
    """The case's own entries and the sanctions that cite it (logged on the user)."""
    on_case = Q(content_type=registry.content_type_of(ModerationCase), object_id=str(case.pk))
    sanctions = Q(
        content_type=registry.content_type_of(User),
        object_id=str(case.author_id),
        action__startswith="community.user.",
        data__case=case.pk,
    )
    return AuditEntry.objects.filter(on_case | sanctions).select_related("actor")


def case_context(*, user, case: ModerationCase) -> dict:
    """What a moderator needs to decide: the content and its discussion, every report, the
    author's history. Reporters are named to platform moderators only, so that a space's own
    moderators cannot single out who reported in their space."""
    (case,) = attach_content([case])
    content = case.content
    appeal = Appeal.objects.filter(case=case).select_related("appellant", "decided_by").first()
    previous = ModerationCase.objects.none()
    sanctions = Sanction.objects.none()
    if case.author_id:
        previous = (
            # Only cases this moderator could open: a space moderator does not learn of the
            # author's cases in other spaces.
            ModerationCase.objects.filter(moderated_cases_q(user), author_id=case.author_id)
            .exclude(pk=case.pk)
            .select_related("content_type")
            .order_by("-created")
        )
        sanctions = Sanction.objects.filter(user_id=case.author_id).select_related("created_by")
    return {
        "case": case,
        "content": content,
        "parent": getattr(content, "parent", None),
        "space": case.space,
        "reports": case.reports.select_related("reporter").order_by("created"),
        "show_reporters": is_platform_moderator(user),
        "previous_cases": previous,
        "sanctions": sanctions,
        "appeal": appeal,
        "audit_entries": case_audit_trail(case),
        "is_platform_moderator": is_platform_moderator(user),
        "content_is_comment": isinstance(content, Comment),
        "may_edit": isinstance(content, Comment) and not content.is_deleted,
    }


def cases_of_author(*, user) -> QuerySet[ModerationCase]:
    """ "My moderation cases": decisions about the user's content (and content hidden pending
    review), never cases still open below the threshold."""
    return (
        ModerationCase.objects.filter(author=user)
        .exclude(status=CaseStatus.OPEN)
        .select_related("content_type", "appeal")
        .order_by("-updated", "-id")
    )


def sanctions_of(*, user) -> QuerySet[Sanction]:
    return Sanction.objects.filter(user=user)
