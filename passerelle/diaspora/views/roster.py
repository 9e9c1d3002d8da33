"""Pages of the roster: the search of experts (filtered in place with htmx), an expert's page
with their track record, joining and editing one's entry (pause, resume, leave), contacting an
expert, the contacts received and sent, a contact's page with its answers; and diaspora
co-funding. Every write is one POST endpoint calling one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import require, user_can
from passerelle.funding.selectors.contributions import my_contributions

from ..choices import RosterStatus
from ..forms.roster import (
    ContactForm,
    DeclineForm,
    OutcomeForm,
    ReplyForm,
    RosterEntryForm,
    RosterJoinForm,
    RosterSearchForm,
)
from ..permissions_roster import is_expert
from ..selectors import roster as selectors
from ..selectors.people import shown_name
from ..services import roster as services

PAGE_SIZE = 20


# --- the roster --------------------------------------------------------------------------------


def roster_list(request):
    form = RosterSearchForm(request.GET or None)
    context = {"form": form, "page_obj": None, "entries": []}
    if form.is_bound and not form.is_valid():
        return _list_response(request, context, status=400)
    filters = form.cleaned_data if form.is_bound else {}
    entries = selectors.roster_search(
        user=request.user,
        areas=filters.get("area", ()),
        languages=filters.get("language", ()),
        country=filters.get("country"),
        availability=filters.get("availability", ""),
        text=filters.get("q", ""),
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context.update(page_obj=page, entries=selectors.name_entries(request.user, page.object_list))
    return _list_response(request, context)


def _list_response(request, context, *, status=200):
    """The filters replace only the results (htmx); the whole page otherwise."""
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "diaspora/roster/_results.html", context, status=status)
    else:
        context["my_entry"] = selectors.my_entry(user=request.user)
        response = render(request, "diaspora/roster/roster_list.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def roster_detail(request, pk):
    entry = selectors.entry_get(user=request.user, pk=pk)
    user = request.user
    context = {
        "entry": entry,
        "expert_name": shown_name(user, entry.expert_id),
        "track_record": selectors.track_record(entry),
        "partnerships": selectors.partnerships_count(entry),
        "is_expert": is_expert(user, entry),
        "can_contact": user_can(user, "contact", entry)
        and bool(organisations_with_role(user=user, role=MembershipRole.EDITOR)),
    }
    return render(request, "diaspora/roster/roster_detail.html", context)


class RosterJoinView(LoginRequiredMixin, View):
    template_name = "diaspora/roster/roster_form.html"

    def get(self, request):
        entry = selectors.my_entry(user=request.user)
        if entry is not None and entry.status != RosterStatus.LEFT:
            return redirect("diaspora:roster_edit")
        initial = {"available_from": timezone.localdate(), "cost_basis": "free"}
        return self.render(RosterJoinForm(initial=initial))

    def post(self, request):
        form = RosterJoinForm(request.POST)
        if form.is_valid():
            try:
                entry = services.roster_join(
                    actor=request.user, data=form.roster_data(),
                    consent=form.cleaned_data["consent_listed"], language=request.LANGUAGE_CODE,
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("You are on the roster: governments can find you."))
                return redirect(entry)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "entry": None}
        return render(self.request, self.template_name, context, status=status)


class RosterEditView(LoginRequiredMixin, View):
    template_name = "diaspora/roster/roster_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.entry = selectors.my_entry(user=request.user)
            if self.entry is None or self.entry.status == RosterStatus.LEFT:
                return redirect("diaspora:roster_join")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        data = services.data_of(self.entry)
        return self.render(RosterEntryForm(initial=RosterEntryForm.initial_for(data)))

    def post(self, request):
        form = RosterEntryForm(request.POST)
        if form.is_valid():
            try:
                services.roster_update(
                    actor=request.user, entry=self.entry, data=form.roster_data(),
                    language=request.LANGUAGE_CODE,
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your roster entry is saved."))
                return redirect("diaspora:roster_edit")
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "entry": self.entry}
        return render(self.request, self.template_name, context, status=status)


ENTRY_STEPS = {
    "pause": (
        services.roster_pause,
        gettext_lazy("Your entry is paused: you no longer appear in searches."),
    ),
    "resume": (services.roster_resume, gettext_lazy("You are available again on the roster.")),
    "leave": (services.roster_leave, gettext_lazy("You have left the roster.")),
}


def _entry_step(request, step: str):
    service, done = ENTRY_STEPS[step]
    entry = selectors.my_entry(user=request.user)
    if entry is None:
        messages.error(request, _("You are not on the roster."))
        return redirect("diaspora:roster_join")
    require(request.user, step, entry)
    try:
        service(actor=request.user, entry=entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("diaspora:roster_edit")
    messages.success(request, str(done))
    return redirect("diaspora:roster_list" if step == "leave" else "diaspora:roster_edit")


@require_POST
@login_required
def roster_pause(request):
    return _entry_step(request, "pause")


@require_POST
@login_required
def roster_resume(request):
    return _entry_step(request, "resume")


@require_POST
@login_required
def roster_leave(request):
    return _entry_step(request, "leave")


# --- contacts ----------------------------------------------------------------------------------


class ContactCreateView(LoginRequiredMixin, View):
    template_name = "diaspora/roster/contact_form.html"

    def dispatch(self, request, pk):
        if request.user.is_authenticated:
            self.entry = selectors.entry_get(user=request.user, pk=pk)
            require(request.user, "contact", self.entry)
            self.organisations = organisations_with_role(
                user=request.user, role=MembershipRole.EDITOR
            )
            if not self.organisations.exists():
                return self.refuse()
        return super().dispatch(request, pk)

    def refuse(self):
        messages.error(
            self.request, _("Only editors of an organisation can contact experts on its behalf.")
        )
        context = {"entry": self.entry, "form": None}
        return render(self.request, self.template_name, context, status=403)

    def get(self, request, pk):
        form = ContactForm(organisations=self.organisations, initial=self._initial())
        return self.render(form)

    def _initial(self) -> dict:
        initial = {}
        organisations = list(self.organisations)
        if len(organisations) == 1:
            initial["organisation"] = organisations[0]
        wanted = self.request.GET.get("request", "")
        if wanted.isdigit():
            found = ContactForm(organisations=self.organisations).fields["support_request"]
            chosen = found.queryset.filter(pk=int(wanted)).first()
            if chosen is not None:
                initial |= {"support_request": chosen, "organisation": chosen.organisation}
        return initial

    def post(self, request, pk):
        form = ContactForm(request.POST, organisations=self.organisations)
        if form.is_valid():
            try:
                contact = services.contact_create(
                    actor=request.user, entry=self.entry,
                    organisation=form.cleaned_data["organisation"],
                    support_request=form.cleaned_data["support_request"],
                    message=form.cleaned_data["message"],
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your message is sent to the expert."))
                return redirect(contact)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {
            "entry": self.entry,
            "expert_name": shown_name(self.request.user, self.entry.expert_id),
            "form": form,
        }
        return render(self.request, self.template_name, context, status=status)


@login_required
def contact_list(request):
    user = request.user
    received, sent = selectors.contacts_received(user=user), selectors.contacts_sent(user=user)
    selectors.name_entries(user, [contact.roster_entry for contact in sent])
    context = {"received": received, "sent": sent}
    return render(request, "diaspora/roster/contact_list.html", context)


def _contact_context(request, contact, **forms) -> dict:
    user = request.user
    actions = {
        action: user_can(user, action, contact)
        for action in ("accept", "decline", "withdraw", "complete", "view_email")
    }
    entry = contact.roster_entry
    return {
        "contact": contact,
        "entry": entry,
        "expert_name": shown_name(user, entry.expert_id),
        "sender_name": shown_name(user, contact.sent_by_id) if contact.sent_by_id else "",
        "expert_email": entry.expert.email if actions["view_email"] else "",
        "is_expert": is_expert(user, entry),
        "actions": actions,
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "decline_form": forms.get("decline_form") or DeclineForm(),
        "outcome_form": forms.get("outcome_form") or OutcomeForm(),
    }


@login_required
def contact_detail(request, pk):
    contact = selectors.contact_get(user=request.user, pk=pk)
    return render(
        request, "diaspora/roster/contact_detail.html", _contact_context(request, contact)
    )


CONTACT_STEPS = {
    "accept": (
        ReplyForm,
        "reply_form",
        gettext_lazy("You accepted: the organisation now sees your e-mail."),
    ),
    "decline": (DeclineForm, "decline_form", gettext_lazy("You declined the contact.")),
    "withdraw": (None, "", gettext_lazy("The contact is withdrawn.")),
    "complete": (
        OutcomeForm,
        "outcome_form",
        gettext_lazy("The engagement is recorded as completed."),
    ),
}


def _contact_step(request, pk, step: str):
    contact = selectors.contact_get(user=request.user, pk=pk)
    require(request.user, step, contact)
    form_class, form_name, done = CONTACT_STEPS[step]
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return _refused(request, contact, form_name, form)
    values = form.cleaned_data if form is not None else {}
    service = getattr(services, f"contact_{step}")
    try:
        service(actor=request.user, contact=contact, **values)
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect(contact)
        add_service_errors(form, error)
        return _refused(request, contact, form_name, form)
    messages.success(request, str(done))
    return redirect(contact)


def _refused(request, contact, form_name, form):
    context = _contact_context(request, contact, **{form_name: form})
    return render(request, "diaspora/roster/contact_detail.html", context, status=400)


@require_POST
@login_required
def contact_accept(request, pk):
    return _contact_step(request, pk, "accept")


@require_POST
@login_required
def contact_decline(request, pk):
    return _contact_step(request, pk, "decline")


@require_POST
@login_required
def contact_withdraw(request, pk):
    return _contact_step(request, pk, "withdraw")


@require_POST
@login_required
def contact_complete(request, pk):
    return _contact_step(request, pk, "complete")


# --- co-funding --------------------------------------------------------------------------------


def cofunding(request):
    context = {
        **selectors.cofunding(user=request.user),
        "delivered": my_contributions(user=request.user),
    }
    return render(request, "diaspora/roster/cofunding.html", context)


roster_join = RosterJoinView.as_view()
roster_edit = RosterEditView.as_view()
contact_create = ContactCreateView.as_view()
