"""Members in the platform's search (core.search). Only profiles whose name is public are
indexed, and only their public fields: the index never holds what a member keeps to the hub's
members or to themselves. The door (the MemberProfile policy) still decides who sees a hit.

Organisations are indexed by accounts already; their diaspora profile is not added to that text
(countries and sectors are filters of the directory instead)."""

from django.utils.translation import gettext_lazy as _

from passerelle.core.search import SearchText, register_searchable
from passerelle.geo.selectors import REGIONS_ABOVE, place_facets

from .choices import Visibility
from .models import MemberProfile

SEARCH_LANGUAGES = ("en", "fr", "es")


def _public(profile: MemberProfile, group: str) -> bool:
    return profile.visibility_of(group) == Visibility.PUBLIC


def member_texts(profile: MemberProfile) -> list[SearchText]:
    if not _public(profile, "name"):
        return []
    body = [
        text
        for group, text in (("headline", profile.headline), ("expertise", profile.expertise))
        if text and _public(profile, group)
    ]
    countries = [
        country
        for group, country in (
            ("origin", profile.origin_country),
            ("residence", profile.residence_country),
        )
        if country is not None and _public(profile, group)
    ]
    language = profile.user.preferred_language
    return [
        SearchText(
            language=language if language in SEARCH_LANGUAGES else "en",
            title=profile.display_name,
            body="\n".join(body),
            facets=place_facets(countries, []),
        )
    ]


register_searchable(
    MemberProfile,
    kind="diaspora_member",
    label=_("Members of the diaspora hub"),
    texts=member_texts,
    indexable=lambda: MemberProfile.objects.filter(name_visibility=Visibility.PUBLIC),
    prefetch=lambda queryset: queryset.select_related(
        "user", f"origin_country__{REGIONS_ABOVE}", f"residence_country__{REGIONS_ABOVE}"
    ),
)
