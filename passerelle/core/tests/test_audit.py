import pytest
from django.db import DatabaseError, connection, transaction

from passerelle.accounts.tests.factories import OrganisationFactory, UserFactory
from passerelle.core.audit import log_action
from passerelle.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_log_action_records_actor_object_and_json_safe_data():
    user, organisation = UserFactory(), OrganisationFactory()
    entry = log_action(
        user, organisation, "accounts.organisation.created", {"when": user.date_joined}
    )
    assert entry.actor == user
    assert entry.object_repr == organisation.name
    assert isinstance(entry.data["when"], str)
    assert list(AuditEntry.objects.for_object(organisation)) == [entry]


def test_action_names_follow_app_entity_verb():
    with pytest.raises(DatabaseError), transaction.atomic():
        log_action(None, OrganisationFactory(), "Created!")


def test_entries_cannot_be_changed_or_deleted_through_the_orm():
    entry = log_action(None, OrganisationFactory(), "accounts.organisation.created")
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_the_database_refuses_rewriting_history():
    _assert_refused("UPDATE core_auditentry SET action = 'x.y.z'")


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite cannot refuse DELETE without breaking the test flush (migration 0002)",
)
def test_postgresql_refuses_deleting_history():
    _assert_refused("DELETE FROM core_auditentry")


def _assert_refused(statement):
    log_action(None, OrganisationFactory(), "accounts.organisation.created")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEntry.objects.count() == 1
