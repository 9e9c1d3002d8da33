"""Reports and moderation: who moderates what, the moderation policies, the reads behind the
queue and the case page, and every write (report, decide, sanction, appeal).

A piece of content has at most one open case (a partial unique constraint). Reports accumulate
on it; at settings.COMMUNITY["REPORTS_TO_HIDE"] the content is hidden pending review, and every
listing of it drops it (they filter on `moderation_status`). Moderators are the platform's
(secretariat, `is_platform_moderator`) and each discussion space's own (`space_moderation_q`):
space moderators decide on content in their spaces and may warn; suspensions, bans, lifting them
and appeals are the platform moderators'. Every write is audited with its reason, on the case
(case and appeal actions) or on the user (sanctions), and notifications follow from those
entries (notification_types.py).
"""

from __future__ import annotations

import html
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import CharField, F, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.core.audit import log_action
from passerelle.core.models import AuditEntry
from passerelle.core.permissions import NOTHING, Policy, get_visible_or_404, register_policy

from . import registry, services, trust
from .choices import (
    OPEN_CASE_STATUSES,
    AppealStatus,
    CaseStatus,
    ModerationStatus,
    SanctionKind,
)
from .models import Appeal, Comment, GenericTarget, ModerationCase, Report, Sanction
from .permissions import is_platform_moderator, may_moderate_discussion, space_moderation_q

EXCERPT_LENGTH = 140
APPEALABLE_STATUSES = (CaseStatus.HIDDEN, CaseStatus.EDITED)
SANCTION_ACTIONS = {
    SanctionKind.WARNING: "community.user.warned",
    SanctionKind.SUSPENSION: "community.user.suspended",
    SanctionKind.BAN: "community.user.banned",
}


def reports_to_hide() -> int:
    """Read at call time, so that an environment variable or a test's override applies."""
    return settings.COMMUNITY["REPORTS_TO_HIDE"]


# --- the reported content ---------------------------------------------------------------------


def case_content(case: ModerationCase):
    """The reported object, hidden or not: the generic foreign key reads through the base
    manager, because moderators must see what they judge. None if it was erased."""
    return case.target


def author_of(content) -> User | None:
    return getattr(content, registry.reportable_for(type(content)).author_field)


def space_of(content):
    """The object whose discussion `content` belongs to (a comment's target)."""
    reportable = registry.reportable_for(type(content))
    return reportable.space_of(content) if reportable else None


def content_excerpt(content) -> str:
    """Plain text for tables, notifications and e-mails: never markup, at most 140 characters."""
    if content is None:
        return ""
    if isinstance(content, Comment):
        text = html.unescape(strip_tags(content.body_html))
    else:
        text = str(content)
    return Truncator(" ".join(text.split())).chars(EXCERPT_LENGTH)


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


# --- reads ------------------------------------------------------------------------------------


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


# --- writes: reports --------------------------------------------------------------------------


