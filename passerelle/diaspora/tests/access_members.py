"""URLs of /diaspora/ the members area tests in tests/test_url_access.py: a diaspora
organisation administered by the owner, with its profile; a member whose name is public and one
who shows nothing; the owner's own member profile."""

from passerelle.accounts.tests.factories import MembershipFactory

from .factories import MemberProfileFactory, OrganisationProfileFactory


def build(government, owner, outsider) -> dict:
    profile = OrganisationProfileFactory(organisation__slug="access-diaspora")
    MembershipFactory(organisation=profile.organisation, user=owner, role="admin")
    public_member = MemberProfileFactory(name_visibility="public")
    return {
        "diaspora_org_profile": profile,
        "diaspora_public_member": public_member,
        "diaspora_private_member": MemberProfileFactory(),
        "diaspora_own_member": MemberProfileFactory(user=owner, name_visibility="public"),
    }


def _slug(world):
    return {"slug": world["diaspora_org_profile"].organisation.slug}


CASES = [
    ("diaspora:directory", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:organisation_detail", "get", _slug, 200, 200, 200),
    ("diaspora:organisation_profile_edit", "get", _slug, 302, 403, 200),
    ("diaspora:organisation_profile_edit", "post", _slug, 302, 403, 400),
    # A government is not a diaspora organisation: it has no diaspora profile to edit.
    ("diaspora:organisation_profile_edit", "get", lambda w: {"slug": "gov"}, 302, 404, 404),
    ("diaspora:map", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:map_country", "get", lambda w: {"iso3": "FRA"}, 200, 200, 200),
    ("diaspora:map_country", "get", lambda w: {"iso3": "XXX"}, 404, 404, 404),
    ("diaspora:member_list", "get", lambda w: {}, 200, 200, 200),
    (
        "diaspora:member_detail", "get",
        lambda w: {"pk": w["diaspora_public_member"].pk}, 200, 200, 200,
    ),
    # Nothing of a private profile is shown to anyone but its owner: not even that it exists.
    (
        "diaspora:member_detail", "get",
        lambda w: {"pk": w["diaspora_private_member"].pk}, 404, 404, 404,
    ),
    ("diaspora:profile_edit", "get", lambda w: {}, 302, 200, 200),
    ("diaspora:profile_edit", "post", lambda w: {}, 302, 400, 400),
    # The outsider has no profile to erase.
    ("diaspora:profile_delete", "get", lambda w: {}, 302, 404, 200),
    ("api:diaspora-organisation-list", "get", lambda w: {}, 200, 200, 200),
    ("api:diaspora-organisation-detail", "get", _slug, 200, 200, 200),
    ("api:diaspora-member-list", "get", lambda w: {}, 200, 200, 200),
    (
        "api:diaspora-member-detail", "get",
        lambda w: {"pk": w["diaspora_public_member"].pk}, 200, 200, 200,
    ),
    (
        "api:diaspora-member-detail", "get",
        lambda w: {"pk": w["diaspora_private_member"].pk}, 404, 404, 404,
    ),
]  # fmt: skip
