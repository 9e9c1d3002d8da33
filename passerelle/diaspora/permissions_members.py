"""Who sees and changes the members area's rows. Organisation profiles are public (an
organisation is a public body); their organisation's editors and the secretariat change them. A
member's profile is found by whoever may see its name (everyone when public, hub members when
shown to members, always its owner); only its owner changes it. What else of it a reader sees is
decided field by field by `selectors.members.profile_view`."""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, is_secretariat, register_policy

from .choices import Visibility
from .models import MemberProfile, OrganisationProfile
from .permissions import is_active_user, is_member


def edits_organisation(user, organisation) -> bool:
    """The organisation's editors and administrators, and the secretariat."""
    if not is_active_user(user):
        return False
    return is_secretariat(user) or user.has_role(organisation.pk, MembershipRole.EDITOR)


class OrganisationProfilePolicy(Policy):
    def visible_q(self, user) -> Q:
        return Q()

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return True
        return action == "change" and edits_organisation(user, obj.organisation)


class MemberProfilePolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(name_visibility=Visibility.PUBLIC)
        if is_member(user):
            visible |= Q(name_visibility=Visibility.MEMBERS)
        if is_active_user(user):
            visible |= Q(user=user)
        return visible

    def can(self, user, action, obj) -> bool:
        return action == "change" and is_active_user(user) and obj.user_id == user.pk


register_policy(OrganisationProfile, OrganisationProfilePolicy())
register_policy(MemberProfile, MemberProfilePolicy())
