"""Pages of a project's results framework: the editor (results and indicators), an indicator's
page with its trend against the targets, its targets for every period, custom periods, and the
secretariat's progress rules."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from passerelle.core import charts
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import is_secretariat, user_can

from .. import selectors, services
from ..forms import IndicatorForm, PeriodForm, ProgressRulesForm, ResultForm, TargetsForm
from ..models import Indicator, Result
from ..services.results import current_rules
from .common import ProjectPartFormView, project_to_change


class _FrameworkFormView(ProjectPartFormView):
    """A form about one part of the results framework; back to the framework editor once
    saved."""

    template_name = "projects/framework_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.done = _("The results framework is saved.")

    def next_url(self) -> str:
        return reverse("projects:framework", kwargs={"pk": self.project.pk})


@login_required
def framework(request, pk):
    """The framework editor: the tree with what can be added, changed or removed."""
    project = project_to_change(request, pk)
    roots, periods = selectors.framework(project)
    context = {"project": project, "roots": roots, "periods": periods}
    return render(request, "projects/framework.html", context)


class ResultFormView(_FrameworkFormView):
    def load(self, result=None):
        self.result = None
        if result is not None:
            self.result = get_object_or_404(Result, pk=result, project=self.project)
        self.heading = _("Edit the result") if self.result else _("Add a result")

    def make_form(self, **kwargs):
        return ResultForm(project=self.project, **kwargs)

    def initial(self):
        if self.result is None:
            return {"type": self.request.GET.get("type"), "parent": self.request.GET.get("parent")}
        r = self.result
        return {"type": r.type, "title": r.title, "description": r.description,
                "parent": r.parent, "weight": r.weight}  # fmt: skip

    def save(self, form):
        data = services.ResultData(**form.cleaned_data)
        if self.result is None:
            return services.result_create(actor=self.request.user, project=self.project, data=data)
        return services.result_update(actor=self.request.user, result=self.result, data=data)


class IndicatorFormView(_FrameworkFormView):
    def load(self, indicator=None):
        self.indicator = None
        if indicator is not None:
            self.indicator = get_object_or_404(
                Indicator.objects.select_related("result"), pk=indicator,
                result__project=self.project,
            )  # fmt: skip
            self.result = self.indicator.result
        else:
            number = self.request.GET.get("result") or self.request.POST.get("result", "")
            self.result = get_object_or_404(
                Result, pk=number if number.isdigit() else 0, project=self.project
            )
        self.heading = _("Edit the indicator") if self.indicator else _("Add an indicator")

    def make_form(self, **kwargs):
        return IndicatorForm(project=self.project, **kwargs)

    def initial(self):
        if self.indicator is None:
            return {"ascending": True, "weight": 1}
        i = self.indicator
        initial = {
            name: getattr(i, name)
            for name in ("title", "description", "measure", "unit", "ascending", "baseline_date",
                         "baseline_value", "baseline_comment", "weight", "reporter",
                         "capacity_area", "gcm_objective", "assessment_indicator")
        }  # fmt: skip
        for entry in i.dimensions:
            initial[f"dimension_{entry['dimension']}"] = ", ".join(entry["categories"])
        return initial

    def save(self, form):
        fields = {
            name: value for name, value in form.cleaned_data.items()
            if not name.startswith("dimension_")
        }  # fmt: skip
        data = services.IndicatorData(**fields, dimensions=form.dimensions())
        if self.indicator is None:
            return services.indicator_create(actor=self.request.user, result=self.result, data=data)
        return services.indicator_update(
            actor=self.request.user, indicator=self.indicator, data=data
        )

    def context(self) -> dict:
        return {"result": self.result}


class TargetsView(_FrameworkFormView):
    """An indicator's target for every period, on one form."""

    def load(self, indicator):
        self.indicator = get_object_or_404(Indicator, pk=indicator, result__project=self.project)
        if not self.indicator.is_quantitative:  # reported in words: no figure to aim at
            raise Http404
        self.periods = list(self.project.periods.order_by("start"))
        self.heading = _("Targets: %(indicator)s") % {"indicator": self.indicator.title}

    def make_form(self, **kwargs):
        return TargetsForm(periods=self.periods, **kwargs)

    def initial(self):
        values = {v.period_id: v.target for v in self.indicator.values.all()}
        return {f"p{period.pk}": values.get(period.pk) for period in self.periods}

    def save(self, form):
        current = {v.period_id: v.target for v in self.indicator.values.all()}
        for period, target in form.targets():
            if current.get(period.pk) != target:
                services.target_set(
                    actor=self.request.user, indicator=self.indicator, period=period,
                    target=target,
                )  # fmt: skip


