"""The keyword index beside the documents, in the form the database offers (backends/): an FTS5
table on SQLite, a tsvector column with a GIN index on PostgreSQL. Django's model state knows
neither: only the backends read and write them."""

from django.db import migrations

SQLITE = {
    "create": (
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    ),
    "drop": "DROP TABLE IF EXISTS search_fts",
}
POSTGRESQL = {
    "create": (
        "ALTER TABLE search_searchdocument ADD COLUMN tsv tsvector; "
        "CREATE INDEX search_document_tsv ON search_searchdocument USING GIN (tsv)"
    ),
    "drop": (
        "DROP INDEX IF EXISTS search_document_tsv; "
        "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS tsv"
    ),
}
BY_VENDOR = {"sqlite": SQLITE, "postgresql": POSTGRESQL}


def _run(statement):
    def run(apps, schema_editor):
        sql = BY_VENDOR.get(schema_editor.connection.vendor, {}).get(statement)
        if sql:
            for part in sql.split("; "):
                schema_editor.execute(part)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(_run("create"), _run("drop"))]
