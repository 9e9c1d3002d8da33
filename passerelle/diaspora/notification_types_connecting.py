"""Who hears of what in the connecting area (community.registry): the addressee of a connection
request, the requester when it is accepted, the recipient of a direct message, and the author of
a thread when someone replies in it.

The person who asks to connect or writes a message is named to the recipient by their display
name: acting towards someone reveals it to them. A message's text is never in a notification.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.community.choices import EmailFrequency
from passerelle.community.models import Comment
from passerelle.community.notification_types import path_without_language
from passerelle.community.registry import NotificationType, register_notification_type

from .models import Connection, Conversation, Thread
from .permissions import is_member
from .selectors.connecting import display_names
from .selectors.people import shown_names


def _path(name: str, **kwargs) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return path_without_language(reverse(name, kwargs=kwargs))


def _connection(entry) -> Connection | None:
    if not entry.object_id.isdigit():
        return None
    return (
        Connection.objects.select_related("requester", "addressee")
        .filter(pk=entry.object_id)
        .first()
    )


def _request_recipients(entry):
    connection = _connection(entry)
    if connection is None or connection.requester_id != entry.actor_id:
        return []
    name = display_names([connection.requester_id]).get(connection.requester_id, "")
    data = {"name": name, "url": _path("diaspora:connections")}
    return [(connection.addressee, connection, data)]


def _accepted_recipients(entry):
    connection = _connection(entry)
    if connection is None or connection.addressee_id != entry.actor_id:
        return []
    requester = connection.requester
    name = shown_names(requester, [connection.addressee_id])[connection.addressee_id]
    data = {"name": name, "url": _path("diaspora:connections")}
    return [(requester, connection, data)]


def _message_recipients(entry):
    conversation = (
        Conversation.objects.select_related("first", "second").filter(pk=entry.object_id).first()
        if entry.object_id.isdigit()
        else None
    )
    if conversation is None or entry.actor_id not in (
        conversation.first_id,
        conversation.second_id,
    ):
        return []
    recipient = (
        conversation.second if conversation.first_id == entry.actor_id else conversation.first
    )
    name = display_names([entry.actor_id]).get(entry.actor_id, "")
    data = {"name": name, "url": _path("diaspora:conversation", pk=conversation.pk)}
    return [(recipient, conversation, data)]


def _reply_recipients(entry):
    """A comment on a thread: its author hears of it (the dispatcher drops them if they wrote
    it, or if they can no longer read the thread)."""
    if entry.content_type_id != ContentType.objects.get_for_model(Comment).pk:
        return []
    comment = (
        Comment.objects.filter(pk=entry.object_id).first() if entry.object_id.isdigit() else None
    )
    if comment is None or comment.content_type_id != ContentType.objects.get_for_model(Thread).pk:
        return []
    thread = Thread.objects.select_related("author", "group").filter(pk=comment.object_id).first()
    if thread is None:
        return []
    data = {
        "title": thread.title[:200],
        "url": _path("diaspora:thread_detail", slug=thread.group.slug, pk=thread.pk),
    }
    return [(thread.author, thread, data)]


register_notification_type(
    NotificationType(
        kind="diaspora_connection_request",
        actions=("diaspora.connection.requested",),
        label=_("Requests to connect with me"),
        description=_("A member of the diaspora hub asks to connect with you."),
        recipients=_request_recipients,
        message=lambda data: gettext("%(name)s asks to connect with you") % data,
        default_email=EmailFrequency.IMMEDIATE,
        audience=is_member,
    )
)
register_notification_type(
    NotificationType(
        kind="diaspora_connection_accepted",
        actions=("diaspora.connection.accepted",),
        label=_("My requests to connect, accepted"),
        description=_("A member accepts your request to connect."),
        recipients=_accepted_recipients,
        message=lambda data: gettext("%(name)s accepted your request to connect") % data,
        default_email=EmailFrequency.DAILY,
        audience=is_member,
    )
)
register_notification_type(
    NotificationType(
        kind="diaspora_direct_message",
        actions=("diaspora.message.sent",),
        label=_("Direct messages to me"),
        description=_(
            "A member you are connected with sends you a message (its text is not in the "
            "notification)."
        ),
        recipients=_message_recipients,
        message=lambda data: gettext("%(name)s sent you a message") % data,
        default_email=EmailFrequency.IMMEDIATE,
        audience=is_member,
    )
)
register_notification_type(
    NotificationType(
        kind="diaspora_thread_reply",
        actions=("community.comment.created",),
        label=_("Replies in the group threads I started"),
        description=_("Someone replies in a discussion thread you started in a group."),
        recipients=_reply_recipients,
        message=lambda data: gettext("A new reply in your thread “%(title)s”") % data,
        default_email=EmailFrequency.DAILY,
        audience=is_member,
    )
)
