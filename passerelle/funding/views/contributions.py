"""Pages of contributions: giving (to a request, a project or a pooled fund), the public list of
flows with its totals, a contribution's page (money, history, the chain donor → fund → project)
and each step of its life (commit, disburse, deliver, report expenditure, cancel); a project's
requirements; what my contributions delivered."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require, user_can
from passerelle.hub import selectors as hub_selectors
from passerelle.hub.forms import RequirementFormSet
from passerelle.projects import selectors as project_selectors

from .. import coverage, services
from ..choices import ContributionKind, ContributionStatus
from ..filters import ContributionFilter
from ..forms.contributions import (
    CancelForm,
    ContributionForm,
    DateForm,
    DisbursementForm,
    ExpenditureForm,
)
from ..models import Fund, Proposal
from ..selectors import contributions as selectors

PAGE_SIZE = 25


def _number(value: str) -> int:
    if not value.isdigit():
        raise Http404
    return int(value)


class ContributionCreateView(LoginRequiredMixin, View):
    """Give to ?request=<pk>, ?project=<pk> or ?fund=<slug> (with &proposal=<pk>: earmarked for
    an approved proposal in the fund's pipeline). What the person may not see is a 404."""

    template_name = "funding/contribution_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.destination, self.proposal = self._destination()
        return super().dispatch(request, *args, **kwargs)

    def _destination(self):
        query, user = self.request.GET, self.request.user
        given = [key for key in ("request", "project", "fund") if query.get(key)]
        if len(given) != 1:
            raise Http404
        key = given[0]
        proposal = None
        if key == "request":
            found = hub_selectors.request_get(user=user, pk=_number(query["request"]))
        elif key == "project":
            found = project_selectors.project_get(user=user, pk=_number(query["project"]))
        else:
            found = get_visible_or_404(Fund.objects.all(), user, slug=query["fund"])
            if query.get("proposal"):
                proposal = get_visible_or_404(
                    Proposal.objects.select_related("call"), user,
                    pk=_number(query["proposal"]), call__fund=found,
                )  # fmt: skip
        return (key, found), proposal

    def make_form(self, **kwargs) -> ContributionForm:
        return ContributionForm(
            organisations=organisations_with_role(
                user=self.request.user, role=MembershipRole.EDITOR
            ),
            to_fund=self.destination[0] == "fund",
            **kwargs,
        )

    def get(self, request):
        initial = {
            "submission_key": uuid.uuid4(),
            "value_date": timezone.localdate(),
            "currency": "USD",
            "status": ContributionStatus.PLEDGED,
        }
        return self.render(self.make_form(initial=initial))

    def post(self, request):
        form = self.make_form(data=request.POST)
        if form.is_valid():
            try:
                contribution = self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your contribution is recorded."))
                return redirect(contribution)
        return self.render(form, status=400)

    def save(self, form):
        data = form.cleaned_data
        key, destination = self.destination
        return services.contribution_create(
            actor=self.request.user,
            data=services.ContributionData(
                kind=data["kind"],
                amount=data["amount"],
                currency=data["currency"],
                value_date=data["value_date"],
                description=data["description"],
                quantity=data["quantity"],
                anonymous=data["anonymous"],
                note=data["note"],
                earmark_area=data.get("earmark_area"),
                earmark_country=data.get("earmark_country"),
                earmark_proposal=self.proposal,
            ),
            source_organisation=form.source_organisation(),
            status=data["status"],
            submission_key=data["submission_key"],
            **{key: destination},
        )

    def render(self, form, status=200):
        key, destination = self.destination
        context = {
            "form": form,
            "destination": destination,
            "destination_kind": key,
            "proposal": self.proposal,
            "coverages": _coverages(key, destination),
        }
        return render(self.request, self.template_name, context, status=status)


def _coverages(key, destination) -> list:
    if key == "request":
        return coverage.for_requests([destination.pk])[destination.pk]
    if key == "project":
        return coverage.for_projects([destination.pk])[destination.pk]
    return []


class ContributionListView(View):
    template_name = "funding/contribution_list.html"

    def get(self, request):
        filterset = ContributionFilter(
            request.GET, queryset=selectors.contribution_list(user=request.user)
        )
        if not filterset.is_valid():
            context = {"filter": filterset, "page_obj": None}
            return render(request, self.template_name, context, status=400)
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "filter": filterset,
            "page_obj": page,
            "rows": selectors.annotate_sources(request.user, page.object_list),
            "totals": selectors.totals_usd(filterset.qs),
        }
        return render(request, self.template_name, context)


def contribution_detail(request, pk):
    contribution = selectors.contribution_get(user=request.user, pk=pk)
    return render_detail(request, contribution)


def _can(user, contribution) -> dict[str, bool]:
    return {
        action: user_can(user, action, contribution)
        for action in ("commit", "cancel", "deliver", "disburse", "report_expenditure")
    }


