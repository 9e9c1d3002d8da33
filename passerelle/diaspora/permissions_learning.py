"""The learning area's policies (filled by its work)."""
