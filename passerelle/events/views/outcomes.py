"""After an event: the closing report (public once published), its writing and publication by
the organisers, the outcomes heard, and turning an outcome into a pledge, a request for support
or a call for practices with the other module's own form. A draft report and its outcomes are
not found by anyone but the organisers (404); organisers' pages refuse others (403 once the
event is visible to them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.models import Organisation
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, policy_for, require
from passerelle.hub.forms import RequestForm
from passerelle.knowledge.forms.calls import CallForm
from passerelle.pledges.forms import PledgeDraftForm

from .. import charts
from .. import forms_outcomes as f
from .. import selectors_outcomes as selectors
from ..models import ClosingReport, Event, Outcome
from ..permissions import organises
from ..services import outcomes as services
from ..services.outcomes import OutcomeData


def _event(request, slug: str) -> Event:
    return get_visible_or_404(Event.objects.all(), request.user, slug=slug)


def _event_for_change(request, slug: str) -> Event:
    event = _event(request, slug)
    require(request.user, "change", event)
    return event


def _report_url(event: Event) -> str:
    return reverse("events:closing_report", kwargs={"slug": event.slug})


def closing_report(request, slug):
    event = _event(request, slug)
    is_organiser = organises(request.user, event)
    report = ClosingReport.objects.filter(
        policy_for(ClosingReport).visible_q(request.user), event=event
    ).first()
    if report is None:
        if is_organiser:
            return redirect("events:closing_report_edit", slug=event.slug)
        raise Http404
    outcomes = selectors.outcome_list(user=request.user, event=event)
    context = {
        "event": event,
        "report": report,
        "summaries": list(selectors.session_summaries(report)),
        "chart": charts.count_bars(
            selectors.attendance_by_organisation_type(event),
            chart_id=f"attendance-{event.pk}-by-type",
            column=_("Participants checked in"),
        ),
        "outcomes": [(outcome, services.follow_up_of(outcome)) for outcome in outcomes],
        "is_organiser": is_organiser,
    }
    return render(request, "events/outcomes_report.html", context)


class ReportEditView(LoginRequiredMixin, View):
    template_name = "events/outcomes_report_form.html"

    def dispatch(self, request, slug):
        if request.user.is_authenticated:
            self.event = _event_for_change(request, slug)
            self.report = ClosingReport.objects.filter(event=self.event).first()
        return super().dispatch(request, slug)

    def get(self, request, slug):
        initial = f.ReportForm.initial_for(self.report)
        return self.render(f.ReportForm(initial=initial, event=self.event))

    def post(self, request, slug):
        form = f.ReportForm(request.POST, event=self.event)
        if form.is_valid():
            try:
                services.report_save(
                    actor=request.user,
                    event=self.event,
                    summary=form.cleaned_data["summary"],
                    session_summaries=form.session_summaries(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The closing report is saved."))
                return redirect(_report_url(self.event))
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "event": self.event, "report": self.report}
        return render(self.request, self.template_name, context, status=status)


@require_POST
@login_required
def report_publish(request, slug):
    event = _event_for_change(request, slug)
    report = ClosingReport.objects.filter(event=event).first()
    if report is None:
        raise Http404
    try:
        services.report_publish(actor=request.user, report=report)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("events:closing_report_edit", slug=event.slug)
    messages.success(request, _("The closing report is published: everyone can read it now."))
    return redirect(_report_url(event))


class OutcomeFormView(LoginRequiredMixin, View):
    """A new outcome (no `pk`), or a change to one."""

    template_name = "events/outcomes_outcome_form.html"

    def dispatch(self, request, slug, pk=None):
        self.outcome = None
        if request.user.is_authenticated:
            if pk is None:
                self.event = _event_for_change(request, slug)
            else:
                self.outcome = get_visible_or_404(
                    Outcome.objects.select_related("event"),
                    request.user,
                    pk=pk,
                    event__slug=slug,
                )
                require(request.user, "change", self.outcome)
                self.event = self.outcome.event
        return super().dispatch(request, slug, pk)

    def get(self, request, slug, pk=None):
        initial = {} if self.outcome is None else f.OutcomeForm.initial_for(self.outcome)
        return self.render(f.OutcomeForm(initial=initial, event=self.event))

    def post(self, request, slug, pk=None):
        form = f.OutcomeForm(request.POST, event=self.event)
        if form.is_valid():
            data = OutcomeData(**form.cleaned_data)
            try:
                if self.outcome is None:
                    services.outcome_create(actor=request.user, event=self.event, data=data)
                    done = _("The outcome is recorded.")
                else:
                    services.outcome_update(actor=request.user, outcome=self.outcome, data=data)
                    done = _("The outcome is saved.")
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, done)
                return redirect(_report_url(self.event))
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "event": self.event, "outcome": self.outcome}
        return render(self.request, self.template_name, context, status=status)


class FollowUpView(LoginRequiredMixin, View):
    """The target module's own form, prefilled from the outcome; posting it creates the pledge,
    request or call through the outcome's service, which links it."""

    template_name = "events/outcomes_follow_up.html"
    TITLES = {
        "pledge": gettext_lazy("Turn the outcome into a pledge"),
        "request": gettext_lazy("Turn the outcome into a request for support"),
        "call": gettext_lazy("Turn the outcome into a call for practices"),
    }

    def dispatch(self, request, slug, pk, target):
        if target not in services.FOLLOW_UPS:
            raise Http404
        self.target = target
        if request.user.is_authenticated:
            self.outcome = get_visible_or_404(
                Outcome.objects.select_related(
                    "event", "owner", "pledge", "support_request", "practice_call"
                ),
                request.user,
                pk=pk,
                event__slug=slug,
            )
            require(request.user, "follow_up", self.outcome)
            self.event = self.outcome.event
            existing = services.follow_up_of(self.outcome)
            if existing is not None:
                messages.info(request, _("This outcome is already followed up."))
                return redirect(existing)
            if target != "call" and self.outcome.owner is None:
                messages.error(request, _("Name the organisation that owns the outcome first."))
                return redirect("events:outcome_edit", slug=self.event.slug, pk=self.outcome.pk)
        return super().dispatch(request, slug, pk, target)

    def make_form(self, **kwargs):
        if self.target == "call":
            return CallForm(**kwargs)
        owner = Organisation.objects.filter(pk=self.outcome.owner_id)
        if self.target == "pledge":
            return PledgeDraftForm(organisations=owner, user=self.request.user, **kwargs)
        return RequestForm(organisations=owner, **kwargs)

    def initial(self) -> dict:
        return {
            "pledge": f.pledge_initial,
            "request": f.request_initial,
            "call": f.call_initial,
        }[self.target](self.outcome)

    def get(self, request, slug, pk, target):
        return self.render(self.make_form(initial=self.initial()))

    def post(self, request, slug, pk, target):
        form = self.make_form(data=request.POST)
        if form.is_valid():
            try:
                created = self.create(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The follow-up is created as a draft and linked."))
                return redirect(created)
        return self.render(form, status=400)

    def create(self, form):
        actor, outcome = self.request.user, self.outcome
        if self.target == "pledge":
            return services.outcome_to_pledge(
                actor=actor, outcome=outcome, data=f.pledge_data(form)
            )
        if self.target == "request":
            return services.outcome_to_request(
                actor=actor, outcome=outcome, data=f.request_data(form)
            )
        return services.outcome_to_practice_call(
            actor=actor, outcome=outcome, data=f.call_data(form)
        )

    def render(self, form, status=200):
        context = {
            "form": form,
            "event": self.event,
            "outcome": self.outcome,
            "target": self.target,
            "page_title": self.TITLES[self.target],
        }
        return render(self.request, self.template_name, context, status=status)


report_edit = ReportEditView.as_view()
outcome_create = OutcomeFormView.as_view()
outcome_edit = OutcomeFormView.as_view()
follow_up = FollowUpView.as_view()