def _required(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _reportable(content) -> registry.Reportable:
    reportable = registry.reportable_for(type(content))
    if reportable is None:
        raise ValidationError(_("This content cannot be reported."), code="not_reportable")
    return reportable


def _open_case_locked(content, *, author) -> ModerationCase:
    """The content's open case, row-locked; created if there is none. Two first reports at once
    both try to create it: the partial unique constraint refuses the second, which then locks
    the first one's case (read committed sees the committed row)."""
    lookup = {
        "content_type": registry.content_type_of(content),
        "object_id": str(content.pk),
    }
    for attempt in range(2):
        try:
            return ModerationCase.objects.select_for_update().get(
                status__in=OPEN_CASE_STATUSES, **lookup
            )
        except ModerationCase.DoesNotExist:
            pass
        try:
            with transaction.atomic():
                return ModerationCase.objects.create(author=author, **lookup)
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _lock_content(content):
    return type(content)._base_manager.select_for_update().get(pk=content.pk)


def _set_moderation_status(content, status: str) -> None:
    # Only the status: a moderation decision is not an edit (`updated` stays as the author left
    # it).
    content.moderation_status = status
    content.save(update_fields=["moderation_status"])


@transaction.atomic
def report_create(*, actor, content, reason: str, details: str = "") -> Report:
    """Report `content` (already fetched through the door, so visible to `actor`). `details` is
    stored exactly as written and always shown escaped."""
    if not actor.is_authenticated or not actor.is_active:
        raise PermissionDenied
    _reportable(content)
    trust.check_may_take_part(actor)
    author = author_of(content)
    if author is not None and author.pk == actor.pk:
        raise ValidationError(_("You cannot report your own content."), code="own")
    ct = registry.content_type_of(content)
    already = Report.objects.filter(
        reporter=actor, case__content_type=ct, case__object_id=str(content.pk)
    )
    if already.exists():
        raise ValidationError(_("You have already reported this content."), code="already")
    case = _open_case_locked(content, author=author)
    report = Report(case=case, reporter=actor, reason=reason, details=details)
    report.full_clean(exclude=["case", "reporter"], validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as exc:
        raise ValidationError(_("You have already reported this content."), code="already") from exc
    ModerationCase.objects.filter(pk=case.pk).update(report_count=F("report_count") + 1)
    case.refresh_from_db(fields=["report_count"])
    log_action(
        actor, case, "community.case.reported", {"reason": reason, "reports": case.report_count}
    )
    if case.report_count >= reports_to_hide():
        _hide_pending_review(case, content)
    return report


def _hide_pending_review(case: ModerationCase, content) -> None:
    """The threshold is reached: hide the content until a moderator decides. Logged without an
    actor: the platform hides it, and the last reporter must not be named to the author."""
    content = _lock_content(content)
    if content.moderation_status != ModerationStatus.VISIBLE:
        return
    _set_moderation_status(content, ModerationStatus.PENDING_REVIEW)
    case.status = CaseStatus.PENDING_REVIEW
    case.hidden_at = timezone.now()
    case.save(update_fields=["status", "hidden_at", "updated"])
    log_action(None, case, "community.case.auto_hidden", {"reports": case.report_count})


# --- writes: decisions ------------------------------------------------------------------------


def _lock_case(case: ModerationCase) -> ModerationCase:
    return ModerationCase.objects.select_for_update().get(pk=case.pk)


def _check_may_decide(actor, case: ModerationCase, content) -> None:
    if not can_moderate(actor, content):
        raise PermissionDenied
    if content is None:
        raise ValidationError(_("The reported content no longer exists."), code="gone")
    if not case.is_open:
        raise ValidationError(_("This case has already been decided."), code="decided")
    if case.author_id == actor.pk:
        raise ValidationError(
            _("You cannot decide on your own content; another moderator will."), code="own"
        )


def _reason(reason: str) -> str:
    return _required(
        reason, field="reason", message=_("Give the reason for this decision: the author reads it.")
    )


def _close(case: ModerationCase, *, actor, status: str, reason: str) -> ModerationCase:
    case.status = status
    case.decided_by = actor
    case.decided_at = timezone.now()
    case.decision_reason = reason
    case.full_clean()
    case.save()
    log_action(actor, case, "community.case.decided", {"decision": status, "reason": reason})
    return case


def _decide(*, actor, case, reason: str, status: str, content_status: str) -> ModerationCase:
    case = _lock_case(case)
    content = case_content(case)
    _check_may_decide(actor, case, content)
    reason = _reason(reason)
    _set_moderation_status(_lock_content(content), content_status)
    if content_status != ModerationStatus.VISIBLE and case.hidden_at is None:
        case.hidden_at = timezone.now()
    return _close(case, actor=actor, status=status, reason=reason)


@transaction.atomic
def decide_hide(*, actor, case: ModerationCase, reason: str) -> ModerationCase:
    return _decide(
        actor=actor,
        case=case,
        reason=reason,
        status=CaseStatus.HIDDEN,
        content_status=ModerationStatus.HIDDEN,
    )


@transaction.atomic
def decide_restore(*, actor, case: ModerationCase, reason: str) -> ModerationCase:
    """The reports are unfounded: the content is shown again (or simply stays)."""
    return _decide(
        actor=actor,
        case=case,
        reason=reason,
        status=CaseStatus.RESTORED,
        content_status=ModerationStatus.VISIBLE,
    )


@transaction.atomic
def decide_edit(*, actor, case: ModerationCase, body: str, reason: str) -> ModerationCase:
    """Fix the comment rather than hide it: the reason is the note readers see under it, and the
    previous text is kept as a revision (services.comment_edit)."""
    case = _lock_case(case)
    content = case_content(case)
    _check_may_decide(actor, case, content)
    reason = _reason(reason)
    if not isinstance(content, Comment) or content.is_deleted:
        raise ValidationError(_("Only a comment can be edited by a moderator."), code="edit")
    content = services.comment_edit(actor=actor, comment=content, body=body, moderator_note=reason)
    _set_moderation_status(content, ModerationStatus.VISIBLE)
    return _close(case, actor=actor, status=CaseStatus.EDITED, reason=reason)


@transaction.atomic
def content_hide(*, actor, content, reason: str) -> ModerationCase:
    """A moderator hides content nobody (or not enough people) reported: the open case, or a
    new one, is decided at once."""
    _reportable(content)
    if not can_moderate(actor, content):
        raise PermissionDenied
    case = _open_case_locked(content, author=author_of(content))
    return decide_hide(actor=actor, case=case, reason=reason)


# --- writes: sanctions ------------------------------------------------------------------------


def may_sanction(actor, kind: str, case: ModerationCase | None) -> bool:
    """Platform moderators: every sanction. Space moderators: a warning, about a case in their
    space."""
    if is_platform_moderator(actor):
        return True
    return (
        kind == SanctionKind.WARNING
        and case is not None
        and can_moderate(actor, case_content(case))
    )


def _check_until(kind: str, until):
    if kind != SanctionKind.SUSPENSION:
        return None
    if until is None:
        raise ValidationError({"until": _("Say until when the suspension lasts.")})
    if until <= timezone.now():
        raise ValidationError({"until": _("The end of a suspension must be in the future.")})
    return until


@transaction.atomic
def sanction_create(
    *, actor, user: User, kind: str, reason: str, until=None, case: ModerationCase | None = None
) -> Sanction:
    if kind not in SanctionKind.values:
        raise ValidationError({"kind": _("Choose a warning, a suspension or a ban.")})
    if not may_sanction(actor, kind, case):
        raise PermissionDenied
    if user.pk == actor.pk:
        raise ValidationError(_("You cannot sanction yourself."), code="self")
    if case is not None and case.author_id != user.pk:
        raise ValidationError(_("A sanction must be about the author of the case."), code="case")
    reason = _required(
        reason, field="reason", message=_("Give the reason for the sanction: the person reads it.")
    )
    sanction = Sanction(
        user=user,
        kind=kind,
        reason=reason,
        until=_check_until(kind, until),
        case=case,
        created_by=actor,
    )
    sanction.full_clean()
    sanction.save()
    log_action(
        actor,
        user,
        SANCTION_ACTIONS[kind],
        {
            "reason": reason,
            "until": sanction.until,
            "case": case.pk if case else None,
            "sanction": sanction.pk,
        },
    )
    return sanction


@transaction.atomic
def sanction_lift(*, actor, sanction: Sanction, reason: str) -> Sanction:
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if not is_platform_moderator(actor):
        raise PermissionDenied
    if sanction.lifted_at is not None:
        raise ValidationError(_("This sanction was already lifted."), code="lifted")
    reason = _required(reason, field="reason", message=_("Say why the sanction is lifted."))
    sanction.lifted_at = timezone.now()
    sanction.save(update_fields=["lifted_at"])
    log_action(
        actor,
        sanction.user,
        "community.user.sanction_lifted",
        {
            "reason": reason,
            "kind": sanction.kind,
            "case": sanction.case_id,
            "sanction": sanction.pk,
        },
    )
    return sanction


# --- writes: appeals --------------------------------------------------------------------------


@transaction.atomic
def appeal_create(*, actor, case: ModerationCase, text: str) -> Appeal:
    """The author contests a decision that hid or changed their content, once per case (the
    one-to-one on the case keeps it to one, even for two submissions at once)."""
    case = _lock_case(case)
    if not actor.is_authenticated or case.author_id != actor.pk:
        raise PermissionDenied
    if case.status not in APPEALABLE_STATUSES:
        raise ValidationError(
            _("Only a decision that hid or edited your content can be appealed."),
            code="not_appealable",
        )
    text = _required(text, field="text", message=_("Say why the decision should change."))
    appeal = Appeal(case=case, appellant=actor, text=text)
    appeal.full_clean(exclude=["case"])
    try:
        with transaction.atomic():
            appeal.save()
    except IntegrityError as exc:
        raise ValidationError(
            _("You have already appealed this decision; an appeal can be made only once."),
            code="already",
        ) from exc
    log_action(actor, case, "community.appeal.submitted", {"appeal": appeal.pk})
    return appeal


def _revert_moderator_edit(*, actor, comment: Comment, note: str) -> None:
    """An appeal against an edit is granted: the author's text comes back (as a new revision,
    so that the history shows both the edit and its reversal)."""
    revision = comment.revisions.exclude(moderator_note="").first()
    if revision is not None:
        services.comment_edit(actor=actor, comment=comment, body=revision.body, moderator_note=note)


@transaction.atomic
def appeal_decide(*, actor, appeal: Appeal, grant: bool, note: str) -> Appeal:
    """Granted: the content is shown again as its author wrote it and the case becomes
    RESTORED. Rejected: the decision stands. Either way the author reads the note."""
    if not is_platform_moderator(actor):
        raise PermissionDenied
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status != AppealStatus.PENDING:
        raise ValidationError(_("This appeal has already been decided."), code="decided")
    if appeal.appellant_id == actor.pk:
        raise ValidationError(_("You cannot decide on your own appeal."), code="own")
    note = _required(note, field="note", message=_("Explain the decision: the author reads it."))
    if grant:
        _grant(actor=actor, case=appeal.case, note=note)
    appeal.status = AppealStatus.GRANTED if grant else AppealStatus.REJECTED
    appeal.decided_by = actor
    appeal.decided_at = timezone.now()
    appeal.decision_note = note
    appeal.full_clean(exclude=["case"])
    appeal.save()
    log_action(
        actor,
        appeal.case,
        "community.appeal.decided",
        {"decision": appeal.status, "reason": note, "appeal": appeal.pk},
    )
    return appeal


def _grant(*, actor, case: ModerationCase, note: str) -> None:
    case = _lock_case(case)
    content = case_content(case)
    if content is not None:
        if case.status == CaseStatus.EDITED and isinstance(content, Comment):
            _revert_moderator_edit(actor=actor, comment=content, note=note)
        _set_moderation_status(_lock_content(content), ModerationStatus.VISIBLE)
    case.status = CaseStatus.RESTORED
    case.decided_by = actor
    case.decided_at = timezone.now()
    case.decision_reason = note
    case.save(update_fields=["status", "decided_by", "decided_at", "decision_reason", "updated"])
