"""The content area's policies (filled by its work)."""
