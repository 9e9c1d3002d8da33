"""Who hears of what in the hub (community.registry): the requester's editors of a review of
their request (published, a question, advice); the brokers of a request waiting for review; both
parties of a match of a new good proposal, an introduction, and each answer and partnership (the
brokers too)."""

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

from .models import Match, SupportRequest
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


def _match_and_data(entry):
    match = (
        Match.objects.select_related("request", "offer").filter(pk=entry.object_id).first()
        if entry.object_id.isdigit()
        else None
    )
    if match is None:
        return None, {}
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("hub:match_detail", kwargs={"pk": match.pk})
    data = {
        "request": match.request.title,
        "offer": match.offer.title,
        "url": path_without_language(url),
        "step": entry.action,
        "side": entry.data.get("side", ""),
    }
    return match, data


def _editors_of(organisation_ids) -> list:
    return list(
        User.objects.filter(
            memberships__organisation__in=[pk for pk in organisation_ids if pk],
            memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        ).distinct()
    )


def _party_recipients(entry):
    """The requester's and the provider's editors (or the expert who offers)."""
    match, data = _match_and_data(entry)
    if match is None:
        return []
    request, offer = match.request, match.offer
    people = _editors_of([request.organisation_id, request.joint_with_id, offer.organisation_id])
    if offer.expert_id:
        people.append(offer.expert)
    return [(person, match, data) for person in {p.pk: p for p in people}.values()]


def _party_and_broker_recipients(entry):
    match, data = _match_and_data(entry)
    if match is None:
        return []
    brokers = User.objects.filter(Q(is_broker=True) | Q(is_superuser=True), is_active=True)
    return _party_recipients(entry) + [(broker, match, data) for broker in brokers]


def _proposed_message(data) -> str:
    return gettext("A possible match for “%(request)s”: “%(offer)s”") % data


def _introduced_message(data) -> str:
    return gettext("The secretariat introduces “%(request)s” and “%(offer)s”") % data


DECIDED = {
    ("hub.match.accepted", "requester"): _(
        "The requester accepted the match between “%(request)s” and “%(offer)s”"
    ),
    ("hub.match.accepted", "provider"): _(
        "The provider accepted the match between “%(request)s” and “%(offer)s”"
    ),
    ("hub.match.declined", "requester"): _(
        "The requester declined the match between “%(request)s” and “%(offer)s”"
    ),
    ("hub.match.declined", "provider"): _(
        "The provider declined the match between “%(request)s” and “%(offer)s”"
    ),
}
PARTNERSHIP = _("The match between “%(request)s” and “%(offer)s” is now a partnership")


def _decided_message(data) -> str:
    message = DECIDED.get((data.get("step"), data.get("side")), PARTNERSHIP)
    return str(message) % data


register_notification_type(
    NotificationType(
        kind="match_proposed",
        actions=("hub.match.proposed",),
        label=_("New matches for my organisation's requests and offers"),
        description=_("The matcher finds a good match for a request or an offer of yours."),
        recipients=_party_recipients,
        message=_proposed_message,
        default_email=EmailFrequency.DAILY,
    )
)
register_notification_type(
    NotificationType(
        kind="match_introduced",
        actions=("hub.match.introduced",),
        label=_("Introductions by the secretariat"),
        description=_("The secretariat introduces you to a partner for a request or an offer."),
        recipients=_party_recipients,
        message=_introduced_message,
        default_email=EmailFrequency.IMMEDIATE,
    )
)
register_notification_type(
    NotificationType(
        kind="match_decided",
        actions=("hub.match.accepted", "hub.match.declined", "hub.match.partnership"),
        label=_("Answers to introductions"),
        description=_(
            "A party accepts or declines an introduction, or a match becomes a partnership."
        ),
        recipients=_party_and_broker_recipients,
        message=_decided_message,
        default_email=EmailFrequency.IMMEDIATE,
    )
)
