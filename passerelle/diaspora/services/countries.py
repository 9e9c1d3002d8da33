"""Writes of the country pages: the secretariat opens the year's call for contributions and closes
it (or the daily sweep does, past its closing date); any signed-in person proposes a new entry or
a correction while a call is open; the secretariat accepts one (which writes the entry, reviewed
in the call's year) or rejects it with a note, and confirms entries still current. Audited under
`diaspora.call.*`, `diaspora.contribution.*` and `diaspora.entry.*`."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.audit import log_action

from ..choices import CallStatus, ContributionStatus, EntryKind
from ..models import ContributionCall, FactsheetContribution, FactsheetEntry
from ..permissions import is_active_user, is_secretariat

# The fields a contribution proposes for its entry (copied to the entry when accepted).
ENTRY_FIELDS = ("kind", "name", "institution_type", "year", "url", "description", "language")


def _require_secretariat(actor) -> None:
    if not (is_active_user(actor) and is_secretariat(actor)):
        raise PermissionDenied


def open_call(today: date | None = None) -> ContributionCall | None:
    """The call taking contributions today: open, and today between its opening and closing."""
    today = today or timezone.localdate()
    return (
        ContributionCall.objects.filter(
            status=CallStatus.OPEN, opens_on__lte=today, closes_on__gte=today
        )
        .order_by("-year")
        .first()
    )


# Calls -----------------------------------------------------------------------------------------


@transaction.atomic
def contribution_call_open(
    *, actor, year: int, opens_on: date, closes_on: date, description: str = ""
) -> ContributionCall:
    """The year's call (one per year)."""
    _require_secretariat(actor)
    if opens_on and closes_on and closes_on < opens_on:
        raise ValidationError({"closes_on": _("The call must close after it opens.")})
    if ContributionCall.objects.filter(year=year).exists():
        raise ValidationError({"year": _("There is already a call for this year.")})
    call = ContributionCall(
        year=year, opens_on=opens_on, closes_on=closes_on, description=description.strip()
    )
    call.full_clean()
    call.save()
    log_action(
        actor,
        call,
        "diaspora.call.opened",
        {"year": year, "opens_on": opens_on, "closes_on": closes_on},
    )
    return call


@transaction.atomic
def contribution_call_close(*, actor, call: ContributionCall) -> ContributionCall:
    _require_secretariat(actor)
    call = ContributionCall.objects.select_for_update().get(pk=call.pk)
    if call.status == CallStatus.CLOSED:
        raise ValidationError(_("This call is already closed."))
    call.status = CallStatus.CLOSED
    call.save(update_fields=["status", "updated"])
    log_action(actor, call, "diaspora.call.closed", {"year": call.year})
    return call


def close_past_calls(today: date | None = None) -> int:
    """The daily sweep: close open calls past their closing date; how many were closed. Harmless
    to run twice (the update is conditional on the call being still open)."""
    today = today or timezone.localdate()
    closed = 0
    for call in ContributionCall.objects.filter(status=CallStatus.OPEN, closes_on__lt=today):
        with transaction.atomic():
            updated = ContributionCall.objects.filter(pk=call.pk, status=CallStatus.OPEN).update(
                status=CallStatus.CLOSED, updated=timezone.now()
            )
            if updated:
                log_action(None, call, "diaspora.call.closed", {"year": call.year, "past": True})
                closed += 1
    return closed


# Contributions ---------------------------------------------------------------------------------


def _entry_errors(data: dict) -> dict:
    """What a proposed entry lacks, by field, in words (the model's constraints would only say
    that a check failed)."""
    errors = {}
    if data.get("kind") not in EntryKind.values:
        errors["kind"] = _("Choose what the entry is: an institution, a policy or a programme.")
    elif data.get("kind") == EntryKind.INSTITUTION and not data.get("institution_type"):
        errors["institution_type"] = _("Choose the type of institution.")
    elif data.get("kind") != EntryKind.INSTITUTION and data.get("institution_type"):
        errors["institution_type"] = _("Only institutions have a type; leave it empty.")
    if not (data.get("name") or "").strip():
        errors["name"] = _("Give the entry's name.")
    return errors