class PeriodCreateView(_FrameworkFormView):
    def load(self):
        self.heading = _("Add a reporting period")

    def make_form(self, **kwargs):
        return PeriodForm(**kwargs)

    def save(self, form):
        return services.period_add(actor=self.request.user, project=self.project,
                                   **form.cleaned_data)  # fmt: skip


@require_POST
@login_required
def remove(request, pk, kind, item):
    """Remove a result, an indicator or a custom period; the service says why not when it
    refuses."""
    project = project_to_change(request, pk)
    if kind not in ("result", "indicator", "period"):
        raise Http404
    if kind == "result":
        result = get_object_or_404(Result, pk=item, project=project)
        action = partial(services.result_remove, result=result)
    elif kind == "indicator":
        indicator = get_object_or_404(Indicator, pk=item, result__project=project)
        action = partial(services.indicator_remove, indicator=indicator)
    else:
        period = get_object_or_404(project.periods, pk=item)
        action = partial(services.period_remove, period=period)
    try:
        action(actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed."))
    return redirect("projects:framework", pk=project.pk)


def indicator_detail(request, pk, indicator):
    """An indicator's page: its definition, its trend over the periods against the targets, the
    value of each period and who approved it."""
    project = selectors.project_get(user=request.user, pk=pk)
    roots, _periods = selectors.framework(project)
    found = _find(roots, indicator)
    if found is None:
        raise Http404
    context = {
        "project": project,
        "item": found,
        "chart": trend_chart(found),
        "can_change": user_can(request.user, "change", project),
        "member": user_can(request.user, "report", project)
        or user_can(request.user, "approve", project)
        or user_can(request.user, "change", project),
    }
    return render(request, "projects/indicator_detail.html", context)


def _find(nodes, indicator_id):
    for node in nodes:
        for item in node.indicators:
            if item.indicator.pk == indicator_id:
                return item
        found = _find(node.children, indicator_id)
        if found is not None:
            return found
    return None


def trend_chart(item) -> dict | None:
    """Approved actuals and targets over the periods, from the baseline. None for an indicator
    reported in words or without any figure yet."""
    indicator = item.indicator
    if not indicator.is_quantitative:
        return None
    labels = [period.label for period, _value in item.rows]
    targets = [float(v.target) if v and v.target is not None else None for _p, v in item.rows]
    actuals = [
        float(v.actual) if v and v.status == "approved" and v.actual is not None else None
        for _p, v in item.rows
    ]
    figures = [f for f in [*targets, *actuals] if f is not None]
    if indicator.baseline_value is not None:
        figures.append(float(indicator.baseline_value))
    if not figures:
        return None
    series = [(_("Target"), targets), (_("Actual (approved)"), actuals)]
    low = min(0.0, *figures)
    high = max(figures) if max(figures) > low else low + 1
    return charts.line(labels, series, low=low, high=high, chart_id=f"indicator-{indicator.pk}")


@login_required
def progress_rules(request):
    """The secretariat sets when an indicator is on track, at risk or off track."""
    if not is_secretariat(request.user):
        raise PermissionDenied
    rules = current_rules()
    if request.method == "POST":
        form = ProgressRulesForm(request.POST)
        if form.is_valid():
            try:
                services.progress_rules_update(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The progress rules are saved."))
                return redirect("projects:progress_rules")
        status = 400
    else:
        form = ProgressRulesForm(
            initial={"on_track_from": rules.on_track_from, "at_risk_from": rules.at_risk_from}
        )
        status = 200
    return render(request, "projects/progress_rules.html", {"form": form, "rules": rules},
                  status=status)  # fmt: skip
