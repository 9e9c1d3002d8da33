"""What funding adds to other modules' pages (core.sections): coverage of the requirements with
the contributions and a "Contribute" button on a request, a match and a project; a coverage bar
in each row of the lists of requests and of projects (in bulk: a fixed number of queries per
list); on the dashboard, the person's contributions; on a country page, money required against
money funded there."""

from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse

from passerelle.core.permissions import user_can
from passerelle.core.sections import register_row_part, register_section
from passerelle.hub.models import SupportRequest

from . import coverage
from .selectors import contributions as selectors
from .selectors import gaps
from .services.contributions import FUNDABLE_REQUEST_STATUSES, UNFUNDABLE_PROJECT_STATUSES

LIMIT = 20


def _contribute_url(**query) -> str:
    return f"{reverse('funding:contribution_create')}?{urlencode(query)}"


def _received(user, **destination) -> list:
    found = selectors.contribution_list(user=user).filter(**destination)[:LIMIT]
    return selectors.annotate_sources(user, found)


def request_funding(request, obj):
    support_request, _peers = obj
    return {
        "heading_id": "request-funding-heading",
        "coverages": coverage.for_requests([support_request.pk])[support_request.pk],
        "contributions": _received(request.user, request=support_request),
        "contribute_url": _contribute_url(request=support_request.pk)
        if support_request.status in FUNDABLE_REQUEST_STATUSES
        else None,
    }


def match_funding(request, match):
    support_request = match.request
    if not user_can(request.user, "view", support_request):
        return None
    return {
        "heading_id": "match-funding-heading",
        "subject": support_request,
        "coverages": coverage.for_requests([support_request.pk])[support_request.pk],
        "contributions": [],
        "contribute_url": _contribute_url(request=support_request.pk)
        if support_request.status in FUNDABLE_REQUEST_STATUSES
        else None,
    }


def _answered_requests(user, project) -> list:
    """The requests a project answers (through the hub matches it came from) that `user` may
    read, each with its own coverage: money given to a request stays on the request."""
    answered = list(
        SupportRequest.objects.visible_to(user).filter(matches__projects=project).distinct()
    )
    coverages = coverage.for_requests([r.pk for r in answered])
    return [(support_request, coverages[support_request.pk]) for support_request in answered]


def project_funding(request, project):
    return {
        "heading_id": "project-funding-heading",
        "coverages": coverage.for_projects([project.pk])[project.pk],
        "answered": _answered_requests(request.user, project),
        "contributions": _received(request.user, project=project),
        "contribute_url": _contribute_url(project=project.pk)
        if project.status not in UNFUNDABLE_PROJECT_STATUSES
        else None,
        "requirements_url": reverse("funding:project_requirements", args=[project.pk])
        if user_can(request.user, "change", project)
        else None,
    }


def _row_parts(coverages_of):
    def render(request, objects) -> dict[int, str]:
        found = coverages_of([obj.pk for obj in objects])
        return {
            pk: render_to_string("funding/_coverage_row.html", {"coverages": rows})
            for pk, rows in found.items()
            if rows
        }

    return render


def dashboard_contributions(request, user):
    found = selectors.summary(user=user)
    if found is None:
        return None
    return {"summary": found}


def country_funding(request, country):
    totals = gaps.country_totals(user=request.user, country=country)
    if totals is None:
        return None
    return {"country": country, "totals": totals}


for page, key, template, get_context, order in (
    ("support_request", "funding", "funding/_coverage_section.html", request_funding, 5),
    ("match", "funding", "funding/_coverage_section.html", match_funding, 20),
    ("project", "funding", "funding/_coverage_section.html", project_funding, 10),
    ("dashboard", "funding", "funding/mine_section.html", dashboard_contributions, 40),
    ("country", "funding", "funding/gaps_country.html", country_funding, 35),
):  # fmt: skip
    register_section(page, key, template=template, get_context=get_context, order=order)

register_row_part("support_request_rows", "coverage", render=_row_parts(coverage.for_requests))
register_row_part("project_rows", "coverage", render=_row_parts(coverage.for_projects))
