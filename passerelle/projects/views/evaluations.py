"""Pages of a project's evaluations (with their OECD-DAC ratings and report) and lessons
learned."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require

from .. import selectors, services
from ..choices import CRITERIA
from ..forms import EvaluationForm, LessonForm
from ..models import Evaluation


class _ProjectFormView(LoginRequiredMixin, View):
    """A form of one project's people who run it; a service's refusal shows on the form."""

    template_name = "projects/evaluation_form.html"

    def dispatch(self, request, pk, **kwargs):
        if request.user.is_authenticated:
            self.project = selectors.project_get(user=request.user, pk=pk)
            require(request.user, "change", self.project)
            self.load(**kwargs)
        return super().dispatch(request, pk, **kwargs)

    def load(self, **kwargs):
        pass

    def get(self, request, pk, **kwargs):
        return self.render(self.make_form(initial=self.initial()))

    def post(self, request, pk, **kwargs):
        form = self.make_form(data=request.POST, files=request.FILES)
        if form.is_valid():
            try:
                self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, self.done)
                return redirect(self.project)
        return self.render(form, status=400)

    def initial(self) -> dict:
        return {}

    def render(self, form, status=200):
        context = {"form": form, "project": self.project, "heading": self.heading}
        return render(self.request, self.template_name, context, status=status)


class EvaluationFormView(_ProjectFormView):
    def load(self, evaluation=None):
        self.evaluation = None
        if evaluation is not None:
            self.evaluation = get_object_or_404(Evaluation, pk=evaluation, project=self.project)
        self.heading = _("Edit the evaluation") if self.evaluation else _("Record an evaluation")
        self.done = _("The evaluation is recorded.")

    def make_form(self, **kwargs):
        return EvaluationForm(editing=self.evaluation is not None, **kwargs)

    def initial(self):
        if self.evaluation is None:
            return {"independent": True}
        e = self.evaluation
        initial = {
            name: getattr(e, name)
            for name in ("type", "method", "evaluator", "independent", "completed_on", "findings")
        }
        initial.update({name: getattr(e, name) for name in CRITERIA})
        return initial

    def save(self, form):
        data = form.cleaned_data
        evaluation = services.EvaluationData(
            type=data["type"], method=data["method"], evaluator=data["evaluator"],
            independent=data["independent"], completed_on=data["completed_on"],
            findings=data["findings"], ratings=form.ratings(),
        )  # fmt: skip
        if self.evaluation is not None:
            return services.evaluation_update(
                actor=self.request.user, evaluation=self.evaluation, data=evaluation
            )
        return services.evaluation_record(
            actor=self.request.user, project=self.project, data=evaluation,
            report_upload=data["report"], report_url=data["report_url"],
        )  # fmt: skip


class LessonCreateView(_ProjectFormView):
    def load(self):
        self.heading = _("Record a lesson learned")
        self.done = _("The lesson is recorded; the knowledge platform will publish it.")

    def make_form(self, **kwargs):
        kwargs.pop("files", None)
        return LessonForm(project=self.project, **kwargs)

    def initial(self):
        evaluation = self.request.GET.get("evaluation", "")
        return {"evaluation": evaluation} if evaluation.isdigit() else {}

    def save(self, form):
        return services.lesson_record(actor=self.request.user, project=self.project,
                                      **form.cleaned_data)  # fmt: skip
