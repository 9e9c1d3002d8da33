"""Writes of requests for support, from draft to publication and closure. Every change
is audited; the audit trail of a request is its timeline."""

from dataclasses import dataclass, field

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import STATE_TYPES, MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import require
from passerelle.core.search import index_later
from passerelle.core.tasks import enqueue_on_commit

from ..choices import RequestScope, RequestStatus, RequirementKind, ReviewOutcome, SupportType
from ..models import RequestSupportType, Requirement, SupportRequest
from ..tasks import refresh_request_matches

MAX_REQUIREMENTS = 30
DESCRIPTION_LIMIT = 10_000


@dataclass
class RequestData:
    """What a requester writes; the same for a new request and an edit."""

    title: str
    description: str
    capacity_areas: list
    scope: str
    modality: str
    starts_on: object
    ends_on: object
    support_types: list[str]
    gcm_objectives: list = field(default_factory=list)
    country: object = None
    region: object = None
    working_languages: list[str] = field(default_factory=list)
    requirements: list[dict] = field(default_factory=list)
    language: str = ""  # empty: detected from the description
    joint_with: object = None


def _clean(data: RequestData, organisation) -> dict:
    """Every problem at once, by field."""
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the request a title.")
    if not data.description.strip():
        errors["description"] = _("Describe what you need.")
    elif len(data.description) > DESCRIPTION_LIMIT:
        errors["description"] = _("Keep the description under %(limit)d characters.") % {
            "limit": DESCRIPTION_LIMIT
        }
    if not data.capacity_areas:
        errors["capacity_areas"] = _("Choose at least one capacity area.")
    unknown = set(data.support_types) - set(SupportType.values)
    if not data.support_types or unknown:
        errors["support_types"] = _("Choose at least one type of support from the list.")
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors["ends_on"] = _("The end comes before the start.")
    if data.scope == RequestScope.REGIONAL and data.region is None:
        errors["region"] = _("A regional request names its region.")
    if data.scope != RequestScope.REGIONAL and data.country is None:
        errors["country"] = _("A national or local request names its country.")
    bad_languages = [c for c in data.working_languages if not pycountry.languages.get(alpha_2=c)]
    if bad_languages:
        errors["working_languages"] = _("Unknown language codes: %(codes)s.") % {
            "codes": ", ".join(bad_languages)
        }
    if data.joint_with is not None and (
        data.joint_with.pk == organisation.pk or data.joint_with.type not in STATE_TYPES
    ):
        errors["joint_with"] = _("A joint request is made with a government or local authority.")
    problems = requirement_errors(data.requirements)
    if problems:
        errors["requirements"] = problems
    if errors:
        raise ValidationError(errors)
    return {
        "title": data.title.strip(),
        "description": data.description.strip(),
        "language": data.language or detect_language(data.description),
        "scope": data.scope,
        "modality": data.modality,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "country": data.country,
        "region": data.region,
        "working_languages": sorted(set(data.working_languages)),
        "joint_with": data.joint_with,
    }


def requirement_errors(requirements: list[dict]) -> list[str]:
    if len(requirements) > MAX_REQUIREMENTS:
        return [_("At most %(count)d requirements.") % {"count": MAX_REQUIREMENTS}]
    errors = []
    for number, line in enumerate(requirements, start=1):
        kind, quantity = line.get("kind"), line.get("quantity")
        currency, value = line.get("currency", ""), line.get("estimated_value")
        if kind not in RequirementKind.values:
            errors.append(_("Requirement %(n)d: choose money, expert-days or an in-kind item.")
                          % {"n": number})  # fmt: skip
        if quantity is None or quantity <= 0:
            errors.append(_("Requirement %(n)d: the quantity must be more than zero.")
                          % {"n": number})  # fmt: skip
        if value is not None and value < 0:
            errors.append(_("Requirement %(n)d: a value cannot be negative.") % {"n": number})
        if (kind == RequirementKind.MONEY or value is not None) and not pycountry.currencies.get(
            alpha_3=(currency or "").upper()
        ):
            errors.append(_("Requirement %(n)d: give a currency code such as USD or EUR.")
                          % {"n": number})  # fmt: skip
        if not (line.get("description") or "").strip():
            errors.append(_("Requirement %(n)d: say what it is for.") % {"n": number})
    return errors


def _save_relations(support_request: SupportRequest, data: RequestData) -> None:
    support_request.capacity_areas.set(data.capacity_areas)
    support_request.gcm_objectives.set(data.gcm_objectives)
    support_request.support_types.all().delete()
    RequestSupportType.objects.bulk_create(
        RequestSupportType(request=support_request, support_type=value)
        for value in sorted(set(data.support_types))
    )
    support_request.requirements.all().delete()
    Requirement.objects.bulk_create(
        Requirement(
            request=support_request,
            kind=line["kind"],
            description=line["description"].strip(),
            quantity=line["quantity"],
            currency=(line.get("currency") or "").upper(),
            estimated_value=line.get("estimated_value"),
        )
        for line in data.requirements
    )


def _may_request_for(actor, organisation) -> bool:
    return actor.is_authenticated and actor.has_role(organisation.pk, MembershipRole.EDITOR)


