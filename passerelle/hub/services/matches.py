"""Brokering: the secretariat introduces the parties of a proposed match; each accepts or
declines, with a reason; an accepted match becomes a partnership (the projects module will call
`match_start_partnership` when it creates the project). Every step is audited: acceptances and
declines are the providers' track record and the matcher's evaluation data."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.audit import log_action
from passerelle.core.permissions import require
from passerelle.core.tasks import enqueue_on_commit

from ..choices import Decision, MatchStatus, RequestStatus, RequirementKind, SupportType
from ..matching.criteria import CRITERIA
from ..models import Match, MatchingSettings, SupportRequest
from ..permissions import is_broker, match_sides
from ..tasks import rematch_everything

REASON_LIMIT = 2000
MAX_WEIGHT = 100


def _lock(match) -> Match:
    return (
        # Only the match's row: the offer's organisation is an outer join (an individual's offer
        # has none), which PostgreSQL cannot lock.
        Match.objects.select_for_update(of=("self",))
        .select_related("request", "offer", "offer__organisation")
        .get(pk=match.pk)
    )


@transaction.atomic
def match_introduce(*, actor, match: Match, note: str = "") -> Match:
    """Both parties are told about each other (notification kind match_introduced)."""
    match = _lock(match)
    require(actor, "introduce", match)
    if len(note) > REASON_LIMIT:
        raise ValidationError({"note": _("Keep the note under %(limit)d characters.") % {
            "limit": REASON_LIMIT}})  # fmt: skip
    match.status = MatchStatus.INTRODUCED
    match.introduced_at, match.introduced_by = timezone.now(), actor
    match.introduction_note = note.strip()
    match.save()
    log_action(actor, match, "hub.match.introduced", {"note": match.introduction_note})
    return match


@transaction.atomic
def match_decide(*, actor, match: Match, side: str, accept: bool, reason: str = "") -> Match:
    """One party's answer to an introduction. A decline says why. When both have accepted, the
    request counts as (partly) matched."""
    match = _lock(match)
    if side not in match_sides(actor, match):
        raise ValidationError(_("You do not answer for this side of the match."))
    require(actor, "decide", match)
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError({"reason": _("Say why you decline: it helps the secretariat.")})
    if len(reason) > REASON_LIMIT:
        raise ValidationError({"reason": _("Keep the reason under %(limit)d characters.") % {
            "limit": REASON_LIMIT}})  # fmt: skip
    if getattr(match, f"{side}_decision") != Decision.PENDING:
        raise ValidationError(_("This side has already answered."))
    setattr(match, f"{side}_decision", Decision.ACCEPTED if accept else Decision.DECLINED)
    setattr(match, f"{side}_reason", reason)
    if not accept:
        match.status, match.decided_at = MatchStatus.DECLINED, timezone.now()
    elif match.requester_decision == match.provider_decision == Decision.ACCEPTED:
        match.status, match.decided_at = MatchStatus.ACCEPTED, timezone.now()
    match.save()
    log_action(
        actor,
        match,
        "hub.match.accepted" if accept else "hub.match.declined",
        {"side": side, "reason": reason, "status": match.status},
    )
    if match.status == MatchStatus.ACCEPTED:
        _advance_request(actor, match.request)
    return match


def _advance_request(actor, support_request: SupportRequest) -> None:
    """Matched when the accepted offers cover every kind of requirement (money, expert-days,
    in-kind items); partly matched before that."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if support_request.status not in (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED):
        return
    needed = set(support_request.requirements.values_list("kind", flat=True))
    status = (
        RequestStatus.MATCHED
        if needed <= _kinds_covered(support_request)
        else RequestStatus.PARTLY_MATCHED
    )
    if status != support_request.status:
        _set_request_status(actor, support_request, status, "matched")


def _kinds_covered(support_request) -> set[str]:
    covered = set()
    accepted = (
        support_request.matches.filter(status__in=(MatchStatus.ACCEPTED, MatchStatus.PARTNERSHIP))
        .select_related("offer")
        .prefetch_related("offer__support_types")
    )
    for match in accepted:
        offer = match.offer
        if offer.money_amount:
            covered.add(RequirementKind.MONEY)
        types = {t.support_type for t in offer.support_types.all()}
        if offer.expert_days or types & {SupportType.EXPERT_DEPLOYMENT,
                                          SupportType.TECHNICAL_ASSISTANCE}:  # fmt: skip
            covered.add(RequirementKind.EXPERT_DAYS)
        if SupportType.IN_KIND in types:
            covered.add(RequirementKind.IN_KIND)
    return covered


def _set_request_status(actor, support_request, status, action) -> None:
    before = support_request.status
    support_request.status = status
    support_request.save(update_fields=["status", "updated"])
    log_action(actor, support_request, f"hub.request.{action}", {"from": before, "to": status})


@transaction.atomic
def match_start_partnership(*, actor, match: Match) -> Match:
    """An accepted match becomes a partnership; its request is then in partnership. The projects
    module calls this when it creates the project."""
    match = _lock(match)
    require(actor, "start_partnership", match)
    match.status, match.partnership_at = MatchStatus.PARTNERSHIP, timezone.now()
    match.save()
    log_action(actor, match, "hub.match.partnership", {})
    support_request = SupportRequest.objects.select_for_update().get(pk=match.request_id)
    if support_request.status in (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED,
                                  RequestStatus.MATCHED):  # fmt: skip
        _set_request_status(actor, support_request, RequestStatus.IN_PARTNERSHIP, "partnership")
    return match


@transaction.atomic
def weights_update(*, actor, weights: dict) -> MatchingSettings:
    """New weights for the criteria; every match is computed again in the background."""
    from ..matching.weights import matching_settings

    if not is_broker(actor):
        raise PermissionDenied
    unknown = set(weights) - set(CRITERIA)
    bad = [
        name for name, value in weights.items()
        if not isinstance(value, int | float) or not 0 <= value <= MAX_WEIGHT
    ]  # fmt: skip
    if unknown or bad:
        raise ValidationError(_("Each weight is a number from 0 to %(max)d.") % {"max": MAX_WEIGHT})
    if not any(weights.get(name, 0) > 0 for name in CRITERIA):
        raise ValidationError(_("At least one criterion must weigh something."))
    row = MatchingSettings.objects.select_for_update().get(pk=matching_settings().pk)
    before = row.weights
    row.weights = {name: weights.get(name, 0) for name in CRITERIA}
    row.version += 1
    row.updated_by = actor
    row.save()
    log_action(actor, row, "hub.matching.weights_changed", {"from": before, "to": row.weights})
    enqueue_on_commit(rematch_everything)
    return row
