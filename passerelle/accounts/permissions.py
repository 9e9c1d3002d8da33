"""Policies of the accounts app, registered with the core permission door.

Organisations are public (the directory). Who belongs to an organisation, its invitations, its
verification evidence and its audit trail are seen by its members and the secretariat only.
"""

from django.db.models import Q

from passerelle.core.models import AuditEntry
from passerelle.core.permissions import NOTHING, Policy, is_secretariat, register_policy

from .choices import MembershipRole
from .models import Invitation, Membership, Organisation, User


def has_role(user, organisation_id: int, role: str) -> bool:
    return user.is_authenticated and user.has_role(organisation_id, role)


class OrganisationPolicy(Policy):
    # action → the least membership role that grants it (the secretariat has its own rules).
    member_actions = {
        "view_members": MembershipRole.VIEWER,
        "view_audit": MembershipRole.VIEWER,
        "change": MembershipRole.EDITOR,
        "manage_members": MembershipRole.ADMIN,
        "request_verification": MembershipRole.ADMIN,
        "view_verification": MembershipRole.ADMIN,
    }
    secretariat_actions = {"view_members", "view_audit", "view_verification", "verify"}

    def visible_q(self, user) -> Q:
        return Q()

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return True
        if action == "verify" and not obj.acts_for_state:
            return False
        if action == "request_verification" and not obj.acts_for_state:
            return False
        if action in self.secretariat_actions and is_secretariat(user):
            return True
        role = self.member_actions.get(action)
        return role is not None and has_role(user, obj.pk, role)


class MembershipPolicy(Policy):
    def visible_q(self, user) -> Q:
        if is_secretariat(user):
            return Q()
        if not user.is_authenticated:
            return NOTHING
        return Q(organisation__in=user.organisation_ids)

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return is_secretariat(user) or has_role(user, obj.organisation_id, "viewer")
        if action == "leave":
            return user.is_authenticated and obj.user_id == user.pk
        if action in {"change", "remove"}:
            return has_role(user, obj.organisation_id, MembershipRole.ADMIN)
        return False


class InvitationPolicy(Policy):
    def visible_q(self, user) -> Q:
        if is_secretariat(user):
            return Q()
        if not user.is_authenticated:
            return NOTHING
        admin_of = [
            org_id
            for org_id, role in user.organisation_roles.items()
            if role == MembershipRole.ADMIN
        ]
        return Q(organisation__in=admin_of)

    def can(self, user, action, obj) -> bool:
        if action in {"view", "revoke"}:
            return has_role(user, obj.organisation_id, MembershipRole.ADMIN)
        if action == "accept":
            return (
                user.is_authenticated
                and obj.is_open
                and user.email.casefold() == obj.email.casefold()
            )
        return False


class UserPolicy(Policy):
    """People are not listed publicly; each sees themself, the secretariat sees everyone."""

    def visible_q(self, user) -> Q:
        if is_secretariat(user):
            return Q()
        if not user.is_authenticated:
            return NOTHING
        return Q(pk=user.pk)

    def can(self, user, action, obj) -> bool:
        if action in {"view", "change", "view_audit"}:
            return user.is_authenticated and (obj.pk == user.pk or is_secretariat(user))
        return False


class AuditEntryPolicy(Policy):
    """The whole trail is the secretariat's; per object, its policy's "view_audit" decides
    (core.views.AuditEntryListView)."""

    def visible_q(self, user) -> Q:
        return Q() if is_secretariat(user) else NOTHING


register_policy(Organisation, OrganisationPolicy())
register_policy(Membership, MembershipPolicy())
register_policy(Invitation, InvitationPolicy())
register_policy(User, UserPolicy())
register_policy(AuditEntry, AuditEntryPolicy())
