"""Pages of a project's evaluations (with their OECD-DAC ratings and report) and lessons
learned."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import services
from ..choices import CRITERIA
from ..forms import EvaluationForm, LessonForm
from ..models import Evaluation
from .common import ProjectPartFormView


class EvaluationFormView(ProjectPartFormView):
    template_name = "projects/evaluation_form.html"

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


class LessonCreateView(ProjectPartFormView):
    template_name = "projects/evaluation_form.html"

    def load(self):
        self.heading = _("Record a lesson learned")
        self.done = _("The lesson is recorded; the knowledge platform will publish it.")

    def make_form(self, **kwargs):
        return LessonForm(project=self.project, **kwargs)

    def initial(self):
        evaluation = self.request.GET.get("evaluation", "")
        return {"evaluation": evaluation} if evaluation.isdigit() else {}

    def save(self, form):
        return services.lesson_record(actor=self.request.user, project=self.project,
                                      **form.cleaned_data)  # fmt: skip
