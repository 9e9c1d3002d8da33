"""Who sees and does what with the participation in a session.

Statements of delegations are public once their session is over; until then the delegation's
members and those who run the event read them. Their delegation's editors submit and withdraw
them (withdrawing only until the session ends). Questions from participants: those who run the
event see them all, the asker sees their own, everyone sees the answered ones. Polls: those who
run the event prepare, open and close them and always see the results; once open everyone sees
the poll and anyone logged in votes; results are public once the poll is closed.
"""

from django.db.models import Q
from django.utils import timezone

from passerelle.core.permissions import Policy, register_policy

from .choices import EventStatus, PollStatus, QuestionStatus
from .models import Poll, SessionQuestion, Statement
from .permissions import SHOWN, organising_ids, run_events_q, runs


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


def session_over(item, now=None) -> bool:
    return item.ends_at <= (now or timezone.now())


def statement_organisation_ids(user, item, now=None) -> list[int]:
    """The delegations for which `user` may submit a statement to `item` now: those they edit
    for, while the event is published and the session not over."""
    if not _active(user) or item.event.status != EventStatus.PUBLISHED or session_over(item, now):
        return []
    return organising_ids(user)


def can_ask(user, item) -> bool:
    return _active(user) and item.event.status == EventStatus.PUBLISHED


def can_run_polls(user, item) -> bool:
    return runs(user, item.event)


class StatementPolicy(Policy):
    def visible_q(self, user) -> Q:
        public = Q(item__event__status__in=SHOWN, item__ends_at__lte=timezone.now())
        if not user.is_authenticated:
            return public
        return (
            public
            | Q(organisation__in=user.organisation_ids)
            | run_events_q(user, prefix="item__event__")
        )

    def can(self, user, action, statement) -> bool:
        if action in ("view", "download"):
            if statement.item.event.status in SHOWN and session_over(statement.item):
                return True
            if not user.is_authenticated:
                return False
            return statement.organisation_id in user.organisation_ids or runs(
                user, statement.item.event
            )
        if action == "withdraw":
            return (
                _active(user)
                and statement.organisation_id in organising_ids(user)
                and not session_over(statement.item)
            )
        return False


class SessionQuestionPolicy(Policy):
    def visible_q(self, user) -> Q:
        answered = Q(item__event__status__in=SHOWN, status=QuestionStatus.ANSWERED)
        if not user.is_authenticated:
            return answered
        return answered | Q(asked_by=user) | run_events_q(user, prefix="item__event__")

    def can(self, user, action, question) -> bool:
        if action == "view":
            return (
                (question.item.event.status in SHOWN and question.status == QuestionStatus.ANSWERED)
                or (user.is_authenticated and question.asked_by_id == user.pk)
                or runs(user, question.item.event)
            )
        if action == "decide":
            return runs(user, question.item.event)
        return False


class PollPolicy(Policy):
    def visible_q(self, user) -> Q:
        shown = Q(item__event__status__in=SHOWN) & ~Q(status=PollStatus.DRAFT)
        if not user.is_authenticated:
            return shown
        return shown | run_events_q(user, prefix="item__event__")

    def can(self, user, action, poll) -> bool:
        event = poll.item.event
        if action == "view":
            return (event.status in SHOWN and poll.status != PollStatus.DRAFT) or runs(user, event)
        if action == "vote":
            return _active(user) and poll.status == PollStatus.OPEN and event.status in SHOWN
        if action == "see_results":
            return poll.status == PollStatus.CLOSED or runs(user, event)
        if action in ("open", "close"):
            return runs(user, event)
        return False


register_policy(Statement, StatementPolicy())
register_policy(SessionQuestion, SessionQuestionPolicy())
register_policy(Poll, PollPolicy())
