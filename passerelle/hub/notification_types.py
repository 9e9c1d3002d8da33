"""Who hears of a request's review (community.registry): the requester's editors when the
secretariat publishes it, asks a question or returns it with advice; the brokers when a request
waits for their review."""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.community.choices import EmailFrequency
from passerelle.community.notification_types import path_without_language
from passerelle.community.registry import NotificationType, register_notification_type

from .models import SupportRequest
from .permissions import is_broker

REVIEWED = (
    "hub.request.published",
    "hub.request.review_clarification",
    "hub.request.review_advice",
)
SUBMITTED = "hub.request.submitted"


def _request_and_data(entry):
    support_request = (
        SupportRequest.objects.filter(pk=entry.object_id).first()
        if entry.object_id.isdigit()
        else None
    )
    if support_request is None:
        return None, {}
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("hub:request_detail", kwargs={"pk": support_request.pk})
    data = {"title": support_request.title, "url": path_without_language(url), "step": entry.action}
    return support_request, data


def _requester_recipients(entry):
    support_request, data = _request_and_data(entry)
    if support_request is None:
        return []
    organisations = [support_request.organisation_id, support_request.joint_with_id]
    people = User.objects.filter(
        memberships__organisation__in=[o for o in organisations if o],
        memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
    ).distinct()
    return [(person, support_request, data) for person in people]


def _review_message(data) -> str:
    messages = {
        "hub.request.published": gettext("Your request “%(title)s” is published"),
        "hub.request.review_clarification": gettext(
            "The secretariat has a question about your request “%(title)s”"
        ),
        "hub.request.review_advice": gettext(
            "The secretariat returned your request “%(title)s” with advice"
        ),
    }
    return messages.get(data.get("step"), messages["hub.request.published"]) % {
        "title": data.get("title", "")
    }


def _broker_recipients(entry):
    support_request, data = _request_and_data(entry)
    if support_request is None:
        return []
    brokers = User.objects.filter(Q(is_broker=True) | Q(is_superuser=True), is_active=True)
    return [(broker, support_request, data) for broker in brokers]


def _submitted_message(data) -> str:
    return gettext("A request waits for review: “%(title)s”") % {"title": data.get("title", "")}


register_notification_type(
    NotificationType(
        kind="request_review",
        actions=REVIEWED,
        label=_("The review of my organisation's requests"),
        description=_(
            "The secretariat publishes a request of your organisation, asks a question about it "
            "or returns it with advice."
        ),
        recipients=_requester_recipients,
        message=_review_message,
        default_email=EmailFrequency.IMMEDIATE,
    )
)
register_notification_type(
    NotificationType(
        kind="request_submitted",
        actions=(SUBMITTED,),
        label=_("Requests waiting for review"),
        description=_("A request for support is submitted to the secretariat."),
        recipients=_broker_recipients,
        message=_submitted_message,
        default_email=EmailFrequency.DAILY,
        audience=is_broker,
    )
)