def render_detail(request, contribution, *, bound=None, status=200):
    """The contribution's page; `bound` = (action, form) re-shows a refused step's form."""
    user = request.user
    can = _can(user, contribution)
    forms = {action: ACTIONS[action].form() for action in ACTIONS if can[ACTIONS[action].allowed]}
    if bound is not None:
        forms[bound[0]] = bound[1]
    parent = contribution.parent
    if parent is not None:
        parent.shown_source = selectors.source_name(user, parent)
    context = {
        "contribution": contribution,
        "shown_source": selectors.source_name(user, contribution),
        "donor_type": selectors.donor_type_label(contribution),
        "money": selectors.money_of(contribution),
        "history": selectors.history(contribution),
        "parent": parent,
        "children": selectors.children_of(user=user, contribution=contribution),
        "forms": forms,
        "is_money": contribution.kind == ContributionKind.FINANCIAL,
    }
    return render(request, "funding/contribution_detail.html", context, status=status)


class Action:
    def __init__(self, form, allowed: str, perform, done):
        self.form, self.allowed, self.perform, self.done = form, allowed, perform, done


ACTIONS = {
    "commit": Action(
        DateForm, "commit",
        lambda actor, c, d: services.contribution_commit(actor=actor, contribution=c, on=d["on"]),
        gettext_lazy("The contribution is committed."),
    ),
    "disburse": Action(
        DisbursementForm, "disburse",
        lambda actor, c, d: services.disbursement_record(
            actor=actor, contribution=c, amount=d["amount"], on=d["on"],
            description=d["description"],
        ),
        gettext_lazy("The disbursement is recorded."),
    ),
    "deliver": Action(
        DateForm, "deliver",
        lambda actor, c, d: services.contribution_deliver(actor=actor, contribution=c, on=d["on"]),
        gettext_lazy("The help is recorded as delivered."),
    ),
    "expenditure": Action(
        ExpenditureForm, "report_expenditure",
        lambda actor, c, d: services.expenditure_record(
            actor=actor, contribution=c, amount=d["amount"], on=d["on"],
            description=d["description"],
        ),
        gettext_lazy("The expenditure is recorded."),
    ),
    "cancel": Action(
        CancelForm, "cancel",
        lambda actor, c, d: services.contribution_cancel(
            actor=actor, contribution=c, reason=d["reason"]
        ),
        gettext_lazy("The contribution is cancelled."),
    ),
}  # fmt: skip


@require_POST
@login_required
def contribution_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    step = ACTIONS[action]
    contribution = selectors.contribution_get(user=request.user, pk=pk)
    require(request.user, step.allowed, contribution)
    form = step.form(request.POST)
    if form.is_valid():
        try:
            step.perform(request.user, contribution, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, str(step.done))
            return redirect(contribution)
    return render_detail(request, contribution, bound=(action, form), status=400)


class ProjectRequirementsView(LoginRequiredMixin, View):
    """What a project still needs, line by line (money, expert-days, in-kind items), set by
    those who run it."""

    template_name = "funding/requirements_form.html"

    def dispatch(self, request, pk):
        if request.user.is_authenticated:
            self.project = project_selectors.project_get(user=request.user, pk=pk)
            require(request.user, "change", self.project)
        return super().dispatch(request, pk=pk)

    def get(self, request, pk):
        lines = [
            {
                "kind": line.kind,
                "description": line.description,
                "quantity": line.quantity,
                "currency": line.currency,
                "estimated_value": line.estimated_value,
            }
            for line in self.project.requirements.all()
        ]
        return self.render(RequirementFormSet(initial=lines, prefix="requirements"))

    def post(self, request, pk):
        formset = RequirementFormSet(request.POST, prefix="requirements")
        if formset.is_valid():
            try:
                services.project_requirements_set(
                    actor=request.user,
                    project=self.project,
                    lines=[line for line in formset.cleaned_data if line],
                )
            except ValidationError as error:
                return self.render(formset, errors=error.messages, status=400)
            messages.success(request, _("The project's requirements are saved."))
            return redirect(self.project)
        return self.render(formset, status=400)

    def render(self, formset, *, errors=(), status=200):
        context = {"project": self.project, "formset": formset, "errors": errors}
        return render(self.request, self.template_name, context, status=status)


@login_required
def my_contributions(request):
    context = {"delivered": selectors.my_contributions(user=request.user)}
    return render(request, "funding/mine.html", context)


urlpatterns = [
    path("contribute/", ContributionCreateView.as_view(), name="contribution_create"),
    path("contributions/", ContributionListView.as_view(), name="contribution_list"),
    path("contributions/<int:pk>/", contribution_detail, name="contribution_detail"),
    path("contributions/<int:pk>/<slug:action>/", contribution_action, name="contribution_action"),
    path(
        "projects/<int:pk>/requirements/",
        ProjectRequirementsView.as_view(),
        name="project_requirements",
    ),
    path("mine/", my_contributions, name="my_contributions"),
]
