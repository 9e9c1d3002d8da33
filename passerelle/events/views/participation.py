"""Participation in a session (an agenda item): delegations' statements, participants'
questions and live polls. Reading follows the permissions in `permissions_participation`;
every write is one service call of `services.participation`. `section_context` gives the item's
page its participation section."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require, user_can

from .. import charts, selectors
from ..forms_participation import PollForm, QuestionForm, StatementForm, VoteForm
from ..models import Poll, SessionQuestion, Statement
from ..permissions import runs
from ..permissions_participation import can_ask, session_over, statement_organisation_ids
from ..services import participation as services

# The bar chart of a poll's results, in user units of its SVG.


def _item(request, slug, pk):
    return selectors.item_for(user=request.user, slug=slug, pk=pk)


def _item_url(item, name: str, **kwargs) -> str:
    return reverse(f"events:{name}", kwargs={"slug": item.event.slug, "pk": item.pk, **kwargs})


def section_context(request, item) -> dict:
    """What the item's page shows of its participation (`_participation_section.html`)."""
    user = request.user
    return {
        "participation": {
            "statements": services.statements_of(user=user, item=item),
            "questions": services.questions_of(user=user, item=item),
            "polls": [_with_chart(row) for row in services.polls_of(user=user, item=item)],
            "can_submit": bool(statement_organisation_ids(user, item)),
            "can_ask": can_ask(user, item),
            "runs_event": runs(user, item.event),
            "session_over": session_over(item),
        }
    }


