"""Writes of the participation in a session: delegations' statements, participants' questions
and live polls; and the reads the pages share (the items' lists, a poll's results). Every
change is audited under `events.statement.*`, `events.question.*` and `events.poll.*`; a vote
is audited without its answer (ballot secrecy).

One vote per person and poll is the database's rule (`events_vote_once`): a second vote, even
sent twice at once, is refused by the constraint and reported as such. Opening, closing and
voting lock the poll's row, so no vote lands after the poll is closed.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from passerelle.assessments.evidence import KINDS, check_upload
from passerelle.core.audit import log_action
from passerelle.core.permissions import require

from ..choices import PollStatus, QuestionStatus
from ..models import AgendaItem, Poll, PollVote, SessionQuestion, Statement
from ..permissions import runs
from ..permissions_participation import can_ask, statement_organisation_ids

STATEMENT_FILE_TYPES = ("pdf", "docx", "odt")
STATEMENT_MAX_BYTES = 20 * 1024 * 1024
QUESTION_LIMIT = 1000
POLL_OPTIONS = (2, 10)
OPTION_LIMIT = 200
LANGUAGES = dict(settings.LANGUAGES)


# Statements ----------------------------------------------------------------------------------


def statement_submit(
    *,
    actor,
    item: AgendaItem,
    organisation_id: int | None,
    title: str,
    text: str = "",
    upload=None,
    language: str,
) -> Statement:
    """A statement of the delegation `organisation_id`, which the actor edits for."""
    allowed = statement_organisation_ids(actor, item)
    if not allowed:
        raise PermissionDenied
    errors = {}
    title, text = (title or "").strip(), (text or "").strip()
    if organisation_id not in allowed:
        errors["organisation"] = _("Choose a delegation you may speak for.")
    if not title:
        errors["title"] = _("Give the statement a title.")
    if language not in LANGUAGES:
        errors["language"] = _("Choose the statement's language.")
    if not text and upload is None:
        errors["__all__"] = _("Write the statement or attach it as a file.")
    if upload is not None:
        extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
        if extension not in STATEMENT_FILE_TYPES:
            errors["file"] = _("Attach a PDF, DOCX or ODT file.")
        else:
            try:
                check_upload(upload, max_bytes=STATEMENT_MAX_BYTES)
            except ValidationError as error:
                errors["file"] = error.message_dict["file"]
    if errors:
        raise ValidationError(errors)
    statement = Statement(
        item=item,
        organisation_id=organisation_id,
        title=title,
        text=text,
        language=language,
        submitted_by=actor,
    )
    if upload is not None:
        statement.file = upload
    statement.full_clean()
    with transaction.atomic():
        statement.save()
        log_action(
            actor,
            statement,
            "events.statement.submitted",
            {"item": item.pk, "organisation": organisation_id, "file": bool(statement.file)},
        )
    return statement


def statement_withdraw(*, actor, statement: Statement) -> None:
    """Delete the statement (and its file, once the deletion is committed)."""
    require(actor, "withdraw", statement)
    file = statement.file
    with transaction.atomic():
        log_action(
            actor,
            statement,
            "events.statement.withdrawn",
            {"item": statement.item_id, "organisation": statement.organisation_id},
        )
        statement.delete()
        if file:
            transaction.on_commit(lambda: file.storage.delete(file.name))


def statement_file_type(statement: Statement) -> str:
    extension = PurePath(statement.file.name).suffix.lower().lstrip(".")
    return KINDS[extension][0] if extension in STATEMENT_FILE_TYPES else "application/octet-stream"


def statements_of(*, user, item: AgendaItem) -> list[Statement]:
    return list(
        Statement.objects.visible_to(user)
        .filter(item=item)
        .select_related("organisation")
        .order_by("created", "pk")
    )


# Questions -----------------------------------------------------------------------------------


def question_ask(*, actor, item: AgendaItem, text: str) -> SessionQuestion:
    if not can_ask(actor, item):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your question.")})
    if len(text) > QUESTION_LIMIT:
        raise ValidationError(
            {
                "text": _("Keep the question to %(limit)s characters (it has %(count)s).")
                % {"limit": QUESTION_LIMIT, "count": len(text)}
            }
        )
    question = SessionQuestion(item=item, asked_by=actor, text=text)
    question.full_clean()
    with transaction.atomic():
        question.save()
        log_action(actor, question, "events.question.asked", {"item": item.pk})
    return question


DECISIONS = {"answered": QuestionStatus.ANSWERED, "dismissed": QuestionStatus.DISMISSED}


def question_decide(*, actor, question: SessionQuestion, decision: str) -> SessionQuestion:
    """Mark the question answered or set it aside (`decision`: "answered" or "dismissed")."""
    require(actor, "decide", question)
    if decision not in DECISIONS:
        raise ValidationError(_("Mark the question answered or set it aside."))
    with transaction.atomic():
        question.status = DECISIONS[decision]
        question.save(update_fields=["status", "updated"])
        log_action(actor, question, f"events.question.{decision}", {"item": question.item_id})
    return question


def questions_of(*, user, item: AgendaItem) -> list[SessionQuestion]:
    return list(
        SessionQuestion.objects.visible_to(user)
        .filter(item=item)
        .select_related("asked_by")
        .order_by("created", "pk")
    )


# Polls ---------------------------------------------------------------------------------------


def poll_create(*, actor, item: AgendaItem, question: str, options: list[str]) -> Poll:
    """A poll, not open yet, with 2 to 10 distinct options."""
    if not runs(actor, item.event):
        raise PermissionDenied
    errors = {}
    question = (question or "").strip()
    options = [option.strip() for option in options if option and option.strip()]
    low, high = POLL_OPTIONS
    if not question:
        errors["question"] = _("Write the poll's question.")
    if not low <= len(options) <= high:
        errors["options"] = _("Give between %(low)s and %(high)s answers, one per line.") % {
            "low": low,
            "high": high,
        }
    elif len({option.casefold() for option in options}) != len(options):
        errors["options"] = _("Each answer may appear only once.")
    elif any(len(option) > OPTION_LIMIT for option in options):
        errors["options"] = _("Keep each answer to %(limit)s characters.") % {"limit": OPTION_LIMIT}
    if errors:
        raise ValidationError(errors)
    poll = Poll(item=item, question=question, options=options, created_by=actor)
    poll.full_clean()
    with transaction.atomic():
        poll.save()
        log_action(actor, poll, "events.poll.created", {"item": item.pk, "options": len(options)})
    return poll


# Who may move a poll, from which status, to which status, and the audit entry.
MOVES = {
    "open": (PollStatus.DRAFT, PollStatus.OPEN, "events.poll.opened"),
    "close": (PollStatus.OPEN, PollStatus.CLOSED, "events.poll.closed"),
}


def _poll_move(actor, poll: Poll, action: str, refusal: str) -> Poll:
    before, after, audit = MOVES[action]
    with transaction.atomic():
        locked = Poll.objects.select_related("item__event").select_for_update(of=("self",))
        locked = locked.get(pk=poll.pk)
        require(actor, action, locked)
        if locked.status != before:
            raise ValidationError(refusal)
        locked.status = after
        locked.save(update_fields=["status", "updated"])
        log_action(actor, locked, audit, {"item": locked.item_id})
    poll.status = after
    return poll


def poll_open(*, actor, poll: Poll) -> Poll:
    return _poll_move(actor, poll, "open", _("Only a poll not yet open can be opened."))


def poll_close(*, actor, poll: Poll) -> Poll:
    return _poll_move(actor, poll, "close", _("Only an open poll can be closed."))


def poll_vote(*, actor, poll: Poll, option: int) -> PollVote:
    """The actor's one vote. The answer is kept, not audited."""
    if not actor.is_authenticated:
        raise PermissionDenied
    if not isinstance(option, int) or not 0 <= option < len(poll.options):
        raise ValidationError({"option": _("Choose one of the answers.")})
    try:
        with transaction.atomic():
            locked = Poll.objects.select_for_update().get(pk=poll.pk)
            if locked.status != PollStatus.OPEN:
                raise ValidationError(_("This poll is not open for votes."))
            vote = PollVote.objects.create(poll=locked, voter=actor, option=option)
            log_action(actor, locked, "events.poll.voted", {"item": poll.item_id})
    except IntegrityError as error:
        raise ValidationError(
            _("You have already voted in this poll."), code="duplicate"
        ) from error
    return vote


