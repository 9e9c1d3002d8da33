"""Writes of the members area: a diaspora or migrant organisation's profile, and a person's own
member profile (saved with the visibility of each group of fields, erased on request)."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.audit import log_action
from passerelle.core.search import index_later

from ..choices import DIASPORA_ORGANISATION_TYPES, Sector, Visibility
from ..models import MemberProfile, OrganisationProfile
from ..models.members import VISIBILITY_FIELDS
from ..permissions_members import edits_organisation

MAX_SOCIAL_LINKS = 8

# ISO 639-1: the two-letter language codes (184), so that a typo is refused rather than shown.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh
    zu""".split()  # noqa: SIM905  (a block of codes reads better than 184 quoted strings)
)


def clean_languages(codes: Iterable[str]) -> list[str]:
    """Lower-cased ISO 639-1 codes, each once, in the order given; a ValidationError names the
    codes that are not ones."""
    cleaned = []
    for code in (str(code).strip().lower() for code in codes):
        if code and code not in cleaned:
            cleaned.append(code)
    unknown = [code for code in cleaned if code not in ISO_639_1]
    if unknown:
        raise ValidationError(
            {"languages": _("Not ISO 639-1 language codes: %(codes)s.")},
            params={"codes": ", ".join(unknown)},
        )
    return cleaned


def clean_links(urls: Iterable[str], *, field: str) -> list[str]:
    """http and https addresses only (no javascript: or data: links on a public page), at most
    MAX_SOCIAL_LINKS."""
    cleaned = [url.strip() for url in urls if url and url.strip()]
    if len(cleaned) > MAX_SOCIAL_LINKS:
        raise ValidationError(
            {field: _("At most %(count)d links.")}, params={"count": MAX_SOCIAL_LINKS}
        )
    validate = URLValidator(schemes=["http", "https"])
    for url in cleaned:
        try:
            validate(url)
        except ValidationError:
            raise ValidationError(
                {field: _("Not a web address (http or https): %(url)s")}, params={"url": url}
            ) from None
    return cleaned


def _clean_cities(cities: str) -> str:
    return ", ".join(city for city in (part.strip() for part in cities.split(",")) if city)


def _check_organisation_fields(*, organisation, origin_countries, residence_countries, sectors,
                               founded) -> None:  # fmt: skip
    if organisation.type not in DIASPORA_ORGANISATION_TYPES:
        raise ValidationError(
            _("Only diaspora and migrant organisations have a diaspora profile."), code="type"
        )
    errors = {}
    if not origin_countries:
        errors["origin_countries"] = _("Give at least one country of origin.")
    if not residence_countries:
        errors["residence_countries"] = _("Give at least one country of residence.")
    if not sectors:
        errors["sectors"] = _("Choose at least one sector of engagement.")
    elif any(sector not in Sector.values for sector in sectors):
        errors["sectors"] = _("Choose sectors from the list.")
    if founded is not None and founded > timezone.localdate().year:
        errors["founded"] = _("The founding year cannot be in the future.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def organisation_profile_save(
    *,
    actor,
    organisation,
    origin_countries: list,
    residence_countries: list,
    sectors: list[str],
    size: str,
    cities: str = "",
    languages: Iterable[str] = (),
    founded: int | None = None,
    contact_name: str = "",
    contact_email: str = "",
    phone: str = "",
    social_links: Iterable[str] = (),
    is_demo: bool = False,
) -> OrganisationProfile:
    """Create or update the diaspora profile of a diaspora or migrant `organisation`: by its
    editors and administrators, or the secretariat."""
    if not edits_organisation(actor, organisation):
        raise PermissionDenied
    sectors = list(dict.fromkeys(sectors))
    _check_organisation_fields(
        organisation=organisation, origin_countries=origin_countries,
        residence_countries=residence_countries, sectors=sectors, founded=founded,
    )  # fmt: skip
    profile = OrganisationProfile.objects.filter(organisation=organisation).first()
    created = profile is None
    profile = profile or OrganisationProfile(organisation=organisation)
    profile.cities = _clean_cities(cities)
    profile.languages = clean_languages(languages)
    profile.size = size
    profile.founded = founded
    profile.contact_name = contact_name
    profile.contact_email = contact_email
    profile.phone = phone
    profile.social_links = clean_links(social_links, field="social_links")
    profile.is_demo = is_demo
    profile.full_clean()
    profile.save()
    profile.origin_countries.set(origin_countries)
    profile.residence_countries.set(residence_countries)
    profile.sectors.exclude(sector__in=sectors).delete()
    for sector in sectors:
        profile.sectors.get_or_create(sector=sector)
    log_action(
        actor,
        profile,
        f"diaspora.organisation_profile.{'created' if created else 'updated'}",
        {
            "organisation": organisation.pk,
            "origins": sorted(country.iso3 for country in origin_countries),
            "residences": sorted(country.iso3 for country in residence_countries),
            "sectors": sorted(sectors),
        },
    )
    return profile


