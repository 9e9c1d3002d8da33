"""The keyword index's interface. An implementation keeps a full-text index of SearchDocument
rows (their title and body, in the document's language) and returns bounded candidates.

Never rank every match: a common word matches most documents, and ranking them all costs what
STACK-NOTES measured (PostgreSQL 78 ms at 100k documents, 846 ms at 1M). A backend takes at most
`limit` matches by a cheap order (the newest first: the primary key, read backwards) and ranks
only those; documents with every term come first, then those with any of them."""

from collections.abc import Iterable

from django.db import connection

from ..models import SearchDocument

# (document id, score): the higher the better, comparable within one call only.
Candidate = tuple[int, float]


class KeywordBackend:
    def index(self, documents: Iterable[SearchDocument]) -> None:
        """Add documents just written (or rewritten) to the keyword index."""
        raise NotImplementedError

    def remove(self, document_ids: Iterable[int]) -> None:
        """Forget documents about to be deleted."""
        raise NotImplementedError

    def candidates(self, terms: list[str], limit: int, allowed=None) -> list[Candidate]:
        """Best first: the documents with all `terms`, then those with any of them, `limit` at
        most. `allowed`, when given, is an array of the only document ids to consider (those
        within the facet filters, selectors.py)."""
        raise NotImplementedError

    def matches_anything(self, term: str) -> bool:
        """Whether any document has `term` (the spelling corrector leaves such a term alone)."""
        raise NotImplementedError


def merge(all_terms: list[Candidate], any_term: list[Candidate], limit: int) -> list[Candidate]:
    """Documents with every term first, each group best first (the newer first among equals),
    `limit` at most."""
    seen = {document_id for document_id, _ in all_terms}
    rest = [hit for hit in any_term if hit[0] not in seen]
    return (_best_first(all_terms) + _best_first(rest))[:limit]


def _best_first(hits: list[Candidate]) -> list[Candidate]:
    return sorted(hits, key=lambda hit: (-hit[1], -hit[0]))


def allowed_clause(allowed, column: str) -> tuple[str, list]:
    """`AND column IN (the allowed ids)`: as a subquery over the facets, PostgreSQL planned a
    nested loop over every filtered document (150 ms at 100,000 documents)."""
    if allowed is None:
        return "", []
    subquery, params = id_subquery(allowed)
    return f" AND {column} IN ({subquery})", params


def id_subquery(ids) -> tuple[str, list]:
    """`SELECT` the integers `ids`, passed as one text parameter: as thousands of parameters,
    or as a list psycopg adapts element by element, the adaptation costs more than the query
    (10 ms for 10,000 ids)."""
    listed = ",".join(str(int(pk)) for pk in ids)
    if connection.vendor == "postgresql":
        return "SELECT unnest(%s::bigint[])", ["{" + listed + "}"]
    return "SELECT value FROM json_each(%s)", ["[" + listed + "]"]