def has_voted(*, user, poll: Poll) -> bool:
    return user.is_authenticated and PollVote.objects.filter(poll=poll, voter=user).exists()


def poll_results(poll: Poll) -> list[dict]:
    """Each option with its number of votes, in the poll's order."""
    counts = dict(
        PollVote.objects.filter(poll=poll)
        .order_by()
        .values_list("option")
        .annotate(count=Count("pk"))
    )
    return [
        {"option": option, "count": counts.get(index, 0)}
        for index, option in enumerate(poll.options)
    ]


def polls_of(*, user, item: AgendaItem) -> list[dict]:
    """The polls of `item` the user sees, each with whether they voted and, when they may see
    them, its results; in three queries whatever the number of polls."""
    polls = list(
        Poll.objects.visible_to(user)
        .filter(item=item)
        .select_related("item__event")
        .order_by("created", "pk")
    )
    if not polls:
        return []
    counts: dict[int, dict[int, int]] = {}
    for poll_id, option, count in (
        PollVote.objects.filter(poll__in=polls)
        .order_by()
        .values_list("poll", "option")
        .annotate(count=Count("pk"))
    ):
        counts.setdefault(poll_id, {})[option] = count
    voted = set()
    if user.is_authenticated:
        voted = set(
            PollVote.objects.filter(poll__in=polls, voter=user).values_list("poll", flat=True)
        )
    runs_event = runs(user, item.event)
    rows = []
    for poll in polls:
        shown = poll.status == PollStatus.CLOSED or runs_event
        results = None
        if shown:
            by_option = counts.get(poll.pk, {})
            results = [
                {"option": option, "count": by_option.get(index, 0)}
                for index, option in enumerate(poll.options)
            ]
        rows.append({"poll": poll, "voted": poll.pk in voted, "results": results})
    return rows
