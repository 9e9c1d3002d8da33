"""The countries area's admin (filled by its work)."""
