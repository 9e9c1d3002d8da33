"""The members area's policies (filled by its work)."""
