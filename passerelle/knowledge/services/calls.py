"""Calls for practices, written and opened by curators; the daily sweep closes those past their
deadline. Audited under `knowledge.practicecall.*`."""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core import search
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..choices import CallStatus
from ..models import PracticeCall
from ..permissions import is_curator

OWN_CRITERIA_LIMIT = 10


@dataclass
class CallData:
    title: str
    theme: str
    description: str
    eligibility: str
    deadline: datetime
    contact: str
    language: str
    own_criteria: list[str] = field(default_factory=list)
    capacity_areas: list = field(default_factory=list)
    gcm_objectives: list = field(default_factory=list)


def _clean(data: CallData) -> dict:
    errors = {}
    for name, message in (
        ("title", _("Give the call a title.")),
        ("theme", _("Name the call's theme.")),
        ("description", _("Describe what the call looks for.")),
        ("eligibility", _("Say who may answer.")),
        ("contact", _("Give a contact for questions.")),
    ):
        if not getattr(data, name).strip():
            errors[name] = message
    if data.deadline is None or data.deadline <= timezone.now():
        errors["deadline"] = _("The deadline must be in the future.")
    criteria = [text.strip() for text in data.own_criteria if text.strip()]
    if len(criteria) > OWN_CRITERIA_LIMIT:
        errors["own_criteria"] = _("A call adds at most %(n)d criteria of its own.") % {
            "n": OWN_CRITERIA_LIMIT
        }
    if any(len(text) > 300 for text in criteria):
        errors["own_criteria"] = _("Keep each criterion under 300 characters.")
    if errors:
        raise ValidationError(errors)
    return {
        "title": data.title.strip(),
        "theme": data.theme.strip(),
        "description": data.description.strip(),
        "eligibility": data.eligibility.strip(),
        "deadline": data.deadline,
        "contact": data.contact.strip(),
        "language": data.language,
        "own_criteria": criteria,
    }


@transaction.atomic
def call_create(*, actor, data: CallData) -> PracticeCall:
    if not is_curator(actor):
        raise PermissionDenied
    call = PracticeCall(created_by=actor, **_clean(data))
    call.full_clean()
    call.save()
    call.capacity_areas.set(data.capacity_areas)
    call.gcm_objectives.set(data.gcm_objectives)
    log_action(actor, call, "knowledge.practicecall.created")
    return call


@transaction.atomic
def call_update(*, actor, call: PracticeCall, data: CallData) -> PracticeCall:
    call = PracticeCall.objects.select_for_update().get(pk=call.pk)
    require(actor, "change", call)
    for name, value in _clean(data).items():
        setattr(call, name, value)
    call.full_clean()
    call.save()
    call.capacity_areas.set(data.capacity_areas)
    call.gcm_objectives.set(data.gcm_objectives)
    log_action(actor, call, "knowledge.practicecall.updated")
    search.index_later(call)
    return call


@transaction.atomic
def call_open(*, actor, call: PracticeCall) -> PracticeCall:
    call = PracticeCall.objects.select_for_update().get(pk=call.pk)
    require(actor, "open", call)
    if call.deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline has passed: move it first.")})
    call.status = CallStatus.OPEN
    call.opens_at = timezone.now()
    call.save(update_fields=["status", "opens_at", "updated"])
    log_action(actor, call, "knowledge.practicecall.opened")
    search.index_later(call)
    return call


@transaction.atomic
def call_close(*, actor, call: PracticeCall) -> PracticeCall:
    call = PracticeCall.objects.select_for_update().get(pk=call.pk)
    require(actor, "close", call)
    call.status = CallStatus.CLOSED
    call.save(update_fields=["status", "updated"])
    log_action(actor, call, "knowledge.practicecall.closed")
    return call


def close_past_deadline_calls(now=None) -> int:
    """Close open calls whose deadline has passed (the daily sweep); how many were closed."""
    now = now or timezone.now()
    closed = 0
    for call in PracticeCall.objects.filter(status=CallStatus.OPEN, deadline__lte=now):
        with transaction.atomic():
            updated = PracticeCall.objects.filter(pk=call.pk, status=CallStatus.OPEN).update(
                status=CallStatus.CLOSED, updated=now
            )
            if updated:
                log_action(None, call, "knowledge.practicecall.closed", {"deadline": True})
                closed += 1
    return closed
