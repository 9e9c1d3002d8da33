"""The matcher's background work: never in a page's request (ADR 11)."""

from passerelle.core.tasks import retrying_task

from .matching import peers, refresh


@retrying_task()
def refresh_request_matches(*, request_id: int) -> None:
    refresh.refresh_request(request_id)
    peers.refresh_peers(request_id)


@retrying_task()
def refresh_offer_matches(*, offer_id: int) -> None:
    refresh.refresh_offer(offer_id)


@retrying_task(max_attempts=3)
def rematch_everything() -> None:
    refresh.rematch_all()
