"""PostgreSQL: a `tsv` tsvector column on the documents (migration 0002, GIN index), the title
weighted A and the body B, each stemmed by the configuration of the document's language. A
query word is looked for in the three configurations at once."""

from collections.abc import Iterable

import numpy as np
from django.db import connection

from ..models import SearchDocument
from .base import Candidate, KeywordBackend, allowed_clause, merge

TABLE = SearchDocument._meta.db_table
# Within filters, how many of the newest allowed documents are looked at before all of them.
NEWEST_ALLOWED_FIRST = 800
CONFIGURATION = "CASE language WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' ELSE 'english' END"

# Each query word as a tsquery in the three configurations, OR'ed. The documents with every
# word leave out the words that are a stop word in some language ("the" is a Spanish word, not
# an English lexeme): requiring them would drop every document in that language.
QUERIES = """
WITH word AS (
    SELECT plainto_tsquery('english', t) AS en, plainto_tsquery('french', t) AS fr,
           plainto_tsquery('spanish', t) AS es
    FROM unnest(%s::text[]) AS t
)
SELECT
    string_agg('(' || (en || fr || es)::text || ')', ' & ')
        FILTER (WHERE numnode(en) > 0 AND numnode(fr) > 0 AND numnode(es) > 0),
    string_agg('(' || (en || fr || es)::text || ')', ' | ')
        FILTER (WHERE numnode(en || fr || es) > 0)
FROM word
"""


class PostgreSQLBackend(KeywordBackend):
    def index(self, documents: Iterable[SearchDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {TABLE} SET tsv = "
                f"setweight(to_tsvector(({CONFIGURATION})::regconfig, title), 'A') || "
                f"setweight(to_tsvector(({CONFIGURATION})::regconfig, body), 'B') "
                "WHERE id = ANY(%s)",
                [[document.pk for document in documents]],
            )

    def remove(self, document_ids: Iterable[int]) -> None:
        """Nothing to do: the tsvector goes with its row."""

    def candidates(self, terms: list[str], limit: int, allowed=None) -> list[Candidate]:
        if not terms or (allowed is not None and not len(allowed)):
            return []
        with connection.cursor() as cursor:
            cursor.execute(QUERIES, [terms])
            all_terms, any_term = cursor.fetchone()
        if any_term is None:  # stop words only
            return []
        hits = self._ranked(all_terms, limit, allowed) if all_terms else []
        if len(terms) == 1 or len(hits) == limit:
            return merge(hits, [], limit)
        return merge(hits, self._ranked(any_term, limit, allowed), limit)

    def _ranked(self, query: str, limit: int, allowed) -> list[Candidate]:
        # Within filters, the newest allowed documents are tried first: a common word has
        # `limit` matches among them, which are then the newest matches of all. Looked up one by
        # one by id, the whole allowed set took 25 ms (5,000 documents at 100,000).
        if allowed is not None and len(allowed) > NEWEST_ALLOWED_FIRST:
            hits = self._ranked_within(query, limit, np.sort(allowed)[-NEWEST_ALLOWED_FIRST:])
            if len(hits) == limit:
                return hits
        return self._ranked_within(query, limit, allowed)

    def _ranked_within(self, query: str, limit: int, allowed) -> list[Candidate]:
        # The newest `limit` matches, unranked (cheap with the GIN index), then ranked, those rows
        # only: ts_rank, its length normalised (1, as bm25 does on SQLite); ts_rank_cd (cover
        # density) cost 8 ms more on 500 rows for a query of four words.
        restriction, params = allowed_clause(allowed, "id")
        sql = (
            "SELECT id, ts_rank(tsv, %s::tsquery, 1) FROM ("
            f"SELECT id, tsv FROM {TABLE} WHERE tsv @@ %s::tsquery{restriction} "
            "ORDER BY id DESC LIMIT %s) AS hit"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [query, query, *params, limit])
            return cursor.fetchall()

    def matches_anything(self, term: str) -> bool:
        # The matches in a materialized CTE: planned on their own, they are read from the GIN
        # index. As `EXISTS (...)`, PostgreSQL expected an early hit and scanned the table, 105 ms
        # for a word no document has (100,000 documents).
        with connection.cursor() as cursor:
            cursor.execute(
                "WITH word AS (SELECT plainto_tsquery('english', %s) || "
                "plainto_tsquery('french', %s) || plainto_tsquery('spanish', %s) AS q), "
                f"hit AS MATERIALIZED (SELECT 1 FROM {TABLE}, word WHERE tsv @@ word.q) "
                "SELECT (SELECT numnode(q) = 0 FROM word) OR EXISTS (SELECT 1 FROM hit)",
                [term, term, term],
            )
            return cursor.fetchone()[0]
