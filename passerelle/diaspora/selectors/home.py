"""The hub's front page: figures over what everyone may see, and the latest of each area."""

from django.db.models import Count

from ..choices import OpportunityStatus, PublicationStatus, RosterStatus, Visibility
from ..models import MemberProfile, Opportunity, OrganisationProfile, RosterEntry, Story

LATEST = 4


def figures() -> dict[str, int]:
    """Counts that reveal nothing private: members are counted only when their name is public,
    hidden stories not at all."""
    countries = OrganisationProfile.objects.aggregate(
        origins=Count("origin_countries", distinct=True),
        residences=Count("residence_countries", distinct=True),
    )
    return {
        "organisations": OrganisationProfile.objects.count(),
        "origin_countries": countries["origins"],
        "residence_countries": countries["residences"],
        "members": MemberProfile.objects.filter(name_visibility=Visibility.PUBLIC).count(),
        "experts": RosterEntry.objects.filter(status=RosterStatus.ACTIVE).count(),
        "opportunities": Opportunity.objects.filter(status=OpportunityStatus.OPEN).count(),
        "stories": Story.objects.filter(
            status=PublicationStatus.PUBLISHED, moderation_status="visible"
        ).count(),
    }


def latest_stories(user) -> list[Story]:
    return list(
        Story.objects.visible_to(user)
        .filter(status=PublicationStatus.PUBLISHED, moderation_status="visible")
        .select_related("organisation")
        .order_by("-published_at")[:LATEST]
    )


def open_opportunities(user) -> list[Opportunity]:
    return list(
        Opportunity.objects.visible_to(user)
        .filter(status=OpportunityStatus.OPEN)
        .select_related("organisation")
        .order_by("deadline", "pk")[:LATEST]
    )
