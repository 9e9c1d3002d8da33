"""Notifications derived from audit entries (to be written)."""


def on_audit_entry(entry) -> None:
    """Called by core.audit.log_action for every new entry, inside its transaction."""
