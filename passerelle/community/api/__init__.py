"""The community layer's API, registered in passerelle/api/urls.py.

- `comments`: comments, reactions and follows
- `notifications`: the user's own notifications and e-mail preferences
- `moderation`: reports and the moderation queue (moderators only)
"""
