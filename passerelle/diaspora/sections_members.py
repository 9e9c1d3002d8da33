"""What the members area adds to other modules' pages (core.sections): on the page of a
diaspora or migrant organisation, a summary of its diaspora profile with a link to it, or, for
its editors, a link to write one."""

from django.db.models import Prefetch

from passerelle.core.sections import register_section
from passerelle.geo.models import Country

from .choices import DIASPORA_ORGANISATION_TYPES
from .models import OrganisationProfile
from .permissions_members import edits_organisation


def organisation_diaspora_profile(request, organisation):
    if organisation.type not in DIASPORA_ORGANISATION_TYPES:
        return None
    countries = Country.objects.order_by("name")
    profile = (
        OrganisationProfile.objects.filter(organisation=organisation)
        .prefetch_related(
            Prefetch("origin_countries", queryset=countries),
            Prefetch("residence_countries", queryset=countries),
            "sectors",
        )
        .first()
    )
    can_edit = edits_organisation(request.user, organisation)
    if profile is None and not can_edit:
        return None
    return {"organisation": organisation, "profile": profile, "can_edit": can_edit}


register_section(
    "organisation",
    "diaspora_profile",
    template="diaspora/members/_organisation_section.html",
    get_context=organisation_diaspora_profile,
    order=30,
)
