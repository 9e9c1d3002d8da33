"""The countries area's demo data (filled by its work)."""


def load(context) -> None:
    """Adds the area's demo data; idempotent."""