@transaction.atomic
def contribution_submit(
    *, actor, country, data: dict, entry: FactsheetEntry | None = None
) -> FactsheetContribution:
    """A proposed new entry of `country`'s page, or a correction of `entry`, with its source;
    while a call is open."""
    if not is_active_user(actor):
        raise PermissionDenied
    call = open_call()
    if call is None:
        raise ValidationError(_("No call for contributions is open at the moment."))
    if entry is not None and entry.country_id != country.pk:
        raise ValidationError({"entry": _("This entry is not on this country's page.")})
    errors = _entry_errors(data)
    if not (data.get("source") or "").strip():
        errors["source"] = _("Say where the secretariat can check this (a link or a document).")
    if errors:
        raise ValidationError(errors)
    contribution = FactsheetContribution(
        call=call,
        country=country,
        entry=entry,
        contributor=actor,
        source=data["source"].strip(),
        **_proposed(data),
    )
    contribution.full_clean()
    contribution.save()
    log_action(
        actor,
        contribution,
        "diaspora.contribution.submitted",
        {"call": call.year, "country": country.iso3, "entry": entry.pk if entry else None},
    )
    return contribution


def _proposed(data: dict) -> dict:
    """The entry's fields from `data`: text stripped ("" when missing), the year or None."""
    fields = {field: (data.get(field) or "").strip() for field in ENTRY_FIELDS if field != "year"}
    fields["year"] = data.get("year") or None
    return fields


def _require_submitted(contribution: FactsheetContribution) -> FactsheetContribution:
    locked = FactsheetContribution.objects.select_for_update().get(pk=contribution.pk)
    if locked.status != ContributionStatus.SUBMITTED:
        raise ValidationError(_("This contribution has already been reviewed."))
    return locked


@transaction.atomic
def contribution_accept(
    *, actor, contribution: FactsheetContribution, note: str = ""
) -> FactsheetEntry:
    """Writes the entry (a new one, or the corrected `entry`), reviewed in the call's year."""
    _require_secretariat(actor)
    contribution = _require_submitted(contribution)
    entry = contribution.entry or FactsheetEntry(country_id=contribution.country_id)
    created = entry.pk is None
    for field in ENTRY_FIELDS:
        setattr(entry, field, getattr(contribution, field))
    entry.reviewed_year = contribution.call.year
    entry.full_clean()
    entry.save()
    contribution.entry = entry
    _review(contribution, actor, ContributionStatus.ACCEPTED, note)
    log_action(
        actor,
        contribution,
        "diaspora.contribution.accepted",
        {"entry": entry.pk, "created": created},
    )
    log_action(
        actor,
        entry,
        "diaspora.entry.created" if created else "diaspora.entry.corrected",
        {"contribution": contribution.pk, "reviewed_year": entry.reviewed_year},
    )
    return entry


@transaction.atomic
def contribution_reject(
    *, actor, contribution: FactsheetContribution, note: str
) -> FactsheetContribution:
    _require_secretariat(actor)
    if not (note or "").strip():
        raise ValidationError({"note": _("Tell the contributor why it is rejected.")})
    contribution = _require_submitted(contribution)
    _review(contribution, actor, ContributionStatus.REJECTED, note)
    log_action(actor, contribution, "diaspora.contribution.rejected", {"note": note.strip()})
    return contribution


def _review(contribution, actor, status: str, note: str) -> None:
    contribution.status = status
    contribution.reviewed_by = actor
    contribution.reviewed_at = timezone.now()
    contribution.review_note = (note or "").strip()
    contribution.full_clean()
    contribution.save()


@transaction.atomic
def entry_confirm(*, actor, entry: FactsheetEntry) -> FactsheetEntry:
    """The secretariat checked the entry: still current this year."""
    _require_secretariat(actor)
    entry.reviewed_year = timezone.localdate().year
    entry.full_clean()
    entry.save(update_fields=["reviewed_year", "updated"])
    log_action(actor, entry, "diaspora.entry.confirmed", {"reviewed_year": entry.reviewed_year})
    return entry
