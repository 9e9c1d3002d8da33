"""Refuse changes to the audit trail in the database itself, so that no code path (raw SQL,
bulk update, admin action) can rewrite history.

PostgreSQL refuses UPDATE and DELETE (TRUNCATE, a deliberate administrator's act, stays possible).
SQLite refuses UPDATE; it cannot refuse DELETE, because SQLite has no TRUNCATE and Django's test
flush deletes every row: there the model's delete() guard is the protection."""

from django.db import migrations

SQLITE = [
    "CREATE TRIGGER core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
]
SQLITE_REVERSE = [
    "DROP TRIGGER core_auditentry_no_update;",
]
POSTGRESQL = [
    "CREATE FUNCTION core_auditentry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$;",
    "CREATE TRIGGER core_auditentry_append_only BEFORE UPDATE OR DELETE ON core_auditentry "
    "FOR EACH ROW EXECUTE FUNCTION core_auditentry_refuse_change();",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER core_auditentry_append_only ON core_auditentry;",
    "DROP FUNCTION core_auditentry_refuse_change();",
]


def forwards(apps, schema_editor):
    _run(schema_editor, SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRESQL)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, SQLITE_REVERSE if vendor == "sqlite" else POSTGRESQL_REVERSE)


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
