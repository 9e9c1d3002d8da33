app_name = "community"

urlpatterns = [
    # --- comments, reactions, follows (views/comments.py) ---
    # --- end comments ---
    # --- notifications (views/notifications.py) ---
    # --- end notifications ---
    # --- moderation (views/moderation.py) ---
    # --- end moderation ---
]
