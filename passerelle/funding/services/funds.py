"""Pooled funds: calls for proposals, proposals (alone or jointly), blind review with conflict of
interest declarations, the steering committee's decision, the public pipeline, and the grant that
turns an approved proposal into a project with transfers from the fund's deposits.

A fund never transfers more than its balance, even when two grants are made at once: a grant
locks the fund's row first, and reads the deposits' remaining money under that lock. Each
transfer draws on one deposit (`parent`), earmarked ones first, so a dollar can be followed from
the donor to the project.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import STATE_TYPES, MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.permissions import require
from passerelle.projects.choices import ParticipantRole, ProjectStatus, Scope
from passerelle.projects.services import ProjectData, project_record
from passerelle.taxonomy.models import GuidingPrinciple

from ..choices import (
    SCORE_MAX,
    CallStatus,
    ContributionKind,
    ContributionStatus,
    Marker,
    ProposalStatus,
    ReviewStatus,
    TransactionKind,
)
from ..models import Call, Contribution, Criterion, Fund, Proposal, Review, Score, Transaction
from ..rates import CENT, USD

MARKER_WEIGHT = Decimal("1.00")
PRINCIPLE_WEIGHT = Decimal("1.00")


# --- calls -------------------------------------------------------------------------------------


@dataclass
class CallData:
    title: str
    description: str
    eligibility: str
    budget_ceiling: Decimal
    deadline: object
    requires_government: bool = False
    capacity_areas: list = field(default_factory=list)
    countries: list = field(default_factory=list)


def _call_errors(data: CallData) -> dict:
    errors = {}
    for name in ("title", "description", "eligibility"):
        if not getattr(data, name).strip():
            errors[name] = _("This field is required.")
    if data.budget_ceiling is None or data.budget_ceiling <= 0:
        errors["budget_ceiling"] = _("Give a budget ceiling above zero.")
    if data.deadline is None:
        errors["deadline"] = _("Give a deadline.")
    return errors


def default_criteria(call: Call) -> list[Criterion]:
    """The ten GCM guiding principles, then the three mandatory markers, each of weight one."""
    criteria = [
        Criterion(
            call=call, position=principle.number, principle=principle, weight=PRINCIPLE_WEIGHT
        )
        for principle in GuidingPrinciple.objects.order_by("number")
    ]
    for offset, marker in enumerate(Marker.values, start=len(criteria) + 1):
        criteria.append(Criterion(call=call, position=offset, marker=marker,
                                  weight=MARKER_WEIGHT, mandatory=True))  # fmt: skip
    return criteria


@transaction.atomic
def call_create(*, actor, fund: Fund, data: CallData) -> Call:
    require(actor, "open_call", fund)
    errors = _call_errors(data)
    if errors:
        raise ValidationError(errors)
    call = Call(
        fund=fund,
        title=data.title.strip(),
        description=data.description.strip(),
        eligibility=data.eligibility.strip(),
        budget_ceiling=data.budget_ceiling,
        deadline=data.deadline,
        requires_government=data.requires_government,
        created_by=actor,
        is_demo=fund.is_demo,
    )
    call.full_clean(exclude=["created_by"])
    call.save()
    call.capacity_areas.set(data.capacity_areas)
    call.countries.set(data.countries)
    Criterion.objects.bulk_create(default_criteria(call))
    log_action(actor, call, "funding.call.created", {"title": call.title, "fund": fund.pk})
    return call


@transaction.atomic
def call_update(*, actor, call: Call, data: CallData) -> Call:
    require(actor, "change", call)
    errors = _call_errors(data)
    if errors:
        raise ValidationError(errors)
    for name in ("title", "description", "eligibility"):
        setattr(call, name, getattr(data, name).strip())
    call.budget_ceiling = data.budget_ceiling
    call.deadline = data.deadline
    call.requires_government = data.requires_government
    call.full_clean(exclude=["created_by"])
    call.save()
    call.capacity_areas.set(data.capacity_areas)
    call.countries.set(data.countries)
    log_action(actor, call, "funding.call.updated", {"title": call.title})
    return call


@transaction.atomic
def criteria_set(*, actor, call: Call, weights: dict[int, Decimal], extra: list[dict]) -> Call:
    """Change the weights of a draft call's criteria (by criterion id) and replace its own extra
    criteria (`extra`: name, weight, guidance). Mandatory markers keep a weight above zero."""
    require(actor, "change", call)
    criteria = {c.pk: c for c in call.criteria.all()}
    errors = []
    for pk, weight in weights.items():
        criterion = criteria.get(pk)
        if criterion is None:
            errors.append(_("An unknown criterion was sent."))
        elif weight is None or weight < 0 or (criterion.mandatory and weight == 0):
            errors.append(_("%(criterion)s: give a weight above zero.")
                          % {"criterion": criterion.label})  # fmt: skip
    for number, line in enumerate(extra, start=1):
        if not (line.get("name") or "").strip():
            errors.append(_("Criterion %(n)d: give it a name.") % {"n": number})
        if line.get("weight") is None or line["weight"] < 0:
            errors.append(_("Criterion %(n)d: give a weight of zero or more.") % {"n": number})
    if errors:
        raise ValidationError(errors)
    for pk, weight in weights.items():
        criteria[pk].weight = weight
    Criterion.objects.bulk_update(list(criteria.values()), ["weight"])
    call.criteria.filter(principle__isnull=True, marker="").delete()
    start = max((c.position for c in criteria.values() if c.principle_id or c.marker), default=0)
    Criterion.objects.bulk_create(
        Criterion(call=call, position=start + n, name=line["name"].strip(),
                  guidance=(line.get("guidance") or "").strip(), weight=line["weight"])
        for n, line in enumerate(extra, start=1)
    )  # fmt: skip
    log_action(
        actor,
        call,
        "funding.call.criteria_changed",
        {"weights": {str(k): str(v) for k, v in weights.items()}, "extra": len(extra)},
    )
    return call


@transaction.atomic
def call_publish(*, actor, call: Call) -> Call:
    require(actor, "publish", call)
    if call.deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline has passed: set a later one first.")})
    if not call.criteria.filter(weight__gt=0).exists():
        raise ValidationError(_("Give at least one criterion a weight above zero."))
    call.status = CallStatus.OPEN
    call.published_at = timezone.now()
    call.save(update_fields=["status", "published_at", "updated"])
    log_action(actor, call, "funding.call.published", {"deadline": call.deadline.isoformat()})
    return call


@transaction.atomic
def call_close(*, actor, call: Call) -> Call:
    require(actor, "close", call)
    call.status = CallStatus.CLOSED
    call.save(update_fields=["status", "updated"])
    log_action(actor, call, "funding.call.closed", {})
    return call


def calls_close_past_deadline(now=None) -> int:
    """The daily sweep: open calls past their deadline stop taking proposals."""
    now = now or timezone.now()
    closed = 0
    for call in Call.objects.filter(status=CallStatus.OPEN, deadline__lte=now):
        with transaction.atomic():
            Call.objects.filter(pk=call.pk).update(status=CallStatus.CLOSED, updated=now)
            log_action(None, call, "funding.call.closed", {"deadline_passed": True})
        closed += 1
    return closed


# --- proposals ---------------------------------------------------------------------------------


@dataclass
class ProposalData:
    title: str
    summary: str
    objectives: str
    activities: str
    budget: Decimal
    months: int
    countries: list
    capacity_areas: list
    gender_marker: int
    human_rights_marker: int
    child_marker: int
    language: str
    gcm_objectives: list = field(default_factory=list)
    partners: list = field(default_factory=list)


def _proposal_errors(call: Call, organisation, data: ProposalData) -> dict:
    errors = {}
    for name in ("title", "summary", "objectives", "activities"):
        if not getattr(data, name).strip():
            errors[name] = _("This field is required.")
    if data.budget is None or data.budget <= 0:
        errors["budget"] = _("Give the budget you request, above zero.")
    elif data.budget > call.budget_ceiling:
        errors["budget"] = _("The call funds at most %(ceiling)s US dollars per proposal.") % {
            "ceiling": call.budget_ceiling
        }
    if not data.countries:
        errors["countries"] = _("Choose at least one country.")
    else:
        eligible = set(call.countries.values_list("pk", flat=True))
        outside = [c.name for c in data.countries if eligible and c.pk not in eligible]
        if outside:
            errors["countries"] = _("Not eligible under this call: %(names)s.") % {
                "names": ", ".join(outside)
            }
    if not data.capacity_areas:
        errors["capacity_areas"] = _("Choose at least one capacity area.")
    else:
        themes = set(call.capacity_areas.values_list("pk", flat=True))
        if themes and not any(area.pk in themes for area in data.capacity_areas):
            errors["capacity_areas"] = _("Choose at least one of the call's thematic areas.")
    if any(p.pk == organisation.pk for p in data.partners):
        errors["partners"] = _("The lead organisation is not also a partner.")
    return errors


def _government_errors(call: Call, proposal: Proposal) -> dict:
    if not call.requires_government:
        return {}
    taking_part = [proposal.organisation, *proposal.partners.all()]
    if any(o.type in STATE_TYPES for o in taking_part):
        return {}
    return {"partners": _("This call asks for a government entity among the partners.")}


def _set_proposal(proposal: Proposal, data: ProposalData) -> None:
    for name in ("title", "summary", "objectives", "activities"):
        setattr(proposal, name, getattr(data, name).strip())
    proposal.budget = data.budget
    proposal.months = data.months
    proposal.language = data.language
    proposal.gender_marker = data.gender_marker
    proposal.human_rights_marker = data.human_rights_marker
    proposal.child_marker = data.child_marker


def _set_proposal_relations(proposal: Proposal, data: ProposalData) -> None:
    proposal.countries.set(data.countries)
    proposal.capacity_areas.set(data.capacity_areas)
    proposal.gcm_objectives.set(data.gcm_objectives)
    proposal.partners.set(data.partners)


@transaction.atomic
def proposal_create(
    *, actor, call: Call, organisation, data: ProposalData, submission_key=None
) -> Proposal:
    """A draft proposal by `organisation` (the actor is one of its editors)."""
    require(actor, "propose", call)
    if not actor.has_role(organisation.pk, MembershipRole.EDITOR):
        raise PermissionDenied
    if submission_key is not None:
        existing = Proposal.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    errors = _proposal_errors(call, organisation, data)
    if errors:
        raise ValidationError(errors)
    proposal = Proposal(call=call, organisation=organisation, created_by=actor,
                        is_demo=call.is_demo)  # fmt: skip
    _set_proposal(proposal, data)
    if submission_key is not None:
        proposal.submission_key = submission_key
    proposal.full_clean(exclude=["created_by", "project"])
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError:
        if submission_key is None:
            raise
        return Proposal.objects.get(organisation=organisation, submission_key=submission_key)
    _set_proposal_relations(proposal, data)
    log_action(
        actor,
        proposal,
        "funding.proposal.created",
        {"title": proposal.title, "call": call.pk, "budget": str(proposal.budget)},
    )
    return proposal


@transaction.atomic
def proposal_update(*, actor, proposal: Proposal, data: ProposalData) -> Proposal:
    require(actor, "change", proposal)
    errors = _proposal_errors(proposal.call, proposal.organisation, data)
    if errors:
        raise ValidationError(errors)
    _set_proposal(proposal, data)
    proposal.full_clean(exclude=["created_by", "project"])
    proposal.save()
    _set_proposal_relations(proposal, data)
    log_action(actor, proposal, "funding.proposal.updated", {"budget": str(proposal.budget)})
    return proposal


@transaction.atomic
def proposal_submit(*, actor, proposal: Proposal) -> Proposal:
    require(actor, "submit", proposal)
    call = proposal.call
    if call.status != CallStatus.OPEN or call.deadline <= timezone.now():
        raise ValidationError(_("The call is closed: it takes no more proposals."))
    errors = _government_errors(call, proposal)
    if errors:
        raise ValidationError(errors)
    proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted_at = timezone.now()
    proposal.save(update_fields=["status", "submitted_at", "updated"])
    log_action(actor, proposal, "funding.proposal.submitted", {"call": call.pk})
    return proposal


@transaction.atomic
def proposal_withdraw(*, actor, proposal: Proposal) -> Proposal:
    require(actor, "withdraw", proposal)
    if proposal.status == ProposalStatus.DRAFT:
        proposal.submitted_at = timezone.now()  # the constraint: only drafts have no date
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.save(update_fields=["status", "submitted_at", "updated"])
    log_action(actor, proposal, "funding.proposal.withdrawn", {})
    return proposal


# --- reviews -----------------------------------------------------------------------------------


@transaction.atomic
def review_assign(*, actor, proposal: Proposal, reviewers) -> list[Review]:
    """The secretariat asks people to review a submitted proposal; none of them applies for it."""
    require(actor, "assign_reviewers", proposal)
    applicants = {proposal.organisation_id, *proposal.partners.values_list("pk", flat=True)}
    errors = [
        _("%(name)s is a member of an applying organisation.") % {"name": person}
        for person in reviewers
        if applicants & set(person.organisation_ids)
    ]
    if errors:
        raise ValidationError({"reviewers": errors})
    assigned = []
    for person in reviewers:
        review, created = Review.objects.get_or_create(
            proposal=proposal, reviewer=person, defaults={"assigned_by": actor}
        )
        if created:
            log_action(actor, review, "funding.review.assigned",
                       {"proposal": proposal.pk, "reviewer": person.pk})  # fmt: skip
        assigned.append(review)
    return assigned


@transaction.atomic
def review_declare(*, actor, review: Review, has_conflict: bool, statement: str = "") -> Review:
    """The reviewer's conflict-of-interest declaration, before any score. With a conflict, the
    review stops there and the reviewer no longer reads the proposal."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    require(actor, "declare", review)
    if has_conflict and not statement.strip():
        raise ValidationError({"conflict_statement": _("Describe the conflict of interest.")})
    review.has_conflict = has_conflict
    review.conflict_statement = statement.strip()
    review.conflict_declared_at = timezone.now()
    if has_conflict:
        review.status = ReviewStatus.CONFLICT
        review.scores.all().delete()
    review.save()
    log_action(actor, review, "funding.review.declared",
               {"has_conflict": has_conflict, "proposal": review.proposal_id})  # fmt: skip
    return review


