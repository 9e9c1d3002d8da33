"""Pages of requests for support: the public list, writing a request (from scratch or from an
assessment's gap), its page with the timeline and next steps, and the secretariat's review."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.assessments import selectors as assessment_selectors
from passerelle.assessments import services as assessment_services
from passerelle.core.forms import ReasonForm, add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.sections import render_row_parts, render_sections
from passerelle.core.workflow import Transition, perform_transition

from .. import selectors, services
from ..choices import RequestScope, RequestStatus
from ..filters import RequestFilter
from ..forms import RequestForm, RequirementFormSet, ReviewForm
from ..matching.explain import explanation_rows
from ..models import SupportRequest
from ..permissions import is_broker

PAGE_SIZE = 25
# Offers answer requests that still look for support.
ANSWERABLE = (RequestStatus.OPEN, RequestStatus.PARTLY_MATCHED)


class RequestListView(View):
    template_name = "hub/request_list.html"

    def get(self, request):
        filterset = RequestFilter(request.GET, queryset=selectors.request_list(user=request.user))
        if not filterset.is_valid():
            context = {"filter": filterset, "page_obj": None}
            return render(request, self.template_name, context, status=400)
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        parts = render_row_parts("support_request_rows", request, page.object_list)
        for item in page.object_list:  # what higher modules show in the row
            item.row_parts = parts.get(item.pk, "")
        context = {
            "filter": filterset,
            "page_obj": page,
            "can_request": bool(_requesters(request.user)),
        }
        return render(request, self.template_name, context)


def _requesters(user):
    """The organisations `user` may request support for."""
    return organisations_with_role(user=user, role=MembershipRole.EDITOR)


def _request_data(form, formset) -> services.RequestData:
    data = form.cleaned_data
    return services.RequestData(
        title=data["title"],
        description=data["description"],
        language=data["language"],
        capacity_areas=list(data["capacity_areas"]),
        gcm_objectives=list(data["gcm_objectives"]),
        support_types=list(data["support_types"]),
        scope=data["scope"],
        country=data["country"],
        region=data["region"],
        modality=data["modality"],
        working_languages=data["working_languages"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        joint_with=data["joint_with"],
        requirements=[line for line in formset.cleaned_data if line],
    )


class RequestFormView(LoginRequiredMixin, View):
    """Write a new request, or change a draft (or one the secretariat asked a question about)."""

    template_name = "hub/request_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.support_request, self.gap = None, None

    def dispatch(self, request, pk=None):
        if request.user.is_authenticated:
            if pk is not None:
                self.support_request = selectors.request_get(user=request.user, pk=pk)
                require(request.user, "change", self.support_request)
            elif not _requesters(request.user).exists():
                raise PermissionDenied
        return super().dispatch(request, pk=pk)

    def get(self, request, pk=None):
        initial, requirements = self.initial()
        form = RequestForm(initial=initial, organisations=self.organisations())
        return self.render(form, RequirementFormSet(initial=requirements, prefix="requirements"))

    def post(self, request, pk=None):
        form = RequestForm(request.POST, organisations=self.organisations())
        formset = RequirementFormSet(request.POST, prefix="requirements")
        if form.is_valid() and formset.is_valid():
            try:
                saved = self.save(form, formset)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The request is saved. Submit it when it is ready."))
                return redirect(saved)
        return self.render(form, formset, status=400)

    def organisations(self):
        if self.support_request is not None:
            return Organisation.objects.filter(pk=self.support_request.organisation_id)
        return _requesters(self.request.user)

    def save(self, form, formset) -> SupportRequest:
        data = _request_data(form, formset)
        if self.support_request is not None:
            return services.request_update(
                actor=self.request.user, support_request=self.support_request, data=data
            )
        gap = self.gap_draft()
        if gap is not None and form.cleaned_data["organisation"] != gap.organisation:
            raise ValidationError(
                {
                    "organisation": _(
                        "Ask for support on a gap for the organisation that assessed it."
                    )
                }
            )
        return services.request_create(
            actor=self.request.user,
            organisation=form.cleaned_data["organisation"],
            data=data,
            submission_key=form.cleaned_data["submission_key"],
            source_assessment=gap.assessment if gap else None,
            source_indicator=gap.indicator if gap else None,
        )

    def gap_draft(self):
        """The gap this request answers (?assessment=&indicator=), pre-filled by the
        assessments module; None without one."""
        source = self.request.GET
        assessment_id, code = source.get("assessment", ""), source.get("indicator", "")
        if not (assessment_id.isdigit() and code):
            return None
        assessment = assessment_selectors.assessment_get(user=self.request.user, pk=assessment_id)
        indicator = assessment.applicable_indicators().filter(code=code).first()
        if indicator is None:
            raise Http404
        return assessment_services.request_draft_from_gap(
            actor=self.request.user, assessment=assessment, indicator=indicator
        )

    def initial(self) -> tuple[dict, list[dict]]:
        existing = self.support_request
        if existing is not None:
            initial = {
                "organisation": existing.organisation,
                "joint_with": existing.joint_with,
                "title": existing.title,
                "description": existing.description,
                "language": existing.language,
                "support_types": [t.support_type for t in existing.support_types.all()],
                "capacity_areas": list(existing.capacity_areas.all()),
                "gcm_objectives": list(existing.gcm_objectives.all()),
                "scope": existing.scope,
                "country": existing.country,
                "region": existing.region,
                "modality": existing.modality,
                "working_languages": ", ".join(existing.working_languages),
                "starts_on": existing.starts_on,
                "ends_on": existing.ends_on,
            }
            requirements = [
                {
                    "kind": r.kind,
                    "description": r.description,
                    "quantity": r.quantity,
                    "currency": r.currency,
                    "estimated_value": r.estimated_value,
                }
                for r in existing.requirements.all()
            ]
            return initial, requirements
        initial = {"submission_key": uuid.uuid4()}
        try:
            gap = self.gap_draft()
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            gap = None
        if gap is not None:
            initial |= {
                "organisation": gap.organisation,
                "title": gap.title,
                "description": gap.description,
                "language": gap.language,
                "capacity_areas": gap.capacity_areas,
                "gcm_objectives": gap.gcm_objectives,
                "scope": gap.scope if gap.scope in RequestScope.values else RequestScope.NATIONAL,
                "country": gap.country,
            }
        return initial, []

    def render(self, form, formset, status=200):
        context = {
            "form": form,
            "formset": formset,
            "support_request": self.support_request,
        }
        return render(self.request, self.template_name, context, status=status)


class RequestDetailView(View):
    def get(self, request, pk):
        support_request = selectors.request_get(user=request.user, pk=pk)
        return render_detail(request, support_request)


def render_detail(request, support_request, *, review_form=None, status=200):
    user = request.user
    if review_form is None and user_can(user, "review", support_request):
        review_form = ReviewForm()
    actions = {
        action: user_can(user, action, support_request)
        for action in ("change", "submit", "withdraw", "close", "view_review_notes", "view_matches")
    }
    matches = (
        selectors.matches_of_request(user=user, support_request=support_request)
        if actions["view_matches"]
        else []
    )
    peers = selectors.peers_of(support_request) if support_request.published_at else []
    # The gap a request answers belongs to an assessment that may still be private: whoever may
    # not see the assessment is told nothing about it, not even its title.
    source = support_request.source_assessment
    if source is not None and not user_can(user, "view", source):
        source = None
    context = {
        "support_request": support_request,
        "source_assessment": source,
        "source_scores": source is not None and user_can(user, "view_scores", source),
        "timeline": selectors.timeline(support_request),
        "actions": actions,
        "review_form": review_form,
        "reason_form": ReasonForm(),
        "statuses": RequestStatus,
        "matches": [(match, explanation_rows(match)) for match in matches],
        "can_offer": user.is_authenticated and support_request.status in ANSWERABLE,
        "peers": peers,
        "sections": render_sections("support_request", request, (support_request, peers)),
    }
    return render(request, "hub/request_detail.html", context, status=status)


TRANSITIONS = {
    "submit": Transition(
        services.request_submit,
        gettext_lazy("Submitted: the secretariat will review it."),
        takes_reason=False,
    ),
    "withdraw": Transition(services.request_withdraw, gettext_lazy("The request is withdrawn.")),
    "close": Transition(services.request_close, gettext_lazy("The request is closed.")),
}


@require_POST
@login_required
def transition(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    support_request = selectors.request_get(user=request.user, pk=pk)
    return perform_transition(
        request, support_request, TRANSITIONS[action], keyword="support_request",
        page=render_detail,
    )  # fmt: skip


@require_POST
@login_required
def review(request, pk):
    support_request = selectors.request_get(user=request.user, pk=pk)
    require(request.user, "review", support_request)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.request_review(
                actor=request.user,
                support_request=support_request,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your review is recorded."))
            return redirect("hub:review_queue")
    return render_detail(request, support_request, review_form=form, status=400)


@login_required
def review_queue(request):
    """The secretariat's queue: requests waiting for review, oldest first, and those waiting for
    the requester's answer."""
    if not is_broker(request.user):
        raise PermissionDenied
    requests = selectors.request_list(user=request.user)
    context = {
        "waiting": requests.filter(status=RequestStatus.SUBMITTED).order_by("submitted_at"),
        "asked": requests.filter(status=RequestStatus.CLARIFICATION).order_by("updated"),
    }
    return render(request, "hub/review_queue.html", context)
