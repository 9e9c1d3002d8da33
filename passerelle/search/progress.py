"""The progress of long indexing runs (`search_reindex`, the demo's last step)."""

import sys

from .services import Progress


def progress_line(stream=None) -> Progress:
    """A `progress` callback for services.reindex_all: a line per batch, so that it reads the
    same on a terminal and in a log."""
    stream = stream or sys.stdout

    def draw(done: int, total: int, kind: str) -> None:
        width = 30
        filled = width * done // max(total, 1)
        stream.write(f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total} {kind}\n")
        stream.flush()

    return draw
