"""The roster area's policies (filled by its work)."""
