"""Contributions and their money: pledge → commitment → disbursements (paid when they add up to
the commitment) → expenditure reported by the project against what was disbursed. In-kind help
is committed, then delivered. Every step is audited as funding.contribution.*; amounts are
Decimal in the contribution's currency, converted with the stored rate of each flow's date.

What must hold even under concurrent posts: disbursements never exceed the commitment, and
expenditure never exceeds disbursements — each write locks its contribution row first.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.permissions import require, user_can
from passerelle.hub.choices import RequestStatus
from passerelle.projects.choices import ProjectStatus

from ..choices import (
    ContributionKind,
    ContributionStatus,
    DonorType,
    TransactionKind,
    donor_type_of,
)
from ..models import Contribution, Transaction
from ..rates import check_currency, rate_on, to_usd

# Requests take contributions once the secretariat published them, until they close.
FUNDABLE_REQUEST_STATUSES = (
    RequestStatus.OPEN,
    RequestStatus.PARTLY_MATCHED,
    RequestStatus.MATCHED,
    RequestStatus.IN_PARTNERSHIP,
)
UNFUNDABLE_PROJECT_STATUSES = (ProjectStatus.CLOSED, ProjectStatus.CANCELLED)
# Community money — individuals and diaspora organisations — goes through the co-funding limits.
COFUNDING_DONORS = (DonorType.DIASPORA, DonorType.MIGRANT_INDIVIDUAL)
# A pledge may be dated ahead (when the money will come), within reason.
FUTURE_LIMIT = timedelta(days=366 * 5)


@dataclass
class ContributionData:
    kind: str
    amount: Decimal
    currency: str
    value_date: date
    description: str = ""
    quantity: Decimal | None = None
    anonymous: bool = False
    note: str = ""
    earmark_area: object = None
    earmark_country: object = None
    earmark_proposal: object = None


def donor_type_of_source(contribution: Contribution) -> str:
    if contribution.source_person_id is not None:
        return DonorType.MIGRANT_INDIVIDUAL
    if contribution.source_fund_id is not None:
        return DonorType.MULTILATERAL
    return donor_type_of(contribution.source_organisation)


def _positive(value, field: str, message: str) -> Decimal:
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({field: message}) from None
    if not number.is_finite() or number <= 0:
        raise ValidationError({field: message})
    return number


def _check_destination(actor, contribution: Contribution) -> None:
    destination = contribution.destination
    if not user_can(actor, "view", destination):
        raise PermissionDenied
    if contribution.request_id and destination.status not in FUNDABLE_REQUEST_STATUSES:
        raise ValidationError(_("This request does not take contributions in its present state."))
    if contribution.project_id and destination.status in UNFUNDABLE_PROJECT_STATUSES:
        raise ValidationError(_("This project is over: it takes no more contributions."))


def _check_kind(data: ContributionData) -> dict:
    errors = {}
    if data.kind not in ContributionKind.values:
        errors["kind"] = _("Choose money or a kind of in-kind help.")
    elif data.kind != ContributionKind.FINANCIAL and not data.description.strip():
        errors["description"] = _("Say what is given.")
    if data.kind == ContributionKind.EXPERT_DAYS and (data.quantity is None or data.quantity <= 0):
        errors["quantity"] = _("Give the number of expert-days.")
    if data.value_date and data.value_date > timezone.localdate() + FUTURE_LIMIT:
        errors["value_date"] = _("The date is too far in the future.")
    return errors


def _check_cofunding(contribution: Contribution) -> None:
    if (
        contribution.fund_id is not None
        or donor_type_of_source(contribution) not in COFUNDING_DONORS
    ):
        return
    low = Decimal(settings.FUNDING["COFUNDING_MIN_USD"])
    high = Decimal(settings.FUNDING["COFUNDING_MAX_USD"])
    if not low <= contribution.amount_usd <= high:
        raise ValidationError(
            {
                "amount": _(
                    "A co-funding contribution is worth between %(low)s and %(high)s US dollars; "
                    "this one is worth %(value)s."
                )
                % {"low": low, "high": high, "value": contribution.amount_usd}
            }
        )


def _check_earmarks(contribution: Contribution) -> None:
    proposal = contribution.earmark_proposal
    if proposal is not None and (
        proposal.call.fund_id != contribution.fund_id or proposal.status != "approved"
    ):
        raise ValidationError(
            {"earmark_proposal": _("Earmark for an approved proposal in this fund's pipeline.")}
        )


@transaction.atomic
def contribution_create(
    *, actor, data: ContributionData, request=None, project=None, fund=None,
    source_organisation=None, status=ContributionStatus.PLEDGED, submission_key=None,
) -> Contribution:  # fmt: skip
    """Record a contribution from `source_organisation` (the actor is one of its editors) or,
    without one, from the actor in person. Posting the same form twice (same `submission_key`)
    returns the contribution the first post created."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if source_organisation is not None and not actor.has_role(
        source_organisation.pk, MembershipRole.EDITOR
    ):
        raise PermissionDenied
    if status not in (ContributionStatus.PLEDGED, ContributionStatus.COMMITTED):
        raise ValidationError({"status": _("A new contribution is pledged or committed.")})
    if submission_key is not None:
        existing = Contribution.objects.filter(
            created_by=actor, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    errors = _check_kind(data)
    amount = _positive(data.amount, "amount", _("Give an amount above zero."))
    currency = check_currency(data.currency)
    if errors:
        raise ValidationError(errors)
    rate = rate_on(currency, data.value_date)
    contribution = Contribution(
        source_organisation=source_organisation,
        source_person=None if source_organisation is not None else actor,
        anonymous=data.anonymous and source_organisation is None,
        request=request,
        project=project,
        fund=fund,
        earmark_area=data.earmark_area,
        earmark_country=data.earmark_country,
        earmark_proposal=data.earmark_proposal,
        kind=data.kind,
        description=data.description.strip(),
        quantity=data.quantity if data.kind == ContributionKind.EXPERT_DAYS else None,
        amount=amount,
        currency=currency,
        value_date=data.value_date,
        usd_per_unit=rate,
        amount_usd=to_usd(amount, rate),
        status=status,
        committed_on=data.value_date if status == ContributionStatus.COMMITTED else None,
        note=data.note.strip(),
        created_by=actor,
        is_demo=source_organisation.is_demo if source_organisation else actor.is_demo,
    )
    if submission_key is not None:
        contribution.submission_key = submission_key
    _check_destination(actor, contribution)
    _check_earmarks(contribution)
    _check_cofunding(contribution)
    contribution.full_clean(exclude=["created_by"])
    try:
        with transaction.atomic():
            contribution.save()
    except IntegrityError:
        if submission_key is None:
            raise
        return Contribution.objects.get(created_by=actor, submission_key=submission_key)
    log_action(actor, contribution, "funding.contribution.created", _summary(contribution))
    return contribution


def _summary(contribution: Contribution) -> dict:
    return {
        "status": contribution.status,
        "kind": contribution.kind,
        "amount": str(contribution.amount),
        "currency": contribution.currency,
        "amount_usd": str(contribution.amount_usd),
        "to": str(contribution.destination),
    }


def lock_contribution(pk: int) -> Contribution:
    return Contribution.objects.select_for_update(of=("self",)).get(pk=pk)


@transaction.atomic
def contribution_commit(*, actor, contribution: Contribution, on: date) -> Contribution:
    contribution = lock_contribution(contribution.pk)
    require(actor, "commit", contribution)
    contribution.status = ContributionStatus.COMMITTED
    contribution.committed_on = on
    contribution.save(update_fields=["status", "committed_on", "updated"])
    log_action(actor, contribution, "funding.contribution.committed", {"on": on.isoformat()})
    return contribution


@transaction.atomic
def contribution_cancel(*, actor, contribution: Contribution, reason: str) -> Contribution:
    contribution = lock_contribution(contribution.pk)
    require(actor, "cancel", contribution)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the contribution is cancelled.")})
    if contribution.transactions.exists():
        raise ValidationError(
            _("Money was paid on this contribution: it can no longer be cancelled.")
        )
    if contribution.children.exclude(status=ContributionStatus.CANCELLED).exists():
        raise ValidationError(_("The fund has transferred money from this deposit."))
    contribution.status = ContributionStatus.CANCELLED
    contribution.save(update_fields=["status", "updated"])
    log_action(actor, contribution, "funding.contribution.cancelled", {"reason": reason.strip()})
    return contribution


def total(contribution: Contribution, kind: str, field: str = "amount") -> Decimal:
    found = contribution.transactions.filter(kind=kind).aggregate(total=Sum(field))["total"]
    return found or Decimal(0)


def _transaction(actor, contribution, *, kind, amount, on, description) -> Transaction:
    rate = rate_on(contribution.currency, on)
    record = Transaction(
        contribution=contribution,
        kind=kind,
        amount=amount,
        value_date=on,
        usd_per_unit=rate,
        amount_usd=to_usd(amount, rate),
        description=description.strip(),
        created_by=actor,
    )
    record.full_clean(exclude=["contribution", "created_by"])
    record.save()
    return record


@transaction.atomic
def disbursement_record(
    *, actor, contribution: Contribution, amount, on: date, description: str = ""
) -> Transaction:
    """The donor pays part or all of what it committed; paid in full, the contribution is paid."""
    contribution = lock_contribution(contribution.pk)
    require(actor, "disburse", contribution)
    amount = _positive(amount, "amount", _("Give an amount above zero."))
    paid = total(contribution, TransactionKind.DISBURSEMENT)
    left = contribution.amount - paid
    if amount > left:
        raise ValidationError(
            {
                "amount": _(
                    "That is more than was committed: %(left)s %(currency)s is left to pay "
                    "of %(committed)s."
                )
                % {
                    "left": left,
                    "currency": contribution.currency,
                    "committed": contribution.amount,
                }
            }
        )
    record = _transaction(actor, contribution, kind=TransactionKind.DISBURSEMENT, amount=amount,
                          on=on, description=description)  # fmt: skip
    if amount == left:
        contribution.status = ContributionStatus.PAID
        contribution.paid_on = on
        contribution.save(update_fields=["status", "paid_on", "updated"])
    log_action(
        actor,
        contribution,
        "funding.contribution.disbursed",
        {"amount": str(amount), "on": on.isoformat(), "paid": str(paid + amount)},
    )
    return record


@transaction.atomic
def contribution_deliver(*, actor, contribution: Contribution, on: date) -> Contribution:
    """In-kind help was given: the contribution is paid, in kind."""
    contribution = lock_contribution(contribution.pk)
    require(actor, "deliver", contribution)
    contribution.status = ContributionStatus.PAID
    contribution.committed_on = contribution.committed_on or on
    contribution.paid_on = on
    contribution.save(update_fields=["status", "committed_on", "paid_on", "updated"])
    log_action(actor, contribution, "funding.contribution.delivered", {"on": on.isoformat()})
    return contribution


@transaction.atomic
def expenditure_record(
    *, actor, contribution: Contribution, amount, on: date, description: str
) -> Transaction:
    """The project reports spending against what this contribution disbursed to it."""
    contribution = lock_contribution(contribution.pk)
    require(actor, "report_expenditure", contribution)
    amount = _positive(amount, "amount", _("Give an amount above zero."))
    if not description.strip():
        raise ValidationError({"description": _("Say what the money was spent on.")})
    disbursed = total(contribution, TransactionKind.DISBURSEMENT)
    spent = total(contribution, TransactionKind.EXPENDITURE)
    if spent + amount > disbursed:
        raise ValidationError(
            {
                "amount": _(
                    "Expenditure cannot exceed what was disbursed: %(left)s %(currency)s of "
                    "%(disbursed)s is left to report."
                )
                % {"left": disbursed - spent, "currency": contribution.currency,
                   "disbursed": disbursed}
            }
        )  # fmt: skip
    record = _transaction(actor, contribution, kind=TransactionKind.EXPENDITURE, amount=amount,
                          on=on, description=description)  # fmt: skip
    log_action(
        actor,
        contribution,
        "funding.contribution.spent",
        {"amount": str(amount), "on": on.isoformat(), "description": description.strip()},
    )
    return record
