"""Writing many matches at once (the full re-match stores millions at 100k items). On
PostgreSQL, rows go through COPY — Django's bulk_create and bulk_update bind every value in
Python, about 100 times slower there (benchmarks/bench_matching_scale.py); elsewhere, through the
ORM."""

import json

from django.db import connection
from django.utils import timezone

from ..choices import Decision, MatchStatus
from ..models import Match

STORED_FIELDS = ["score", "explanation", "computed_at", "in_request_top", "in_offer_top"]
# Columns a new proposal fills, in order; the others are null until it is brokered.
NEW_COLUMNS = (
    "created", "updated", "request_id", "offer_id", "status", "introduction_note",
    "requester_decision", "requester_reason", "provider_decision", "provider_reason",
    *STORED_FIELDS,
)  # fmt: skip


def insert_proposals(rows: list[tuple]) -> None:
    """New proposals: (request pk, offer pk, {STORED_FIELDS}) each."""
    if connection.vendor != "postgresql":
        Match.objects.bulk_create(
            (Match(request_id=r, offer_id=o, **fields) for r, o, fields in rows), batch_size=1000
        )
        return
    now = timezone.now()
    with (
        connection.cursor() as cursor,
        cursor.copy(f"COPY hub_match ({', '.join(NEW_COLUMNS)}) FROM STDIN") as copy,
    ):
        for request_id, offer_id, fields in rows:
            copy.write_row(
                (
                    now, now, request_id, offer_id, MatchStatus.PROPOSED, "",
                    Decision.PENDING, "", Decision.PENDING, "",
                    *_stored(fields),
                )
            )  # fmt: skip


def update_scores(rows: list[tuple]) -> None:
    """STORED_FIELDS of existing matches: (match pk, {STORED_FIELDS}) each."""
    if connection.vendor != "postgresql":
        Match.objects.bulk_update(
            [Match(pk=pk, **fields) for pk, fields in rows], STORED_FIELDS, batch_size=1000
        )
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE hub_match_fresh (id bigint, score double precision, "
            "explanation jsonb, computed_at timestamptz, in_request_top boolean, "
            "in_offer_top boolean) ON COMMIT DROP"
        )
        with cursor.copy("COPY hub_match_fresh FROM STDIN") as copy:
            for pk, fields in rows:
                copy.write_row((pk, *_stored(fields)))
        cursor.execute(
            "UPDATE hub_match SET score = f.score, explanation = f.explanation, "
            "computed_at = f.computed_at, in_request_top = f.in_request_top, "
            "in_offer_top = f.in_offer_top, updated = now() "
            "FROM hub_match_fresh f WHERE hub_match.id = f.id"
        )
        cursor.execute("DROP TABLE hub_match_fresh")


def _stored(fields: dict) -> tuple:
    return (
        fields["score"],
        json.dumps(fields["explanation"]),
        fields["computed_at"],
        fields["in_request_top"],
        fields["in_offer_top"],
    )
