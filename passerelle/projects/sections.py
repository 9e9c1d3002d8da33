"""What projects add to other modules' pages (core.sections): the projects in a country, a
regional body's member States, under an objective or a capacity area, of an organisation; the
indicators tagged with an objective, a capacity area or an assessment's indicators, with their
standing; on a match, the start of the partnership; on a request, the projects that answer it
and those of similar requests; on the dashboard, what waits for the person; on the home page,
the figures."""

from collections import Counter
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import user_can
from passerelle.core.sections import register_section
from passerelle.hub.choices import MatchStatus

from . import selectors
from .choices import Progress, ProjectStatus, ValueStatus
from .models import Indicator, PeriodValue, Project

LIMIT = 20


def _rows(user, projects, *, title, more_url=None) -> dict | None:
    """A section listing projects with their progress; None when there is none."""
    projects = list(
        selectors.project_list(user=user)
        .filter(pk__in=projects.values("pk"))
        .order_by("-planned_start")[:LIMIT]
    )
    if not projects:
        return None
    percents = selectors.projects_progress(projects)
    return {
        "title": title,
        "rows": [(project, percents[project.pk]) for project in projects],
        "more_url": more_url,
    }


def _list_url(**query) -> str:
    return f"{reverse('projects:project_list')}?{urlencode(query)}"


def country_projects(request, country):
    in_country = Project.objects.filter(countries__country=country)
    return _rows(request.user, in_country, title=_("Projects"),
                 more_url=_list_url(country=country.iso3))  # fmt: skip


def regional_body_projects(request, body):
    in_members = Project.objects.filter(countries__country__in=body.members.all())
    return _rows(request.user, in_members, title=_("Projects in member States"))


def organisation_projects(request, organisation):
    taking_part = Project.objects.filter(
        Q(participants__organisation=organisation) | Q(organisation=organisation)
    )
    return _rows(request.user, taking_part, title=_("Projects"),
                 more_url=_list_url(organisation=organisation.slug))  # fmt: skip


TAGGED_LIMIT = 100


def _tagged(request, title, **lookup):
    """The indicators tagged with the same, by standing: those of the most recent projects
    (TAGGED_LIMIT), so that the page stays quick as projects accumulate."""
    found = selectors.tagged_indicators(user=request.user, limit=TAGGED_LIMIT, **lookup)
    counts = Counter(item.standing for _project, item in found)
    return {
        "title": title,
        "indicators": found,
        "counts": [(label, counts.get(value, 0)) for value, label in Progress.choices],
        "limited": len(found) == TAGGED_LIMIT,
    }


def objective_projects(request, objective):
    rows = _rows(request.user, Project.objects.filter(gcm_objectives=objective),
                 title=_("Projects"), more_url=_list_url(objective=objective.number))  # fmt: skip
    tagged = _tagged(request, _("Project indicators for this objective"), gcm_objective=objective)
    if rows is None and not tagged["indicators"]:
        return None
    return {**(rows or {"title": _("Projects"), "rows": []}), "tagged": tagged}


def area_projects(request, area):
    rows = _rows(request.user, Project.objects.filter(capacity_areas=area),
                 title=_("Projects"), more_url=_list_url(capacity_area=area.code))  # fmt: skip
    tagged = _tagged(request, _("Project indicators in this capacity area"), capacity_area=area)
    if rows is None and not tagged["indicators"]:
        return None
    return {**(rows or {"title": _("Projects"), "rows": []}), "tagged": tagged}


def assessment_results(request, obj):
    """On a gap profile: the results of projects measured against this framework's indicators,
    in the assessing organisation's country or with the organisation taking part."""
    assessment, _profile = obj
    organisation = assessment.organisation
    where = Q(result__project__participants__organisation=organisation)
    if organisation.country_id:
        where |= Q(result__project__countries__country=organisation.country_id)
    found = selectors.tagged_indicators(
        user=request.user, assessment_indicator__version=assessment.version_id
    )
    ids = set(
        Indicator.objects.filter(where, pk__in=[i.indicator.pk for _p, i in found]).values_list(
            "pk", flat=True
        )
    )
    found = [(project, item) for project, item in found if item.indicator.pk in ids]
    if not found:
        return None
    return {"title": _("Project results on these indicators"), "indicators": found}


