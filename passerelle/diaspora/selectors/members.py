"""Reads of the members area. `profile_view` is the one way a page or the API reads another
person's profile: it keeps only the fields the reader may see. Lists of members filter only on
fields the reader may see, so a filter never reveals a hidden value; the map counts only what
organisations and members made public, the same for every reader."""

from django.core.cache import cache
from django.db.models import Count, Prefetch, Q

from passerelle.core.permissions import get_visible_or_404
from passerelle.geo.models import Country

from ..choices import Visibility
from ..models import MemberProfile, OrganisationProfile, OrganisationSector
from ..models.members import VISIBILITY_FIELDS
from ..permissions import is_active_user, visibilities_for

MAP_KINDS = ("residence", "origin")
MAP_CACHE_SECONDS = 300


# One profile ------------------------------------------------------------------------------


def visible_groups(viewer, profile: MemberProfile) -> list[str]:
    """The groups of fields of `profile` that `viewer` may see."""
    levels = visibilities_for(viewer, owner_id=profile.user_id)
    return [group for group in VISIBILITY_FIELDS if profile.visibility_of(group) in levels]


def _value(profile: MemberProfile, field: str):
    if field == "organisations":  # a relation: the prefetched rows
        return list(profile.organisations.all())
    return getattr(profile, field)


def profile_view(viewer, profile: MemberProfile) -> dict:
    """{"pk", "url", "is_own", and each field `viewer` may see that has a value}. A hidden or
    empty field is absent: templates and serializers cannot show what they are not given."""
    view = {
        "pk": profile.pk,
        "url": profile.get_absolute_url(),
        "is_own": is_active_user(viewer) and viewer.pk == profile.user_id,
    }
    for group in visible_groups(viewer, profile):
        for field in VISIBILITY_FIELDS[group]:
            value = _value(profile, field)
            if value:
                view[field] = value
    return view


def member_profile_for(*, viewer, pk) -> MemberProfile:
    """The profile at `pk` if `viewer` may see its name, else 404."""
    return get_visible_or_404(with_member_related(MemberProfile.objects.all()), viewer, pk=pk)


def own_profile(user) -> MemberProfile | None:
    if not is_active_user(user):
        return None
    return with_member_related(MemberProfile.objects.filter(user=user)).first()


def with_member_related(queryset):
    return queryset.select_related("origin_country", "residence_country").prefetch_related(
        Prefetch(
            "organisations",
            queryset=OrganisationProfile.objects.select_related("organisation"),
        )
    )


# Lists of members ---------------------------------------------------------------------------


def _seen(viewer, group: str, match: Q) -> Q:
    """`match` only where `viewer` may see the group of fields it looks at."""
    shown = Q(**{f"{group}_visibility__in": visibilities_for(viewer)})
    if is_active_user(viewer):
        shown |= Q(user=viewer)
    return match & shown


def member_list(*, viewer, origin: str = "", residence: str = "", language: str = "",
                text: str = ""):  # fmt: skip
    """Profiles whose name `viewer` may see, filtered on fields `viewer` may see, with what
    `profile_view` reads fetched in a fixed number of queries."""
    queryset = MemberProfile.objects.visible_to(viewer)
    if origin:
        queryset = queryset.filter(_seen(viewer, "origin", Q(origin_country__iso3=origin)))
    if residence:
        queryset = queryset.filter(_seen(viewer, "residence", Q(residence_country__iso3=residence)))
    if language:
        queryset = queryset.filter(
            _seen(viewer, "languages", Q(languages__icontains=f'"{language}"'))
        )
    if text:
        queryset = queryset.filter(
            _seen(viewer, "name", Q(display_name__icontains=text))
            | _seen(viewer, "headline", Q(headline__icontains=text))
            | _seen(viewer, "expertise", Q(expertise__icontains=text))
        )
    return with_member_related(queryset).order_by("display_name", "pk")


def profile_views(viewer, profiles) -> list[dict]:
    return [profile_view(viewer, profile) for profile in profiles]


# Organisations ------------------------------------------------------------------------------


def organisation_list(*, origin: str = "", residence: str = "", sector: str = "",
                      language: str = "", text: str = ""):  # fmt: skip
    """Diaspora organisation profiles (all public), filtered, with their countries and sectors
    fetched in a fixed number of queries."""
    queryset = OrganisationProfile.objects.all()
    if origin:
        queryset = queryset.filter(origin_countries__iso3=origin)
    if residence:
        queryset = queryset.filter(residence_countries__iso3=residence)
    if sector:
        queryset = queryset.filter(sectors__sector=sector)
    if language:
        queryset = queryset.filter(languages__icontains=f'"{language}"')
    if text:
        queryset = queryset.filter(
            Q(organisation__name__icontains=text)
            | Q(organisation__acronym__icontains=text)
            | Q(organisation__description__icontains=text)
            | Q(cities__icontains=text)
        )
    return with_organisation_related(queryset.distinct()).order_by("organisation__name", "pk")


def with_organisation_related(queryset):
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("origin_countries", queryset=Country.objects.order_by("name")),
        Prefetch("residence_countries", queryset=Country.objects.order_by("name")),
        Prefetch("sectors", queryset=OrganisationSector.objects.order_by("sector")),
    )


def organisation_profile_for(slug: str) -> OrganisationProfile | None:
    return with_organisation_related(
        OrganisationProfile.objects.filter(organisation__slug=slug)
    ).first()


def organisation_members(viewer, profile: OrganisationProfile) -> list[dict]:
    """The members of the organisation whose name and membership `viewer` may see."""
    members = with_member_related(
        MemberProfile.objects.visible_to(viewer).filter(
            _seen(viewer, "organisations", Q(organisations=profile))
        )
    ).order_by("display_name", "pk")
    return profile_views(viewer, members)


# The map ------------------------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in MAP_KINDS:
        raise ValueError(f"kind must be one of {MAP_KINDS}")


def map_counts(kind: str) -> dict[str, dict[str, int]]:
    """{ISO alpha-3: {"organisations": n, "members": n, "total": n}} by country of residence or
    of origin. Members count only where that field is public: the counts are the same for every
    reader, so they are kept a few minutes."""
    _check_kind(kind)
    key = f"diaspora:map_counts:{kind}"
    counts = cache.get(key)
    if counts is None:
        counts = _map_counts(kind)
        cache.set(key, counts, MAP_CACHE_SECONDS)
    return counts


def _map_counts(kind: str) -> dict[str, dict[str, int]]:
    through = getattr(OrganisationProfile, f"{kind}_countries").through
    organisations = through.objects.values_list("country__iso3").annotate(n=Count("pk"))
    members = (
        MemberProfile.objects.filter(
            **{f"{kind}_visibility": Visibility.PUBLIC, f"{kind}_country__isnull": False}
        )
        .values_list(f"{kind}_country__iso3")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for name, rows in (("organisations", organisations), ("members", members)):
        for iso3, number in rows:
            row = counts.setdefault(iso3, {"organisations": 0, "members": 0, "total": 0})
            row[name] += number
            row["total"] += number
    return counts


def country_lists(viewer, kind: str, country: Country) -> dict:
    """The organisations of (by `kind`) `country` and the members who made that field public
    and whose name `viewer` may see: what the map's country panel lists."""
    _check_kind(kind)
    organisations = organisation_list(**{kind: country.iso3})
    members = with_member_related(
        MemberProfile.objects.visible_to(viewer).filter(
            **{f"{kind}_visibility": Visibility.PUBLIC, f"{kind}_country": country}
        )
    ).order_by("display_name", "pk")
    return {"organisations": list(organisations), "members": profile_views(viewer, members)}
