"""What discussion spaces offer the community layer: a public discussion (everyone who sees the
space reads it; signed-in users write while it is open), moderated by the space's own
moderators. The space's page includes the discussion itself (`page=None`)."""

from passerelle.community.choices import CommentAccess
from passerelle.community.registry import register_commentable

from .models import DiscussionSpace
from .permissions_spaces import moderated_spaces_q, open_spaces_q

register_commentable(
    DiscussionSpace,
    access=CommentAccess.PUBLIC,
    owner_field="organisation",
    space_moderators_q=moderated_spaces_q,
    writable_q=open_spaces_q,
)
