"""The connecting area's admin (filled by its work)."""
