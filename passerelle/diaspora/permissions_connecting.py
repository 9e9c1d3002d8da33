"""The connecting area's policies (filled by its work)."""
