"""What stories offer the community layer: a public discussion on every story (its page includes
it; the administrators of the organisation it speaks for moderate it with the platform's
moderators), follows, reactions, and reports that hide a story pending review."""

from passerelle.community.choices import CommentAccess
from passerelle.community.registry import register_commentable, register_reportable

from .models import Story

register_commentable(Story, access=CommentAccess.PUBLIC, owner_field="organisation")
register_reportable(Story, author_field="author")
