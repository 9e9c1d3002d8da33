"""The community layer's API: comments, reactions and follows; the user's own notifications;
reports and the moderation queue (moderators only). Registered in passerelle/api/urls.py."""

from rest_framework import serializers, viewsets  # noqa: F401

# --- comments, reactions, follows ---
# --- end comments ---

# --- notifications ---
# --- end notifications ---

# --- moderation ---
# --- end moderation ---
