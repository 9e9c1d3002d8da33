"""What the knowledge base offers the community layer: a public discussion on every item (shown
on the item's page once published; its organisation's administrators moderate it) and follows
of calls for practices."""

from passerelle.community.choices import CommentAccess
from passerelle.community.registry import register_commentable, register_followable

from .models import Item, PracticeCall

register_commentable(Item, access=CommentAccess.PUBLIC, owner_field="organisation")
register_followable(PracticeCall)
