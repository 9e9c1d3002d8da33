"""Projects in the platform's search (core.search): their description and objectives, with the
places, capacity areas and objectives they are tagged with, and the types of the organisations
taking part. Private and shared projects are indexed too: the door decides who finds them."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .models import Participant, Project, ProjectCountry, ProjectRegion


def project_texts(project: Project) -> list[SearchText]:
    organisations = [project.organisation, *(p.organisation for p in project.participants.all())]
    return [
        SearchText(
            language=project.language,
            title=project.title,
            body="\n".join(filter(None, [project.description, project.objectives])),
            facets={
                "area": [area.code for area in project.capacity_areas.all()],
                "objective": [str(objective.number) for objective in project.gcm_objectives.all()],
                "actor": sorted({organisation.type for organisation in organisations}),
                **place_facets(
                    [share.country for share in project.countries.all()],
                    [share.region for share in project.regions.all()],
                ),
            },
            date=project.actual_start or project.planned_start,
        )
    ]


register_searchable(
    Project,
    kind="project",
    label=_("Projects"),
    texts=project_texts,
    indexable=lambda: Project.objects.all(),
    prefetch=lambda queryset: queryset.select_related("organisation").prefetch_related(
        "capacity_areas",
        "gcm_objectives",
        Prefetch("participants", queryset=Participant.objects.select_related("organisation")),
        Prefetch(
            "countries", queryset=ProjectCountry.objects.select_related(f"country__{REGIONS_ABOVE}")
        ),
        Prefetch(
            "regions", queryset=ProjectRegion.objects.select_related("region__parent__parent")
        ),
    ),
)