@transaction.atomic
def review_save(*, actor, review: Review, scores: dict[int, tuple], comment: str) -> Review:
    """Save scores as the reviewer goes: `scores` maps criterion ids to (value, comment)."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    require(actor, "score", review)
    criteria = {c.pk: c for c in review.proposal.call.criteria.all()}
    errors = []
    for pk, (value, _comment) in scores.items():
        if pk not in criteria:
            errors.append(_("An unknown criterion was sent."))
        elif value is not None and not 0 <= value <= SCORE_MAX:
            errors.append(_("%(criterion)s: a score is between 0 and %(max)d.")
                          % {"criterion": criteria[pk].label, "max": SCORE_MAX})  # fmt: skip
    if errors:
        raise ValidationError({"scores": errors})
    for pk, (value, note) in scores.items():
        if value is None:
            Score.objects.filter(review=review, criterion_id=pk).delete()
        else:
            Score.objects.update_or_create(
                review=review, criterion_id=pk, defaults={"value": value, "comment": note.strip()}
            )
    review.comment = comment.strip()
    review.save(update_fields=["comment", "updated"])
    return review


@transaction.atomic
def review_submit(*, actor, review: Review) -> Review:
    review = Review.objects.select_for_update().get(pk=review.pk)
    require(actor, "submit", review)
    missing = review.proposal.call.criteria.exclude(scores__review=review)
    if missing.exists():
        raise ValidationError(
            {"scores": _("Score every criterion before submitting: %(names)s.")
             % {"names": ", ".join(c.label for c in missing)}}
        )  # fmt: skip
    review.status = ReviewStatus.SUBMITTED
    review.submitted_at = timezone.now()
    review.save(update_fields=["status", "submitted_at", "updated"])
    log_action(actor, review, "funding.review.submitted", {"proposal": review.proposal_id})
    return review


# --- the committee's decision and the grant ----------------------------------------------------


@transaction.atomic
def proposal_decide(*, actor, proposal: Proposal, approve: bool, note: str) -> Proposal:
    """The steering committee approves a reviewed proposal (it enters the pipeline) or not.
    A proposal that any reviewer scored 0 on a mandatory criterion cannot be approved."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(actor, "decide", proposal)
    submitted = proposal.reviews.filter(status=ReviewStatus.SUBMITTED)
    if not submitted.exists():
        raise ValidationError(_("No review has been submitted yet."))
    if approve:
        failed = Criterion.objects.filter(
            call=proposal.call, mandatory=True, scores__review__in=submitted, scores__value=0
        ).distinct()
        if failed.exists():
            raise ValidationError(
                _("A reviewer scored a mandatory criterion 0: %(names)s.")
                % {"names": ", ".join(c.label for c in failed)}
            )
    elif not note.strip():
        raise ValidationError({"note": _("Give the applicants the committee's reasons.")})
    proposal.status = ProposalStatus.APPROVED if approve else ProposalStatus.REJECTED
    proposal.decided_at = timezone.now()
    proposal.decision_note = note.strip()
    proposal.save(update_fields=["status", "decided_at", "decision_note", "updated"])
    verb = "approved" if approve else "rejected"
    log_action(actor, proposal, f"funding.proposal.{verb}", {"note": proposal.decision_note})
    return proposal


