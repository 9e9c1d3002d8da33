"""Reads of the accounts app. Every lookup by a user-supplied id goes through the door."""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from passerelle.core.permissions import get_visible_or_404

from .choices import InvitationStatus, VerificationStatus
from .models import Invitation, Membership, Organisation, User


def organisation_list(*, user: User) -> QuerySet[Organisation]:
    return (
        Organisation.objects.visible_to(user)
        .select_related("country", "parent")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("name")
    )


def organisation_get(*, user: User, slug: str) -> Organisation:
    return get_visible_or_404(
        Organisation.objects.select_related("country__region", "parent", "verified_by"),
        user,
        slug=slug,
    )


def membership_list(*, user: User, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.visible_to(user)
        .filter(organisation=organisation)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def membership_get(*, user: User, pk: int) -> Membership:
    return get_visible_or_404(
        Membership.objects.select_related("organisation", "user"), user, pk=pk
    )


def invitation_list(*, user: User, organisation: Organisation) -> QuerySet[Invitation]:
    return (
        Invitation.objects.visible_to(user)
        .filter(organisation=organisation, status=InvitationStatus.PENDING)
        .select_related("invited_by")
    )


def invitation_get_by_token(*, token: str) -> Invitation:
    """The token itself is the secret that grants sight of the invitation."""
    return get_object_or_404(Invitation.objects.select_related("organisation"), token=token)


def invitation_get(*, user: User, pk: int) -> Invitation:
    return get_visible_or_404(Invitation.objects.select_related("organisation"), user, pk=pk)


def pending_invitations_for(*, user: User) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        email__iexact=user.email, status=InvitationStatus.PENDING
    ).select_related("organisation")


def verification_queue() -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        verification_status=VerificationStatus.PENDING
    ).select_related("country")


def user_organisations(*, user: User) -> QuerySet[Membership]:
    return user.memberships.select_related("organisation__country").order_by("organisation__name")


def organisations_with_role(*, user: User, role: str) -> QuerySet[Organisation]:
    """The organisations in which `user` holds `role` or more (none for a visitor)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    ids = [org_id for org_id in user.organisation_roles if user.has_role(org_id, role)]
    return Organisation.objects.filter(pk__in=ids).order_by("name")
