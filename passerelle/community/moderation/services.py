"""Writes: reports (content is hidden pending review at the threshold), decisions, sanctions and
appeals. Every write is audited with its reason, on the case (case and appeal actions) or on the
user (sanctions), and notifications follow from those entries (notification_types.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.models import User
from passerelle.core.audit import log_action

from .. import registry, trust
from .. import services as community_services
from ..choices import (
    OPEN_CASE_STATUSES,
    AppealStatus,
    CaseStatus,
    ModerationStatus,
    SanctionKind,
)
from ..models import Appeal, Comment, ModerationCase, Report, Sanction
from ..permissions import is_platform_moderator
from .content import author_of, case_content
from .policies import APPEALABLE_STATUSES, can_moderate

SANCTION_ACTIONS = {
    SanctionKind.WARNING: "community.user.warned",
    SanctionKind.SUSPENSION: "community.user.suspended",
    SanctionKind.BAN: "community.user.banned",
}


def reports_to_hide() -> int:
    """Read at call time, so that an environment variable or a test's override applies."""
    return settings.COMMUNITY["REPORTS_TO_HIDE"]


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
    content = community_services.comment_edit(
        actor=actor, comment=content, body=body, moderator_note=reason
    )
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
        community_services.comment_edit(
            actor=actor, comment=comment, body=revision.body, moderator_note=note
        )


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
