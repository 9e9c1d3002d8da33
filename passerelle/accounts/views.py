from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django.views.i18n import set_language
from rest_framework.authtoken.models import Token

from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import is_secretariat, require, user_can
from passerelle.core.sections import render_sections

from . import selectors, services
from .filters import OrganisationFilter
from .forms import (
    InvitationForm,
    MembershipRoleForm,
    OrganisationForm,
    ProfileForm,
    VerificationDecisionForm,
    VerificationRequestForm,
)


@require_POST
def language_switch(request):
    """Django's set_language, which also remembers the choice on the user's profile."""
    response = set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.preferred_language_set(user=request.user, language=language)
    return response


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context["memberships"] = selectors.user_organisations(user=user)
        context["invitations"] = selectors.pending_invitations_for(user=user)
        if is_secretariat(user):
            context["verification_queue_count"] = selectors.verification_queue().count()
        context["sections"] = render_sections("dashboard", self.request, user)
        return context


class ProfileView(LoginRequiredMixin, View):
    template_name = "accounts/profile.html"

    def get(self, request):
        form = ProfileForm(
            initial={
                "full_name": request.user.full_name,
                "preferred_language": request.user.preferred_language,
            }
        )
        return self.render(request, form)

    def post(self, request):
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.profile_update(actor=request.user, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your profile was saved."))
                return redirect("accounts:profile")
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        token = Token.objects.filter(user=request.user).first()
        return render(
            request, self.template_name, {"form": form, "api_token": token}, status=status
        )


class ApiTokenView(LoginRequiredMixin, View):
    """Create (or replace) and revoke the personal API token."""

    def post(self, request):
        if request.POST.get("action") == "revoke":
            services.api_token_revoke(actor=request.user)
            messages.success(request, _("Your API token was revoked."))
        else:
            services.api_token_regenerate(actor=request.user)
            messages.success(request, _("A new API token was created."))
        return redirect("accounts:profile")


class OrganisationListView(View):
    template_name = "accounts/organisation_list.html"
    paginate_by = 25

    def get(self, request):
        filterset = OrganisationFilter(
            request.GET, queryset=selectors.organisation_list(user=request.user)
        )
        if not filterset.is_valid():
            return render(
                request, self.template_name, {"filter": filterset, "page_obj": None}, status=400
            )
        page = Paginator(filterset.qs, self.paginate_by).get_page(request.GET.get("page"))
        return render(request, self.template_name, {"filter": filterset, "page_obj": page})


class OrganisationDetailView(View):
    template_name = "accounts/organisation_detail.html"

    def get(self, request, slug):
        organisation = selectors.organisation_get(user=request.user, slug=slug)
        user = request.user
        context = {
            "organisation": organisation,
            "children": organisation.children.order_by("name"),
            "can_change": user_can(user, "change", organisation),
            "can_view_members": user_can(user, "view_members", organisation),
            "can_manage_members": user_can(user, "manage_members", organisation),
            "can_request_verification": user_can(user, "request_verification", organisation),
            "can_view_verification": user_can(user, "view_verification", organisation),
            "can_verify": user_can(user, "verify", organisation),
            "can_view_audit": user_can(user, "view_audit", organisation),
            "sections": render_sections("organisation", request, organisation),
        }
        return render(request, self.template_name, context)


class OrganisationCreateView(LoginRequiredMixin, View):
    template_name = "accounts/organisation_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": OrganisationForm()})

    def post(self, request):
        form = OrganisationForm(request.POST)
        if form.is_valid():
            try:
                organisation = services.organisation_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The organisation was created."))
                return redirect(organisation)
        return render(request, self.template_name, {"form": form}, status=400)


class OrganisationUpdateView(LoginRequiredMixin, View):
    template_name = "accounts/organisation_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = selectors.organisation_get(user=request.user, slug=kwargs["slug"])
            require(request.user, "change", self.organisation)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug):
        form = OrganisationForm(instance=self.organisation)
        return render(
            request, self.template_name, {"form": form, "organisation": self.organisation}
        )

    def post(self, request, slug):
        form = OrganisationForm(request.POST, instance=self.organisation)
        if form.is_valid():
            try:
                services.organisation_update(
                    actor=request.user, organisation=self.organisation, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The organisation was saved."))
                return redirect(self.organisation)
        context = {"form": form, "organisation": self.organisation}
        return render(request, self.template_name, context, status=400)


class OrganisationMembersView(LoginRequiredMixin, View):
    """Members and pending invitations; administrators invite from here (HTMX swaps the panel)."""

    template_name = "accounts/organisation_members.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = selectors.organisation_get(user=request.user, slug=kwargs["slug"])
            require(request.user, "view_members", self.organisation)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug):
        return self.render(request, InvitationForm())

    def post(self, request, slug):
        require(request.user, "manage_members", self.organisation)
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                invitation = services.invitation_create(
                    actor=request.user, organisation=self.organisation, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
                )
                if not request.htmx:
                    return redirect("accounts:organisation_members", slug=slug)
                return self.render(request, InvitationForm())
        return self.render(request, form, status=400 if not request.htmx else 200)

    def render(self, request, invite_form, status=200):
        user = request.user
        context = {
            "organisation": self.organisation,
            "memberships": selectors.membership_list(user=user, organisation=self.organisation),
            "invitations": selectors.invitation_list(user=user, organisation=self.organisation),
            "can_manage_members": user_can(user, "manage_members", self.organisation),
            "invite_form": invite_form,
            "role_form": MembershipRoleForm(),
        }
        template = "accounts/_members_panel.html" if request.htmx else self.template_name
        return render(request, template, context, status=status)


