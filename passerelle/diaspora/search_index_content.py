"""Stories and engagement opportunities in the platform's search (core.search). Published
stories not hidden after reports, and published (open or closed) opportunities, are indexed in
their language; the door (`visible_to`) decides again for each reader when they search, so a
story hidden later vanishes from results at once and is removed at its next reindexing."""

from django.utils.translation import gettext_lazy as _

from passerelle.community.markdown import plain_excerpt
from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .choices import OpportunityStatus
from .models import Opportunity, Story
from .selectors.content import PUBLISHED

BODY_LENGTH = 20_000


def story_texts(story: Story) -> list[SearchText]:
    return [
        SearchText(
            language=story.language,
            title=story.title,
            body="\n".join(
                filter(None, [story.summary, plain_excerpt(story.body, BODY_LENGTH), story.place])
            ),
            facets=place_facets(list(story.countries.all()), []),
            date=(story.published_at or story.created).date(),
        )
    ]


def opportunity_texts(opportunity: Opportunity) -> list[SearchText]:
    countries = [*opportunity.countries.all(), *opportunity.origin_countries.all()]
    return [
        SearchText(
            language=opportunity.language,
            title=opportunity.title,
            body=opportunity.description,
            facets={
                **place_facets(countries, []),
                "area": [area.code for area in opportunity.capacity_areas.all()],
                "actor": [opportunity.organisation.type],
            },
            date=opportunity.deadline,
        )
    ]


register_searchable(
    Story,
    kind="diaspora_story",
    label=_("Diaspora stories and news"),
    texts=story_texts,
    indexable=lambda: Story.objects.filter(**PUBLISHED),
    prefetch=lambda queryset: queryset.prefetch_related(f"countries__{REGIONS_ABOVE}"),
)

register_searchable(
    Opportunity,
    kind="diaspora_opportunity",
    label=_("Engagement opportunities for diasporas"),
    texts=opportunity_texts,
    indexable=lambda: Opportunity.objects.filter(
        status__in=(OpportunityStatus.OPEN, OpportunityStatus.CLOSED)
    ),
    prefetch=lambda queryset: queryset.select_related("organisation").prefetch_related(
        f"countries__{REGIONS_ABOVE}", f"origin_countries__{REGIONS_ABOVE}", "capacity_areas"
    ),
)
