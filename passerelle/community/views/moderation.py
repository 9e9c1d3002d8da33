"""Reporting content, the moderation queue, the case page and its decisions, appeals, and the
author's own cases. Each view parses, authorises, calls one service or selector of
community/moderation/, and renders; a refused write comes back on its form with the service's
message."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, require

from .. import moderation, selectors
from ..forms_moderation import (
    AppealDecisionForm,
    AppealForm,
    DecisionForm,
    EditDecisionForm,
    LiftForm,
    QueueFilterForm,
    ReportForm,
    SanctionForm,
)
from ..models import Appeal, Sanction
from ..permissions import is_platform_moderator

INVALID = 422  # as in views/comments.py: htmx swaps the form back in with its errors
QUEUE_PAGE_SIZE = 50


def content_or_404(user, content_type_id, object_id):
    """Reportable content the user may see, through the door: what they cannot see does not
    exist for them (hidden content included, except for its author and the moderators)."""
    model = selectors.model_named(content_type_id=content_type_id)
    return selectors.target_get(user, model, object_id, purpose=selectors.FOR_REPORT)


def case_url(case) -> str:
    return reverse("community:moderation_case", kwargs={"pk": case.pk})


class ReportView(LoginRequiredMixin, View):
    """GET: the report form (a fragment for htmx). POST: the report; with htmx, a "thank you"
    fragment swapped in place of the form."""

    template_name = "community/moderation/report.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.content = content_or_404(
                request.user, kwargs["content_type_id"], kwargs["object_id"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, content_type_id, object_id):
        return self.render(request, ReportForm())

    def post(self, request, content_type_id, object_id):
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                moderation.report_create(
                    actor=request.user, content=self.content, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if request.htmx:
                    return render(request, "community/moderation/_reported.html")
                messages.success(request, _("Thank you: the moderators will look at it."))
                return HttpResponseRedirect(self._back())
        return self.render(request, form, status=INVALID)

    def _back(self) -> str:
        if hasattr(self.content, "get_absolute_url"):
            return self.content.get_absolute_url()
        space = moderation.space_of(self.content)
        return space.get_absolute_url() if hasattr(space, "get_absolute_url") else "/"

    def render(self, request, form, status=200):
        context = {
            "form": form,
            "content": self.content,
            "excerpt": moderation.content_excerpt(self.content),
            "action": request.path,
            "threshold": moderation.reports_to_hide(),
        }
        template = "community/moderation/_report_form.html" if request.htmx else self.template_name
        return render(request, template, context, status=status)


class ModeratorRequiredMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not moderation.is_moderator(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModerationQueueView(ModeratorRequiredMixin, View):
    """Platform moderators see every case and the pending appeals; a space moderator the cases
    about content in their spaces. The number of queries does not grow with the rows shown."""

    template_name = "community/moderation/queue.html"

    def get(self, request):
        form = QueueFilterForm(request.GET)
        status = form.cleaned_data["status"] if form.is_valid() else ""
        queue = moderation.moderation_queue(user=request.user, status=status or None)
        page = Paginator(queue, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = moderation.attach_content(page.object_list)
        context = {
            "filter_form": form,
            "page_obj": page,
            "appeals": moderation.appeal_queue(user=request.user),
            "threshold": moderation.reports_to_hide(),
        }
        return render(request, self.template_name, context, status=200 if form.is_valid() else 400)


class CaseMixin(LoginRequiredMixin):
    """The case through the door (404 if the user may not see it), then the "moderate" action
    (403 for its author, who has the appeal page instead)."""

    action = "moderate"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.case = moderation.case_get(user=request.user, pk=kwargs["pk"])
            require(request.user, self.action, self.case)
        return super().dispatch(request, *args, **kwargs)


class CaseDetailView(CaseMixin, View):
    template_name = "community/moderation/case.html"

    def get(self, request, pk):
        return render_case(request, self.case)


def case_forms(request, case, bound=None) -> dict:
    """Every decision form of the case page, each with its own prefix so that field ids stay
    unique; `bound` replaces one of them with the submitted form and its errors."""
    user = request.user
    content = moderation.case_content(case)
    forms = {
        "hide_form": DecisionForm(prefix="hide"),
        "restore_form": DecisionForm(prefix="restore"),
        "edit_form": EditDecisionForm(
            prefix="edit", initial={"body": getattr(content, "body", "")}
        ),
        "sanction_form": SanctionForm(
            prefix="sanction", warning_only=not is_platform_moderator(user)
        ),
        "appeal_decision_form": AppealDecisionForm(prefix="appeal"),
    }
    if bound is not None and bound[0] in forms:
        forms[bound[0]] = bound[1]
    return forms


def render_case(request, case, bound=None, status=200):
    context = moderation.case_context(user=request.user, case=case)
    context.update(case_forms(request, case, bound))
    context["sanctions"] = list(context["sanctions"])
    for sanction in context["sanctions"]:
        prefix = f"lift-{sanction.pk}"
        sanction.lift_form = bound[1] if bound and bound[0] == prefix else LiftForm(prefix=prefix)
    context["may_decide"] = case.is_open and case.author_id != request.user.pk
    return render(request, "community/moderation/case.html", context, status=status)


class CaseActionView(CaseMixin, View):
    """One decision on a case: POST only, redirect to the case page on success."""

    form_class = None
    prefix = ""
    form_name = ""
    success_message = ""

    def get_form(self):
        return self.form_class(self.request.POST, prefix=self.prefix)

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                self.perform(form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, self.success_message)
                return HttpResponseRedirect(case_url(self.case))
        return render_case(request, self.case, bound=(self.form_name, form), status=INVALID)

    def perform(self, data) -> None:
        raise NotImplementedError


class CaseHideView(CaseActionView):
    form_class, prefix, form_name = DecisionForm, "hide", "hide_form"
    success_message = gettext_lazy("The content is hidden and its author is told why.")

    def perform(self, data):
        moderation.decide_hide(actor=self.request.user, case=self.case, reason=data["reason"])


class CaseRestoreView(CaseActionView):
    form_class, prefix, form_name = DecisionForm, "restore", "restore_form"
    success_message = gettext_lazy("The content is shown again and its author is told why.")

    def perform(self, data):
        moderation.decide_restore(actor=self.request.user, case=self.case, reason=data["reason"])


class CaseEditView(CaseActionView):
    form_class, prefix, form_name = EditDecisionForm, "edit", "edit_form"
    success_message = gettext_lazy("The comment was edited; readers see your note with it.")

    def perform(self, data):
        moderation.decide_edit(
            actor=self.request.user, case=self.case, body=data["body"], reason=data["reason"]
        )


class CaseSanctionView(CaseActionView):
    """Warn, suspend or ban the case's author."""

    form_class, prefix, form_name = SanctionForm, "sanction", "sanction_form"
    success_message = gettext_lazy("The sanction is recorded and the person is told.")

    def get_form(self):
        warning_only = not is_platform_moderator(self.request.user)
        return SanctionForm(self.request.POST, prefix=self.prefix, warning_only=warning_only)

    def perform(self, data):
        if self.case.author is None:
            raise ValidationError(_("The author's account no longer exists."))
        moderation.sanction_create(
            actor=self.request.user,
            user=self.case.author,
            kind=data["kind"],
            until=data.get("until"),
            reason=data["reason"],
            case=self.case,
        )