class MembershipRoleView(LoginRequiredMixin, View):
    def post(self, request, pk):
        membership = selectors.membership_get(user=request.user, pk=pk)
        form = MembershipRoleForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(_("Choose a valid role."))
            services.membership_change_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The role was changed."))
        return redirect("accounts:organisation_members", slug=membership.organisation.slug)


class MembershipRemoveView(LoginRequiredMixin, View):
    def post(self, request, pk):
        membership = selectors.membership_get(user=request.user, pk=pk)
        slug = membership.organisation.slug
        leaving = membership.user_id == request.user.pk
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("accounts:organisation_members", slug=slug)
        if leaving:
            messages.success(request, _("You left the organisation."))
            return redirect("accounts:dashboard")
        messages.success(request, _("The member was removed."))
        return redirect("accounts:organisation_members", slug=slug)


class InvitationRevokeView(LoginRequiredMixin, View):
    def post(self, request, pk):
        invitation = selectors.invitation_get(user=request.user, pk=pk)
        try:
            services.invitation_revoke(actor=request.user, invitation=invitation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The invitation was revoked."))
        return redirect("accounts:organisation_members", slug=invitation.organisation.slug)


class InvitationAcceptView(View):
    """The link in the invitation e-mail. Anyone holding it sees whom it invites; only the
    person signed in with the invited address can accept."""

    template_name = "accounts/invitation_accept.html"

    def get(self, request, token):
        invitation = selectors.invitation_get_by_token(token=token)
        return self.render(request, invitation)

    def post(self, request, token):
        invitation = selectors.invitation_get_by_token(token=token)
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        try:
            services.invitation_accept(user=request.user, invitation=invitation)
        except ValidationError as error:
            return self.render(request, invitation, error=" ".join(error.messages), status=400)
        except PermissionDenied:
            return self.render(
                request,
                invitation,
                error=_("This invitation was sent to another e-mail address."),
                status=403,
            )
        messages.success(
            request, _("You joined %(name)s.") % {"name": invitation.organisation.name}
        )
        return redirect(invitation.organisation)

    def render(self, request, invitation, error=None, status=200):
        context = {"invitation": invitation, "error": error}
        return render(request, self.template_name, context, status=status)


class VerificationRequestView(LoginRequiredMixin, View):
    template_name = "accounts/verification_request.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = selectors.organisation_get(user=request.user, slug=kwargs["slug"])
            require(request.user, "request_verification", self.organisation)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug):
        form = VerificationRequestForm(
            initial={"evidence": self.organisation.verification_evidence}
        )
        return self.render(request, form)

    def post(self, request, slug):
        form = VerificationRequestForm(request.POST)
        if form.is_valid():
            try:
                services.verification_request(
                    actor=request.user,
                    organisation=self.organisation,
                    evidence=form.cleaned_data["evidence"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your request was sent to the secretariat."))
                return redirect(self.organisation)
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        context = {"form": form, "organisation": self.organisation}
        return render(request, self.template_name, context, status=status)


class VerificationQueueView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/verification_queue.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_secretariat(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(queue=selectors.verification_queue(), **kwargs)


class VerificationDecideView(LoginRequiredMixin, View):
    template_name = "accounts/verification_decide.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = selectors.organisation_get(user=request.user, slug=kwargs["slug"])
            require(request.user, "verify", self.organisation)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug):
        return self.render(request, VerificationDecisionForm())

    def post(self, request, slug):
        form = VerificationDecisionForm(request.POST)
        if form.is_valid():
            try:
                services.verification_decide(
                    actor=request.user,
                    organisation=self.organisation,
                    approve=form.cleaned_data["decision"] == "approve",
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The decision was recorded."))
                return HttpResponseRedirect(reverse("accounts:verification_queue"))
        return self.render(request, form, status=400)

    def render(self, request, form, status=200):
        context = {"form": form, "organisation": self.organisation}
        return render(request, self.template_name, context, status=status)
