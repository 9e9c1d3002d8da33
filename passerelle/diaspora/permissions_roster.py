"""Who sees and does what on the roster of experts.

An active entry is public: the expert consented to be listed when joining. A paused entry is
seen by the expert and by the organisations they have an open contact with (so a conversation
under way keeps its context); an entry that left the roster by the expert only. A contact is
seen by the expert and by the members of the contacting organisation; the expert's e-mail
address is shown to the organisation only once the expert has accepted.
"""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import Policy, register_policy

from .choices import OPEN_CONTACT_STATUSES, ContactStatus, RosterStatus
from .models import ExpertContact, RosterEntry
from .permissions import NOTHING, is_active_user

# The expert's contact details are shared from acceptance on.
SHARED_STATUSES = (ContactStatus.ACCEPTED, ContactStatus.COMPLETED)


def is_expert(user, entry: RosterEntry) -> bool:
    return is_active_user(user) and user.pk == entry.expert_id


def is_contact_expert(user, contact: ExpertContact) -> bool:
    return is_active_user(user) and user.pk == contact.roster_entry.expert_id


def has_org_role(user, organisation_id, role=MembershipRole.EDITOR) -> bool:
    return is_active_user(user) and user.has_role(organisation_id, role)


class RosterEntryPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status=RosterStatus.ACTIVE)
        if not is_active_user(user):
            return visible
        in_contact = ExpertContact.objects.filter(
            organisation__in=user.organisation_ids, status__in=OPEN_CONTACT_STATUSES
        ).values("roster_entry")
        return visible | Q(expert=user) | Q(status=RosterStatus.PAUSED, pk__in=in_contact)

    def can(self, user, action, entry) -> bool:
        if action == "view":
            return (
                entry.status == RosterStatus.ACTIVE
                or is_expert(user, entry)
                or (
                    entry.status == RosterStatus.PAUSED
                    and is_active_user(user)
                    and entry.contacts.filter(
                        organisation__in=user.organisation_ids, status__in=OPEN_CONTACT_STATUSES
                    ).exists()
                )
            )
        if action == "change":
            return entry.status != RosterStatus.LEFT and is_expert(user, entry)
        if action == "pause":
            return entry.status == RosterStatus.ACTIVE and is_expert(user, entry)
        if action == "resume":
            return entry.status == RosterStatus.PAUSED and is_expert(user, entry)
        if action == "leave":
            return entry.status != RosterStatus.LEFT and is_expert(user, entry)
        if action == "contact":
            # Which organisation may write is the service's check (an editor of it).
            return (
                entry.status == RosterStatus.ACTIVE
                and is_active_user(user)
                and not is_expert(user, entry)
            )
        return False


class ExpertContactPolicy(Policy):
    def visible_q(self, user) -> Q:
        if not is_active_user(user):
            return NOTHING
        return Q(roster_entry__expert=user) | Q(organisation__in=user.organisation_ids)

    def can(self, user, action, contact) -> bool:
        pending = contact.status == ContactStatus.PENDING
        if action == "view":
            return is_contact_expert(user, contact) or has_org_role(
                user, contact.organisation_id, MembershipRole.VIEWER
            )
        if action in {"accept", "decline"}:
            return pending and is_contact_expert(user, contact)
        if action == "withdraw":
            return pending and has_org_role(user, contact.organisation_id)
        if action == "complete":
            return contact.status == ContactStatus.ACCEPTED and has_org_role(
                user, contact.organisation_id
            )
        if action == "view_email":
            return contact.status in SHARED_STATUSES and (
                is_contact_expert(user, contact)
                or has_org_role(user, contact.organisation_id, MembershipRole.VIEWER)
            )
        return False


register_policy(RosterEntry, RosterEntryPolicy())
register_policy(ExpertContact, ExpertContactPolicy())