@transaction.atomic
def request_create(
    *,
    actor,
    organisation,
    data: RequestData,
    submission_key=None,
    source_assessment=None,
    source_indicator=None,
) -> SupportRequest:
    """A draft request. Posting the same form twice (same `submission_key`) returns the request
    the first post created."""
    if not _may_request_for(actor, organisation):
        raise PermissionDenied
    if submission_key is not None:
        existing = SupportRequest.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    fields = _clean(data, organisation)
    support_request = SupportRequest(
        organisation=organisation,
        created_by=actor,
        source_assessment=source_assessment,
        source_indicator=source_indicator,
        is_demo=organisation.is_demo,
        **fields,
    )
    if submission_key is not None:
        support_request.submission_key = submission_key
    support_request.full_clean(exclude=["created_by", "source_indicator", "source_assessment"])
    try:
        with transaction.atomic():
            support_request.save()
    except IntegrityError:
        if submission_key is None:
            raise
        # The same form posted twice at once: the other post won; return its request.
        return SupportRequest.objects.get(organisation=organisation, submission_key=submission_key)
    _save_relations(support_request, data)
    log_action(
        actor,
        support_request,
        "hub.request.created",
        {
            "language": support_request.language,
            "gap": source_indicator.code if source_indicator else None,
        },
    )
    index_later(support_request)
    return support_request


def _lock(support_request) -> SupportRequest:
    return (
        SupportRequest.objects.select_for_update()
        .select_related("organisation")
        .get(pk=support_request.pk)
    )


@transaction.atomic
def request_update(*, actor, support_request: SupportRequest, data: RequestData) -> SupportRequest:
    support_request = _lock(support_request)
    require(actor, "change", support_request)
    text = support_request.matching_text
    for name, value in _clean(data, support_request.organisation).items():
        setattr(support_request, name, value)
    if support_request.matching_text != text:
        support_request.embedding = None
    support_request.full_clean(exclude=["created_by", "source_indicator", "source_assessment"])
    support_request.save()
    _save_relations(support_request, data)
    log_action(actor, support_request, "hub.request.updated", {})
    index_later(support_request)
    return support_request


def _transition(actor, support_request, status: str, action: str, note: str = "", **fields):
    before = support_request.status
    support_request.status = status
    for name, value in fields.items():
        setattr(support_request, name, value)
    support_request.save(update_fields=["status", *fields, "updated"])
    # Published, its matches are computed; withdrawn or closed, its proposals go.
    enqueue_on_commit(refresh_request_matches, request_id=support_request.pk)
    log_action(
        actor,
        support_request,
        f"hub.request.{action}",
        {"from": before, "to": status, "note": note},
    )
    index_later(support_request)
    return support_request


@transaction.atomic
def request_submit(*, actor, support_request: SupportRequest) -> SupportRequest:
    """To the secretariat's review. A government speaks for its State only once verified."""
    support_request = _lock(support_request)
    require(actor, "submit", support_request)
    organisation, joint = support_request.organisation, support_request.joint_with
    if organisation.acts_for_state and not organisation.can_publish_for_state:
        raise ValidationError(
            _("The secretariat must verify your organisation before it requests support.")
        )
    if joint is not None:
        # The government a request is made with agrees by submitting it itself.
        if not joint.can_publish_for_state:
            raise ValidationError(
                _("The government you request with must be verified by the secretariat first.")
            )
        if not actor.has_role(joint.pk, MembershipRole.EDITOR):
            raise ValidationError(
                _("A joint request is submitted by the government it is made with: ask them.")
            )
    if not support_request.requirements.exists():
        raise ValidationError(
            _("Say what the request would take: money, expert-days or in-kind items.")
        )
    return _transition(
        actor, support_request, RequestStatus.SUBMITTED, "submitted", submitted_at=timezone.now()
    )


@transaction.atomic
def request_review(
    *, actor, support_request: SupportRequest, outcome: str, note: str
) -> SupportRequest:
    """The secretariat accepts (the request is published), asks a question, or returns it with
    advice. A question or advice must be written."""
    support_request = _lock(support_request)
    require(actor, "review", support_request)
    note = note.strip()
    if outcome not in ReviewOutcome.values:
        raise ValidationError({"outcome": _("Choose what to do with the request.")})
    if outcome != ReviewOutcome.ACCEPTED and not note:
        raise ValidationError({"note": _("Write your question or advice for the requester.")})
    if outcome == ReviewOutcome.ACCEPTED:
        return _transition(
            actor,
            support_request,
            RequestStatus.OPEN,
            "published",
            note,
            published_at=timezone.now(),
        )
    if outcome == ReviewOutcome.CLARIFICATION:
        return _transition(
            actor, support_request, RequestStatus.CLARIFICATION, "review_clarification", note
        )
    # Back to the drafting table: it will be submitted anew.
    return _transition(
        actor, support_request, RequestStatus.DRAFT, "review_advice", note, submitted_at=None
    )


@transaction.atomic
def request_withdraw(*, actor, support_request: SupportRequest, reason: str = "") -> SupportRequest:
    support_request = _lock(support_request)
    require(actor, "withdraw", support_request)
    return _transition(actor, support_request, RequestStatus.WITHDRAWN, "withdrawn", reason.strip())


@transaction.atomic
def request_close(*, actor, support_request: SupportRequest, reason: str = "") -> SupportRequest:
    support_request = _lock(support_request)
    require(actor, "close", support_request)
    return _transition(actor, support_request, RequestStatus.CLOSED, "closed", reason.strip())