def match_partnership(request, match):
    """An accepted match: a party's editor turns it into a project. A partnership: its
    projects."""
    user = request.user
    projects = Project.objects.visible_to(user).filter(matches=match)
    may_record = (
        match.status == MatchStatus.ACCEPTED
        and user_can(user, "start_partnership", match)
        and any(
            user.has_role(pk, MembershipRole.EDITOR)
            for pk in (match.request.organisation_id, match.offer.organisation_id)
            if pk is not None
        )
    )
    if not may_record and not projects.exists():
        return None
    return {
        "match": match,
        "create_url": f"{reverse('projects:project_create')}?match={match.pk}"
        if may_record
        else None,
        "projects": list(projects),
    }


def request_projects(request, obj):
    support_request, peers = obj
    own = Project.objects.filter(matches__request=support_request)
    similar = Project.objects.filter(matches__request__in=[peer for peer, *_rest in peers])
    visible = Project.objects.visible_to(request.user)
    own, similar = list(visible.filter(pk__in=own)), list(visible.filter(pk__in=similar))
    if not own and not similar:
        return None
    return {"own": own, "similar": similar}


def dashboard_projects(request, user):
    if not user.is_authenticated or not user.organisation_ids:
        return None
    mine = (
        selectors.project_list(user=user)
        .filter(
            Q(organisation__in=user.organisation_ids)
            | Q(participants__organisation__in=user.organisation_ids)
        )
        .exclude(status__in=[ProjectStatus.CLOSED, ProjectStatus.CANCELLED])
        .distinct()
    )
    mine = list(mine.order_by("-planned_start")[:LIMIT])
    if not mine:
        return None
    waiting = (
        PeriodValue.objects.filter(
            period__project__in=[p for p in mine if user_can(user, "approve", p)],
            status=ValueStatus.SUBMITTED,
        )
        .values("period", "period__project")
        .distinct()
        .count()
    )
    returned = PeriodValue.objects.filter(
        period__project__in=[p for p in mine if user_can(user, "report", p)],
        status=ValueStatus.RETURNED,
    ).count()
    percents = selectors.projects_progress(mine)
    return {
        "rows": [(project, percents[project.pk]) for project in mine],
        "waiting": waiting,
        "returned": returned,
    }


def home_figures(request, obj):
    public = Project.objects.visible_to(request.user)
    return {
        "figures": [
            (_("projects"), public.count(), reverse("projects:project_list")),
            (
                _("projects running"),
                public.filter(status=ProjectStatus.IMPLEMENTATION).count(),
                _list_url(status=ProjectStatus.IMPLEMENTATION),
            ),
        ]
    }


for page, key, template, get_context, order in (
    ("country", "projects", "projects/_projects_section.html", country_projects, 30),
    ("regional_body", "projects", "projects/_projects_section.html", regional_body_projects, 30),
    ("organisation", "projects", "projects/_projects_section.html", organisation_projects, 40),
    ("gcm_objective", "projects", "projects/_projects_section.html", objective_projects, 60),
    ("capacity_area", "projects", "projects/_projects_section.html", area_projects, 60),
    ("assessment_profile", "project_results", "projects/_tagged_section.html",
     assessment_results, 20),
    ("match", "partnership", "projects/_match_section.html", match_partnership, 10),
    ("support_request", "projects", "projects/_request_section.html", request_projects, 10),
    ("dashboard", "projects", "projects/_dashboard_section.html", dashboard_projects, 30),
    ("home", "projects", "projects/_home_figures.html", home_figures, 40),
):  # fmt: skip
    register_section(page, key, template=template, get_context=get_context, order=order)
