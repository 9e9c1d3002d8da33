"""Writes of assessment cycles: opening (from scratch or from the previous cycle), sections given
to contributors, answers with evidence, the agreed answer, and the way from draft to publication.

Concurrent edits: every answer carries a `lock_version`. A save names the version it started
from; if the row has moved on since, nothing is written and `AnswerConflict` carries the newer
answer so that the person sees both and loses nothing.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from .. import evidence as evidence_checks
from .. import scoring, selectors
from ..choices import AssessmentStatus, Disclosure, Priority, Scope, VersionStatus
from ..models import (
    AgreedAnswer,
    Answer,
    Assessment,
    Assignment,
    EvidenceFile,
    Indicator,
    Signature,
)
from ..permissions import may_answer_section


class AnswerConflict(Exception):
    """Someone saved this answer after the version the person started from."""

    def __init__(self, current):
        super().__init__("answer changed since it was read")
        self.current = current


def _lock(assessment: Assessment) -> Assessment:
    """The assessment row, locked: transitions and answers are decided on its current status."""
    return (
        Assessment.objects.select_for_update()
        .select_related("organisation", "version")
        .get(pk=assessment.pk)
    )


# --- Opening ------------------------------------------------------------------------------


@transaction.atomic
def assessment_open(
    *,
    actor,
    organisation,
    version,
    title: str,
    scope: str,
    language: str,
    signatories_required: int = 1,
    baseline: Assessment | None = None,
) -> Assessment:
    """An organisation's administrator opens a cycle on a published framework version. With a
    `baseline` (an earlier validated or published cycle of the same organisation and framework)
    its agreed answers become this cycle's starting point, marked as copied."""
    if not actor.has_role(organisation.pk, MembershipRole.ADMIN):
        raise PermissionDenied
    if version.status != VersionStatus.PUBLISHED:
        raise ValidationError({"version": _("Choose a published framework version.")})
    if baseline is not None:
        _check_baseline(actor, organisation, version, baseline)
    assessment = Assessment(
        organisation=organisation,
        version=version,
        title=title.strip(),
        scope=scope,
        language=language,
        signatories_required=signatories_required,
        baseline=baseline,
        opened_by=actor,
        is_demo=organisation.is_demo,
    )
    assessment.full_clean(exclude=["opened_by"])
    assessment.save()
    copied = _copy_baseline(assessment, baseline, actor) if baseline else 0
    log_action(
        actor,
        assessment,
        "assessments.assessment.opened",
        {"version": str(version), "baseline": baseline.pk if baseline else None, "copied": copied},
    )
    return assessment


def _check_baseline(actor, organisation, version, baseline: Assessment) -> None:
    if baseline.organisation_id != organisation.pk:
        raise ValidationError({"baseline": _("Start from one of this organisation's cycles.")})
    if baseline.version.framework_id != version.framework_id:
        raise ValidationError({"baseline": _("Start from a cycle on the same framework.")})
    if baseline.status not in (AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED):
        raise ValidationError({"baseline": _("Start from a validated or published cycle.")})


def _copy_baseline(assessment: Assessment, baseline: Assessment, actor) -> int:
    """Copy the baseline's agreed answers onto the same (or mapped) indicators of the new
    version. Returns how many were copied."""
    indicators = assessment.applicable_indicators().values_list("pk", flat=True)
    maps_to = selectors.indicator_mapping(assessment.version)
    previous = {answer.indicator_id: answer for answer in baseline.agreed_answers.all()}
    copies = []
    for indicator_id in indicators:
        source = next(
            (previous[i] for i in scoring.lineage(indicator_id, maps_to) if i in previous), None
        )
        if source is None:
            continue
        copies.append(
            AgreedAnswer(
                assessment=assessment,
                indicator_id=indicator_id,
                level=source.level,
                desired_level=source.desired_level,
                priority=source.priority,
                evidence=source.evidence,
                links=source.links,
                set_by=actor,
                from_baseline=True,
            )
        )
    AgreedAnswer.objects.bulk_create(copies)
    return len(copies)


# --- Sections -----------------------------------------------------------------------------


@transaction.atomic
def assignment_add(*, actor, assessment: Assessment, domain, user) -> Assignment:
    assessment = _lock(assessment)
    require(actor, "assign", assessment)
    if domain.version_id != assessment.version_id:
        raise ValidationError({"domain": _("Choose a section of this assessment.")})
    if not user.is_active:
        raise ValidationError({"email": _("This account is not active.")})
    if Assignment.objects.filter(assessment=assessment, domain=domain, user=user).exists():
        raise ValidationError({"email": _("This person already contributes to this section.")})
    assignment = Assignment.objects.create(
        assessment=assessment, domain=domain, user=user, assigned_by=actor
    )
    log_action(
        actor,
        assessment,
        "assessments.assignment.created",
        {"domain": domain.code, "domain_id": domain.pk, "user": user.pk},
    )
    return assignment


@transaction.atomic
def assignment_remove(*, actor, assignment: Assignment) -> None:
    """The contributor's answers stay: they are part of the record."""
    assessment = _lock(assignment.assessment)
    require(actor, "assign", assessment)
    data = {"domain": assignment.domain.code, "user": assignment.user_id}
    assignment.delete()
    log_action(actor, assessment, "assessments.assignment.removed", data)


