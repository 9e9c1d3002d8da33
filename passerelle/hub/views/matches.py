"""Pages of brokering: a match with its explanation and history, the secretariat's introduction,
each party's answer (the projects module adds the start of the partnership, as a section); the
secretariat's console and the matcher's weights."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.sections import render_sections

from .. import selectors, services
from ..choices import Side
from ..forms import DecisionForm, IntroductionForm, WeightsForm
from ..matching.explain import explanation_rows
from ..matching.weights import current_weights, matching_settings
from ..permissions import is_broker, match_sides


def match_detail(request, pk):
    match = selectors.match_get(user=request.user, pk=pk)
    return render_match(request, match)


def render_match(request, match, *, introduction_form=None, decision_form=None, status=200):
    user = request.user
    can = {action: user_can(user, action, match) for action in ("introduce", "decide")}
    sides = sorted(
        side for side in match_sides(user, match) if getattr(match, f"{side}_decision") == "pending"
    )
    context = {
        "match": match,
        "rows": explanation_rows(match),
        "timeline": selectors.match_timeline(match),
        "can": can,
        "sides": sides,
        "introduction_form": introduction_form or IntroductionForm(),
        "decision_form": decision_form or DecisionForm(),
        "sections": render_sections("match", request, match),
    }
    return render(request, "hub/match_detail.html", context, status=status)


@require_POST
@login_required
def introduce(request, pk):
    match = selectors.match_get(user=request.user, pk=pk)
    require(request.user, "introduce", match)
    form = IntroductionForm(request.POST)
    if form.is_valid():
        try:
            services.match_introduce(
                actor=request.user, match=match, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Both parties are told about each other."))
            return redirect("hub:match_detail", pk=match.pk)
    return render_match(request, match, introduction_form=form, status=400)


@require_POST
@login_required
def decide(request, pk, side):
    if side not in Side.values:
        raise Http404
    match = selectors.match_get(user=request.user, pk=pk)
    require(request.user, "decide", match)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.match_decide(
                actor=request.user,
                match=match,
                side=side,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your answer is recorded."))
            return redirect("hub:match_detail", pk=match.pk)
    return render_match(request, match, decision_form=form, status=400)


@login_required
def console(request):
    if not is_broker(request.user):
        raise PermissionDenied
    context = selectors.brokering_board(user=request.user)
    context["good_score"] = settings.HUB_MATCHING["GOOD_SCORE"]
    return render(request, "hub/console.html", context)


@login_required
def weights(request):
    """The secretariat tunes the matcher; every match is computed again in the background."""
    if not is_broker(request.user):
        raise PermissionDenied
    current = matching_settings()
    if request.method == "POST":
        form = WeightsForm(request.POST)
        if form.is_valid():
            try:
                services.weights_update(actor=request.user, weights=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The weights are saved. Every match is being computed again.")
                )
                return redirect("hub:weights")
        status = 400
    else:
        form, status = WeightsForm(initial=current_weights()), 200
    return render(request, "hub/weights.html", {"form": form, "settings": current}, status=status)
