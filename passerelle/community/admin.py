from django.contrib import admin  # noqa: F401

# --- comments, reactions, follows ---
# --- end comments ---

# --- notifications ---
# --- end notifications ---

# --- moderation ---
# --- end moderation ---