def _paid_usd(deposit_ids) -> dict[int, Decimal]:
    rows = (
        Transaction.objects.filter(contribution__in=deposit_ids, kind=TransactionKind.DISBURSEMENT)
        .values("contribution")
        .annotate(total=Sum("amount_usd"))
    )
    return {row["contribution"]: row["total"] for row in rows}


def _drawn_usd(deposit_ids) -> dict[int, Decimal]:
    rows = (
        Contribution.objects.filter(parent__in=deposit_ids)
        .exclude(status=ContributionStatus.CANCELLED)
        .values("parent")
        .annotate(total=Sum("amount_usd"))
    )
    return {row["parent"]: row["total"] for row in rows}


def deposits_remaining(fund: Fund) -> list[tuple[Contribution, Decimal]]:
    """Each paid-in deposit of the fund with what is left of it, oldest first."""
    deposits = list(
        fund.deposits.filter(kind=ContributionKind.FINANCIAL)
        .exclude(status=ContributionStatus.CANCELLED)
        .select_related("earmark_area", "earmark_country")
        .order_by("value_date", "pk")
    )
    ids = [d.pk for d in deposits]
    paid, drawn = _paid_usd(ids), _drawn_usd(ids)
    left = [(d, paid.get(d.pk, Decimal(0)) - drawn.get(d.pk, Decimal(0))) for d in deposits]
    return [(deposit, amount) for deposit, amount in left if amount > 0]


