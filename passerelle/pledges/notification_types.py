"""Who hears of a pledge (community.registry): the pledging organisation's editors when a progress
report falls overdue. The overdue sweep (`services.pledges_flag_overdue`) logs the entry; no
actor took the step, so nobody is left out as its author."""

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

from .models import Pledge

OVERDUE = "pledges.pledge.report_overdue"


def _overdue_recipients(entry):
    pledge = (
        Pledge.objects.filter(pk=entry.object_id).first() if entry.object_id.isdigit() else None
    )
    if pledge is None:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("pledges:pledge_detail", kwargs={"pk": pledge.pk})
    data = {"title": pledge.title, "url": path_without_language(url), "due": entry.data.get("due")}
    editors = User.objects.filter(
        memberships__organisation=pledge.organisation_id,
        memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
    ).distinct()
    return [(person, pledge, data) for person in editors]


def _overdue_message(data) -> str:
    return gettext("A progress report on your pledge “%(title)s” is overdue") % {
        "title": data.get("title", "")
    }


def _edits_for_an_organisation(user) -> bool:
    return user.is_authenticated and any(
        MembershipRole.rank(role) >= MembershipRole.rank(MembershipRole.EDITOR)
        for role in user.organisation_roles.values()
    )


register_notification_type(
    NotificationType(
        kind="pledge_report_overdue",
        actions=(OVERDUE,),
        label=_("Overdue progress reports on my organisation's pledges"),
        description=_("A progress report on a pledge of your organisation has not come in time."),
        recipients=_overdue_recipients,
        message=_overdue_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_edits_for_an_organisation,
    )
)
