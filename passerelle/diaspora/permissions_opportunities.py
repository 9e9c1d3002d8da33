"""The opportunities area's policies (filled by its work)."""
