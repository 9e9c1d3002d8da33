"""Writes after an event: the closing report its organisers publish (a summary and one per
session), and the outcomes heard (recommendations and commitments) tracked with an owner and a
deadline, each of which may be turned into one follow-up in another module: a pledge, a request
for support or a call for practices. The other module's own service creates the follow-up and
checks its own permissions; the link is written in the same transaction, so a refusal leaves
nothing behind. Every change is audited under `events.report.*` and `events.outcome.*`.

Problems are reported all at once, by field, before anything is written.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.audit import log_action
from passerelle.core.permissions import require
from passerelle.hub.services.requests import RequestData, request_create
from passerelle.knowledge.services.calls import CallData, call_create
from passerelle.pledges.services import PledgeData, pledge_create

from ..choices import OutcomeKind, OutcomeStatus
from ..models import AgendaItem, ClosingReport, Event, Outcome, SessionSummary
from ..permissions import organises
from ..permissions_outcomes import may_follow_up

SUMMARY_LIMIT = ClosingReport._meta.get_field("summary").max_length
SESSION_LIMIT = SessionSummary._meta.get_field("text").max_length
TEXT_LIMIT = Outcome._meta.get_field("text").max_length

# The follow-up targets: the outcome's field that links each.
FOLLOW_UPS = {"pledge": "pledge", "request": "support_request", "call": "practice_call"}


@dataclass
class OutcomeData:
    kind: str
    text: str
    item: AgendaItem | None = None
    owner: object = None  # an accounts.Organisation
    deadline: datetime.date | None = None
    status: str = OutcomeStatus.OPEN


# The closing report ------------------------------------------------------------------------------


def report_save(*, actor, event: Event, summary: str, session_summaries: dict) -> ClosingReport:
    """Write the report (a draft until published; a published one changes in place). The
    sessions are given as {agenda item pk: text}; an empty text removes that session's
    summary."""
    if not organises(actor, event):
        raise PermissionDenied
    errors = {}
    summary = (summary or "").strip()
    if len(summary) > SUMMARY_LIMIT:
        errors["summary"] = _("Keep the summary under %(limit)d characters.") % {
            "limit": SUMMARY_LIMIT
        }
    texts = {}
    for key, text in session_summaries.items():
        try:
            texts[int(getattr(key, "pk", key))] = (text or "").strip()
        except (TypeError, ValueError):
            errors["session_summaries"] = _("Summarise only the sessions of this event.")
    items = AgendaItem.objects.filter(event=event, pk__in=list(texts)).in_bulk()
    if set(texts) - set(items):
        errors["session_summaries"] = _("Summarise only the sessions of this event.")
    for pk, text in texts.items():
        if len(text) > SESSION_LIMIT:
            errors[f"session_{pk}"] = _(
                "Keep the summary of a session under %(limit)d characters."
            ) % {"limit": SESSION_LIMIT}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report, created = ClosingReport.objects.select_for_update().get_or_create(
            event=event, defaults={"summary": summary, "written_by": actor}
        )
        if not created:
            report.summary = summary
            report.written_by = actor
            report.save(update_fields=["summary", "written_by", "updated"])
        kept = {pk: text for pk, text in texts.items() if text}
        SessionSummary.objects.filter(report=report, item__in=set(texts) - set(kept)).delete()
        for pk, text in kept.items():
            SessionSummary.objects.update_or_create(
                report=report, item=items[pk], defaults={"text": text}
            )
        log_action(
            actor,
            report,
            "events.report.saved",
            {"event": event.slug, "sessions": sorted(kept), "created": created},
        )
    return report


def report_publish(*, actor, report: ClosingReport) -> ClosingReport:
    """Publish the report: everyone reads it, and the outcomes with it, from now on."""
    with transaction.atomic():
        report = ClosingReport.objects.select_for_update().select_related("event").get(pk=report.pk)
        require(actor, "publish", report)
        if not report.summary.strip():
            raise ValidationError({"summary": _("Write the summary before publishing.")})
        if report.published_at is None:
            report.published_at = timezone.now()
            report.save(update_fields=["published_at", "updated"])
            log_action(actor, report, "events.report.published", {"event": report.event.slug})
    return report


# Outcomes ----------------------------------------------------------------------------------------


def _clean_outcome(event: Event, data: OutcomeData) -> dict:
    errors = {}
    if data.kind not in OutcomeKind.values:
        errors["kind"] = _("Choose a recommendation or a commitment.")
    text = (data.text or "").strip()
    if not text:
        errors["text"] = _("Write the recommendation or commitment heard.")
    elif len(text) > TEXT_LIMIT:
        errors["text"] = _("Keep the text under %(limit)d characters.") % {"limit": TEXT_LIMIT}
    if data.item is not None and data.item.event_id != event.pk:
        errors["item"] = _("Choose a session of this event.")
    if data.status not in OutcomeStatus.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)
    return {
        "kind": data.kind,
        "text": text,
        "item": data.item,
        "owner": data.owner,
        "deadline": data.deadline,
        "status": data.status,
    }


def outcome_create(*, actor, event: Event, data: OutcomeData) -> Outcome:
    if not organises(actor, event):
        raise PermissionDenied
    fields = _clean_outcome(event, data)
    with transaction.atomic():
        outcome = Outcome.objects.create(
            event=event, created_by=actor, is_demo=event.is_demo, **fields
        )
        log_action(actor, outcome, "events.outcome.created", _audit_data(outcome))
    return outcome


def outcome_update(*, actor, outcome: Outcome, data: OutcomeData) -> Outcome:
    with transaction.atomic():
        outcome = Outcome.objects.select_for_update().select_related("event").get(pk=outcome.pk)
        require(actor, "change", outcome)
        for name, value in _clean_outcome(outcome.event, data).items():
            setattr(outcome, name, value)
        outcome.save()
        log_action(actor, outcome, "events.outcome.updated", _audit_data(outcome))
    return outcome


def outcome_set_status(*, actor, outcome: Outcome, status: str) -> Outcome:
    if status not in OutcomeStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    with transaction.atomic():
        outcome = Outcome.objects.select_for_update().select_related("event").get(pk=outcome.pk)
        require(actor, "change", outcome)
        outcome.status = status
        outcome.save(update_fields=["status", "updated"])
        log_action(actor, outcome, "events.outcome.updated", {"status": status})
    return outcome


def _audit_data(outcome: Outcome) -> dict:
    return {
        "event": outcome.event.slug,
        "kind": outcome.kind,
        "item": outcome.item_id,
        "owner": outcome.owner_id,
        "deadline": outcome.deadline,
        "status": outcome.status,
    }


# Follow-ups in the other modules -----------------------------------------------------------------


def follow_up_of(outcome: Outcome):
    """The pledge, request or call the outcome was turned into, or None."""
    return outcome.pledge or outcome.support_request or outcome.practice_call


def outcome_to_pledge(*, actor, outcome: Outcome, data: PledgeData):
    """A draft pledge of the owner organisation (its editors only: the pledges service says)."""
    return _follow_up(
        actor,
        outcome,
        "pledge",
        lambda locked: pledge_create(actor=actor, organisation=locked.owner, data=data),
    )


def outcome_to_request(*, actor, outcome: Outcome, data: RequestData):
    """A draft request for support of the owner organisation (its editors only: the hub's
    service says)."""
    return _follow_up(
        actor,
        outcome,
        "request",
        lambda locked: request_create(actor=actor, organisation=locked.owner, data=data),
    )


def outcome_to_practice_call(*, actor, outcome: Outcome, data: CallData):
    """A call for practices (curators only: the knowledge service says)."""
    return _follow_up(actor, outcome, "call", lambda locked: call_create(actor=actor, data=data))


def _follow_up(actor, outcome: Outcome, target: str, create: Callable):
    with transaction.atomic():
        # Locked: two follow-ups posted at once cannot both pass the check below.
        locked = (
            Outcome.objects.select_for_update(of=("self",))
            .select_related("event", "owner")
            .get(pk=outcome.pk)
        )
        if not may_follow_up(actor, locked):
            raise PermissionDenied
        if locked.pledge_id or locked.support_request_id or locked.practice_call_id:
            raise ValidationError(_("This outcome is already followed up."))
        if target in ("pledge", "request") and locked.owner is None:
            raise ValidationError(
                {"owner": _("Name the organisation that owns the outcome first.")}
            )
        created = create(locked)
        field = FOLLOW_UPS[target]
        setattr(locked, field, created)
        locked.save(update_fields=[field, "updated"])
        log_action(
            actor,
            locked,
            "events.outcome.followed_up",
            {"target": target, "id": created.pk, "event": locked.event.slug},
        )
    setattr(outcome, field, created)
    return created
