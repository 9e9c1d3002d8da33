"""Writes of engagement opportunities and of the responses to them. Any organisation's editors
post opportunities (governments, partners, UN agencies…), publish them while the deadline is
ahead, and close them; a daily job closes those past their deadline. Hub members apply or
express interest once per opportunity; the poster's editors shortlist, accept (within the places
offered, counted under a row lock) or decline, with an answer. Audited under
`diaspora.opportunity.*` and `diaspora.response.*`."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.audit import log_action
from passerelle.core.permissions import user_can
from passerelle.core.search import index_later

from .. import permissions_opportunities  # noqa: F401  (the policies the services ask)
from ..choices import OpportunityStatus, ResponseStatus
from ..models import Opportunity, OpportunityResponse
from ..permissions import is_active_user, is_member
from ..permissions_opportunities import edits_for, member_of

FIELDS = (
    "kind", "title", "description", "language", "is_remote", "places", "deadline",
    "support_request", "project",
)  # fmt: skip
ANSWERABLE = (ResponseStatus.SUBMITTED, ResponseStatus.SHORTLISTED)
WITHDRAWABLE = (ResponseStatus.SUBMITTED, ResponseStatus.SHORTLISTED, ResponseStatus.ACCEPTED)


@dataclass
class OpportunityData:
    kind: str
    title: str
    description: str
    language: str
    deadline: datetime.date
    places: int | None = None
    is_remote: bool = False
    support_request: object = None
    project: object = None
    countries: list = field(default_factory=list)
    origin_countries: list = field(default_factory=list)
    capacity_areas: list = field(default_factory=list)


# --- opportunities -----------------------------------------------------------------------------


@transaction.atomic
def opportunity_create(
    *, actor, organisation, data: OpportunityData, submission_key=None, is_demo: bool = False
) -> Opportunity:
    """A draft opportunity. Posting the same form twice (same `submission_key`) returns the
    opportunity the first post created."""
    if not edits_for(actor, organisation.pk):
        raise PermissionDenied
    if submission_key is not None:
        existing = Opportunity.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    opportunity = Opportunity(organisation=organisation, created_by=actor, is_demo=is_demo)
    if submission_key is not None:
        opportunity.submission_key = submission_key
    _apply(actor, opportunity, data)
    try:
        with transaction.atomic():
            opportunity.save()
    except IntegrityError:
        if submission_key is None:
            raise
        # The same form posted twice at once: the other post won; return its opportunity.
        return Opportunity.objects.get(organisation=organisation, submission_key=submission_key)
    _save_relations(opportunity, data)
    log_action(actor, opportunity, "diaspora.opportunity.created", _summary(opportunity))
    index_later(opportunity)
    return opportunity


@transaction.atomic
def opportunity_update(*, actor, opportunity: Opportunity, data: OpportunityData) -> Opportunity:
    _require(actor, "change", opportunity)
    _apply(actor, opportunity, data)
    if opportunity.status == OpportunityStatus.OPEN:
        _check_deadline(opportunity)
    opportunity.save()
    _save_relations(opportunity, data)
    log_action(actor, opportunity, "diaspora.opportunity.updated", _summary(opportunity))
    index_later(opportunity)
    return opportunity


@transaction.atomic
def opportunity_publish(*, actor, opportunity: Opportunity) -> Opportunity:
    _require(actor, "publish", opportunity)
    if opportunity.status != OpportunityStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."), code="not_draft")
    _check_deadline(opportunity)
    opportunity.status = OpportunityStatus.OPEN
    opportunity.published_at = timezone.now()
    opportunity.save(update_fields=["status", "published_at", "updated"])
    log_action(actor, opportunity, "diaspora.opportunity.published", _summary(opportunity))
    index_later(opportunity)
    return opportunity


@transaction.atomic
def opportunity_close(*, actor, opportunity: Opportunity) -> Opportunity:
    _require(actor, "close", opportunity)
    if opportunity.status != OpportunityStatus.OPEN:
        raise ValidationError(_("Only an open opportunity can be closed."), code="not_open")
    _close(actor, opportunity, expired=False)
    return opportunity


def close_expired_opportunities() -> int:
    """The daily job: closes the open opportunities whose deadline has passed. Harmless to run
    twice. Returns how many it closed."""
    today = timezone.localdate()
    closed = 0
    for pk in Opportunity.objects.filter(
        status=OpportunityStatus.OPEN, deadline__lt=today
    ).values_list("pk", flat=True):
        with transaction.atomic():
            opportunity = Opportunity.objects.select_for_update().get(pk=pk)
            if opportunity.status == OpportunityStatus.OPEN and opportunity.deadline < today:
                _close(None, opportunity, expired=True)
                closed += 1
    return closed


def _close(actor, opportunity: Opportunity, *, expired: bool) -> None:
    opportunity.status = OpportunityStatus.CLOSED
    opportunity.save(update_fields=["status", "updated"])
    data = {**_summary(opportunity), "expired": expired}
    log_action(actor, opportunity, "diaspora.opportunity.closed", data)
    index_later(opportunity)


def _check_deadline(opportunity: Opportunity) -> None:
    if opportunity.deadline < timezone.localdate():
        raise ValidationError(
            {"deadline": _("The deadline has passed: choose a date from today on.")}
        )


def _apply(actor, opportunity: Opportunity, data: OpportunityData) -> None:
    """Copies the poster's fields and checks them; nothing is saved on error."""
    errors = {}
    for name in ("support_request", "project"):
        linked = getattr(data, name)
        if (
            linked is not None
            and not type(linked).objects.filter(pk=linked.pk).visible_to(actor).exists()
        ):
            errors[name] = [_("You cannot link to this.")]
    if errors:
        raise ValidationError(errors)
    for name in FIELDS:
        setattr(opportunity, name, getattr(data, name))
    opportunity.title = opportunity.title.strip()
    opportunity.full_clean(exclude=["organisation", "created_by", "submission_key"])


