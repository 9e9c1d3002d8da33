"""Pages of the connecting area: my connections and blocks, direct messages, groups and their
threads. Each view reads through the door (a conversation of others is a 404), calls one
service, and on a refused write shows the service's reason with a 4xx status."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from passerelle.accounts.models import User
from passerelle.community.registry import content_type_of
from passerelle.community.sections import discussion_context
from passerelle.core.forms import add_service_errors
from passerelle.core.permissions import get_visible_or_404, user_can

from .. import registrations_connecting  # noqa: F401  (reports and thread replies registered)
from ..forms.connecting import (
    ConnectionRequestForm,
    GroupFilterForm,
    GroupForm,
    MessageForm,
    ThreadForm,
)
from ..models import Connection, Conversation, Group, MemberProfile, Message, Thread
from ..permissions import is_member
from ..selectors import connecting as selectors
from ..services import connecting as services

INVALID = 422  # htmx swaps a form back in with its errors (base.html's htmx-config)
REFUSED = 400
TEMPLATES = "diaspora/connecting/"


def _refused(request, error: ValidationError, status: int = REFUSED):
    """A refused workflow step (a POST button): the reason, and a way back."""
    return render(
        request,
        TEMPLATES + "refused.html",
        {
            "reasons": error.messages,
            "back": _safe_next(request, reverse("diaspora:connections")),
        },
        status=status,
    )


def _member_user(request, user_pk: int) -> User:
    """A member whose profile the viewer may find (404 otherwise, existence unrevealed)."""
    profile = get_visible_or_404(
        MemberProfile.objects.select_related("user"), request.user, user_id=user_pk
    )
    if not profile.user.is_active:
        raise PermissionDenied
    return profile.user


def _contact_user(request, user_pk: int) -> User:
    """Someone the viewer is connected with (or asked by), whatever their profile shows: their
    connection named them; otherwise a member the viewer may find."""
    connection = (
        Connection.objects.visible_to(request.user)
        .filter(pair=Connection.pair_of(request.user.pk, user_pk))
        .select_related("requester", "addressee")
        .first()
    )
    if connection is None:
        return _member_user(request, user_pk)
    other = (
        connection.addressee if connection.requester_id == request.user.pk else connection.requester
    )
    if not other.is_active:
        raise PermissionDenied
    return other


def _safe_next(request, default: str) -> str:
    """Back to the page the button was on (the member's page), if it is one of ours."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else default


# --- connections ------------------------------------------------------------------------------


class ConnectionListView(LoginRequiredMixin, View):
    def get(self, request):
        context = {"groups": selectors.my_connections(request.user)}
        return render(request, TEMPLATES + "connections.html", context)


class ConnectionRequestView(LoginRequiredMixin, View):
    template_name = TEMPLATES + "connection_request.html"

    def get(self, request, user_pk):
        other = _member_user(request, user_pk)
        return self._render(request, other, ConnectionRequestForm())

    def post(self, request, user_pk):
        other = _member_user(request, user_pk)
        form = ConnectionRequestForm(request.POST)
        if form.is_valid():
            try:
                connection = services.connection_request(
                    actor=request.user, addressee=other, message=form.cleaned_data["message"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if connection.status == "accepted":
                    messages.success(request, _("You are now connected."))
                else:
                    messages.success(request, _("Your request is sent."))
                return redirect("diaspora:connections")
        return self._render(request, other, form, status=INVALID)

    def _render(self, request, other, form, status=200):
        if not is_member(request.user):
            raise PermissionDenied
        context = {
            "other": other,
            "other_name": selectors.shown_names(request.user, [other.pk])[other.pk],
            "form": form,
        }
        return render(request, self.template_name, context, status=status)


class ConnectionActionView(LoginRequiredMixin, View):
    """POST only: one workflow step on a connection the user is a party of."""

    service = None
    done = ""

    def post(self, request, pk):
        connection = get_visible_or_404(Connection.objects.all(), request.user, pk=pk)
        try:
            type(self).service(actor=request.user, connection=connection)
        except ValidationError as error:
            return _refused(request, error)
        messages.success(request, self.done)
        return HttpResponseRedirect(_safe_next(request, reverse("diaspora:connections")))


class ConnectionAcceptView(ConnectionActionView):
    service = services.connection_accept
    done = gettext_lazy("You are now connected.")


class ConnectionDeclineView(ConnectionActionView):
    service = services.connection_decline
    done = gettext_lazy("The request is declined.")


class ConnectionRemoveView(ConnectionActionView):
    service = services.connection_remove
    done = gettext_lazy("The connection is removed.")


# --- blocks -----------------------------------------------------------------------------------


def _active_user_or_404(pk: int) -> User:
    return get_object_or_404(User.objects.filter(is_active=True), pk=pk)


class BlockListView(LoginRequiredMixin, View):
    def get(self, request):
        return render(
            request, TEMPLATES + "blocks.html", {"blocked": selectors.my_blocks(request.user)}
        )


class BlockView(LoginRequiredMixin, View):
    def post(self, request, user_pk):
        try:
            services.block(actor=request.user, blocked=_active_user_or_404(user_pk))
        except ValidationError as error:
            return _refused(request, error)
        messages.success(request, _("This person is blocked: they can no longer contact you."))
        return HttpResponseRedirect(_safe_next(request, reverse("diaspora:blocks")))


class UnblockView(LoginRequiredMixin, View):
    def post(self, request, user_pk):
        services.unblock(actor=request.user, blocked=_active_user_or_404(user_pk))
        messages.success(request, _("This person is no longer blocked."))
        return HttpResponseRedirect(_safe_next(request, reverse("diaspora:blocks")))


# --- direct messages --------------------------------------------------------------------------


class InboxView(LoginRequiredMixin, View):
    def get(self, request):
        return render(request, TEMPLATES + "inbox.html", {"rows": selectors.inbox(request.user)})


class ConversationStartView(LoginRequiredMixin, View):
    """A first message to a connected member; their existing conversation if there is one."""

    template_name = TEMPLATES + "conversation_start.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_member(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, user_pk):
        other = _contact_user(request, user_pk)
        existing = Conversation.objects.visible_to(request.user).filter(
            first_id=min(request.user.pk, other.pk), second_id=max(request.user.pk, other.pk)
        )
        if existing.exists():
            return redirect(existing.get())
        try:
            services.check_may_message(request.user, other)
        except ValidationError as error:
            return self._render(request, other, None, reasons=error.messages, status=403)
        return self._render(request, other, MessageForm())

    def post(self, request, user_pk):
        other = _contact_user(request, user_pk)
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                conversation = services.conversation_start(
                    actor=request.user, other=other, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(conversation)
        return self._render(request, other, form, status=INVALID)

    def _render(self, request, other, form, reasons=(), status=200):
        context = {
            "other": other,
            "other_name": selectors.shown_names(request.user, [other.pk])[other.pk],
            "form": form,
            "reasons": reasons,
        }
        return render(request, self.template_name, context, status=status)


class ConversationView(LoginRequiredMixin, View):
    """The messages (marked read on reading), and the form to answer: with htmx the new message
    is appended and a fresh form swapped in; without JavaScript the page reloads."""

    template_name = TEMPLATES + "conversation.html"

    def _conversation(self, request, pk) -> Conversation:
        return get_visible_or_404(Conversation.objects.all(), request.user, pk=pk)

    def get(self, request, pk):
        conversation = self._conversation(request, pk)
        services.conversation_mark_read(actor=request.user, conversation=conversation)
        return self._render(request, conversation, MessageForm())

    def post(self, request, pk):
        conversation = self._conversation(request, pk)
        form = MessageForm(request.POST)
        if form.is_valid():
            try:
                message = services.message_send(
                    actor=request.user, conversation=conversation, body=form.cleaned_data["body"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if request.htmx:
                    return self._sent_fragment(request, conversation, message)
                return HttpResponseRedirect(message.get_absolute_url())
        if request.htmx:
            return render(
                request,
                TEMPLATES + "_message_form.html",
                {"conversation": conversation, "form": form},
                status=INVALID,
            )
        return self._render(request, conversation, form, status=INVALID)

    def _sent_fragment(self, request, conversation, message):
        context = {
            "conversation": conversation,
            "form": MessageForm(),
            "message": message,
            "message_ct": content_type_of(Message).pk,
        }
        return render(request, TEMPLATES + "_message_sent.html", context)

    def _render(self, request, conversation, form, status=200):
        names = selectors.conversation_names(request.user, conversation)
        other_id = conversation.other(request.user).pk
        context = {
            "conversation": conversation,
            "messages_shown": selectors.conversation_messages(request.user, conversation),
            "other_id": other_id,
            "other_name": names[other_id],
            "form": form,
            "message_ct": content_type_of(Message).pk,
        }
        return render(request, self.template_name, context, status=status)


# --- groups -----------------------------------------------------------------------------------


def _group(request, slug) -> Group:
    return get_visible_or_404(Group.objects.select_related("country"), request.user, slug=slug)


class GroupListView(View):
    def get(self, request):
        form = GroupFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context = {
            "form": form,
            "groups": selectors.group_list(**{k: v for k, v in filters.items() if v}),
            "mine": selectors.my_group_ids(request.user),
            "can_create": is_member(request.user),
        }
        return render(request, TEMPLATES + "group_list.html", context)


class GroupCreateView(LoginRequiredMixin, View):
    template_name = TEMPLATES + "group_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_member(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = GroupForm(initial={"language": request.LANGUAGE_CODE})
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = GroupForm(request.POST)
        if form.is_valid():
            try:
                group = services.group_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The group is created: you are its moderator."))
                return redirect(group)
        return render(request, self.template_name, {"form": form}, status=INVALID)


class GroupDetailView(View):
    def get(self, request, slug):
        group = _group(request, slug)
        user = request.user
        role = selectors.my_role(user, group)
        context = {
            "group": group,
            "member_count": group.memberships.count(),
            "threads": selectors.group_threads(user, group),
            "role": role,
            "can_join": role is None and user_can(user, "join", group),
            "thread_ct": content_type_of(Thread).pk,
        }
        return render(request, TEMPLATES + "group_detail.html", context)


class GroupJoinView(LoginRequiredMixin, View):
    def post(self, request, slug):
        group = _group(request, slug)
        services.group_join(actor=request.user, group=group)
        messages.success(request, _("You joined the group."))
        return redirect(group)


class GroupLeaveView(LoginRequiredMixin, View):
    def post(self, request, slug):
        group = _group(request, slug)
        try:
            services.group_leave(actor=request.user, group=group)
        except ValidationError as error:
            return _refused(request, error)
        messages.success(request, _("You left the group."))
        return redirect(group)


class ThreadCreateView(LoginRequiredMixin, View):
    template_name = TEMPLATES + "thread_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.group = _group(request, kwargs["slug"])
            if not user_can(request.user, "post", self.group):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug):
        return render(request, self.template_name, {"group": self.group, "form": ThreadForm()})

    def post(self, request, slug):
        form = ThreadForm(request.POST)
        if form.is_valid():
            try:
                thread = services.thread_create(
                    actor=request.user,
                    group=self.group,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(thread)
        context = {"group": self.group, "form": form}
        return render(request, self.template_name, context, status=INVALID)


class ThreadDetailView(View):
    def get(self, request, slug, pk):
        thread = get_visible_or_404(
            Thread.objects.select_related("group"), request.user, pk=pk, group__slug=slug
        )
        context = {
            "thread": thread,
            "group": thread.group,
            "author_name": selectors.shown_names(request.user, [thread.author_id])[
                thread.author_id
            ],
            "discussion": discussion_context(request, thread),
            "thread_ct": content_type_of(Thread).pk,
            "is_group_member": user_can(request.user, "post", thread.group),
        }
        return render(request, TEMPLATES + "thread_detail.html", context)
