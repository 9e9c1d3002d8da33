"""Organising events: writing an event (a draft until published), publishing it, and its agenda
(adding, changing and removing items). Organisers (editors of an organising organisation) and the
secretariat only; a draft is not found by anyone else (404), a published event is refused (403).
"""

import uuid

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Organisation
from passerelle.accounts.selectors import organisations_with_role
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, is_secretariat, require

from ..forms_manage import AgendaItemForm, EventForm
from ..models import AgendaItem, Event
from ..permissions import can_create_events
from ..services import events as services

DEFAULT_TIME_ZONE = "Europe/Zurich"  # the IDM's, at the Palais des Nations


def _event_for_change(request, slug: str) -> Event:
    event = get_visible_or_404(Event.objects.all(), request.user, slug=slug)
    require(request.user, "change", event)
    return event


def _item_for_change(request, slug: str, pk: int) -> AgendaItem:
    item = get_visible_or_404(
        AgendaItem.objects.select_related("event"), request.user, pk=pk, event__slug=slug
    )
    require(request.user, "change", item)
    return item


def _agenda(event: Event) -> str:
    return reverse("events:agenda", kwargs={"slug": event.slug})


class EventCreateView(LoginRequiredMixin, View):
    """A new event, saved as a draft of the chosen organisation."""

    template_name = "events/manage_event_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_create_events(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def organisations(self):
        if is_secretariat(self.request.user):
            return Organisation.objects.order_by("name")
        return organisations_with_role(user=self.request.user, role=MembershipRole.EDITOR)

    def get(self, request):
        initial = {
            "language": get_language(),
            "time_zone": DEFAULT_TIME_ZONE,
            "submission_key": uuid.uuid4(),
        }
        return self.render(EventForm(initial=initial, organisations=self.organisations()))

    def post(self, request):
        form = EventForm(request.POST, organisations=self.organisations())
        if form.is_valid():
            try:
                event = services.event_create(
                    actor=request.user,
                    organisation=form.cleaned_data["organisation"],
                    data=form.event_data(),
                    submission_key=form.cleaned_data["submission_key"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The event is saved as a draft: only its organisers see it until you "
                      "publish it."),
                )  # fmt: skip
                return redirect(event)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "event": None}
        return render(self.request, self.template_name, context, status=status)


class EventEditView(LoginRequiredMixin, View):
    template_name = "events/manage_event_form.html"

    def dispatch(self, request, slug):
        if request.user.is_authenticated:
            self.event = _event_for_change(request, slug)
        return super().dispatch(request, slug)

    def get(self, request, slug):
        return self.render(EventForm(initial=EventForm.initial_for(self.event), event=self.event))

    def post(self, request, slug):
        form = EventForm(request.POST, event=self.event)
        if form.is_valid():
            try:
                event = services.event_update(
                    actor=request.user, event=self.event, data=form.event_data()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The event is saved."))
                return redirect(event)
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "event": self.event}
        return render(self.request, self.template_name, context, status=status)


class EventPublishView(LoginRequiredMixin, View):
    """What publishing means, what is still missing, and the button; publishing is a POST."""

    template_name = "events/manage_publish.html"

    def dispatch(self, request, slug):
        if request.user.is_authenticated:
            self.event = _event_for_change(request, slug)
        return super().dispatch(request, slug)

    def get(self, request, slug):
        return self.render(services.publish_errors(self.event))

    def post(self, request, slug):
        try:
            event = services.event_publish(actor=request.user, event=self.event)
        except ValidationError as error:
            return self.render(error.message_dict, status=400)
        messages.success(request, _("The event is published: everyone can see it now."))
        return redirect(event)

    def render(self, errors: dict, status=200):
        labels = {
            "description": Event._meta.get_field("description").verbose_name,
            "venue_city": Event._meta.get_field("venue_city").verbose_name,
        }
        problems = [
            (labels.get(name), " ".join(texts) if isinstance(texts, list) else texts)
            for name, texts in errors.items()
        ]
        context = {"event": self.event, "problems": problems}
        return render(self.request, self.template_name, context, status=status)


class EventCancelView(LoginRequiredMixin, View):
    """Cancelling an event, with a reason: a confirmation page, then a POST."""

    template_name = "events/manage_cancel.html"

    def dispatch(self, request, slug):
        if request.user.is_authenticated:
            self.event = _event_for_change(request, slug)
        return super().dispatch(request, slug)

    def get(self, request, slug):
        return self.render()

    def post(self, request, slug):
        reason = request.POST.get("reason", "")
        try:
            event = services.event_cancel(actor=request.user, event=self.event, reason=reason)
        except ValidationError as error:
            return self.render(error.messages, reason, status=400)
        messages.success(request, _("The event is cancelled."))
        return redirect(event)

    def render(self, problems=(), reason="", status=200):
        context = {"event": self.event, "problems": problems, "reason": reason}
        return render(self.request, self.template_name, context, status=status)


class ItemFormView(LoginRequiredMixin, View):
    """A new agenda item (no `pk`), or a change to one."""

    template_name = "events/manage_item_form.html"

    def dispatch(self, request, slug, pk=None):
        self.item = None
        if request.user.is_authenticated:
            if pk is None:
                self.event = _event_for_change(request, slug)
            else:
                self.item = _item_for_change(request, slug, pk)
                self.event = self.item.event
        return super().dispatch(request, slug, pk)

    def get(self, request, slug, pk=None):
        if self.item is None:
            initial = {"day": self.event.starts_on}
        else:
            initial = AgendaItemForm.initial_for(self.item)
        return self.render(AgendaItemForm(initial=initial, event=self.event))

    def post(self, request, slug, pk=None):
        form = AgendaItemForm(request.POST, event=self.event)
        if form.is_valid():
            try:
                if self.item is None:
                    services.item_create(
                        actor=request.user, event=self.event, data=form.item_data()
                    )
                    done = _("The item is added to the agenda.")
                else:
                    services.item_update(actor=request.user, item=self.item, data=form.item_data())
                    done = _("The agenda item is saved.")
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, done)
                return redirect(_agenda(self.event))
        return self.render(form, status=400)

    def render(self, form, status=200):
        context = {"form": form, "event": self.event, "item": self.item}
        return render(self.request, self.template_name, context, status=status)


class ItemDeleteView(LoginRequiredMixin, View):
    template_name = "events/manage_item_delete.html"

    def dispatch(self, request, slug, pk):
        if request.user.is_authenticated:
            self.item = _item_for_change(request, slug, pk)
        return super().dispatch(request, slug, pk)

    def get(self, request, slug, pk):
        return self.render([])

    def post(self, request, slug, pk):
        event = self.item.event
        try:
            services.item_delete(actor=request.user, item=self.item)
        except ValidationError as error:
            return self.render(error.messages, status=400)
        messages.success(request, _("The item is removed from the agenda."))
        return redirect(_agenda(event))

    def render(self, problems: list, status=200):
        context = {"item": self.item, "event": self.item.event, "problems": problems}
        return render(self.request, self.template_name, context, status=status)


event_create = EventCreateView.as_view()
event_edit = EventEditView.as_view()
event_publish = EventPublishView.as_view()
event_cancel = EventCancelView.as_view()
item_create = ItemFormView.as_view()
item_edit = ItemFormView.as_view()
item_delete = ItemDeleteView.as_view()