# --- Answers ------------------------------------------------------------------------------


def _clean_answer(assessment: Assessment, fields: dict) -> dict:
    """Levels on the version's scale, a known priority, well-formed links; errors by field."""
    top = assessment.version.levels_range.stop - 1
    errors = {}
    for name in ("level", "desired_level"):
        value = fields.get(name)
        if value is not None and not 1 <= value <= top:
            errors[name] = _("Choose a level from 1 to %(top)d.") % {"top": top}
    if fields.get("priority") and fields["priority"] not in Priority.values:
        errors["priority"] = _("Choose high, medium or low.")
    links = [line.strip() for line in fields.get("links", "").splitlines() if line.strip()]
    validate = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            validate(link)
        except ValidationError:
            errors["links"] = _("“%(link)s” is not a web address (http:// or https://).") % {
                "link": link[:80]
            }
            break
    if errors:
        raise ValidationError(errors)
    return {
        "level": fields.get("level"),
        "desired_level": fields.get("desired_level"),
        "priority": fields.get("priority") or "",
        "evidence": fields.get("evidence", "").strip(),
        "links": "\n".join(links),
    }


def _indicator_of(assessment: Assessment, indicator: Indicator) -> Indicator:
    if not assessment.applicable_indicators().filter(pk=indicator.pk).exists():
        raise ValidationError(_("This indicator is not part of the assessment."))
    return indicator


REPLACED_FIELDS = ("level", "desired_level", "priority", "evidence", "links")


def _save_versioned(model, lookup: dict, values: dict, expected_version: int | None):
    """Create the row, or update it if it is still at `expected_version`. The conditional
    UPDATE is the check: of two saves from the same version exactly one matches. Returns the
    row and what the save replaced (None for a new row), for the audit entry: an overwrite,
    even a deliberate one after a conflict, never loses the version it replaced."""
    row = model.objects.select_for_update().filter(**lookup).first()
    if row is None:
        if expected_version not in (None, 0):
            raise AnswerConflict(None)
        return model.objects.create(**lookup, **values), None
    if expected_version != row.lock_version:
        raise AnswerConflict(row)
    replaced = {name: getattr(row, name) for name in REPLACED_FIELDS}
    replaced |= {"lock_version": row.lock_version, "updated": row.updated}
    if isinstance(row, AgreedAnswer):
        replaced["set_by"] = row.set_by_id
    updated = model.objects.filter(pk=row.pk, lock_version=expected_version).update(
        **values, lock_version=expected_version + 1, updated=timezone.now()
    )
    if not updated:  # pragma: no cover - the row lock above makes this unreachable
        raise AnswerConflict(model.objects.get(pk=row.pk))
    row.refresh_from_db()
    return row, replaced


@transaction.atomic
def answer_save(
    *, actor, assessment: Assessment, indicator: Indicator, expected_version: int | None, **fields
) -> Answer:
    """Save the actor's own view of an indicator (autosave calls this on every change)."""
    assessment = _lock(assessment)
    indicator = _indicator_of(assessment, indicator)
    if not may_answer_section(actor, assessment, indicator.sub_area.domain_id):
        raise PermissionDenied
    values = _clean_answer(assessment, fields)
    answer, replaced = _save_versioned(
        Answer,
        {"assessment": assessment, "indicator": indicator, "author": actor},
        values,
        expected_version,
    )
    log_action(
        actor,
        answer,
        "assessments.answer.saved",
        {
            "assessment": assessment.pk,
            "indicator": indicator.code,
            "level": answer.level,
            "replaced": replaced,
        },
    )
    return answer


@transaction.atomic
def agreed_answer_set(
    *, actor, assessment: Assessment, indicator: Indicator, expected_version: int | None, **fields
) -> AgreedAnswer:
    """The coordinator's answer for the assessment: the one scores are computed from."""
    assessment = _lock(assessment)
    require(actor, "agree", assessment)
    indicator = _indicator_of(assessment, indicator)
    values = _clean_answer(assessment, fields)
    agreed, replaced = _save_versioned(
        AgreedAnswer,
        {"assessment": assessment, "indicator": indicator},
        {**values, "set_by": actor, "from_baseline": False},
        expected_version,
    )
    log_action(
        actor,
        agreed,
        "assessments.agreed_answer.set",
        {
            "assessment": assessment.pk,
            "indicator": indicator.code,
            "level": agreed.level,
            "replaced": replaced,
        },
    )
    return agreed


def _may_change_evidence(actor, assessment: Assessment, answer: Answer) -> bool:
    """The author, while still allowed to answer the section (its assignment may be gone)."""
    return answer.author_id == actor.pk and may_answer_section(
        actor, assessment, answer.indicator.sub_area.domain_id
    )


