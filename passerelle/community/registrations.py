"""What the layers below `community` offer for discussion and following. Modules above register
their own models in their own apps (ARCHITECTURE.md: community never imports them)."""

from passerelle.accounts.models import Organisation, User
from passerelle.geo.models import Country
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import CommentAccess
from .models import Comment
from .registry import register_commentable, register_followable, register_reportable

# Public pages everyone can discuss; an organisation's administrators moderate its own page.
register_commentable(
    Organisation, access=CommentAccess.PUBLIC, owner_field="pk", page="organisation"
)
register_commentable(Country, access=CommentAccess.PUBLIC, page="country")
register_commentable(CapacityArea, access=CommentAccess.PUBLIC, page="capacity_area")
register_commentable(GCMObjective, access=CommentAccess.PUBLIC, page="gcm_objective")

# People are followed for what they write.
register_followable(User)

register_reportable(Comment, author_field="author", space_of=lambda comment: comment.target)
