"""The roster's services: joining publishes a hub offer in the expert's name; editing, pausing,
resuming and leaving keep the offer in step; contacts go from pending to accepted, declined,
withdrawn or completed, each by whom it belongs to; bad input is a clear error, nothing half
written."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.core.models import AuditEntry
from passerelle.hub.models import Offer

from ..models import Block, ExpertContact, RosterEntry
from ..services import roster as services
from .factories_roster import contact, join, ministry, published_request, roster_data

pytestmark = pytest.mark.django_db


def test_joining_publishes_an_offer_in_the_experts_name():
    expert = UserFactory()
    entry = join(expert, trains=True, cost_basis="paid", max_engagements=2)

    offer = entry.offer
    assert entry.status == "active" and entry.consent_listed
    assert offer.status == "published"
    assert offer.expert == expert and offer.organisation is None
    assert offer.title == "Migration data analyst"
    assert offer.language == "en"
    assert offer.modality == "hybrid"
    assert offer.cost_basis == "paid" and offer.max_engagements == 2
    assert set(offer.support_types.values_list("support_type", flat=True)) == {
        "expert_deployment", "technical_assistance", "training",
    }  # fmt: skip
    assert set(offer.countries.values_list("iso3", flat=True)) == {"COL", "SEN"}
    assert list(offer.capacity_areas.values_list("code", flat=True)) == ["DATA"]
    assert AuditEntry.objects.filter(action="diaspora.roster.joined").count() == 1


def test_a_remote_expert_writing_in_spanish_gets_a_remote_spanish_offer():
    entry = join(
        availability="remote", work_countries=[],
        expertise="Tengo doce años de experiencia en estadísticas de migración y en el diseño "
        "de encuestas para los ministerios de trabajo.",
    )  # fmt: skip

    assert entry.offer.modality == "remote"
    assert entry.offer.language == "es"
    assert entry.offer.is_global


def test_joining_without_consent_is_refused_and_writes_nothing():
    with pytest.raises(ValidationError) as error:
        services.roster_join(actor=UserFactory(), data=roster_data(), consent=False)

    assert "consent_listed" in error.value.message_dict
    assert not RosterEntry.objects.exists() and not Offer.objects.exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"headline": " "}, "headline"),
        ({"expertise": ""}, "expertise"),
        ({"capacity_areas": []}, "capacity_areas"),
        ({"languages": ["xx"]}, "languages"),
        ({"availability": "sometimes"}, "availability"),
        ({"available_until": datetime.date(2025, 1, 1)}, "available_until"),
        ({"cost_basis": "co_funded"}, "cost_basis"),
        ({"max_engagements": 4}, "max_engagements"),
    ],
)
def test_bad_entries_are_refused_field_by_field(overrides, field):
    with pytest.raises(ValidationError) as error:
        join(**overrides)

    assert field in error.value.message_dict
    assert not RosterEntry.objects.exists() and not Offer.objects.exists()


def test_one_entry_per_person_and_anonymous_cannot_join():
    entry = join()
    with pytest.raises(ValidationError):
        join(entry.expert)
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValidationError):
        services.roster_join(actor=AnonymousUser(), data=roster_data(), consent=True)


def test_editing_updates_the_offer():
    entry = join()

    services.roster_update(
        actor=entry.expert, entry=entry, data=roster_data(headline="Labour migration statistician")
    )

    entry.offer.refresh_from_db()
    assert entry.offer.title == "Labour migration statistician"
    assert AuditEntry.objects.filter(action="diaspora.roster.updated").exists()


def test_only_the_expert_edits_pauses_and_leaves():
    entry = join()
    stranger = UserFactory()
    for call in (
        lambda: services.roster_update(actor=stranger, entry=entry, data=roster_data()),
        lambda: services.roster_pause(actor=stranger, entry=entry),
        lambda: services.roster_leave(actor=stranger, entry=entry),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_pause_withdraws_the_offer_and_resume_publishes_a_new_one():
    entry = join(trains=True)
    first = entry.offer

    entry = services.roster_pause(actor=entry.expert, entry=entry)
    first.refresh_from_db()
    assert entry.status == "paused" and first.status == "withdrawn"

    entry = services.roster_resume(actor=entry.expert, entry=entry)
    assert entry.status == "active"
    assert entry.offer != first and entry.offer.status == "published"
    assert entry.offer.support_types.filter(support_type="training").exists()
    with pytest.raises(PermissionDenied):
        services.roster_resume(actor=entry.expert, entry=entry)


def test_leaving_withdraws_the_offer_and_hides_the_entry():
    entry = join()

    services.roster_leave(actor=entry.expert, entry=entry)

    entry.refresh_from_db()
    assert entry.status == "left" and entry.offer.status == "withdrawn"
    assert not RosterEntry.objects.visible_to(UserFactory()).exists()
    assert RosterEntry.objects.visible_to(entry.expert).get() == entry


def test_a_person_who_left_can_join_again():
    entry = join()
    services.roster_leave(actor=entry.expert, entry=entry)

    again = join(entry.expert, headline="Back again")

    assert again.pk == entry.pk and again.status == "active" and again.offer.title == "Back again"


# --- contacts ---------------------------------------------------------------------------------


def test_a_ministry_contacts_an_expert_who_accepts():
    entry = join()
    organisation, editor = ministry()

    sent = contact(entry, organisation, editor)
    assert sent.status == "pending" and sent.sent_by == editor
    accepted = services.contact_accept(actor=entry.expert, contact=sent, reply="With pleasure.")

    assert accepted.status == "accepted" and accepted.answered_at is not None
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"diaspora.contact.sent", "diaspora.contact.accepted"} <= actions
    data = AuditEntry.objects.get(action="diaspora.contact.sent").data
    assert set(data) == {"roster_entry", "organisation", "support_request"}


def test_a_contact_needs_a_message_and_an_editor():
    entry = join()
    organisation, editor = ministry()
    viewer = MembershipFactory(organisation=organisation, role="viewer").user

    with pytest.raises(ValidationError) as error:
        contact(entry, organisation, editor, message="  ")
    assert "message" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        contact(entry, organisation, viewer)
    assert "organisation" in error.value.message_dict
    assert not ExpertContact.objects.exists()


def test_a_blocked_sender_cannot_contact_the_expert():
    entry = join()
    organisation, editor = ministry()
    Block.objects.create(blocker=entry.expert, blocked=editor)

    with pytest.raises(ValidationError):
        contact(entry, organisation, editor)
    assert not ExpertContact.objects.exists()


def test_one_open_contact_per_expert_organisation_and_request():
    entry = join()
    organisation, editor = ministry()
    first = contact(entry, organisation, editor)

    with pytest.raises(ValidationError):
        contact(entry, organisation, editor)
    services.contact_withdraw(actor=editor, contact=first)
    assert contact(entry, organisation, editor).status == "pending"


def test_a_paused_expert_cannot_be_contacted_and_the_expert_cannot_contact_themself():
    entry = join()
    organisation, editor = ministry()
    MembershipFactory(organisation=organisation, user=entry.expert, role="editor")
    with pytest.raises(PermissionDenied):
        contact(entry, organisation, entry.expert)
    services.roster_pause(actor=entry.expert, entry=entry)
    with pytest.raises(PermissionDenied):
        contact(entry, organisation, editor)


def test_a_request_of_another_organisation_is_refused():
    entry = join()
    organisation, editor = ministry()
    other, other_editor = ministry()
    foreign = published_request(other, other_editor)

    with pytest.raises(ValidationError) as error:
        contact(entry, organisation, editor, support_request=foreign)
    assert "support_request" in error.value.message_dict


def test_only_the_expert_answers_and_only_the_organisation_completes():
    entry = join()
    organisation, editor = ministry()
    sent = contact(entry, organisation, editor)

    with pytest.raises(PermissionDenied):
        services.contact_accept(actor=editor, contact=sent)
    with pytest.raises(PermissionDenied):
        services.contact_complete(actor=editor, contact=sent, outcome="Done")
    services.contact_accept(actor=entry.expert, contact=sent)
    with pytest.raises(PermissionDenied):
        services.contact_complete(actor=entry.expert, contact=sent, outcome="Done")
    with pytest.raises(ValidationError):
        services.contact_complete(actor=editor, contact=sent, outcome=" ")

    done = services.contact_complete(actor=editor, contact=sent, outcome="A survey designed.")
    assert done.status == "completed" and done.completed_at is not None


def test_declining_and_withdrawing_close_the_contact():
    entry = join()
    organisation, editor = ministry()
    declined = services.contact_decline(
        actor=entry.expert, contact=contact(entry, organisation, editor), reason="Busy."
    )
    assert declined.status == "declined" and declined.reply == "Busy."
    with pytest.raises(PermissionDenied):
        services.contact_withdraw(actor=editor, contact=declined)
