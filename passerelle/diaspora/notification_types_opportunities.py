"""Who hears of what about engagement opportunities (community.registry): the poster's editors of
each response received; the person who responded of each answer to it (shortlisted, accepted,
declined). The message names the opportunity only, never the applicant."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.community.choices import EmailFrequency
from passerelle.community.notification_types import path_without_language
from passerelle.community.registry import NotificationType, register_notification_type

from .models import OpportunityResponse
from .permissions import edits_for_an_organisation, is_member

RECEIVED = "diaspora.response.submitted"
ANSWERED = (
    "diaspora.response.shortlisted",
    "diaspora.response.accepted",
    "diaspora.response.declined",
)


def _response(entry) -> OpportunityResponse | None:
    if not entry.object_id.isdigit():
        return None
    return (
        OpportunityResponse.objects.select_related("opportunity").filter(pk=entry.object_id).first()
    )


def _url(name: str, pk: int) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return path_without_language(reverse(name, kwargs={"pk": pk}))


def _poster_recipients(entry):
    response = _response(entry)
    if response is None:
        return []
    opportunity = response.opportunity
    data = {
        "title": opportunity.title,
        "url": _url("diaspora:opportunity_responses", opportunity.pk),
    }
    editors = User.objects.filter(
        memberships__organisation=opportunity.organisation_id,
        memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        is_active=True,
    ).distinct()
    return [(editor, opportunity, data) for editor in editors]


def _received_message(data) -> str:
    return gettext("A new response to your opportunity “%(title)s”") % {
        "title": data.get("title", "")
    }


def _person_recipients(entry):
    response = _response(entry)
    if response is None:
        return []
    opportunity = response.opportunity
    data = {
        "title": opportunity.title,
        "status": entry.action.rsplit(".", 1)[-1],
        "url": _url("diaspora:opportunity_detail", opportunity.pk),
    }
    return [(response.person, opportunity, data)]


def _answered_message(data) -> str:
    messages = {
        "shortlisted": gettext("You are shortlisted for “%(title)s”"),
        "accepted": gettext("Your response to “%(title)s” is accepted"),
        "declined": gettext("Your response to “%(title)s” is declined"),
    }
    return messages.get(data.get("status"), messages["accepted"]) % {"title": data.get("title", "")}


register_notification_type(
    NotificationType(
        kind="diaspora_response_received",
        actions=(RECEIVED,),
        label=_("Responses to my organisation's opportunities"),
        description=_("A diaspora member applies or expresses interest in an opportunity."),
        recipients=_poster_recipients,
        message=_received_message,
        default_email=EmailFrequency.DAILY,
        audience=edits_for_an_organisation,
    )
)
register_notification_type(
    NotificationType(
        kind="diaspora_response_answered",
        actions=ANSWERED,
        label=_("Answers to my responses to opportunities"),
        description=_("The organisation shortlists, accepts or declines your response."),
        recipients=_person_recipients,
        message=_answered_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=is_member,
    )
)
