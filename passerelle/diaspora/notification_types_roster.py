"""Who hears of what on the roster (community.registry): the expert of a contact received and
of an engagement recorded as completed; the sender and the contacting organisation's editors of
the expert's answer. Messages name the organisation and the expert's headline, never a person."""

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

from .models import ExpertContact
from .permissions import edits_for_an_organisation, is_on_the_roster

ANSWERED = ("diaspora.contact.accepted", "diaspora.contact.declined")


def _contact_and_data(entry):
    contact = (
        ExpertContact.objects.select_related("roster_entry__expert", "organisation")
        .filter(pk=entry.object_id)
        .first()
        if entry.object_id.isdigit()
        else None
    )
    if contact is None:
        return None, {}
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("diaspora:contact_detail", kwargs={"pk": contact.pk})
    data = {
        "organisation": contact.organisation.name,
        "headline": contact.roster_entry.headline,
        "url": path_without_language(url),
        "step": entry.action,
    }
    return contact, data


def _expert_recipients(entry):
    contact, data = _contact_and_data(entry)
    if contact is None:
        return []
    return [(contact.roster_entry.expert, contact, data)]


def _organisation_recipients(entry):
    """The sender and the contacting organisation's editors."""
    contact, data = _contact_and_data(entry)
    if contact is None:
        return []
    people = list(
        User.objects.filter(
            memberships__organisation=contact.organisation_id,
            memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        ).distinct()
    )
    if contact.sent_by_id is not None:
        people.append(contact.sent_by)
    return [(person, contact, data) for person in {p.pk: p for p in people}.values()]


def _received_message(data) -> str:
    return gettext("%(organisation)s would like to contact you about your expertise") % data


def _answered_message(data) -> str:
    if data.get("step") == "diaspora.contact.accepted":
        return gettext("The expert “%(headline)s” accepted your contact") % data
    return gettext("The expert “%(headline)s” declined your contact") % data


def _completed_message(data) -> str:
    return gettext("%(organisation)s recorded your engagement as completed") % data


for notification_type in (
    NotificationType(
        kind="diaspora_contact_received",
        actions=("diaspora.contact.sent",),
        label=_("Organisations contacting me as a roster expert"),
        description=_("A government or another organisation writes to you through the roster."),
        recipients=_expert_recipients,
        message=_received_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=is_on_the_roster,
    ),
    NotificationType(
        kind="diaspora_contact_answered",
        actions=ANSWERED,
        label=_("Experts' answers to my organisation's contacts"),
        description=_("A roster expert accepts or declines your organisation's contact."),
        recipients=_organisation_recipients,
        message=_answered_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=edits_for_an_organisation,
    ),
    NotificationType(
        kind="diaspora_engagement_completed",
        actions=("diaspora.contact.completed",),
        label=_("My engagements recorded as completed"),
        description=_("An organisation records what your engagement achieved."),
        recipients=_expert_recipients,
        message=_completed_message,
        default_email=EmailFrequency.DAILY,
        audience=is_on_the_roster,
    ),
):
    register_notification_type(notification_type)
