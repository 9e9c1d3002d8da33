"""Who hears of reporting (community.registry): the accountable organisations' editors when a
period's values are submitted; the reporters when a value is returned to them, and when a
period is about to lock with values missing (the daily reminder, logged by no actor)."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.community.choices import EmailFrequency
from passerelle.community.notification_types import path_without_language
from passerelle.community.registry import NotificationType, register_notification_type

from .choices import ParticipantRole
from .models import PeriodValue, ReportingPeriod

SUBMITTED = "projects.period.submitted"
RETURNED = "projects.value.returned"
REMINDER = "projects.period.reminder"

EDITORS = [MembershipRole.EDITOR, MembershipRole.ADMIN]
REPORTERS = [MembershipRole.CONTRIBUTOR, *EDITORS]


def _period(entry) -> ReportingPeriod | None:
    if not entry.object_id.isdigit():
        return None
    return ReportingPeriod.objects.select_related("project").filter(pk=entry.object_id).first()


def _in_role(project, role):
    return project.participants.filter(role=role).values_list("organisation", flat=True)


def _people(organisation_ids, membership_roles):
    return User.objects.filter(
        memberships__organisation__in=organisation_ids, memberships__role__in=membership_roles
    ).distinct()


def _data(period: ReportingPeriod, **extra) -> dict:
    with translation.override(settings.LANGUAGE_CODE):
        url = period.get_absolute_url()
    return {
        "project": period.project.title,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "url": path_without_language(url),
        **extra,
    }


def _submitted_recipients(entry):
    period = _period(entry)
    if period is None:
        return []
    approvers = _people(_in_role(period.project, ParticipantRole.ACCOUNTABLE), EDITORS)
    data = _data(period, values=entry.data.get("values"))
    return [(person, period.project, data) for person in approvers]


def _returned_recipients(entry):
    value = (
        PeriodValue.objects.select_related("period__project", "indicator__reporter")
        .filter(pk=entry.object_id)
        .first()
        if entry.object_id.isdigit()
        else None
    )
    if value is None:
        return []
    project, reporter = value.period.project, value.indicator.reporter
    # The indicator's own reporter, or every implementer when none was named.
    ids = [reporter.pk] if reporter else _in_role(project, ParticipantRole.IMPLEMENTING)
    people = _people(ids, REPORTERS)
    data = _data(value.period, indicator=value.indicator.title)
    return [(person, project, data) for person in people]


def _reminder_recipients(entry):
    period = _period(entry)
    if period is None:
        return []
    reporters = _people(_in_role(period.project, ParticipantRole.IMPLEMENTING), REPORTERS)
    data = _data(period, locks_on=entry.data.get("locks_on"))
    return [(person, period.project, data) for person in reporters]


def _takes_part(user) -> bool:
    return user.is_authenticated and bool(user.organisation_ids)


register_notification_type(
    NotificationType(
        kind="project_values_submitted",
        actions=(SUBMITTED,),
        label=_("Project values waiting for my approval"),
        description=_("An implementing partner submitted a period's values for approval."),
        recipients=_submitted_recipients,
        message=lambda data: gettext("Values to approve in “%(project)s”") % data,
        default_email=EmailFrequency.DAILY,
        audience=_takes_part,
    )
)
register_notification_type(
    NotificationType(
        kind="project_value_returned",
        actions=(RETURNED,),
        label=_("Project values returned to me"),
        description=_("The accountable organisation returned a value with a comment to fix it."),
        recipients=_returned_recipients,
        message=lambda data: gettext("A value was returned in “%(project)s”: %(indicator)s") % data,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_takes_part,
    )
)
register_notification_type(
    NotificationType(
        kind="project_period_reminder",
        actions=(REMINDER,),
        label=_("Reporting periods about to lock"),
        description=_("A reporting period of your project locks soon and values are missing."),
        recipients=_reminder_recipients,
        message=lambda data: gettext("Values are due soon in “%(project)s”") % data,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_takes_part,
    )
)