# Statements ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def statements(request, slug, pk):
    item = _item(request, slug, pk)
    user = request.user
    organisation_ids = statement_organisation_ids(user, item)
    form = None
    status = 200
    if organisation_ids:
        form = StatementForm(
            request.POST or None,
            request.FILES or None,
            organisation_ids=organisation_ids,
            initial={"language": request.LANGUAGE_CODE},
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.statement_submit(
                    actor=user,
                    item=item,
                    organisation_id=data["organisation"].pk,
                    title=data["title"],
                    text=data["text"],
                    upload=data["file"] or None,
                    language=data["language"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your statement is submitted. Everyone can read it once the session "
                        "is over."
                    ),
                )
                return redirect(_item_url(item, "participation_statements"))
        status = 400
    context = {
        "event": item.event,
        "item": item,
        "statements": services.statements_of(user=user, item=item),
        "withdrawable": set(organisation_ids) if not session_over(item) else set(),
        "session_over": session_over(item),
        "form": form,
    }
    return render(request, "events/participation_statements.html", context, status=status)


def _statement(request, item, statement_pk) -> Statement:
    return get_visible_or_404(
        Statement.objects.select_related("item__event", "organisation"),
        request.user,
        pk=statement_pk,
        item=item,
    )


def statement_file(request, slug, pk, statement_pk):
    """The statement's file, always as an attachment of the type its content was checked for."""
    item = _item(request, slug, pk)
    statement = _statement(request, item, statement_pk)
    require(request.user, "download", statement)
    if not statement.file:
        raise Http404
    try:
        handle = statement.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=statement.file.name.rsplit("/", 1)[-1],
        content_type=services.statement_file_type(statement),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def statement_withdraw(request, slug, pk, statement_pk):
    item = _item(request, slug, pk)
    statement = _statement(request, item, statement_pk)
    require(request.user, "withdraw", statement)
    if request.method == "POST":
        services.statement_withdraw(actor=request.user, statement=statement)
        messages.success(request, _("The statement is withdrawn."))
        return redirect(_item_url(item, "participation_statements"))
    context = {"event": item.event, "item": item, "statement": statement}
    return render(request, "events/participation_statement_withdraw.html", context)


# Questions -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def questions(request, slug, pk):
    item = _item(request, slug, pk)
    user = request.user
    allowed = can_ask(user, item)
    form = QuestionForm(request.POST or None) if allowed else None
    status = 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.question_ask(actor=user, item=item, text=form.cleaned_data["text"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your question is sent to the moderators."))
                return redirect(_item_url(item, "participation_questions"))
        status = 400
    context = {
        "event": item.event,
        "item": item,
        "questions": services.questions_of(user=user, item=item),
        "runs_event": runs(user, item.event),
        "form": form,
    }
    return render(request, "events/participation_questions.html", context, status=status)


@login_required
@require_POST
def question_decide(request, slug, pk, question_pk, decision):
    item = _item(request, slug, pk)
    question = get_visible_or_404(
        SessionQuestion.objects.select_related("item__event"),
        request.user,
        pk=question_pk,
        item=item,
    )
    if decision not in services.DECISIONS:
        raise Http404
    services.question_decide(actor=request.user, question=question, decision=decision)
    if decision == "answered":
        messages.success(request, _("The question is marked as answered."))
    else:
        messages.success(request, _("The question is set aside."))
    return redirect(_item_url(item, "participation_questions"))


# Polls ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def poll_create(request, slug, pk):
    item = _item(request, slug, pk)
    if not runs(request.user, item.event):
        raise PermissionDenied
    form = PollForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                poll = services.poll_create(
                    actor=request.user,
                    item=item,
                    question=form.cleaned_data["question"],
                    options=form.cleaned_data["options"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The poll is ready. Open it when the time comes."))
                return redirect(_item_url(item, "participation_poll", poll_pk=poll.pk))
        status = 400
    context = {"event": item.event, "item": item, "form": form}
    return render(request, "events/participation_poll_form.html", context, status=status)


def _poll(request, item, poll_pk) -> Poll:
    return get_visible_or_404(
        Poll.objects.select_related("item__event"), request.user, pk=poll_pk, item=item
    )


@require_http_methods(["GET", "POST"])
def poll_detail(request, slug, pk, poll_pk):
    """The poll: its ballot while open, its results to whom may see them; a vote is posted
    here."""
    item = _item(request, slug, pk)
    poll = _poll(request, item, poll_pk)
    user = request.user
    form = VoteForm(request.POST or None, poll=poll)
    status = 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if form.is_valid():
            try:
                services.poll_vote(actor=user, poll=poll, option=form.cleaned_data["option"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your vote is counted. Thank you."))
                return redirect(_item_url(item, "participation_poll", poll_pk=poll.pk))
        status = 400
    results = services.poll_results(poll) if user_can(user, "see_results", poll) else None
    row = _with_chart({"poll": poll, "results": results})
    context = {
        "event": item.event,
        "item": item,
        "poll": poll,
        "chart": row["chart"],
        "form": form,
        "voted": services.has_voted(user=user, poll=poll),
        "can_vote": user_can(user, "vote", poll),
        "runs_event": runs(user, item.event),
    }
    return render(request, "events/participation_poll.html", context, status=status)


@login_required
@require_POST
def poll_action(request, slug, pk, poll_pk, action):
    item = _item(request, slug, pk)
    poll = _poll(request, item, poll_pk)
    if action not in services.MOVES:
        raise Http404
    move = services.poll_open if action == "open" else services.poll_close
    try:
        move(actor=request.user, poll=poll)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if action == "open":
            messages.success(request, _("The poll is open: participants can vote."))
        else:
            messages.success(request, _("The poll is closed: everyone can see its results."))
    return redirect(_item_url(item, "participation_poll", poll_pk=poll.pk))


def _with_chart(row: dict) -> dict:
    """The poll's row with its results as horizontal bars and the data table's figures."""
    results = row["results"]
    if results is None:
        return {**row, "chart": None}
    chart = charts.count_bars(
        [(line["option"], line["count"]) for line in results],
        chart_id=f"poll-{row['poll'].pk}-results",
        column=_("Votes"),
    )
    chart["total"] = sum(line["count"] for line in results)
    return {**row, "chart": chart}
