"""Pages of proposals: writing one to an open call (alone or with partners), its page, editing a
draft, submitting and withdrawing it; for the secretariat, assigning reviewers and funding an
approved proposal from the fund's balance; for the steering committee, the decision. And the
public pipeline of approved proposals waiting for money."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can

from .. import permissions, services
from ..forms.funds import DecisionForm, ProposalForm, ReviewersForm
from ..selectors import funds as selectors

PROPOSAL_FIELDS = (
    "title", "summary", "objectives", "activities", "language", "budget", "months",
    "gender_marker", "human_rights_marker", "child_marker",
)  # fmt: skip
RELATIONS = ("partners", "countries", "capacity_areas", "gcm_objectives")


def _proposal_data(form) -> services.ProposalData:
    data = form.cleaned_data
    return services.ProposalData(
        **{name: data[name] for name in PROPOSAL_FIELDS},
        **{name: list(data[name]) for name in RELATIONS},
    )


class ProposalFormView(LoginRequiredMixin, View):
    """Write a proposal to an open call for one of the organisations where the person is an
    editor, or edit a draft."""

    template_name = "funding/proposal_form.html"

    def dispatch(self, request, pk=None, call=None):
        self.proposal = None
        if request.user.is_authenticated:
            if pk is not None:
                self.proposal = selectors.proposal_get(user=request.user, pk=pk)
                require(request.user, "change", self.proposal)
                self.call = self.proposal.call
            else:
                self.call = selectors.call_get(user=request.user, pk=call)
                require(request.user, "propose", self.call)
                if not self.organisations().exists():
                    raise PermissionDenied
        return super().dispatch(request, pk=pk, call=call)

    def organisations(self):
        if self.proposal is not None:
            return Organisation.objects.filter(pk=self.proposal.organisation_id)
        return organisations_with_role(user=self.request.user, role=MembershipRole.EDITOR)

    def make_form(self, **kwargs):
        if self.proposal is not None:
            kwargs.setdefault("initial", {}).setdefault("organisation", self.proposal.organisation)
        form = ProposalForm(call=self.call, organisations=self.organisations(), **kwargs)
        if self.proposal is not None:  # the lead organisation is shown, not changed
            form.fields["organisation"].disabled = True
        return form

    def get(self, request, pk=None, call=None):
        if self.proposal is None:
            initial = {"submission_key": uuid.uuid4(), "language": request.LANGUAGE_CODE}
        else:
            initial = {name: getattr(self.proposal, name) for name in PROPOSAL_FIELDS}
            initial.update({name: list(getattr(self.proposal, name).all()) for name in RELATIONS})
        return self.render(self.make_form(initial=initial))

    def post(self, request, pk=None, call=None):
        form = self.make_form(data=request.POST)
        if form.is_valid():
            try:
                proposal = self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The proposal is saved as a draft. Submit it before the deadline.")
                )
                return redirect(proposal)
        return self.render(form, status=400)

    def save(self, form):
        data = _proposal_data(form)
        if self.proposal is not None:
            return services.proposal_update(actor=self.request.user, proposal=self.proposal,
                                            data=data)  # fmt: skip
        return services.proposal_create(
            actor=self.request.user,
            call=self.call,
            organisation=form.cleaned_data["organisation"],
            data=data,
            submission_key=form.cleaned_data["submission_key"],
        )

    def render(self, form, status=200):
        context = {"form": form, "call": self.call, "proposal": self.proposal}
        return render(self.request, self.template_name, context, status=status)


def proposal_detail(request, pk):
    return render_proposal(request, selectors.proposal_get(user=request.user, pk=pk))


def render_proposal(request, proposal, *, forms=None, fund_error=None, status=200):
    """The proposal's page. What the reader sees of it follows the policy: the pipeline's
    summary for everyone once approved; the whole text for the applicants, the reviewers, the
    secretariat and the committee; the reviews for the secretariat and the committee."""
    user = request.user
    forms = forms or {}
    can = {
        action: user_can(user, action, proposal)
        for action in ("change", "submit", "withdraw", "assign_reviewers", "view_reviews",
                       "decide", "fund")
    }  # fmt: skip
    applicant = permissions.applies(user, proposal)
    reads_all = (
        applicant or permissions.oversees(user, proposal) or permissions.reviews(user, proposal)
    )
    reviews = (
        selectors.proposal_reviews(user=user, proposal=proposal) if can["view_reviews"] else []
    )
    scores = selectors.weighted_scores([proposal.pk]) if can["view_reviews"] else {}
    context = {
        "proposal": proposal,
        "call": proposal.call,
        "fund": proposal.call.fund,
        "can": can,
        "reads_all": reads_all,
        "sees_decision": applicant or permissions.oversees(user, proposal),
        "reviews": reviews,
        "criteria": selectors.call_criteria(proposal.call) if can["view_reviews"] else [],
        "score": scores.get(proposal.pk, (None, 0)),
        "reviewers_form": forms.get("reviewers")
        or (ReviewersForm() if can["assign_reviewers"] else None),
        "decision_form": forms.get("decision") or (DecisionForm() if can["decide"] else None),
        "fund_error": fund_error,
        "balance": services.balance(proposal.call.fund) if can["fund"] else None,
        "cover": selectors.earmarked_cover([proposal])[proposal.pk],
        "my_review": proposal.reviews.filter(reviewer=user).first()
        if user.is_authenticated
        else None,
    }
    return render(request, "funding/proposal_detail.html", context, status=status)


def _transition(request, pk, action, service, done):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    require(request.user, action, proposal)
    try:
        service(actor=request.user, proposal=proposal)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return render_proposal(request, proposal, status=400)
    messages.success(request, done)
    return redirect(proposal)


@require_POST
@login_required
def proposal_submit(request, pk):
    done = _("The proposal is submitted. The secretariat will assign reviewers.")
    return _transition(request, pk, "submit", services.proposal_submit, done)


@require_POST
@login_required
def proposal_withdraw(request, pk):
    return _transition(request, pk, "withdraw", services.proposal_withdraw,
                       _("The proposal is withdrawn."))  # fmt: skip


@require_POST
@login_required
def proposal_assign(request, pk):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    require(request.user, "assign_reviewers", proposal)
    form = ReviewersForm(request.POST)
    if form.is_valid():
        try:
            assigned = services.review_assign(
                actor=request.user, proposal=proposal, reviewers=form.cleaned_data["emails"]
            )
        except ValidationError as error:
            form.add_error("emails", error.messages)
        else:
            messages.success(
                request, _("%(count)d reviewer(s) assigned.") % {"count": len(assigned)}
            )
            return redirect(proposal)
    return render_proposal(request, proposal, forms={"reviewers": form}, status=400)


@require_POST
@login_required
def proposal_decide(request, pk):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    require(request.user, "decide", proposal)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_decide(
                actor=request.user,
                proposal=proposal,
                approve=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The committee's decision is recorded."))
            return redirect(proposal)
    return render_proposal(request, proposal, forms={"decision": form}, status=400)


@require_POST
@login_required
def proposal_fund(request, pk):
    proposal = selectors.proposal_get(user=request.user, pk=pk)
    require(request.user, "fund", proposal)
    try:
        project = services.proposal_fund(actor=request.user, proposal=proposal)
    except ValidationError as error:
        return render_proposal(request, proposal, fund_error=" ".join(error.messages), status=400)
    messages.success(
        request, _("The proposal is funded: it is now a project, with the fund's transfers.")
    )
    return redirect(project)


def pipeline(request):
    proposals = selectors.pipeline(user=request.user)
    return render(request, "funding/pipeline.html", {"proposals": proposals})


urlpatterns = [
    path("pipeline/", pipeline, name="pipeline"),
    path("calls/<int:call>/proposals/new/", ProposalFormView.as_view(), name="proposal_create"),
    path("proposals/<int:pk>/", proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", ProposalFormView.as_view(), name="proposal_update"),
    path("proposals/<int:pk>/submit/", proposal_submit, name="proposal_submit"),
    path("proposals/<int:pk>/withdraw/", proposal_withdraw, name="proposal_withdraw"),
    path("proposals/<int:pk>/reviewers/", proposal_assign, name="proposal_assign"),
    path("proposals/<int:pk>/decision/", proposal_decide, name="proposal_decide"),
    path("proposals/<int:pk>/fund/", proposal_fund, name="proposal_fund"),
]
