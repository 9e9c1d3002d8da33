"""What the assessments module adds to other modules' pages (core.sections): on a capacity area's
and a GCM objective's page, the indicators of the published frameworks that assess it; on a
country's page its published national and local assessments; on a regional body's page its
member States' published domain scores side by side; on an organisation's page its published
assessments; on the dashboard the assessments a person coordinates or contributes to."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from passerelle.core.sections import register_section

from . import scoring, selectors
from .choices import AssessmentStatus, Scope, VersionStatus
from .models import Assessment, Indicator


def _indicators(**lookup):
    return list(
        Indicator.objects.filter(version__status=VersionStatus.PUBLISHED, **lookup)
        .select_related("version__framework")
        .order_by("version__framework__scope", "position")
    )


def assessed_by_area(request, area):
    indicators = _indicators(capacity_areas=area)
    return {"indicators": indicators} if indicators else None


def assessed_by_objective(request, objective):
    indicators = _indicators(gcm_objectives=objective)
    return {"indicators": indicators} if indicators else None


register_section(
    "capacity_area",
    "assessment_indicators",
    template="assessments/_indicators_section.html",
    get_context=assessed_by_area,
    order=50,
)
register_section(
    "gcm_objective",
    "assessment_indicators",
    template="assessments/_indicators_section.html",
    get_context=assessed_by_objective,
    order=50,
)


def country_assessments(request, country):
    assessments = list(
        Assessment.objects.filter(status=AssessmentStatus.PUBLISHED, organisation__country=country)
        .select_related("organisation", "version__framework")
        .order_by("scope", "-published_at")
    )
    if not assessments:
        return None
    return {
        "national": [a for a in assessments if a.scope == Scope.NATIONAL],
        "local": [a for a in assessments if a.scope == Scope.LOCAL],
    }


def regional_scores(request, body):
    """Each member State's latest published national assessment, framework by framework, its
    domain values side by side: only what each State chose to publish."""
    latest = [
        a
        for a in selectors.latest_published(countries=body.members.all())
        if a.scope == Scope.NATIONAL
    ]
    if not latest:
        return None
    tables = []
    for framework_id in sorted({a.version.framework_id for a in latest}):
        rows = [a for a in latest if a.version.framework_id == framework_id]
        domains = list(rows[-1].version.domains.all())
        high = scoring.value_range(rows[-1].version.scale)[1]
        tables.append(
            {
                "framework": rows[-1].version.framework,
                "domains": domains,
                "high": high,
                "rows": [
                    (a, [a.published_scores.get(domain.code) for domain in domains]) for a in rows
                ],
            }
        )
    return {"tables": tables, "body": body}


def organisation_assessments(request, organisation):
    user = request.user
    published = Q(status=AssessmentStatus.PUBLISHED)
    member = user.is_authenticated and organisation.pk in user.organisation_ids
    assessments = organisation.assessments.filter(Q() if member else published).select_related(
        "version__framework"
    )
    if not assessments.exists() and not member:
        return None
    return {
        "assessments": assessments.order_by("-created"),
        "member": member,
        "benchmarks_url": reverse("assessments:benchmark_board", args=[organisation.slug])
        if member
        else None,
    }


def dashboard_assessments(request, user):
    if not user.is_authenticated:
        return None
    assessments = (
        Assessment.objects.visible_to(user)
        .filter(Q(organisation__in=user.organisation_ids) | Q(assignments__user=user))
        .exclude(status=AssessmentStatus.PUBLISHED)
        .select_related("organisation")
        .distinct()
        .order_by("-updated")
    )
    assigned = user.assessment_assignments.select_related("assessment", "domain").filter(
        assessment__status__in=[AssessmentStatus.DRAFT, AssessmentStatus.CONSULTATION]
    )
    if not assessments.exists() and not assigned.exists():
        return None
    return {"assessments": assessments[:10], "assigned": assigned}


def home_figures(request, obj):
    published = Assessment.objects.filter(status=AssessmentStatus.PUBLISHED)
    return {
        "figures": [
            (
                _("published capacity assessments"),
                published.count(),
                reverse("assessments:assessment_list"),
            ),
            (
                _("countries with a published assessment"),
                published.values("organisation__country").distinct().count(),
                reverse("assessments:assessment_list"),
            ),
        ]
    }


register_section(
    "country",
    "assessments",
    template="assessments/_country_section.html",
    get_context=country_assessments,
    order=20,
)
register_section(
    "regional_body",
    "assessment_scores",
    template="assessments/_regional_section.html",
    get_context=regional_scores,
    order=20,
)
register_section(
    "organisation",
    "assessments",
    template="assessments/_organisation_section.html",
    get_context=organisation_assessments,
    order=30,
)
register_section(
    "dashboard",
    "assessments",
    template="assessments/_dashboard_section.html",
    get_context=dashboard_assessments,
    order=20,
)
register_section(
    "home",
    "assessments",
    template="assessments/_home_figures.html",
    get_context=home_figures,
    order=20,
)
