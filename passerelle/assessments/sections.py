"""What the assessments module adds to other modules' pages (core.sections): on a capacity area's
and a GCM objective's page, the indicators of the published frameworks that assess it."""

from passerelle.core.sections import register_section

from .choices import VersionStatus
from .models import Indicator


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