def _save_relations(opportunity: Opportunity, data: OpportunityData) -> None:
    opportunity.countries.set(data.countries)
    opportunity.origin_countries.set(data.origin_countries)
    opportunity.capacity_areas.set(data.capacity_areas)


def _summary(opportunity: Opportunity) -> dict:
    return {"kind": opportunity.kind, "title": opportunity.title, "status": opportunity.status}


def _require(actor, action: str, obj) -> None:
    if not is_active_user(actor) or not user_can(actor, action, obj):
        raise PermissionDenied


# --- responses ---------------------------------------------------------------------------------


@transaction.atomic
def response_submit(
    *, actor, opportunity: Opportunity, kind: str, message: str
) -> OpportunityResponse:
    """An application or an expression of interest from a hub member; one per person."""
    if not is_member(actor):
        raise ValidationError(
            _("Create your member profile of the diaspora hub to respond."), code="not_member"
        )
    if member_of(actor, opportunity.organisation_id):
        raise ValidationError(
            _("You cannot respond to your own organisation's opportunity."), code="own"
        )
    opportunity = Opportunity.objects.select_for_update().get(pk=opportunity.pk)
    if opportunity.status != OpportunityStatus.OPEN or opportunity.deadline < timezone.localdate():
        raise ValidationError(_("This opportunity is not open for responses."), code="closed")
    if OpportunityResponse.objects.filter(opportunity=opportunity, person=actor).exists():
        raise ValidationError(_("You have already responded to this opportunity."), code="twice")
    response = OpportunityResponse(
        opportunity=opportunity, person=actor, kind=kind, message=message.strip()
    )
    response.full_clean(exclude=["opportunity", "person"], validate_constraints=False)
    response.save()
    log_action(actor, response, "diaspora.response.submitted", _response_summary(response))
    return response


@transaction.atomic
def response_withdraw(*, actor, response: OpportunityResponse) -> OpportunityResponse:
    response = _locked(response)
    if not (is_active_user(actor) and response.person_id == actor.pk):
        raise PermissionDenied
    if response.status not in WITHDRAWABLE:
        raise ValidationError(_("This response can no longer be withdrawn."), code="final")
    response.status = ResponseStatus.WITHDRAWN
    response.save(update_fields=["status", "updated"])
    log_action(actor, response, "diaspora.response.withdrawn", _response_summary(response))
    return response


def response_shortlist(*, actor, response: OpportunityResponse, answer: str = ""):
    return _answer(actor, response, ResponseStatus.SHORTLISTED, answer)


def response_accept(*, actor, response: OpportunityResponse, answer: str):
    return _answer(actor, response, ResponseStatus.ACCEPTED, answer)


def response_decline(*, actor, response: OpportunityResponse, answer: str):
    return _answer(actor, response, ResponseStatus.DECLINED, answer)


ANSWER_ACTIONS = {
    ResponseStatus.SHORTLISTED: "shortlisted",
    ResponseStatus.ACCEPTED: "accepted",
    ResponseStatus.DECLINED: "declined",
}


@transaction.atomic
def _answer(actor, response: OpportunityResponse, status: str, answer: str):
    # The opportunity's row is locked first, so that two acceptances at once count each other.
    opportunity = Opportunity.objects.select_for_update().get(pk=response.opportunity_id)
    response = _locked(response)
    if not edits_for(actor, opportunity.organisation_id):
        raise PermissionDenied
    answer = (answer or "").strip()
    if response.status not in ANSWERABLE or response.status == status:
        raise ValidationError(_("This response cannot be answered this way now."), code="state")
    if status != ResponseStatus.SHORTLISTED and not answer:
        raise ValidationError({"answer": _("Write an answer to the person.")})
    if status == ResponseStatus.ACCEPTED and opportunity.places is not None:
        accepted = opportunity.responses.filter(status=ResponseStatus.ACCEPTED).count()
        if accepted >= opportunity.places:
            raise ValidationError(
                _("Every place is taken: %(places)s accepted already.")
                % {"places": opportunity.places},
                code="full",
            )
    response.status, response.answer = status, answer
    response.answered_at, response.answered_by = timezone.now(), actor
    response.full_clean(exclude=["opportunity", "person", "answered_by"])
    response.save()
    log_action(
        actor, response, f"diaspora.response.{ANSWER_ACTIONS[status]}", _response_summary(response)
    )
    return response


def _locked(response: OpportunityResponse) -> OpportunityResponse:
    return (
        OpportunityResponse.objects.select_for_update()
        .select_related("opportunity")
        .get(pk=response.pk)
    )


def _response_summary(response: OpportunityResponse) -> dict:
    return {
        "opportunity": response.opportunity_id,
        "title": response.opportunity.title,
        "kind": response.kind,
        "status": response.status,
    }
