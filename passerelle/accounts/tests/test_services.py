from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from passerelle.accounts import services
from passerelle.accounts.models import Invitation, Membership, Organisation
from passerelle.core.models import AuditEntry

from .factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def actions(obj):
    return list(AuditEntry.objects.for_object(obj).values_list("action", flat=True))


class TestOrganisationCreate:
    def test_creator_becomes_admin_and_action_is_audited(self):
        user = UserFactory()
        organisation = services.organisation_create(
            actor=user, name="Red Cross Dakar", type="civil_society"
        )
        assert Membership.objects.get(organisation=organisation).user == user
        assert organisation.slug == "red-cross-dakar"
        assert organisation.verification_status == "not_required"
        assert actions(organisation) == ["accounts.organisation.created"]

    def test_government_starts_unverified_and_cannot_publish_for_state(self):
        organisation = services.organisation_create(
            actor=UserFactory(), name="Ministry", type="national_government"
        )
        assert organisation.verification_status == "unverified"
        assert not organisation.can_publish_for_state

    def test_slug_is_unique(self):
        user = UserFactory()
        first = services.organisation_create(actor=user, name="Same", type="media")
        second = services.organisation_create(actor=user, name="Same", type="media")
        assert (first.slug, second.slug) == ("same", "same-2")

    def test_invalid_input_writes_nothing(self):
        with pytest.raises(ValidationError) as error:
            services.organisation_create(
                actor=UserFactory(), name="", type="civil_society", website="not a url"
            )
        assert {"name", "website"} <= set(error.value.message_dict)
        assert not Organisation.objects.exists()
        assert not Membership.objects.exists()
        assert not AuditEntry.objects.exists()


class TestOrganisationUpdate:
    def test_editor_changes_fields_and_changed_fields_are_audited(self, organisation, editor):
        services.organisation_update(
            actor=editor, organisation=organisation, name="New name", acronym=""
        )
        organisation.refresh_from_db()
        assert organisation.name == "New name"
        entry = AuditEntry.objects.for_object(organisation).get()
        assert entry.data == {"fields": ["name"]}

    def test_viewer_may_not_change(self, organisation, viewer):
        with pytest.raises(PermissionDenied):
            services.organisation_update(actor=viewer, organisation=organisation, name="X")

    def test_cannot_turn_an_ngo_into_a_government(self, organisation, owner):
        with pytest.raises(ValidationError) as error:
            services.organisation_update(
                actor=owner, organisation=organisation, type="national_government"
            )
        assert "type" in error.value.message_dict

    def test_parent_cycle_is_refused(self, organisation, owner):
        child = OrganisationFactory(parent=organisation)
        MembershipFactory(user=owner, organisation=child)
        with pytest.raises(ValidationError) as error:
            services.organisation_update(actor=owner, organisation=organisation, parent=child)
        assert "parent" in error.value.message_dict


class TestVerification:
    def test_request_then_secretariat_verifies(self, government, government_admin, secretariat):
        services.verification_request(
            actor=government_admin, organisation=government, evidence="Decree 2018-12"
        )
        government.refresh_from_db()
        assert government.verification_status == "pending"
        services.verification_decide(
            actor=secretariat, organisation=government, approve=True, note=""
        )
        government.refresh_from_db()
        assert government.can_publish_for_state
        assert government.verified_by == secretariat
        assert actions(government) == [
            "accounts.organisation.verified",
            "accounts.organisation.verification_requested",
        ]

    def test_declining_needs_a_reason(self, government, secretariat):
        with pytest.raises(ValidationError):
            services.verification_decide(
                actor=secretariat, organisation=government, approve=False, note=" "
            )

    def test_members_cannot_verify_themselves(self, government, government_admin):
        with pytest.raises(PermissionDenied):
            services.verification_decide(
                actor=government_admin, organisation=government, approve=True, note=""
            )

    def test_empty_evidence_is_refused(self, government, government_admin):
        with pytest.raises(ValidationError):
            services.verification_request(
                actor=government_admin, organisation=government, evidence="  "
            )

    def test_ngo_is_not_verified(self, organisation, owner):
        with pytest.raises(PermissionDenied):
            services.verification_request(actor=owner, organisation=organisation, evidence="x")


