"""The roster area's admin (filled by its work)."""
