"""Reads of frameworks. A version's whole tree costs a fixed number of queries, whatever its
number of indicators."""

from django.db.models import Count, Prefetch, Q

from passerelle.core.permissions import get_visible_or_404

from .choices import AppliesTo
from .models import Domain, Framework, FrameworkVersion, Indicator, SubArea


def framework_list(*, user):
    versions = FrameworkVersion.objects.visible_to(user).annotate(
        indicator_count=Count("indicators")
    )
    return Framework.objects.prefetch_related(Prefetch("versions", queryset=versions))


def framework_get(*, user, code: str) -> Framework:
    return get_visible_or_404(framework_list(user=user), user, code=code)


def version_get(*, user, code: str, version: str) -> FrameworkVersion:
    return get_visible_or_404(
        FrameworkVersion.objects.select_related("framework", "previous__framework"),
        user,
        framework__code=code,
        version=version,
    )


def version_tree(version: FrameworkVersion) -> list[Domain]:
    """The version's domains with their sub-areas, indicators, level descriptors and links."""
    indicators = Indicator.objects.prefetch_related(
        "descriptors", "capacity_areas", "gcm_objectives"
    ).select_related("maps_to")
    sub_areas = SubArea.objects.prefetch_related(Prefetch("indicators", queryset=indicators))
    return list(
        version.domains.select_related("mgi_domain").prefetch_related(
            Prefetch("sub_areas", queryset=sub_areas)
        )
    )


def indicator_counts(version: FrameworkVersion) -> dict[str, int]:
    """{"national": n, "local": n} — how many indicators each kind of government answers."""
    indicators = version.indicators
    return {
        "national": indicators.filter(~Q(applies_to=AppliesTo.LOCAL)).count(),
        "local": indicators.filter(~Q(applies_to=AppliesTo.NATIONAL)).count(),
    }
