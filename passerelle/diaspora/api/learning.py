"""The learning area's API (filled by its work)."""


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