def balance(fund: Fund) -> Decimal:
    return sum((amount for _deposit, amount in deposits_remaining(fund)), Decimal(0)).quantize(CENT)


def _eligible(deposit: Contribution, proposal: Proposal, areas: set, countries: set) -> int | None:
    """The order in which a grant draws on a deposit (lower first), or None if it may not:
    deposits earmarked for this proposal, then for one of its areas or countries, then free."""
    if deposit.earmark_proposal_id is not None:
        return 0 if deposit.earmark_proposal_id == proposal.pk else None
    if deposit.earmark_area_id is not None and deposit.earmark_area_id not in areas:
        return None
    if deposit.earmark_country_id is not None and deposit.earmark_country_id not in countries:
        return None
    return 1 if (deposit.earmark_area_id or deposit.earmark_country_id) else 2


def _project_data(proposal: Proposal) -> ProjectData:
    countries = list(proposal.countries.all())
    start = timezone.localdate() + timedelta(days=30)
    return ProjectData(
        title=proposal.title,
        description=proposal.summary,
        objectives=proposal.objectives,
        planned_start=start,
        planned_end=start + timedelta(days=round(proposal.months * 30.44)),
        scope=Scope.NATIONAL if len(countries) == 1 else Scope.MULTI_NATIONAL,
        countries=[(country, None) for country in countries],
        capacity_areas=list(proposal.capacity_areas.all()),
        gcm_objectives=list(proposal.gcm_objectives.all()),
        participants=[
            (proposal.organisation, ParticipantRole.ACCOUNTABLE),
            (proposal.organisation, ParticipantRole.IMPLEMENTING),
            *[(partner, ParticipantRole.IMPLEMENTING) for partner in proposal.partners.all()],
            (proposal.call.fund.manager, ParticipantRole.FUNDING),
        ],
        gender_marker=proposal.gender_marker,
        human_rights_marker=proposal.human_rights_marker,
        child_marker=proposal.child_marker,
        language=proposal.language,
    )


