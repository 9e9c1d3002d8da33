"""The kinds of notification the community layer raises (registry.register_notification_type).
Other modules register their own kinds in their own module."""

from .registry import NotificationType, register_notification_type  # noqa: F401

# --- comments, mentions, follows ---
# --- end comments ---

# --- moderation ---
# --- end moderation ---
