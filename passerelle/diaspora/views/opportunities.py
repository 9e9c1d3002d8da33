"""Engagement opportunities' pages: the list (filters, htmx in place, open ones by default), an
opportunity with its places left and the member's response form, the poster's form, publishing
and closing, the poster's list of responses with their answers, and the member's own responses."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require, user_can
from passerelle.funding import coverage

from .. import permissions_opportunities  # noqa: F401  (the policies)
from ..choices import OpportunityKind, ResponseStatus
from ..forms.opportunities import AnswerForm, OpportunityFilter, OpportunityForm, ResponseForm
from ..models import Opportunity, OpportunityResponse
from ..permissions import is_member
from ..selectors import opportunities as selectors
from ..services import opportunities as services

PAGE_SIZE = 20
INVALID = 400
ANSWERS = {
    ResponseStatus.SHORTLISTED: services.response_shortlist,
    ResponseStatus.ACCEPTED: services.response_accept,
    ResponseStatus.DECLINED: services.response_decline,
}


def _opportunity(request, pk) -> Opportunity:
    return get_visible_or_404(
        Opportunity.objects.select_related("organisation", "support_request", "project"),
        request.user,
        pk=pk,
    )


def opportunity_list(request):
    filterset = OpportunityFilter(request.GET, queryset=selectors.opportunity_list(request.user))
    context = {"filter": filterset, "page_obj": None}
    status = 200
    if filterset.is_valid():
        context["page_obj"] = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        status = INVALID
    template = "diaspora/opportunities/opportunity_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template = "diaspora/opportunities/_opportunity_results.html"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def opportunity_detail(request, pk):
    """GET: the opportunity. POST: a member's response (application or interest)."""
    opportunity = _opportunity(request, pk)
    form = ResponseForm()
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        form = ResponseForm(request.POST)
        if form.is_valid():
            try:
                services.response_submit(
                    actor=request.user, opportunity=opportunity, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your response is sent to the organisation."))
                return redirect(opportunity)
        status = INVALID
    return render(
        request, "diaspora/opportunities/opportunity_detail.html",
        _detail_context(request, opportunity, form), status=status,
    )  # fmt: skip


def _detail_context(request, opportunity: Opportunity, form) -> dict:
    user = request.user
    counts = selectors.counts(opportunity)
    my_response = selectors.my_response(user, opportunity)
    return {
        "opportunity": opportunity,
        "counts": counts,
        "places_left": selectors.places_left(opportunity, counts["accepted"]),
        "my_response": my_response,
        "may_respond": my_response is None and user_can(user, "respond", opportunity),
        "is_member": is_member(user),
        "form": form,
        "can_change": user_can(user, "change", opportunity),
        "can_view_responses": user_can(user, "view_responses", opportunity),
        **_funding(opportunity),
    }


def _funding(opportunity: Opportunity) -> dict:
    """For co-funding linked to a request or a project: where to contribute, and its coverage."""
    if opportunity.kind != OpportunityKind.CO_FUNDING:
        return {}
    if opportunity.support_request_id:
        query, found = (
            {"request": opportunity.support_request_id},
            coverage.for_requests([opportunity.support_request_id]),
        )
        key = opportunity.support_request_id
    elif opportunity.project_id:
        query, found = (
            {"project": opportunity.project_id},
            coverage.for_projects([opportunity.project_id]),
        )
        key = opportunity.project_id
    else:
        return {}
    return {
        "contribute_url": f"{reverse('funding:contribution_create')}?{urlencode(query)}",
        "coverages": found.get(key, []),
    }


class OpportunityCreateView(LoginRequiredMixin, View):
    template_name = "diaspora/opportunities/opportunity_form.html"

    def get(self, request):
        form = OpportunityForm(initial={"language": request.LANGUAGE_CODE}, user=request.user)
        return self.render(form)

    def post(self, request):
        form = OpportunityForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                opportunity = services.opportunity_create(
                    actor=request.user,
                    organisation=form.cleaned_data["organisation"],
                    data=form.opportunity_data(),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The opportunity is saved as a draft."))
                return redirect(opportunity)
        return self.render(form, status=INVALID)

    def render(self, form, status=200):
        context = {"form": form, "opportunity": None}
        return render(self.request, self.template_name, context, status=status)


class OpportunityEditView(LoginRequiredMixin, View):
    template_name = "diaspora/opportunities/opportunity_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.opportunity = _opportunity(request, kwargs["pk"])
            require(request.user, "change", self.opportunity)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        initial = OpportunityForm.initial_for(self.opportunity)
        return self.render(
            OpportunityForm(initial=initial, user=request.user, with_organisation=False)
        )

    def post(self, request, pk):
        form = OpportunityForm(request.POST, user=request.user, with_organisation=False)
        if form.is_valid():
            try:
                services.opportunity_update(
                    actor=request.user, opportunity=self.opportunity, data=form.opportunity_data()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The opportunity is saved."))
                return redirect(self.opportunity)
        return self.render(form, status=INVALID)

    def render(self, form, status=200):
        context = {"form": form, "opportunity": self.opportunity}
        return render(self.request, self.template_name, context, status=status)


def _refused(request, target, error: ValidationError):
    return render(
        request, "diaspora/opportunities/refused.html",
        {"back": target.get_absolute_url(), "errors": error.messages}, status=INVALID,
    )  # fmt: skip


@login_required
@require_POST
def opportunity_publish(request, pk):
    opportunity = _opportunity(request, pk)
    require(request.user, "publish", opportunity)
    try:
        services.opportunity_publish(actor=request.user, opportunity=opportunity)
    except ValidationError as error:
        return _refused(request, opportunity, error)
    messages.success(request, _("The opportunity is open for responses."))
    return redirect(opportunity)


@login_required
@require_POST
def opportunity_close(request, pk):
    opportunity = _opportunity(request, pk)
    require(request.user, "close", opportunity)
    try:
        services.opportunity_close(actor=request.user, opportunity=opportunity)
    except ValidationError as error:
        return _refused(request, opportunity, error)
    messages.success(request, _("The opportunity is closed."))
    return redirect(opportunity)


@login_required
def opportunity_responses(request, pk):
    opportunity = _opportunity(request, pk)
    require(request.user, "view_responses", opportunity)
    context = {
        "opportunity": opportunity,
        "responses": selectors.responses_for_poster(opportunity),
        "can_answer": user_can(request.user, "change", opportunity),
        "form": AnswerForm(),
        "counts": selectors.counts(opportunity),
    }
    return render(request, "diaspora/opportunities/responses.html", context)


def _response(request, pk) -> OpportunityResponse:
    return get_visible_or_404(
        OpportunityResponse.objects.select_related("opportunity"), request.user, pk=pk
    )


@login_required
@require_POST
def response_answer(request, pk):
    response = _response(request, pk)
    require(request.user, "answer", response)
    form = AnswerForm(request.POST)
    target = response.opportunity
    back = reverse("diaspora:opportunity_responses", kwargs={"pk": target.pk})
    if not form.is_valid():
        return _refused_answer(
            request, back, form.errors.get("status") or form.errors.get("answer")
        )
    answer = ANSWERS[form.cleaned_data["status"]]
    try:
        answer(actor=request.user, response=response, answer=form.cleaned_data["answer"])
    except ValidationError as error:
        return _refused_answer(request, back, error.messages)
    messages.success(request, _("Your answer is sent."))
    return redirect(back)


def _refused_answer(request, back: str, errors):
    context = {"back": back, "errors": list(errors or [])}
    return render(request, "diaspora/opportunities/refused.html", context, status=INVALID)


@login_required
@require_POST
def response_withdraw(request, pk):
    response = _response(request, pk)
    require(request.user, "withdraw", response)
    try:
        services.response_withdraw(actor=request.user, response=response)
    except ValidationError as error:
        return _refused(request, response.opportunity, error)
    messages.success(request, _("Your response is withdrawn."))
    return redirect("diaspora:my_responses")


@login_required
def my_responses(request):
    context = {"responses": selectors.my_responses(request.user)}
    return render(request, "diaspora/opportunities/my_responses.html", context)