class TestInvitations:
    def test_invite_sends_mail_after_commit_and_accept_creates_membership(
        self, organisation, owner, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = services.invitation_create(
                actor=owner, organisation=organisation, email="New@Example.org", role="editor"
            )
        assert len(mail.outbox) == 1
        assert invitation.token in mail.outbox[0].body
        invitee = UserFactory(email="new@example.org")
        membership = services.invitation_accept(user=invitee, invitation=invitation)
        assert membership.role == "editor"
        invitation.refresh_from_db()
        assert invitation.status == "accepted"
        assert "accounts.member.joined" in actions(organisation)

    def test_only_admins_invite(self, organisation, editor):
        with pytest.raises(PermissionDenied):
            services.invitation_create(
                actor=editor, organisation=organisation, email="a@example.org", role="viewer"
            )

    def test_duplicate_pending_invitation_is_refused(self, organisation, owner):
        services.invitation_create(
            actor=owner, organisation=organisation, email="a@example.org", role="viewer"
        )
        with pytest.raises(ValidationError) as error:
            services.invitation_create(
                actor=owner, organisation=organisation, email="A@example.org", role="viewer"
            )
        assert "email" in error.value.message_dict
        assert Invitation.objects.count() == 1

    def test_existing_member_is_not_invited(self, organisation, owner, editor):
        with pytest.raises(ValidationError):
            services.invitation_create(
                actor=owner, organisation=organisation, email=editor.email, role="viewer"
            )

    def test_someone_else_cannot_accept(self, organisation, owner):
        invitation = services.invitation_create(
            actor=owner, organisation=organisation, email="a@example.org", role="viewer"
        )
        with pytest.raises(PermissionDenied):
            services.invitation_accept(user=UserFactory(), invitation=invitation)
        assert not Membership.objects.filter(role="viewer").exists()

    def test_expired_or_revoked_invitation_cannot_be_accepted(self, organisation, owner):
        invitation = services.invitation_create(
            actor=owner, organisation=organisation, email="a@example.org", role="viewer"
        )
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - timedelta(days=1)
        )
        with pytest.raises(ValidationError):
            services.invitation_accept(
                user=UserFactory(email="a@example.org"), invitation=invitation
            )
        services.invitation_revoke(actor=owner, invitation=invitation)
        with pytest.raises(ValidationError):
            services.invitation_revoke(actor=owner, invitation=invitation)


class TestMemberships:
    def test_last_admin_cannot_be_demoted_or_removed(self, organisation, owner):
        membership = owner.memberships.get()
        with pytest.raises(ValidationError):
            services.membership_change_role(actor=owner, membership=membership, role="viewer")
        with pytest.raises(ValidationError):
            services.membership_remove(actor=owner, membership=membership)
        membership.refresh_from_db()
        assert membership.role == "admin"

    def test_admin_changes_roles_and_removes(self, organisation, owner, viewer):
        membership = viewer.memberships.get()
        services.membership_change_role(actor=owner, membership=membership, role="editor")
        membership.refresh_from_db()
        assert membership.role == "editor"
        services.membership_remove(actor=owner, membership=membership)
        assert not Membership.objects.filter(pk=membership.pk).exists()
        assert actions(organisation)[:2] == [
            "accounts.member.removed",
            "accounts.member.role_changed",
        ]

    def test_member_leaves_but_cannot_remove_others(self, organisation, owner, viewer, editor):
        with pytest.raises(PermissionDenied):
            services.membership_remove(actor=viewer, membership=editor.memberships.get())
        services.membership_remove(actor=viewer, membership=viewer.memberships.get())
        assert "accounts.member.left" in actions(organisation)

    def test_invalid_role_is_refused(self, organisation, owner, viewer):
        with pytest.raises(ValidationError):
            services.membership_change_role(
                actor=owner, membership=viewer.memberships.get(), role="emperor"
            )


class TestProfileAndToken:
    def test_profile_update_is_audited(self):
        user = UserFactory()
        services.profile_update(actor=user, user=user, full_name=" Ana ", preferred_language="es")
        user.refresh_from_db()
        assert (user.full_name, user.preferred_language) == ("Ana", "es")
        assert actions(user) == ["accounts.user.profile_changed"]

    def test_invalid_language_is_refused(self):
        user = UserFactory()
        with pytest.raises(ValidationError):
            services.profile_update(actor=user, user=user, full_name="", preferred_language="xx")

    def test_token_regenerate_replaces_and_revoke_deletes(self):
        user = UserFactory()
        first = services.api_token_regenerate(actor=user)
        second = services.api_token_regenerate(actor=user)
        assert first.key != second.key
        assert list(Token.objects.values_list("key", flat=True)) == [second.key]
        services.api_token_revoke(actor=user)
        assert not Token.objects.exists()
