"""Discussion spaces: the list (open, upcoming, closed), a space's page with its discussion, and
the host's pages to create, edit and close one with its summary. A space not open yet is found
only by its host's members, its moderators and the secretariat (404 for others).

The community registry has no rule for an open window: a space's page shows the comment form
only while the space is open (see registrations_spaces.py)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.community.sections import discussion_context
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, is_secretariat, require, user_can

from .. import registrations_spaces  # noqa: F401  (the discussion is registered)
from ..forms_spaces import SpaceForm, SpaceSummaryForm
from ..models import DiscussionSpace
from ..permissions_spaces import can_create_spaces, is_space_open
from ..services import spaces as services


def _space(request, slug: str) -> DiscussionSpace:
    return get_visible_or_404(
        DiscussionSpace.objects.select_related("organisation", "event"), request.user, slug=slug
    )


class SpaceListView(View):
    template_name = "events/space_list.html"

    def get(self, request):
        now = timezone.now()
        spaces = list(
            DiscussionSpace.objects.visible_to(request.user)
            .select_related("organisation")
            .order_by("-opens_at", "pk")
        )
        closed = [s for s in spaces if s.closes_at is not None and s.closes_at <= now]
        upcoming = [s for s in spaces if s.opens_at > now]
        open_ = [s for s in spaces if s not in closed and s not in upcoming]
        context = {
            "sections": [
                ("open", _("Open for discussion"), open_),
                ("upcoming", _("Opening soon"), upcoming),
                ("closed", _("Closed"), closed),
            ],
            "can_create": can_create_spaces(request.user),
        }
        return render(request, self.template_name, context)


class SpaceDetailView(View):
    template_name = "events/space_detail.html"

    def get(self, request, slug):
        space = _space(request, slug)
        user = request.user
        is_open = is_space_open(space)
        discussion = discussion_context(request, space)
        if discussion is not None and not is_open:
            discussion["may_write"] = False
        context = {
            "space": space,
            "moderators": list(space.moderators.order_by("full_name", "pk")),
            "is_open": is_open,
            "has_opened": space.opens_at <= timezone.now(),
            "discussion": discussion,
            "can_change": user_can(user, "change", space),
            "can_close": user_can(user, "close", space) and space.opens_at <= timezone.now(),
        }
        return render(request, self.template_name, context)


class SpaceCreateView(LoginRequiredMixin, View):
    template_name = "events/space_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_create_spaces(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def organisations(self):
        if is_secretariat(self.request.user):
            return Organisation.objects.order_by("name")
        return organisations_with_role(user=self.request.user, role=MembershipRole.EDITOR)

    def get(self, request):
        initial = {"language": request.LANGUAGE_CODE, "moderators": request.user.email}
        return self.render(
            SpaceForm(initial=initial, user=request.user, organisations=self.organisations())
        )

    def post(self, request):
        form = SpaceForm(request.POST, user=request.user, organisations=self.organisations())
        if form.is_valid():
            try:
                space = services.space_create(
                    actor=request.user,
                    organisation=form.cleaned_data["organisation"],
                    data=form.space_data(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The discussion space is saved."))
                return redirect(space)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "space": None}
        return render(self.request, self.template_name, context, status=status)


class SpaceEditView(LoginRequiredMixin, View):
    template_name = "events/space_form.html"

    def dispatch(self, request, slug):
        if request.user.is_authenticated:
            self.space = _space(request, slug)
            require(request.user, "change", self.space)
        return super().dispatch(request, slug)

    def get(self, request, slug):
        initial = SpaceForm.initial_for(self.space)
        return self.render(SpaceForm(initial=initial, user=request.user))

    def post(self, request, slug):
        form = SpaceForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                space = services.space_update(
                    actor=request.user, space=self.space, data=form.space_data()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The discussion space is saved."))
                return redirect(space)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "space": self.space}
        return render(self.request, self.template_name, context, status=status)


class SpaceCloseView(LoginRequiredMixin, View):
    """The moderators' summary; publishing it closes the space if it is still open."""

    template_name = "events/space_close.html"

    def dispatch(self, request, slug):
        if request.user.is_authenticated:
            self.space = _space(request, slug)
            require(request.user, "close", self.space)
        return super().dispatch(request, slug)

    def get(self, request, slug):
        return self.render(SpaceSummaryForm(initial={"summary": self.space.summary}))

    def post(self, request, slug):
        form = SpaceSummaryForm(request.POST)
        if form.is_valid():
            try:
                space = services.space_close_with_summary(
                    actor=request.user, space=self.space, summary=form.cleaned_data["summary"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The summary is published and the space is closed."))
                return redirect(space)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "space": self.space, "is_open": is_space_open(self.space)}
        return render(self.request, self.template_name, context, status=status)


space_list = SpaceListView.as_view()
space_detail = SpaceDetailView.as_view()
space_create = SpaceCreateView.as_view()
space_edit = SpaceEditView.as_view()
space_close = SpaceCloseView.as_view()
