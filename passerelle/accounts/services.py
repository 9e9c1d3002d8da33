"""Every write of the accounts app. Each service checks the policy, validates, writes in one
transaction with its audit entry, and defers side effects (mail) to after the commit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from passerelle.core.audit import log_action
from passerelle.core.permissions import require
from passerelle.core.search import index_later
from passerelle.core.tasks import enqueue_on_commit

from .choices import STATE_TYPES, InvitationStatus, MembershipRole, VerificationStatus
from .models import Invitation, Membership, Organisation, User, unique_handle
from .tasks import send_invitation_email

ORGANISATION_FIELDS = (
    "name",
    "acronym",
    "type",
    "country",
    "parent",
    "website",
    "description",
    "language",
)


def _save(instance) -> None:
    instance.full_clean()
    instance.save()


@transaction.atomic
def organisation_create(*, actor: User, **fields) -> Organisation:
    """Create an organisation; its creator becomes its first administrator. Governments and
    local authorities start unverified."""
    if not actor.is_authenticated:
        raise PermissionDenied
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown organisation fields: {sorted(unknown)}")
    organisation = Organisation(**fields)
    organisation.slug = unique_handle(organisation.name or "organisation")
    organisation.verification_status = (
        VerificationStatus.UNVERIFIED
        if organisation.type in STATE_TYPES
        else VerificationStatus.NOT_REQUIRED
    )
    _save(organisation)
    Membership.objects.create(user=actor, organisation=organisation, role=MembershipRole.ADMIN)
    log_action(
        actor,
        organisation,
        "accounts.organisation.created",
        {"name": organisation.name, "type": organisation.type},
    )
    index_later(organisation)
    return organisation


@transaction.atomic
def organisation_update(*, actor: User, organisation: Organisation, **fields) -> Organisation:
    require(actor, "change", organisation)
    unknown = set(fields) - set(ORGANISATION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown organisation fields: {sorted(unknown)}")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = {
        name: value for name, value in fields.items() if getattr(organisation, name) != value
    }
    if "type" in changed and (changed["type"] in STATE_TYPES) != organisation.acts_for_state:
        raise ValidationError(
            {
                "type": _(
                    "An organisation cannot move between governmental and other types; "
                    "create a new organisation instead."
                )
            }
        )
    if "parent" in changed and changed["parent"] is not None:
        _check_not_own_ancestor(organisation, changed["parent"])
    for name, value in changed.items():
        setattr(organisation, name, value)
    _save(organisation)
    if changed:
        log_action(
            actor,
            organisation,
            "accounts.organisation.changed",
            {"fields": sorted(changed)},
        )
        index_later(organisation)
    return organisation


def _check_not_own_ancestor(organisation: Organisation, parent: Organisation) -> None:
    node = parent
    while node is not None:
        if node.pk == organisation.pk:
            raise ValidationError(
                {"parent": _("An organisation cannot be part of itself or of its own parts.")}
            )
        node = node.parent


@transaction.atomic
def verification_request(*, actor: User, organisation: Organisation, evidence: str) -> None:
    """A government or local authority asks the secretariat to verify its focal points."""
    require(actor, "request_verification", organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.verification_status == VerificationStatus.VERIFIED:
        raise ValidationError(_("This organisation is already verified."))
    if not evidence.strip():
        raise ValidationError({"evidence": _("Describe how your focal points are mandated.")})
    organisation.verification_status = VerificationStatus.PENDING
    organisation.verification_evidence = evidence.strip()
    _save(organisation)
    log_action(actor, organisation, "accounts.organisation.verification_requested")


@transaction.atomic
def verification_decide(
    *, actor: User, organisation: Organisation, approve: bool, note: str
) -> None:
    """The secretariat verifies a focal point's mandate, or declines with a reason."""
    require(actor, "verify", organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not approve and not note.strip():
        raise ValidationError({"note": _("Say why the verification is declined.")})
    organisation.verification_status = (
        VerificationStatus.VERIFIED if approve else VerificationStatus.REJECTED
    )
    organisation.verification_note = note.strip()
    organisation.verified_at = timezone.now() if approve else None
    organisation.verified_by = actor if approve else None
    _save(organisation)
    log_action(
        actor,
        organisation,
        "accounts.organisation.verified"
        if approve
        else "accounts.organisation.verification_declined",
        {"note": organisation.verification_note},
    )


@transaction.atomic
def invitation_create(
    *, actor: User, organisation: Organisation, email: str, role: str
) -> Invitation:
    require(actor, "manage_members", organisation)
    email = User.objects.normalize_email(email.strip())
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError({"email": _("This person is already a member.")})
    if organisation.invitations.filter(
        email__iexact=email, status=InvitationStatus.PENDING
    ).exists():
        raise ValidationError({"email": _("This person already has a pending invitation.")})
    invitation = Invitation(organisation=organisation, email=email, role=role, invited_by=actor)
    _save(invitation)
    log_action(actor, organisation, "accounts.member.invited", {"email": email, "role": role})
    enqueue_on_commit(send_invitation_email, invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> None:
    require(actor, "revoke", invitation)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("Only a pending invitation can be revoked."))
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status", "updated"])
    log_action(
        actor, invitation.organisation, "accounts.invitation.revoked", {"email": invitation.email}
    )


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or is no longer valid."))
    require(user, "accept", invitation)
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_by = user
    invitation.save(update_fields=["status", "accepted_by", "updated"])
    log_action(
        user,
        invitation.organisation,
        "accounts.member.joined",
        {"email": user.email, "role": membership.role},
    )
    return membership


def _admins_left(membership: Membership) -> int:
    return (
        Membership.objects.filter(
            organisation_id=membership.organisation_id, role=MembershipRole.ADMIN
        )
        .exclude(pk=membership.pk)
        .count()
    )


@transaction.atomic
def membership_change_role(*, actor: User, membership: Membership, role: str) -> Membership:
    require(actor, "change", membership)
    # Lock the organisation's admin rows so two admins cannot demote each other at once.
    list(Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id))
    membership.refresh_from_db()
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose a valid role.")})
    demoting_admin = membership.role == MembershipRole.ADMIN and role != MembershipRole.ADMIN
    if demoting_admin and _admins_left(membership) == 0:
        raise ValidationError(_("An organisation needs at least one administrator."))
    old_role, membership.role = membership.role, role
    _save(membership)
    log_action(
        actor,
        membership.organisation,
        "accounts.member.role_changed",
        {"email": membership.user.email, "from": old_role, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    """An administrator removes a member, or a member leaves."""
    action = "leave" if membership.user_id == actor.pk else "remove"
    require(actor, action, membership)
    list(Membership.objects.select_for_update().filter(organisation_id=membership.organisation_id))
    if membership.role == MembershipRole.ADMIN and _admins_left(membership) == 0:
        raise ValidationError(_("An organisation needs at least one administrator."))
    log_action(
        actor,
        membership.organisation,
        "accounts.member.removed" if action == "remove" else "accounts.member.left",
        {"email": membership.user.email},
    )
    membership.delete()


@transaction.atomic
def profile_update(*, actor: User, user: User, full_name: str, preferred_language: str) -> User:
    require(actor, "change", user)
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language"])
    log_action(actor, user, "accounts.user.profile_changed", {"language": preferred_language})
    return user


def preferred_language_set(*, user: User, language: str) -> None:
    """Remember the language a signed-in person switched to (not audited: a preference)."""
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@transaction.atomic
def api_token_regenerate(*, actor: User) -> Token:
    """Replace the user's API token: the old one stops working at once."""
    Token.objects.filter(user=actor).delete()
    token = Token.objects.create(user=actor)
    log_action(actor, actor, "accounts.user.api_token_created")
    return token


@transaction.atomic
def api_token_revoke(*, actor: User) -> None:
    if Token.objects.filter(user=actor).delete()[0]:
        log_action(actor, actor, "accounts.user.api_token_revoked")
