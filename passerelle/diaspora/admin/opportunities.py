"""The opportunities area's admin (filled by its work)."""
