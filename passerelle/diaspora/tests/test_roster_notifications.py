"""Who hears of a contact: the expert of one received and of an engagement completed; the sender
and the organisation's editors of the expert's answer."""

import pytest

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.community.models import Notification
from passerelle.community.notifications.dispatch import dispatch
from passerelle.core.models import AuditEntry

from .. import notification_types_roster  # noqa: F401  (the kinds are registered)
from ..services import roster as services
from .factories_roster import contact, join, ministry

pytestmark = pytest.mark.django_db


def _dispatch(action):
    dispatch(AuditEntry.objects.filter(action=action).latest("pk"))


def test_the_expert_hears_of_a_contact_and_the_organisation_of_the_answer():
    entry = join()
    organisation, editor = ministry()
    colleague = MembershipFactory(organisation=organisation, role="editor").user
    sent = contact(entry, organisation, editor)
    _dispatch("diaspora.contact.sent")
    services.contact_accept(actor=entry.expert, contact=sent)
    _dispatch("diaspora.contact.accepted")
    services.contact_complete(actor=editor, contact=sent, outcome="Done")
    _dispatch("diaspora.contact.completed")

    kinds = set(Notification.objects.values_list("recipient", "kind"))
    assert kinds == {
        (entry.expert_id, "diaspora_contact_received"),
        (editor.pk, "diaspora_contact_answered"),
        (colleague.pk, "diaspora_contact_answered"),
        (entry.expert_id, "diaspora_engagement_completed"),
    }