class SanctionLiftView(CaseActionView):
    """Lift one of the case author's sanctions (platform moderators; the service says so)."""

    form_class = LiftForm
    success_message = gettext_lazy("The sanction was lifted.")

    def get_form(self):
        self.prefix = self.form_name = f"lift-{self.kwargs['sanction_pk']}"
        return super().get_form()

    def perform(self, data):
        sanction = get_visible_or_404(
            Sanction.objects.filter(user_id=self.case.author_id),
            self.request.user,
            pk=self.kwargs["sanction_pk"],
        )
        require(self.request.user, "lift", sanction)
        moderation.sanction_lift(actor=self.request.user, sanction=sanction, reason=data["reason"])


class AppealDecideView(CaseActionView):
    form_class, prefix, form_name = AppealDecisionForm, "appeal", "appeal_decision_form"
    success_message = gettext_lazy("The appeal is decided and its author is told.")

    def perform(self, data):
        appeal = get_object_or_404(Appeal, case=self.case)
        require(self.request.user, "decide", appeal)
        moderation.appeal_decide(
            actor=self.request.user,
            appeal=appeal,
            grant=data["decision"] == "grant",
            note=data["note"],
        )


class AppealView(LoginRequiredMixin, View):
    """The author's side of a case: the decision, its reason, and the one appeal."""

    template_name = "community/moderation/appeal.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.case = moderation.case_get(user=request.user, pk=kwargs["pk"])
            if self.case.author_id != request.user.pk:
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return self.render(request, AppealForm())

    def post(self, request, pk):
        form = AppealForm(request.POST)
        if form.is_valid():
            try:
                moderation.appeal_create(
                    actor=request.user, case=self.case, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your appeal was sent to the moderators."))
                return HttpResponseRedirect(request.path)
        return self.render(request, form, status=INVALID)

    def render(self, request, form, status=200):
        (case,) = moderation.attach_content([self.case])
        appeal = Appeal.objects.filter(case=case).select_related("decided_by").first()
        context = {
            "case": case,
            "appeal": appeal,
            "form": form,
            "may_appeal": appeal is None and case.status in moderation.APPEALABLE_STATUSES,
        }
        return render(request, self.template_name, context, status=status)


class ContentHideView(LoginRequiredMixin, View):
    """A moderator hides content without waiting for reports (a link from the comment)."""

    template_name = "community/moderation/content_hide.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.content = content_or_404(
                request.user, kwargs["content_type_id"], kwargs["object_id"]
            )
            if not moderation.can_moderate(request.user, self.content):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, content_type_id, object_id):
        return self.render(request, DecisionForm())

    def post(self, request, content_type_id, object_id):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                case = moderation.content_hide(
                    actor=request.user, content=self.content, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The content is hidden and its author is told why."))
                return HttpResponseRedirect(case_url(case))
        return self.render(request, form, status=INVALID)

    def render(self, request, form, status=200):
        context = {
            "form": form,
            "content": self.content,
            "excerpt": moderation.content_excerpt(self.content),
        }
        return render(request, self.template_name, context, status=status)


class MyCasesView(LoginRequiredMixin, View):
    """What the moderators decided about the user's content, and their sanctions."""

    template_name = "community/moderation/mine.html"

    def get(self, request):
        cases = moderation.attach_content(moderation.cases_of_author(user=request.user)[:100])
        context = {"cases": cases, "sanctions": moderation.sanctions_of(user=request.user)}
        return render(request, self.template_name, context)