@transaction.atomic
def evidence_add(*, actor, answer: Answer, upload) -> EvidenceFile:
    """Attach a file to one's own answer, after checking its type, size and content."""
    assessment = _lock(answer.assessment)
    if not _may_change_evidence(actor, assessment, answer):
        raise PermissionDenied
    if answer.files.count() >= settings.ASSESSMENTS["EVIDENCE_PER_ANSWER"]:
        raise ValidationError(
            {"file": _("An answer holds at most %(count)d files.")
             % {"count": settings.ASSESSMENTS["EVIDENCE_PER_ANSWER"]}}
        )  # fmt: skip
    content_type = evidence_checks.check_upload(upload)
    stored = EvidenceFile(
        answer=answer,
        name=evidence_checks.display_name(upload.name),
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    stored.file.save(upload.name, upload, save=False)
    try:
        stored.save()
    except Exception:
        stored.file.delete(save=False)  # no row, no file
        raise
    log_action(
        actor,
        answer,
        "assessments.evidence.added",
        {"assessment": assessment.pk, "name": stored.name, "size": stored.size},
    )
    return stored


@transaction.atomic
def evidence_delete(*, actor, evidence: EvidenceFile) -> None:
    answer = evidence.answer
    assessment = _lock(answer.assessment)
    if not _may_change_evidence(actor, assessment, answer):
        raise PermissionDenied
    name, stored = evidence.name, evidence.file
    evidence.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
    log_action(actor, answer, "assessments.evidence.deleted", {"name": name})


# --- From draft to publication ------------------------------------------------------------


def _audit_value(value):
    return value if value is None or isinstance(value, dict) else str(value)


def _transition(actor, assessment, action: str, status: str, **fields) -> Assessment:
    before = assessment.status
    assessment.status = status
    for name, value in fields.items():
        setattr(assessment, name, value)
    assessment.save(update_fields=["status", *fields, "updated"])
    log_action(
        actor,
        assessment,
        f"assessments.assessment.{action}",
        {"from": before, "to": status, **{k: _audit_value(v) for k, v in fields.items()}},
    )
    return assessment


@transaction.atomic
def consultation_start(*, actor, assessment: Assessment) -> Assessment:
    assessment = _lock(assessment)
    require(actor, "start_consultation", assessment)
    return _transition(actor, assessment, "consultation_started", AssessmentStatus.CONSULTATION)


@transaction.atomic
def assessment_submit(*, actor, assessment: Assessment) -> Assessment:
    """Answers freeze; the focal points are asked to validate. At least one agreed answer."""
    assessment = _lock(assessment)
    require(actor, "submit", assessment)
    if not assessment.agreed_answers.filter(level__isnull=False).exists():
        raise ValidationError(_("Agree on at least one answer before submitting."))
    return _transition(
        actor, assessment, "submitted", AssessmentStatus.SUBMITTED, submitted_at=timezone.now()
    )


@transaction.atomic
def assessment_return_to_draft(*, actor, assessment: Assessment) -> Assessment:
    """Back to the drafting table: signatures given so far no longer hold."""
    assessment = _lock(assessment)
    require(actor, "return_to_draft", assessment)
    assessment.signatures.all().delete()
    return _transition(
        actor,
        assessment,
        "returned",
        AssessmentStatus.DRAFT,
        submitted_at=None,
        validated_at=None,
    )


@transaction.atomic
def assessment_sign(*, actor, assessment: Assessment) -> Assessment:
    """A verified focal point validates; once enough have signed, the assessment is validated."""
    assessment = _lock(assessment)
    organisation = assessment.organisation
    unverified = organisation.acts_for_state and not organisation.can_publish_for_state
    # Tell an administrator of an unverified government why, rather than just refusing.
    submitted = assessment.status == AssessmentStatus.SUBMITTED
    if submitted and unverified and actor.has_role(organisation.pk, MembershipRole.ADMIN):
        raise ValidationError(
            _("The secretariat must verify your organisation's focal points first.")
        )
    require(actor, "sign", assessment)
    if assessment.signatures.filter(user=actor).exists():
        raise ValidationError(_("You have signed this assessment already."))
    Signature.objects.create(assessment=assessment, user=actor)
    log_action(actor, assessment, "assessments.assessment.signed", {})
    if assessment.signatures.count() >= assessment.signatories_required:
        return _transition(
            actor,
            assessment,
            "validated",
            AssessmentStatus.VALIDATED,
            validated_at=timezone.now(),
        )
    return assessment


@transaction.atomic
def assessment_publish(*, actor, assessment: Assessment, disclosure: str) -> Assessment:
    """Publish what the organisation chose: the scores, or the scores with the answers."""
    assessment = _lock(assessment)
    require(actor, "publish", assessment)
    if disclosure not in (Disclosure.SCORES, Disclosure.ALL):
        raise ValidationError(
            {"disclosure": _("Choose to publish the scores, or the scores with the answers.")}
        )
    return _transition(
        actor,
        assessment,
        "published",
        AssessmentStatus.PUBLISHED,
        disclosure=disclosure,
        published_at=timezone.now(),
        published_scores=selectors.profile(assessment).domain_values,
    )


def default_scope(organisation) -> str:
    if organisation.type == OrganisationType.LOCAL_GOVERNMENT:
        return Scope.LOCAL
    return Scope.NATIONAL
