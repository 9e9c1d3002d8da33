"""Who hears of an assessment's progress (community.registry): a contributor given a section, and
the focal points when an assessment waits for their signature. The target is the assessment, so
the dispatcher only notifies people who can see it."""

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

from .models import Assessment, Domain

ASSIGNED = "assessments.assignment.created"
SUBMITTED = "assessments.assessment.submitted"


def _assessment(entry) -> Assessment | None:
    if not entry.object_id.isdigit():
        return None
    return Assessment.objects.select_related("organisation").filter(pk=entry.object_id).first()


def _names(instance, field: str) -> dict[str, str]:
    """A translated field in every language: the message is written in each reader's own."""
    return {code: getattr(instance, f"{field}_{code}") or "" for code, _name in settings.LANGUAGES}


def _assignment_recipients(entry):
    assessment = _assessment(entry)
    domain = Domain.objects.filter(pk=entry.data.get("domain_id")).first()
    user = User.objects.filter(pk=entry.data.get("user"), is_active=True).first()
    if assessment is None or domain is None or user is None:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("assessments:section", kwargs={"pk": assessment.pk, "domain": domain.code})
    data = {
        "assessment": assessment.title,
        "organisation": assessment.organisation.name,
        "section": _names(domain, "name"),
        "url": path_without_language(url),
    }
    return [(user, assessment, data)]


def _assignment_message(data) -> str:
    section = data.get("section", {})
    name = section.get(translation.get_language()) or section.get("en", "")
    return gettext("%(organisation)s asks you to answer “%(section)s” in “%(assessment)s”") % {
        "organisation": data.get("organisation", ""),
        "section": name,
        "assessment": data.get("assessment", ""),
    }


def _submitted_recipients(entry):
    assessment = _assessment(entry)
    if assessment is None:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse("assessments:assessment_detail", kwargs={"pk": assessment.pk})
    data = {"assessment": assessment.title, "url": path_without_language(url)}
    admins = User.objects.filter(
        memberships__organisation=assessment.organisation_id,
        memberships__role=MembershipRole.ADMIN,
        is_active=True,
    )
    return [(user, assessment, data) for user in admins]


def _administers_an_organisation(user) -> bool:
    return user.is_authenticated and MembershipRole.ADMIN in user.organisation_roles.values()


def _submitted_message(data) -> str:
    return gettext("“%(assessment)s” is submitted and waits for your validation") % {
        "assessment": data.get("assessment", "")
    }


register_notification_type(
    NotificationType(
        kind="assessment_assignment",
        actions=(ASSIGNED,),
        label=_("Assessment sections assigned to me"),
        description=_("An organisation asks you to answer a section of its capacity assessment."),
        recipients=_assignment_recipients,
        message=_assignment_message,
        default_email=EmailFrequency.IMMEDIATE,
    )
)
register_notification_type(
    NotificationType(
        kind="assessment_validation",
        actions=(SUBMITTED,),
        label=_("Assessments waiting for my validation"),
        description=_(
            "An assessment of an organisation you administer is submitted for validation."
        ),
        recipients=_submitted_recipients,
        message=_submitted_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_administers_an_organisation,
    )
)
