"""What the pages of one project's parts share."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require

from .. import selectors


def project_to_change(request, pk):
    project = selectors.project_get(user=request.user, pk=pk)
    require(request.user, "change", project)
    return project


class ProjectPartFormView(LoginRequiredMixin, View):
    """A form about one part of a project (a result, an indicator, its targets, a period, an
    evaluation, a lesson), for the people who run it: the project is found and the right to
    change it checked first; `load(**kwargs)` finds the part; a service's refusal shows on the
    form; once saved, `done` is said and the person goes back to `next_url()`."""

    template_name = ""
    heading = ""
    done = ""

    def dispatch(self, request, pk, **kwargs):
        if request.user.is_authenticated:
            self.project = project_to_change(request, pk)
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
                return redirect(self.next_url())
        return self.render(form, status=400)

    def initial(self) -> dict:
        return {}

    def next_url(self) -> str:
        return self.project.get_absolute_url()

    def context(self) -> dict:
        return {}

    def render(self, form, status=200):
        context = {"form": form, "project": self.project, "heading": self.heading,
                   **self.context()}  # fmt: skip
        return render(self.request, self.template_name, context, status=status)
