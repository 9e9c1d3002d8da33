"""What the connecting area offers the community layer.

- Direct messages and threads can be reported; at settings.COMMUNITY["REPORTS_TO_HIDE"] reports
  they are hidden pending review. A thread's space is the thread itself (its discussion, whose
  moderators are the group's): `space_of` must name a commentable object for the space's
  moderators to decide, and a Group has no discussion of its own. Messages have no space: only
  the platform moderators decide on them, through the moderation case.
- A thread's replies are community comments. The registry has no access mode where everyone
  reads and only some people write: PUBLIC lets every signed-in user write, and `writable_q`
  takes no user. PARTICIPANTS with the group's members as participants is the closest that never
  lets a non-member write: the replies are read and written by the group's members (and, as in
  every PARTICIPANTS discussion, the secretariat); everyone else reads the opening post only.
  The group's moderators moderate the replies. The thread page includes the discussion itself.
"""

from passerelle.community.choices import CommentAccess
from passerelle.community.registry import register_commentable, register_reportable

from .models import Message, Thread
from .permissions_connecting import member_of_groups_q, moderated_groups_q

register_reportable(Message, author_field="sender")
register_reportable(Thread, author_field="author", space_of=lambda thread: thread)
register_commentable(
    Thread,
    access=CommentAccess.PARTICIPANTS,
    participants_q=lambda user: member_of_groups_q(user, prefix="group__"),
    space_moderators_q=lambda user: moderated_groups_q(user, prefix="group__"),
)
