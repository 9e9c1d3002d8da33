"""Pages of calls for practices: the list (open calls first, then closed ones; drafts for the
curators), a call's page with the criteria reviewers check and the practices it collected, and
for curators writing, opening and closing a call."""

import datetime
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.workflow import Transition, perform_transition

from .. import selectors
from ..choices import CallStatus, ItemStatus
from ..forms.calls import CallForm
from ..models import Item
from ..permissions import is_curator
from ..services import calls as services


def _days_left(call, now) -> int | None:
    """Whole days to the deadline, a day begun counting as one; None once it has passed."""
    if call.deadline <= now:
        return None
    return math.ceil((call.deadline - now) / datetime.timedelta(days=1))


def _with_days_left(calls, now):
    for call in calls:
        call.days_left = _days_left(call, now)
    return calls


def call_list(request):
    now = timezone.now()
    calls = _with_days_left(list(selectors.call_list(user=request.user)), now)
    open_calls = sorted(
        (c for c in calls if c.status == CallStatus.OPEN and c.deadline > now),
        key=lambda c: c.deadline,
    )
    closed = sorted(
        (c for c in calls if c.status == CallStatus.CLOSED
         or (c.status == CallStatus.OPEN and c.deadline <= now)),
        key=lambda c: c.deadline,
        reverse=True,
    )  # fmt: skip
    drafts = [c for c in calls if c.status == CallStatus.DRAFT]
    context = {
        "open_calls": open_calls,
        "closed_calls": closed,
        "drafts": drafts,
        "is_curator": is_curator(request.user),
    }
    return render(request, "knowledge/call_list.html", context)


def call_detail(request, pk):
    return render_call(request, selectors.call_get(user=request.user, pk=pk))


def render_call(request, call, *, status=200):
    """The call's page: what it looks for, by when, the criteria reviewers check, the practices
    it brought that are published; for curators, every submission with its status."""
    user, now = request.user, timezone.now()
    can = {action: user_can(user, action, call) for action in ("change", "open", "close")}
    can_answer = (
        user_can(user, "answer", call)
        and call.deadline > now
        and organisations_with_role(user=user, role=MembershipRole.EDITOR).exists()
    )
    curator = is_curator(user)
    submissions, by_status = [], []
    if curator:
        submissions = list(
            Item.objects.visible_to(user)
            .filter(call=call)
            .exclude(status=ItemStatus.DRAFT)
            .select_related("organisation")
            .order_by("status", "-submitted_at")
        )
        counts = dict(
            Item.objects.filter(call=call)
            .exclude(status=ItemStatus.DRAFT)
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        by_status = [
            (label, counts[value]) for value, label in ItemStatus.choices if value in counts
        ]
    context = {
        "call": call,
        "criteria": call.criteria(),
        "can": can,
        "can_answer": can_answer,
        "is_open": call.status == CallStatus.OPEN and call.deadline > now,
        "days_left": _days_left(call, now),
        "published": list(
            selectors.published_items(user=user).filter(call=call).order_by("-published_at")
        ),
        "is_curator": curator,
        "submissions": submissions,
        "by_status": by_status,
    }
    return render(request, "knowledge/call_detail.html", context, status=status)


def _call_form_page(request, form, call, *, status=200):
    context = {"form": form, "call": call}
    return render(request, "knowledge/call_form.html", context, status=status)


def _save_call(request, call):
    form = CallForm(request.POST)
    if form.is_valid():
        try:
            if call is None:
                saved = services.call_create(actor=request.user, data=form.call_data())
            else:
                saved = services.call_update(actor=request.user, call=call, data=form.call_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if saved.status == CallStatus.DRAFT:
                messages.success(
                    request, _("The call is saved. It stays a draft until you open it.")
                )
            else:
                messages.success(request, _("The call is saved."))
            return redirect(saved)
    return _call_form_page(request, form, call, status=400)


@login_required
def call_create(request):
    if not is_curator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _save_call(request, None)
    return _call_form_page(request, CallForm(initial={"language": request.LANGUAGE_CODE}), None)


@login_required
def call_edit(request, pk):
    call = selectors.call_get(user=request.user, pk=pk)
    require(request.user, "change", call)
    if request.method == "POST":
        return _save_call(request, call)
    return _call_form_page(request, CallForm(initial=CallForm.initial_from(call)), call)


STEPS = {
    "open": Transition(
        services.call_open,
        gettext_lazy("The call is open: organisations can answer it."),
        takes_reason=False,
    ),
    "close": Transition(
        services.call_close,
        gettext_lazy("The call is closed: it takes no more practices."),
        takes_reason=False,
    ),
}


def _step(request, pk, action):
    call = selectors.call_get(user=request.user, pk=pk)
    require(request.user, action, call)
    return perform_transition(request, call, STEPS[action], keyword="call", page=render_call)


@require_POST
@login_required
def call_open(request, pk):
    return _step(request, pk, "open")


@require_POST
@login_required
def call_close(request, pk):
    return _step(request, pk, "close")
