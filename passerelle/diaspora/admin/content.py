"""The content area's admin (filled by its work)."""
