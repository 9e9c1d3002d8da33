"""Pages of calls for proposals: a call's page, and for the secretariat creating and editing a
draft, its criteria and weights, publishing and closing it; the list of its proposals with their
weighted scores for the secretariat and the fund's steering committee, and their review pack as a
PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can

from .. import pdf, services
from ..choices import CallStatus
from ..forms.funds import CallForm, CriteriaWeightsForm, ExtraCriteriaFormSet, extra_lines
from ..selectors import funds as selectors


def call_detail(request, pk, *, status=200):
    call = selectors.call_detail_related(selectors.call_get(user=request.user, pk=pk))
    user = request.user
    can = {
        action: user_can(user, action, call)
        for action in ("change", "publish", "close", "view_proposals")
    }
    can_propose = (
        user_can(user, "propose", call)
        and call.deadline > timezone.now()
        and organisations_with_role(user=user, role=MembershipRole.EDITOR).exists()
    )
    context = {
        "call": call,
        "criteria": selectors.call_criteria(call),
        "can": can,
        "can_propose": can_propose,
        "is_open": call.status == CallStatus.OPEN and call.deadline > timezone.now(),
    }
    return render(request, "funding/call_detail.html", context, status=status)


def _call_data(form) -> services.CallData:
    data = form.cleaned_data
    return services.CallData(
        title=data["title"],
        description=data["description"],
        eligibility=data["eligibility"],
        budget_ceiling=data["budget_ceiling"],
        deadline=data["deadline"],
        requires_government=data["requires_government"],
        capacity_areas=list(data["capacity_areas"]),
        countries=list(data["countries"]),
    )


class CallFormView(LoginRequiredMixin, View):
    """Open a call in a fund (the secretariat), or edit a draft one."""

    template_name = "funding/call_form.html"

    def dispatch(self, request, slug=None, pk=None):
        self.fund = self.call = None
        if request.user.is_authenticated:
            if pk is not None:
                self.call = selectors.call_get(user=request.user, pk=pk)
                self.fund = self.call.fund
                require(request.user, "change", self.call)
            else:
                self.fund = selectors.fund_get(user=request.user, slug=slug)
                require(request.user, "open_call", self.fund)
        return super().dispatch(request, slug=slug, pk=pk)

    def get(self, request, slug=None, pk=None):
        initial = {}
        if self.call is not None:
            initial = {
                name: getattr(self.call, name)
                for name in ("title", "description", "eligibility", "budget_ceiling",
                             "deadline", "requires_government")
            }  # fmt: skip
            initial["capacity_areas"] = list(self.call.capacity_areas.all())
            initial["countries"] = list(self.call.countries.all())
        return self.render(CallForm(initial=initial))

    def post(self, request, slug=None, pk=None):
        form = CallForm(request.POST)
        if form.is_valid():
            try:
                if self.call is None:
                    call = services.call_create(
                        actor=request.user, fund=self.fund, data=_call_data(form)
                    )
                else:
                    call = services.call_update(
                        actor=request.user, call=self.call, data=_call_data(form)
                    )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("The call is saved. It stays a draft until you publish it.")
                )
                return redirect(call)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "fund": self.fund, "call": self.call}
        return render(self.request, self.template_name, context, status=status)


class CallCriteriaView(LoginRequiredMixin, View):
    """A draft call's criteria: the weights of the guiding principles and markers, and the
    call's own extra criteria."""

    template_name = "funding/call_criteria.html"

    def dispatch(self, request, pk):
        if request.user.is_authenticated:
            self.call = selectors.call_get(user=request.user, pk=pk)
            require(request.user, "change", self.call)
            self.criteria = selectors.call_criteria(self.call)
        return super().dispatch(request, pk=pk)

    def get(self, request, pk):
        own = [
            {"name": c.name, "weight": c.weight, "guidance": c.guidance}
            for c in self.criteria
            if not (c.principle_id or c.marker)
        ]
        return self.render(
            CriteriaWeightsForm(criteria=self.criteria),
            ExtraCriteriaFormSet(prefix="extra", initial=own),
        )

    def post(self, request, pk):
        form = CriteriaWeightsForm(request.POST, criteria=self.criteria)
        extra = ExtraCriteriaFormSet(request.POST, prefix="extra")
        if form.is_valid() and extra.is_valid():
            try:
                services.criteria_set(
                    actor=request.user,
                    call=self.call,
                    weights=form.weights(),
                    extra=extra_lines(extra),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The criteria are saved."))
                return redirect(self.call)
        return self.render(form, extra, status=400)

    def render(self, form, extra, status=200):
        context = {"form": form, "extra": extra, "call": self.call}
        return render(self.request, self.template_name, context, status=status)


def _step(request, pk, action, service, done):
    call = selectors.call_get(user=request.user, pk=pk)
    require(request.user, action, call)
    try:
        service(actor=request.user, call=call)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return call_detail(request, pk, status=400)
    messages.success(request, done)
    return redirect(call)


@require_POST
@login_required
def call_publish(request, pk):
    return _step(request, pk, "publish", services.call_publish, _("The call is open."))


@require_POST
@login_required
def call_close(request, pk):
    return _step(
        request,
        pk,
        "close",
        services.call_close,
        _("The call is closed: it takes no more proposals."),
    )


@login_required
def call_proposals(request, pk):
    call = selectors.call_get(user=request.user, pk=pk)
    require(request.user, "view_proposals", call)
    context = {"call": call, "proposals": selectors.call_proposals(call)}
    return render(request, "funding/call_proposals.html", context)


@login_required
def call_pack_pdf(request, pk):
    """The steering committee's review pack of the call, as a PDF to download."""
    call = selectors.call_get(user=request.user, pk=pk)
    require(request.user, "view_proposals", call)
    document = pdf.call_pack_pdf(call, user=request.user)
    name = slugify(call.title)[:60].strip("-") or call.pk
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="review-pack-{name}.pdf"'
    return response


urlpatterns = [
    path("funds/<slug:slug>/calls/new/", CallFormView.as_view(), name="call_create"),
    path("calls/<int:pk>/", call_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", CallFormView.as_view(), name="call_update"),
    path("calls/<int:pk>/criteria/", CallCriteriaView.as_view(), name="call_criteria"),
    path("calls/<int:pk>/publish/", call_publish, name="call_publish"),
    path("calls/<int:pk>/close/", call_close, name="call_close"),
    path("calls/<int:pk>/proposals/", call_proposals, name="call_proposals"),
    path("calls/<int:pk>/pack.pdf", call_pack_pdf, name="call_pack_pdf"),
]
