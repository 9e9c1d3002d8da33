"""The members area's admin (filled by its work)."""
