"""Who sees and does what with projects.

A public project is read by everyone, anonymous visitors included; a shared one by the members
of its participating organisations and the secretariat; a private one by those members only.
The organisation that recorded the project and the accountable organisations' editors run it
(details, participants, results framework, targets, documents, status); implementing
organisations' contributors enter the values of the indicators they report; the accountable
organisations' editors approve or return those values. Nothing of a project is readable beyond
the project: results, indicators, periods, values and documents follow it.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, Visibility, is_secretariat, register_policy

from .choices import REPORTING_STATUSES, ParticipantRole, ProjectStatus
from .models import (
    Document,
    Indicator,
    Participant,
    PeriodValue,
    Project,
    ProjectCountry,
    ProjectRegion,
    ReportingPeriod,
    Result,
)

CLOSED_STATUSES = (ProjectStatus.CLOSED, ProjectStatus.CANCELLED)


def _has(user, organisation_id, role) -> bool:
    return user.is_authenticated and user.has_role(organisation_id, role)


def organisations_in_role(project, role) -> list[int]:
    """Ids of the project's organisations in an IATI role (reads the prefetched participants)."""
    return [p.organisation_id for p in project.participants.all() if p.role == role]


def is_member(user, project) -> bool:
    """A member (any role) of the recording organisation or of a participating one."""
    ids = {project.organisation_id, *(p.organisation_id for p in project.participants.all())}
    return any(_has(user, pk, MembershipRole.VIEWER) for pk in ids)


def runs(user, project) -> bool:
    """An editor of the recording organisation or of an accountable one."""
    ids = [project.organisation_id, *organisations_in_role(project, ParticipantRole.ACCOUNTABLE)]
    return any(_has(user, pk, MembershipRole.EDITOR) for pk in ids)


def approves(user, project) -> bool:
    return any(
        _has(user, pk, MembershipRole.EDITOR)
        for pk in organisations_in_role(project, ParticipantRole.ACCOUNTABLE)
    )


def reporting_organisations(user, project) -> list[int]:
    """The implementing organisations `user` reports for (as a contributor or more)."""
    return [
        pk
        for pk in organisations_in_role(project, ParticipantRole.IMPLEMENTING)
        if _has(user, pk, MembershipRole.CONTRIBUTOR)
    ]


def reports_indicator(user, indicator, project) -> bool:
    """An implementer edits only its own values: those of the indicators it reports, or of the
    indicators nobody was assigned (any implementing organisation reports those)."""
    mine = reporting_organisations(user, project)
    return bool(mine) and (indicator.reporter_id is None or indicator.reporter_id in mine)


class ProjectPolicy(Policy):
    def visible_q(self, user) -> Q:
        public = Q(visibility=Visibility.PUBLIC)
        if not user.is_authenticated:
            return public
        ids = user.organisation_ids
        # A subquery, not a join: a project with several participants is still one row.
        taking_part = Participant.objects.filter(organisation__in=ids).values("project")
        visible = public | Q(organisation__in=ids) | Q(pk__in=taking_part)
        if is_secretariat(user):
            visible |= Q(visibility=Visibility.SHARED)
        return visible

    def can(self, user, action, project) -> bool:
        if action == "view":
            return (
                project.visibility == Visibility.PUBLIC
                or is_member(user, project)
                or (project.visibility == Visibility.SHARED and is_secretariat(user))
            )
        if action == "change":
            return project.status not in CLOSED_STATUSES and runs(user, project)
        if action == "change_status":
            return runs(user, project)
        if action == "report":
            return project.status in REPORTING_STATUSES and bool(
                reporting_organisations(user, project)
            )
        if action == "approve":
            return project.status in REPORTING_STATUSES and approves(user, project)
        return False


def _through_project(field: str):
    class ThroughProjectPolicy(Policy):
        """Read with the project it belongs to; written through the project's actions."""

        def visible_q(self, user) -> Q:
            return Q(**{f"{field}__in": Project.objects.visible_to(user).values("pk")})

        def can(self, user, action, obj) -> bool:
            project = obj
            for part in field.split("__"):
                project = getattr(project, part)
            return action == "view" and ProjectPolicy().can(user, "view", project)

    return ThroughProjectPolicy()


register_policy(Project, ProjectPolicy())
register_policy(Participant, _through_project("project"))
register_policy(ProjectCountry, _through_project("project"))
register_policy(ProjectRegion, _through_project("project"))
register_policy(Document, _through_project("project"))
register_policy(Result, _through_project("project"))
register_policy(ReportingPeriod, _through_project("project"))
register_policy(Indicator, _through_project("result__project"))
register_policy(PeriodValue, _through_project("period__project"))