def _clean_visibilities(visibilities: dict[str, str]) -> dict[str, str]:
    """Every group's visibility: private unless the person chose otherwise."""
    unknown = set(visibilities) - set(VISIBILITY_FIELDS)
    if unknown:
        raise ValidationError(_("Unknown groups of fields: %(groups)s."),
                              params={"groups": ", ".join(sorted(unknown))})  # fmt: skip
    chosen = {group: visibilities.get(group, Visibility.PRIVATE) for group in VISIBILITY_FIELDS}
    wrong = [group for group, value in chosen.items() if value not in Visibility.values]
    if wrong:
        raise ValidationError({f"{group}_visibility": _("Choose who sees it from the list.")
                               for group in wrong})  # fmt: skip
    return chosen


@transaction.atomic
def member_profile_save(
    *,
    actor,
    display_name: str,
    headline: str = "",
    bio: str = "",
    expertise: str = "",
    languages: Iterable[str] = (),
    origin_country=None,
    residence_country=None,
    city: str = "",
    links: Iterable[str] = (),
    organisations: Iterable[OrganisationProfile] = (),
    visibilities: dict[str, str] | None = None,
    is_demo: bool = False,
) -> MemberProfile:
    """Create or update `actor`'s own profile. Each group of fields (VISIBILITY_FIELDS) is shown
    to whom its visibility says; a group left out stays private."""
    if not (actor.is_authenticated and actor.is_active):
        raise PermissionDenied
    chosen = _clean_visibilities(visibilities or {})
    profile = MemberProfile.objects.filter(user=actor).first()
    created = profile is None
    profile = profile or MemberProfile(user=actor)
    profile.display_name = display_name.strip()
    profile.headline = headline.strip()
    profile.bio = bio.strip()
    profile.expertise = expertise.strip()
    profile.languages = clean_languages(languages)
    profile.origin_country = origin_country
    profile.residence_country = residence_country
    profile.city = city.strip()
    profile.links = clean_links(links, field="links")
    profile.is_demo = is_demo
    for group, value in chosen.items():
        setattr(profile, f"{group}_visibility", value)
    profile.full_clean()
    profile.save()
    profile.organisations.set(organisations)
    actor._diaspora_is_member = True
    # The audit trail is read by the secretariat: it records who changed what, not the texts.
    log_action(
        actor,
        profile,
        f"diaspora.member_profile.{'created' if created else 'updated'}",
        {"visibilities": chosen},
    )
    index_later(profile)
    return profile


@transaction.atomic
def member_profile_delete(*, actor) -> None:
    """Erase `actor`'s own profile (their other records elsewhere are kept by their areas)."""
    profile = MemberProfile.objects.filter(user=actor).first()
    if profile is None:
        raise ValidationError(_("You have no member profile."), code="missing")
    log_action(actor, profile, "diaspora.member_profile.deleted", {})
    index_later(profile)  # takes the id now; once committed, the engine drops its documents
    profile.delete()
    actor._diaspora_is_member = False