@transaction.atomic
def proposal_fund(*, actor, proposal: Proposal):
    """Fund an approved proposal from the fund's balance: it becomes a project (in the pipeline,
    run by the lead organisation), and the fund transfers the budget to it, drawing on deposits.
    If the balance is short, nothing is written and the proposal stays in the pipeline."""
    fund = Fund.objects.select_for_update().get(pk=proposal.call.fund_id)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(actor, "fund", proposal)
    areas = set(proposal.capacity_areas.values_list("pk", flat=True))
    countries = set(proposal.countries.values_list("pk", flat=True))
    sources = sorted(
        (
            (order, deposit.value_date, deposit.pk, deposit, amount)
            for deposit, amount in deposits_remaining(fund)
            if (order := _eligible(deposit, proposal, areas, countries)) is not None
        ),
        key=lambda row: row[:3],
    )
    available = sum((row[4] for row in sources), Decimal(0))
    if available < proposal.budget:
        raise ValidationError(
            _("The fund holds %(available)s US dollars this proposal may use; it needs "
              "%(budget)s. It stays in the pipeline for donors.")
            % {"available": available.quantize(CENT), "budget": proposal.budget}
        )  # fmt: skip
    project = project_record(
        actor=actor,
        organisation=proposal.organisation,
        data=_project_data(proposal),
        status=ProjectStatus.PIPELINE,
    )
    today, needed = timezone.localdate(), proposal.budget
    for *_order, deposit, amount in sources:
        if needed <= 0:
            break
        drawn = min(amount, needed)
        _transfer(actor, fund, deposit, project, drawn, today)
        needed -= drawn
    proposal.status = ProposalStatus.FUNDED
    proposal.project = project
    proposal.save(update_fields=["status", "project", "updated"])
    log_action(actor, proposal, "funding.proposal.funded",
               {"project": project.pk, "amount": str(proposal.budget)})  # fmt: skip
    return project


def _transfer(actor, fund, deposit, project, amount: Decimal, today) -> Contribution:
    transfer = Contribution.objects.create(
        source_fund=fund,
        project=project,
        parent=deposit,
        kind=ContributionKind.FINANCIAL,
        amount=amount,
        currency=USD,
        value_date=today,
        usd_per_unit=Decimal(1),
        amount_usd=amount,
        status=ContributionStatus.COMMITTED,
        committed_on=today,
        created_by=actor,
        is_demo=fund.is_demo,
    )
    log_action(actor, transfer, "funding.contribution.transferred",
               {"fund": fund.pk, "deposit": deposit.pk, "project": project.pk,
                "amount": str(amount)})  # fmt: skip
    return transfer
