"""Pages of pledges: the list with each pledge's status light, writing a draft, its page (the
completion scale, the value reached against the target, the progress reports and the history),
reporting progress, and publishing, closing and withdrawing."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core import charts
from passerelle.core.forms import ReasonForm, add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.core.workflow import Transition, perform_transition

from . import selectors, services
from .choices import Completion
from .filters import PledgeFilter
from .forms import PledgeDraftForm, ProgressUpdateForm
from .models import Pledge

PAGE_SIZE = 25


class PledgeListView(View):
    template_name = "pledges/pledge_list.html"

    def get(self, request):
        filterset = PledgeFilter(request.GET, queryset=selectors.pledge_list(user=request.user))
        if not filterset.is_valid():
            context = {"filter": filterset, "page_obj": None}
            return render(request, self.template_name, context, status=400)
        page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "filter": filterset,
            "page_obj": page,
            "can_pledge": _pledgers(request.user).exists(),
        }
        return render(request, self.template_name, context)


def _pledgers(user):
    """The organisations `user` may pledge for."""
    return organisations_with_role(user=user, role=MembershipRole.EDITOR)


def _pledge_data(form) -> services.PledgeData:
    data = form.cleaned_data
    return services.PledgeData(
        title=data["title"],
        description=data["description"],
        language=data["language"],
        form=data["form"],
        type=data["type"],
        partners=list(data["partners"]),
        matches=data["matches"],
        gcm_objectives=list(data["gcm_objectives"]),
        capacity_areas=list(data["capacity_areas"]),
        country=data["country"],
        region=data["region"],
        metric=data["metric"],
        baseline=data["baseline"],
        target=data["target"],
        unit=data["unit"],
        deadline=data["deadline"],
        amount=data["amount"],
        currency=data["currency"],
        pledged_on=data["pledged_on"],
        reporting_interval=data["reporting_interval"],
    )


class PledgeFormView(LoginRequiredMixin, View):
    """Write a new pledge, or change a draft."""

    template_name = "pledges/pledge_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pledge = None

    def dispatch(self, request, pk=None):
        if request.user.is_authenticated:
            if pk is not None:
                self.pledge = selectors.pledge_get(user=request.user, pk=pk)
                require(request.user, "change", self.pledge)
            elif not _pledgers(request.user).exists():
                raise PermissionDenied
        return super().dispatch(request, pk=pk)

    def get(self, request, pk=None):
        return self.render(self.make_form(initial=self.initial()))

    def post(self, request, pk=None):
        form = self.make_form(data=request.POST)
        if form.is_valid():
            try:
                saved = self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The pledge is saved. Publish it when it is ready."))
                return redirect(saved)
        return self.render(form, status=400)

    def make_form(self, **kwargs) -> PledgeDraftForm:
        if self.pledge is not None:
            organisations = Organisation.objects.filter(pk=self.pledge.organisation_id)
        else:
            organisations = _pledgers(self.request.user)
        return PledgeDraftForm(organisations=organisations, user=self.request.user, **kwargs)

    def save(self, form) -> Pledge:
        data = _pledge_data(form)
        if self.pledge is not None:
            return services.pledge_update(actor=self.request.user, pledge=self.pledge, data=data)
        return services.pledge_create(
            actor=self.request.user,
            organisation=form.cleaned_data["organisation"],
            data=data,
            submission_key=form.cleaned_data["submission_key"],
        )

    def initial(self) -> dict:
        pledge = self.pledge
        if pledge is None:
            return {"submission_key": uuid.uuid4()}
        return {
            "organisation": pledge.organisation,
            "title": pledge.title,
            "description": pledge.description,
            "language": pledge.language,
            "form": pledge.form,
            "type": pledge.type,
            "partners": list(pledge.partners.all()),
            "matches": pledge.matches_id,
            "gcm_objectives": list(pledge.gcm_objectives.all()),
            "capacity_areas": list(pledge.capacity_areas.all()),
            "country": pledge.country,
            "region": pledge.region,
            "metric": pledge.metric,
            "baseline": pledge.baseline,
            "target": pledge.target,
            "unit": pledge.unit,
            "deadline": pledge.deadline,
            "amount": pledge.amount,
            "currency": pledge.currency,
            "pledged_on": pledge.pledged_on,
            "reporting_interval": pledge.reporting_interval,
        }

    def render(self, form, status=200):
        context = {"form": form, "pledge": self.pledge}
        return render(self.request, self.template_name, context, status=status)


class PledgeDetailView(View):
    def get(self, request, pk):
        return render_detail(request, selectors.pledge_get(user=request.user, pk=pk))


def render_detail(request, pledge, *, status=200):
    user, today = request.user, timezone.localdate()
    actions = {
        action: user_can(user, action, pledge)
        for action in ("change", "publish", "report", "close", "withdraw")
    }
    # Closing is offered once it would be accepted (complete, or past the deadline).
    actions["close"] = actions["close"] and services.closable(pledge, today)
    updates = list(pledge.progress_updates.all())
    context = {
        "pledge": pledge,
        "updates": updates,
        "chart": progress_chart(pledge, updates),
        "history": selectors.history(pledge),
        "actions": actions,
        "smart_errors": services.smart_errors(pledge, today) if actions["publish"] else None,
        # Each form has its own prefix: both may be on the page, and field ids must differ.
        "reason_forms": {action: ReasonForm(prefix=action) for action in ("close", "withdraw")},
        "scale": Completion.choices,
    }
    return render(request, "pledges/pledge_detail.html", context, status=status)


def progress_chart(pledge, updates) -> dict | None:
    """The value reached at each report against the target, starting from the baseline on the
    day the pledge was made. None until a report gives a value."""
    points = [(u.as_of, u.value_reached) for u in updates if u.value_reached is not None]
    if not points or pledge.target is None:
        return None
    if pledge.baseline is not None and pledge.pledged_on is not None:
        points.insert(0, (pledge.pledged_on, pledge.baseline))
    values = [float(value) for _day, value in points]
    target = float(pledge.target)
    return charts.line(
        [date_format(day, "SHORT_DATE_FORMAT") for day, _value in points],
        [(_("Value reached"), values), (_("Target"), [target] * len(points))],
        low=0,
        high=max(target, *values),
        chart_id=f"pledge-{pledge.pk}-progress",
    )


TRANSITIONS = {
    "publish": Transition(
        services.pledge_publish,
        gettext_lazy("Published: everyone can read it now."),
        takes_reason=False,
    ),
    "close": Transition(services.pledge_close, gettext_lazy("The pledge is closed.")),
    "withdraw": Transition(services.pledge_withdraw, gettext_lazy("The pledge is withdrawn.")),
}


@require_POST
@login_required
def transition(request, pk, action):
    if action not in TRANSITIONS:
        raise Http404
    pledge = selectors.pledge_get(user=request.user, pk=pk)
    return perform_transition(
        request, pledge, TRANSITIONS[action], keyword="pledge", page=render_detail, prefix=action
    )


class ProgressCreateView(LoginRequiredMixin, View):
    """Report progress on a published pledge."""

    template_name = "pledges/progress_form.html"

    def dispatch(self, request, pk):
        if request.user.is_authenticated:
            self.pledge = selectors.pledge_get(user=request.user, pk=pk)
            require(request.user, "report", self.pledge)
        return super().dispatch(request, pk=pk)

    def get(self, request, pk):
        initial = {"as_of": timezone.localdate(), "submission_key": uuid.uuid4()}
        return self.render(ProgressUpdateForm(initial=initial, pledge=self.pledge))

    def post(self, request, pk):
        form = ProgressUpdateForm(request.POST, pledge=self.pledge)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.progress_record(
                    actor=request.user,
                    pledge=self.pledge,
                    data=services.ProgressData(
                        as_of=data["as_of"],
                        completion=data["completion"],
                        value_reached=data["value_reached"],
                        note=data["note"],
                    ),
                    submission_key=data["submission_key"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your progress report is recorded."))
                return redirect(self.pledge)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "pledge": self.pledge}
        return render(self.request, self.template_name, context, status=status)
