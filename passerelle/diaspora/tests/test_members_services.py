"""The members area's services and policies: an organisation's diaspora profile (by its editors
or the secretariat, only for diaspora and migrant organisations, every input checked), a
person's own profile (private unless they choose), and its erasure."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from passerelle.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from passerelle.core.models import AuditEntry
from passerelle.core.permissions import user_can

from ..models import MemberProfile, OrganisationProfile
from ..services import members as services
from .factories import MemberProfileFactory, OrganisationProfileFactory, country

pytestmark = pytest.mark.django_db


@pytest.fixture
def association():
    return OrganisationFactory(type="diaspora_organisation", name="Association des Sénégalais")


@pytest.fixture
def association_editor(association):
    return MembershipFactory(organisation=association, role="editor").user


def save_organisation(actor, organisation, **changes):
    arguments = {
        "actor": actor,
        "organisation": organisation,
        "origin_countries": [country("SEN")],
        "residence_countries": [country("FRA")],
        "sectors": ["development", "culture"],
        "size": "medium",
        "cities": "Lyon,  Paris ,",
        "languages": ["FR", "wo", "fr"],
        "founded": 1998,
        "social_links": ["https://www.facebook.com/asl"],
        **changes,
    }
    return services.organisation_profile_save(**arguments)


def test_an_editor_creates_then_updates_the_profile(association, association_editor):
    profile = save_organisation(association_editor, association)
    assert profile.languages == ["fr", "wo"]
    assert profile.cities == "Lyon, Paris"
    assert {row.sector for row in profile.sectors.all()} == {"development", "culture"}
    assert AuditEntry.objects.filter(action="diaspora.organisation_profile.created").count() == 1

    save_organisation(association_editor, association, sectors=["investment"])
    assert [row.sector for row in profile.sectors.all()] == ["investment"]
    assert AuditEntry.objects.filter(action="diaspora.organisation_profile.updated").count() == 1


def test_the_secretariat_may_write_the_profile(association, secretariat):
    assert save_organisation(secretariat, association).organisation == association


@pytest.mark.parametrize("role", ["viewer", "contributor"])
def test_other_members_and_strangers_may_not(association, outsider, role):
    member = MembershipFactory(organisation=association, role=role).user
    for actor in (member, outsider, AnonymousUser()):
        with pytest.raises(PermissionDenied):
            save_organisation(actor, association)
    assert not OrganisationProfile.objects.exists()


def test_only_diaspora_and_migrant_organisations_have_a_profile(secretariat):
    ngo = OrganisationFactory(type="civil_society")
    with pytest.raises(ValidationError, match="Only diaspora and migrant organisations"):
        save_organisation(secretariat, ngo)
    migrants = OrganisationFactory(type="migrant_organisation")
    assert save_organisation(secretariat, migrants).pk


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"languages": ["fr", "french"]}, "languages"),
        ({"languages": ["xx"]}, "languages"),
        ({"origin_countries": []}, "origin_countries"),
        ({"residence_countries": []}, "residence_countries"),
        ({"sectors": []}, "sectors"),
        ({"sectors": ["gardening"]}, "sectors"),
        ({"founded": datetime.date.today().year + 1}, "founded"),
        ({"social_links": ["javascript:alert(1)"]}, "social_links"),
        ({"social_links": [f"https://example.org/{n}" for n in range(9)]}, "social_links"),
        ({"size": "huge"}, "size"),
        ({"contact_email": "not an address"}, "contact_email"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(association, association_editor, changes,
                                                     field):  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        save_organisation(association_editor, association, **changes)
    assert field in refused.value.message_dict
    assert not OrganisationProfile.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="diaspora.").exists()


# Member profiles ------------------------------------------------------------------------------


def test_a_new_profile_is_private_unless_chosen():
    person = UserFactory()
    profile = services.member_profile_save(
        actor=person, display_name=" Amina Diallo ", bio="Born in Dakar.",
        visibilities={"name": "public", "headline": "members"},
    )  # fmt: skip
    assert profile.display_name == "Amina Diallo"
    assert profile.name_visibility == "public"
    assert profile.headline_visibility == "members"
    for group in ("bio", "expertise", "languages", "origin", "residence", "links"):
        assert profile.visibility_of(group) == "private"
    entry = AuditEntry.objects.get(action="diaspora.member_profile.created")
    assert "Dakar" not in str(entry.data)  # the trail records choices, not what was written


def test_saving_again_updates_the_same_profile():
    person = UserFactory()
    services.member_profile_save(actor=person, display_name="A. D.")
    services.member_profile_save(
        actor=person, display_name="Amina Diallo", languages=["fr", "wo"],
        origin_country=country("SEN"), links=["https://example.org/amina"],
        organisations=[OrganisationProfileFactory()],
    )  # fmt: skip
    profile = MemberProfile.objects.get(user=person)
    assert profile.display_name == "Amina Diallo"
    assert profile.organisations.count() == 1
    assert AuditEntry.objects.filter(action="diaspora.member_profile.updated").count() == 1


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"display_name": "  "}, "display_name"),
        ({"languages": ["english"]}, "languages"),
        ({"links": ["ftp://example.org"]}, "links"),
        ({"visibilities": {"bio": "friends"}}, "bio_visibility"),
    ],
)
def test_bad_member_input_is_refused(changes, field):
    person = UserFactory()
    with pytest.raises(ValidationError) as refused:
        services.member_profile_save(actor=person, **{"display_name": "Amina", **changes})
    assert field in refused.value.message_dict
    assert not MemberProfile.objects.exists()


def test_unknown_groups_are_refused():
    with pytest.raises(ValidationError, match="Unknown groups"):
        services.member_profile_save(
            actor=UserFactory(), display_name="Amina", visibilities={"email": "public"}
        )


def test_anonymous_visitors_have_no_profile():
    with pytest.raises(PermissionDenied):
        services.member_profile_save(actor=AnonymousUser(), display_name="Nobody")


def test_a_person_erases_their_profile():
    profile = MemberProfileFactory()
    services.member_profile_delete(actor=profile.user)
    assert not MemberProfile.objects.exists()
    assert AuditEntry.objects.filter(action="diaspora.member_profile.deleted").count() == 1
    with pytest.raises(ValidationError):
        services.member_profile_delete(actor=profile.user)


# Policies --------------------------------------------------------------------------------------


def test_only_the_owner_changes_a_member_profile(outsider, secretariat):
    profile = MemberProfileFactory(name_visibility="public")
    assert user_can(profile.user, "change", profile)
    for other in (outsider, secretariat, AnonymousUser()):
        assert not user_can(other, "change", profile)


def test_who_finds_a_profile_depends_on_its_name():
    public = MemberProfileFactory(name_visibility="public")
    for_members = MemberProfileFactory(name_visibility="members")
    private = MemberProfileFactory()
    member = MemberProfileFactory().user
    stranger = UserFactory()

    def found(user):
        return set(MemberProfile.objects.visible_to(user))

    assert found(AnonymousUser()) == {public}
    assert found(stranger) == {public}  # signed in without a profile: not a hub member
    assert found(member) == {public, for_members, member.diaspora_profile}
    assert private in found(private.user)


def test_organisation_profiles_are_public_and_changed_by_their_editors(outsider):
    profile = OrganisationProfileFactory()
    editor = MembershipFactory(organisation=profile.organisation, role="editor").user
    assert OrganisationProfile.objects.visible_to(AnonymousUser()).count() == 1
    assert user_can(editor, "change", profile)
    assert not user_can(outsider, "change", profile)
    assert not user_can(AnonymousUser(), "change", profile)
