"""The portfolio by country: how many projects each country has, and how many are running —
the table the portfolio page draws as a choropleth (a map-free one: shaded cells)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .choices import ProjectStatus
from .models import ProjectCountry

SHADES = 5


@dataclass(frozen=True)
class CountryRow:
    country: object
    projects: int
    running: int
    shade: int  # 1..SHADES, darker for more projects


def by_country(projects) -> list[CountryRow]:
    """One row per country of `projects` (a queryset), most projects first. One query."""
    counts = (
        ProjectCountry.objects.filter(project__in=projects.values("pk"))
        .values("country", "country__name", "country__iso3")
        .annotate(
            projects=Count("project", distinct=True),
            running=Count(
                "project", distinct=True,
                filter=Q(project__status=ProjectStatus.IMPLEMENTATION),
            ),
        )
        .order_by("-projects", "country__name")
    )  # fmt: skip
    rows = list(counts)
    most = max((row["projects"] for row in rows), default=0)
    return [
        CountryRow(
            country={"name": row["country__name"], "iso3": row["country__iso3"]},
            projects=row["projects"],
            running=row["running"],
            shade=max(1, round(row["projects"] / most * SHADES)),
        )
        for row in rows
    ]
