"""The learning area's admin (filled by its work)."""
