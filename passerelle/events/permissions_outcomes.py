"""Who sees and does what with an event's closing report and its outcomes.

A closing report is its organisers' (those who `organise` the event) until they publish it; once
published, with its event shown, everyone reads it, and the outcomes listed in it with it. Only
organisers write the report and the outcomes. Turning an outcome into a follow-up (a pledge, a
request for support, a call for practices) is open to the organisers and to the editors of the
owner organisation; the other module's service then checks its own permissions.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .models import ClosingReport, Outcome
from .permissions import SHOWN, organised_events_q, organises


def report_is_public(report: ClosingReport | None) -> bool:
    return report is not None and report.published_at is not None and report.event.status in SHOWN


def _published_report(event) -> ClosingReport | None:
    try:
        return event.closing_report
    except ClosingReport.DoesNotExist:
        return None


def may_follow_up(user, outcome: Outcome) -> bool:
    """The organisers, and the editors of the organisation that owns the outcome."""
    if not user.is_authenticated or not user.is_active:
        return False
    owner_editor = outcome.owner_id is not None and user.has_role(
        outcome.owner_id, MembershipRole.EDITOR
    )
    return owner_editor or organises(user, outcome.event)


class ClosingReportPolicy(Policy):
    def visible_q(self, user) -> Q:
        public = Q(published_at__isnull=False, event__status__in=SHOWN)
        if not user.is_authenticated:
            return public
        return public | organised_events_q(user, prefix="event__")

    def can(self, user, action, report) -> bool:
        if action == "view":
            return report_is_public(report) or organises(user, report.event)
        if action in ("change", "publish"):
            return organises(user, report.event)
        return False


class OutcomePolicy(Policy):
    def visible_q(self, user) -> Q:
        public = Q(event__closing_report__published_at__isnull=False, event__status__in=SHOWN)
        if not user.is_authenticated:
            return public
        return public | organised_events_q(user, prefix="event__")

    def can(self, user, action, outcome) -> bool:
        if action == "view":
            return report_is_public(_published_report(outcome.event)) or organises(
                user, outcome.event
            )
        if action == "change":
            return organises(user, outcome.event)
        if action == "follow_up":
            return may_follow_up(user, outcome)
        return False


register_policy(ClosingReport, ClosingReportPolicy())
register_policy(Outcome, OutcomePolicy())
