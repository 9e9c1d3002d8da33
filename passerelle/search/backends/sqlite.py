"""SQLite: an FTS5 table (migration 0002) whose rowid is the document's id, holding the title
and body stemmed in the document's language (text.py), since FTS5's own stemmer is English only.
A query word matches any of its stems in the three languages."""

from collections.abc import Iterable

from django.db import connection

from .. import text
from ..models import SearchDocument
from .base import Candidate, KeywordBackend, allowed_clause, merge

TABLE = "search_fts"
# bm25 weights of the title and the body: a word in the title says more about the document.
WEIGHTS = "4.0, 1.0"


def _any_form(term: str) -> str:
    quoted = " OR ".join(
        '"{}"'.format(form.replace('"', '""')) for form in sorted(text.forms(term))
    )
    return f"({quoted})"


class SQLiteBackend(KeywordBackend):
    def index(self, documents: Iterable[SearchDocument]) -> None:
        rows = [
            (
                document.pk,
                text.stemmed(document.title, document.language),
                text.stemmed(document.body, document.language),
            )
            for document in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [row[:1] for row in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows
            )

    def remove(self, document_ids: Iterable[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in document_ids]
            )

    def candidates(self, terms: list[str], limit: int, allowed=None) -> list[Candidate]:
        groups = [_any_form(term) for term in terms]
        if not groups or (allowed is not None and not len(allowed)):
            return []
        all_terms = self._ranked(" AND ".join(groups), limit, allowed)
        if len(groups) == 1 or len(all_terms) == limit:
            return merge(all_terms, [], limit)
        return merge(all_terms, self._ranked(" OR ".join(groups), limit, allowed), limit)

    def _ranked(self, match: str, limit: int, allowed) -> list[Candidate]:
        # FTS5 walks its matches by rowid, newest first, and stops at the limit: bm25 is
        # computed for those rows only, never for every match of a common word. The filters
        # are on `+rowid`, which FTS5 is not offered: probed per allowed document, a common
        # word's match would be run thousands of times (12 s at 100,000 documents).
        restriction, params = allowed_clause(allowed, "+rowid")
        sql = (
            f"SELECT rowid, bm25({TABLE}, {WEIGHTS}) FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s{restriction} ORDER BY rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *params, limit])
            # bm25 is lower for better matches.
            return [(rowid, -rank) for rowid, rank in cursor.fetchall()]

    def matches_anything(self, term: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT 1", [_any_form(term)]
            )
            return cursor.fetchone() is not None
