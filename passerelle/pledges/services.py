"""Writes of pledges: a draft, its publication after the SMART check, progress reports, closing
and withdrawal, and the sweep that flags missed reports. Every change is audited under
`pledges.pledge.*`; the audit trail of a pledge is its history."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pycountry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import require
from passerelle.core.search import index_later

from . import reporting
from .choices import (
    MATCHABLE_STATUSES,
    TYPES_WITH_PARTNERS,
    Completion,
    PledgeForm,
    PledgeStatus,
    PledgeType,
)
from .models import MAX_INTERVAL_MONTHS, Pledge, ProgressUpdate, default_reporting_interval

DESCRIPTION_LIMIT = 10_000
NOTE_LIMIT = 5000
REASON_LIMIT = 2000


@dataclass
class PledgeData:
    """What a pledging organisation writes; the same for a new pledge and an edit. Metric,
    target, unit and deadline may wait until publication."""

    title: str
    description: str
    form: str
    type: str
    gcm_objectives: list
    capacity_areas: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    matches: Pledge | None = None
    country: object = None
    region: object = None
    metric: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    deadline: date | None = None
    amount: Decimal | None = None
    currency: str = ""
    pledged_on: date | None = None  # empty: the day it is published
    reporting_interval: int | None = None  # empty: settings.PLEDGES["REPORTING_INTERVAL_MONTHS"]
    language: str = ""  # empty: recognised from the description


@dataclass
class ProgressData:
    as_of: date
    completion: str
    note: str
    value_reached: Decimal | None = None


def _clean(data: PledgeData, organisation, pledge: Pledge | None = None) -> dict:
    """Every problem at once, by field; the fields to store when there is none."""
    errors = {
        **_text_errors(data),
        **_kind_errors(data, organisation, pledge),
        **_measure_errors(data),
    }
    if data.country is not None and data.region is not None:
        errors["region"] = _("Name a country or a region, not both.")
    if errors:
        raise ValidationError(errors)
    return {
        "title": data.title.strip(),
        "description": data.description.strip(),
        "language": data.language or detect_language(data.description),
        "form": data.form,
        "type": data.type,
        "matches": data.matches if data.type == PledgeType.MATCHING else None,
        "country": data.country,
        "region": data.region,
        "metric": data.metric.strip(),
        "baseline": data.baseline,
        "target": data.target,
        "unit": data.unit.strip(),
        "deadline": data.deadline,
        "amount": data.amount,
        "currency": data.currency.strip().upper() if data.amount is not None else "",
        "pledged_on": data.pledged_on,
        "reporting_interval": data.reporting_interval or default_reporting_interval(),
    }


def _text_errors(data: PledgeData) -> dict:
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the pledge a title.")
    if not data.description.strip():
        errors["description"] = _("Describe what you commit to.")
    elif len(data.description) > DESCRIPTION_LIMIT:
        errors["description"] = _("Keep the description under %(limit)d characters.") % {
            "limit": DESCRIPTION_LIMIT
        }
    if not data.gcm_objectives:
        errors["gcm_objectives"] = _("Choose at least one GCM objective the pledge serves.")
    return errors


def _kind_errors(data: PledgeData, organisation, pledge: Pledge | None) -> dict:
    """The form and type, and what the type asks for: partners, or the pledge matched."""
    errors = {}
    if data.form not in PledgeForm.values:
        errors["form"] = _("Choose the form of the pledge from the list.")
    if data.type not in PledgeType.values:
        errors["type"] = _("Choose the type of the pledge from the list.")
    if data.type in TYPES_WITH_PARTNERS and not data.partners:
        errors["partners"] = _("Name the organisations you make this pledge with.")
    elif data.type not in TYPES_WITH_PARTNERS and data.partners:
        errors["partners"] = _("Only a common pledge or one in partnership names partners.")
    elif any(partner.pk == organisation.pk for partner in data.partners):
        errors["partners"] = _("Your own organisation is not its own partner.")
    if data.type == PledgeType.MATCHING:
        matched = data.matches
        if matched is None:
            errors["matches"] = _("Give the number of the pledge you match.")
        elif pledge is not None and matched.pk == pledge.pk:
            errors["matches"] = _("A pledge cannot match itself.")
        elif matched.status not in MATCHABLE_STATUSES:
            errors["matches"] = _("Only a published pledge can be matched.")
    return errors


def _measure_errors(data: PledgeData) -> dict:
    """Figures and dates, when given (the SMART check asks for them at publication)."""
    errors = {}
    if data.target is not None and data.target <= 0:
        errors["target"] = _("The target must be more than zero.")
    if data.baseline is not None and data.baseline < 0:
        errors["baseline"] = _("The baseline cannot be negative.")
    if data.amount is not None and data.amount <= 0:
        errors["amount"] = _("The amount must be more than zero.")
    if (data.amount is not None or data.currency.strip()) and not pycountry.currencies.get(
        alpha_3=data.currency.strip().upper()
    ):
        errors["currency"] = _("Give a currency code such as USD or EUR.")
    today = timezone.localdate()
    if data.pledged_on is not None and data.pledged_on > today:
        errors["pledged_on"] = _("A pledge is made today or earlier.")
    elif data.pledged_on and data.deadline and data.deadline < data.pledged_on:
        errors["deadline"] = _("The deadline comes before the pledge was made.")
    interval = data.reporting_interval
    if interval is not None and not 1 <= interval <= MAX_INTERVAL_MONTHS:
        errors["reporting_interval"] = _("Report every 1 to %(most)d months.") % {
            "most": MAX_INTERVAL_MONTHS
        }
    return errors


def _may_pledge_for(actor, organisation) -> bool:
    return actor.is_authenticated and actor.has_role(organisation.pk, MembershipRole.EDITOR)


@transaction.atomic
def pledge_create(*, actor, organisation, data: PledgeData, submission_key=None) -> Pledge:
    """A draft pledge. Posting the same form twice (same `submission_key`) returns the pledge the
    first post created."""
    if not _may_pledge_for(actor, organisation):
        raise PermissionDenied
    if submission_key is not None:
        existing = Pledge.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    pledge = Pledge(
        organisation=organisation,
        created_by=actor,
        is_demo=organisation.is_demo,
        **_clean(data, organisation),
    )
    if submission_key is not None:
        pledge.submission_key = submission_key
    pledge.full_clean(exclude=["created_by"])
    try:
        with transaction.atomic():
            pledge.save()
    except IntegrityError:
        if submission_key is None:
            raise
        # The same form posted twice at once: the other post won; return its pledge.
        return Pledge.objects.get(organisation=organisation, submission_key=submission_key)
    _save_relations(pledge, data)
    log_action(actor, pledge, "pledges.pledge.created", {"language": pledge.language})
    index_later(pledge)
    return pledge


def _save_relations(pledge: Pledge, data: PledgeData) -> None:
    pledge.gcm_objectives.set(data.gcm_objectives)
    pledge.capacity_areas.set(data.capacity_areas)
    pledge.partners.set(data.partners if data.type in TYPES_WITH_PARTNERS else [])


def _lock(pledge: Pledge) -> Pledge:
    return Pledge.objects.select_for_update().select_related("organisation").get(pk=pledge.pk)


@transaction.atomic
def pledge_update(*, actor, pledge: Pledge, data: PledgeData) -> Pledge:
    """A draft's new wording. Once published, a pledge is a public commitment and stays as it
    was made."""
    pledge = _lock(pledge)
    require(actor, "change", pledge)
    for name, value in _clean(data, pledge.organisation, pledge).items():
        setattr(pledge, name, value)
    pledge.full_clean(exclude=["created_by"])
    pledge.save()
    _save_relations(pledge, data)
    log_action(actor, pledge, "pledges.pledge.updated", {})
    index_later(pledge)
    return pledge


def smart_errors(pledge: Pledge, today: date) -> dict:
    """What keeps a draft from being published: the SMART check (a metric, a target with its
    unit, a deadline to come) and, for a financial pledge, its amount."""
    errors = {}
    if not pledge.metric:
        errors["metric"] = _("Say what you will measure: the metric.")
    if pledge.target is None:
        errors["target"] = _("Give the target value to reach.")
    if not pledge.unit:
        errors["unit"] = _("Give the unit of the target, e.g. officials trained.")
    if pledge.deadline is None:
        errors["deadline"] = _("Give the deadline.")
    elif pledge.deadline < today:
        errors["deadline"] = _("The deadline has passed: choose a date to come.")
    if pledge.form == PledgeForm.FINANCIAL and pledge.amount is None:
        errors["amount"] = _("A financial pledge states its amount and currency.")
    return errors


@transaction.atomic
def pledge_publish(*, actor, pledge: Pledge) -> Pledge:
    """Public from now on, once the SMART check passes. A government speaks for its State only
    once verified."""
    pledge = _lock(pledge)
    require(actor, "publish", pledge)
    organisation = pledge.organisation
    if organisation.acts_for_state and not organisation.can_publish_for_state:
        raise ValidationError(
            _("The secretariat must verify your organisation before it publishes pledges.")
        )
    today = timezone.localdate()
    errors = smart_errors(pledge, today)
    if pledge.matches_id is not None and pledge.matches.status not in MATCHABLE_STATUSES:
        errors["matches"] = _("The pledge you match is no longer published.")
    if errors:
        raise ValidationError(errors)
    pledge.status = PledgeStatus.PUBLISHED
    pledge.published_at = timezone.now()
    pledge.pledged_on = pledge.pledged_on or today
    _schedule_next_report(pledge)
    pledge.save(
        update_fields=["status", "published_at", "pledged_on", "next_report_due", "updated"]
    )
    log_action(
        actor,
        pledge,
        "pledges.pledge.published",
        {
            "from": PledgeStatus.DRAFT,
            "to": pledge.status,
            "next_report_due": pledge.next_report_due,
        },
    )
    index_later(pledge)
    return pledge


def _schedule_next_report(pledge: Pledge) -> None:
    # A report is as of the day the pledge was made or later: the last one, if any, is the latest.
    pledge.next_report_due = reporting.next_report_due(
        since=pledge.last_report_on or pledge.pledged_on,
        interval_months=pledge.reporting_interval,
        deadline=pledge.deadline,
        completion=pledge.completion,
    )


def _progress_errors(pledge: Pledge, data: ProgressData, today: date) -> dict:
    errors = {}
    if data.completion not in Completion.values:
        errors["completion"] = _("Choose how complete the pledge is.")
    if data.as_of > today:
        errors["as_of"] = _("Report progress as of today or earlier.")
    elif data.as_of < pledge.pledged_on:
        errors["as_of"] = _("The pledge was made on %(day)s: report progress since then.") % {
            "day": pledge.pledged_on.isoformat()
        }
    if data.value_reached is not None and data.value_reached < 0:
        errors["value_reached"] = _("The value reached cannot be negative.")
    if not data.note.strip():
        errors["note"] = _("Say what was done since the last report.")
    elif len(data.note) > NOTE_LIMIT:
        errors["note"] = _("Keep the note under %(limit)d characters.") % {"limit": NOTE_LIMIT}
    return errors


@transaction.atomic
def progress_record(
    *, actor, pledge: Pledge, data: ProgressData, submission_key=None
) -> ProgressUpdate:
    """A progress report on a published pledge. Its completion becomes the completion of the
    latest report (by the day it is as of), and the next report falls due an interval later.
    Posting the same form twice (same `submission_key`) records one report."""
    pledge = _lock(pledge)
    require(actor, "report", pledge)
    if submission_key is not None:
        existing = pledge.progress_updates.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing
    errors = _progress_errors(pledge, data, timezone.localdate())
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate(
        pledge=pledge,
        as_of=data.as_of,
        completion=data.completion,
        value_reached=data.value_reached,
        note=data.note.strip(),
        author=actor,
    )
    if submission_key is not None:
        update.submission_key = submission_key
    update.full_clean(exclude=["author"])
    update.save()
    before = pledge.completion
    latest = pledge.progress_updates.order_by("-as_of", "-pk").first()
    pledge.completion = latest.completion
    pledge.last_report_on = latest.as_of
    _schedule_next_report(pledge)
    pledge.save(update_fields=["completion", "last_report_on", "next_report_due", "updated"])
    log_action(
        actor,
        pledge,
        "pledges.pledge.progress_reported",
        {
            "update": update.pk,
            "as_of": update.as_of,
            "completion": update.completion,
            "value_reached": update.value_reached,
            "from": before,
            "to": pledge.completion,
        },
    )
    return update


def _reason(reason: str) -> str:
    reason = reason.strip()
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            {"reason": _("Keep the reason under %(limit)d characters.") % {"limit": REASON_LIMIT}}
        )
    return reason


def _transition(actor, pledge: Pledge, status: str, action: str, note: str) -> Pledge:
    before = pledge.status
    pledge.status = status
    pledge.save(update_fields=["status", "updated"])
    log_action(
        actor, pledge, f"pledges.pledge.{action}", {"from": before, "to": status, "note": note}
    )
    index_later(pledge)
    return pledge


@transaction.atomic
def pledge_close(*, actor, pledge: Pledge, reason: str = "") -> Pledge:
    """Reporting ends, with the completion last reported: once the pledge is complete, or once
    its deadline has passed (closing earlier would only switch off a red light)."""
    pledge = _lock(pledge)
    require(actor, "close", pledge)
    reason = _reason(reason)
    if not closable(pledge, timezone.localdate()):
        raise ValidationError(
            _("A pledge is closed once it is complete or its deadline has passed.")
        )
    return _transition(actor, pledge, PledgeStatus.CLOSED, "closed", reason)


def closable(pledge: Pledge, today: date) -> bool:
    return pledge.completion == Completion.COMPLETE or pledge.deadline < today


@transaction.atomic
def pledge_withdraw(*, actor, pledge: Pledge, reason: str = "") -> Pledge:
    """The organisation takes its pledge back. A published pledge stays public, marked
    withdrawn with the reason: the commitment was public, so is its withdrawal."""
    pledge = _lock(pledge)
    require(actor, "withdraw", pledge)
    return _transition(actor, pledge, PledgeStatus.WITHDRAWN, "withdrawn", _reason(reason))


# Not yet told about the report now due (the due date only ever moves forward).
NOT_TOLD = Q(overdue_notice_for__isnull=True) | ~Q(overdue_notice_for=F("next_report_due"))


def pledges_flag_overdue(*, today: date | None = None) -> int:
    """Flag each report that has fallen due without coming; return how many were flagged."""
    today = today or timezone.localdate()
    overdue = Pledge.objects.filter(
        NOT_TOLD, status=PledgeStatus.PUBLISHED, next_report_due__lt=today
    )
    loaded = overdue.only("pk", "title", "next_report_due")
    return sum(pledge_flag_overdue(pledge=pledge, today=today) for pledge in loaded)


@transaction.atomic
def pledge_flag_overdue(*, pledge: Pledge, today: date | None = None) -> bool:
    """Log `pledges.pledge.report_overdue` for the report due on `pledge.next_report_due`, once
    (the notification kinds tell the pledging organisation). Of two runs at once, the
    conditional update lets one claim the missed report; the other does nothing."""
    today = today or timezone.localdate()
    due = pledge.next_report_due
    claimed = Pledge.objects.filter(
        NOT_TOLD, pk=pledge.pk, status=PledgeStatus.PUBLISHED, next_report_due=due,
        next_report_due__lt=today,
    ).update(overdue_notice_for=due)  # fmt: skip
    if claimed:
        log_action(None, pledge, "pledges.pledge.report_overdue", {"due": due})
    return bool(claimed)
