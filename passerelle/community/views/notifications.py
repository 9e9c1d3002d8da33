"""The notification list, the bell, e-mail preferences and unsubscribe links. Every page works
without JavaScript; htmx only refreshes the bell."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from passerelle.core.forms import add_service_errors

from .. import notifications

# htmx stops polling on this status: a visitor whose session ended gets no bell.
STOP_POLLING = 286


class NotificationListView(LoginRequiredMixin, View):
    template_name = "community/notifications/list.html"

    def get(self, request):
        paginator = Paginator(
            notifications.notification_list(user=request.user),
            settings.COMMUNITY["NOTIFICATIONS_PER_PAGE"],
        )
        page = paginator.get_page(request.GET.get("page"))
        items = notifications.with_messages(request.user, page.object_list, language=get_language())
        count = notifications.unread_count(user=request.user)
        context = {
            "page_obj": page,
            "notifications": items,
            "unread_count": count,
            "notification_unread_count": count,  # the bell's, saving a second COUNT
        }
        return render(request, self.template_name, context)


class NotificationGoView(LoginRequiredMixin, View):
    """A notification's link: mark it read, then go to what it is about. A GET, so that it is a
    plain link; marking one's own notification read is harmless to repeat or to trigger."""

    def get(self, request, pk):
        notification = notifications.notification_get(user=request.user, pk=pk)
        notifications.notification_mark_read(actor=request.user, notification=notification)
        [item] = notifications.with_messages(request.user, [notification], language=get_language())
        if item.link and url_has_allowed_host_and_scheme(
            item.link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return HttpResponseRedirect(item.link)
        messages.info(request, item.message)
        return redirect("community:notification_list")


class NotificationMarkAllReadView(LoginRequiredMixin, View):
    def post(self, request):
        count = notifications.notification_mark_all_read(actor=request.user)
        if count:
            messages.success(request, _("All notifications are marked as read."))
        return redirect("community:notification_list")


@method_decorator(never_cache, name="dispatch")
class NotificationBellView(View):
    """The bell alone, for htmx to swap in every 30 seconds."""

    def get(self, request):
        if not request.user.is_authenticated:
            return HttpResponse("", status=STOP_POLLING)
        return render(
            request,
            "community/notifications/_bell.html",
            {"unread_count": notifications.unread_count(user=request.user)},
        )


class PreferencesForm(forms.Form):
    """One choice of e-mail frequency per kind of notification (built from the registry)."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[row.kind.kind] = forms.ChoiceField(
                label=row.kind.label,
                help_text=row.kind.description,
                choices=row.choices,
                initial=row.email,
            )

    def table(self):
        """(row, bound field) pairs for the template's table."""
        return [(row, self[row.kind.kind]) for row in self.rows]


class NotificationPreferencesView(LoginRequiredMixin, View):
    template_name = "community/notifications/preferences.html"

    def get(self, request):
        return self.render(request, self.form(request))

    def post(self, request):
        form = self.form(request, data=request.POST)
        if form.is_valid():
            try:
                notifications.notification_preferences_update(
                    actor=request.user, user=request.user, preferences=form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your e-mail preferences are saved."))
                return redirect("community:notification_preferences")
        return self.render(request, form, status=400)

    def form(self, request, data=None):
        return PreferencesForm(data, rows=notifications.email_preferences(user=request.user))

    def render(self, request, form, status=200):
        return render(request, self.template_name, {"form": form}, status=status)


# Exempt from CSRF because mail clients send RFC 8058's one-click unsubscribe as a POST without
# our cookie or form token. There is nothing for a cross-site request to abuse: the signed token
# in the address is the authorisation, it only turns e-mail off, and only for the user it names.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class UnsubscribeView(View):
    """GET asks for confirmation (link scanners follow GETs); POST unsubscribes. No login."""

    template_name = "community/notifications/unsubscribe.html"
    invalid_template = "community/notifications/unsubscribe_invalid.html"

    def get(self, request, token):
        try:
            user, kinds = notifications.unsubscribe_token_read(token)
        except ValidationError as error:
            return self.invalid(request, error)
        return render(
            request,
            self.template_name,
            {"kinds": kinds, "email": _masked(user.email), "done": False},
        )

    def post(self, request, token):
        try:
            user, kinds = notifications.unsubscribe(token=token)
        except ValidationError as error:
            return self.invalid(request, error)
        return render(
            request,
            self.template_name,
            {"kinds": kinds, "email": _masked(user.email), "done": True},
        )

    def invalid(self, request, error):
        return render(request, self.invalid_template, {"errors": error.messages}, status=400)


def _masked(email: str) -> str:
    """Enough of the address for its owner to recognise it, for a page anyone with the link can
    open: "ma…@example.org"."""
    local, _at, domain = email.partition("@")
    return f"{local[:2]}…@{domain}"
