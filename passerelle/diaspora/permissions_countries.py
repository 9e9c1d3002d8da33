"""The countries area's policies (filled by its work)."""
