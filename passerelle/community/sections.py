"""The discussion and the follow button on the pages of every commentable model that names a
page (core.sections)."""

from django.conf import settings

from passerelle.core.sections import register_section

from . import registrations, registry, selectors, trust  # noqa: F401  (registrations fill the registry first)
from .choices import CommentOrder
from .forms import CommentForm
from .models import Comment, Follow
from .permissions import may_moderate_discussion, may_read_discussion, may_write_discussion


def discussion_context(request, obj) -> dict | None:
    """What `community/_discussion.html` needs to show the discussion of `obj`; None when the
    user may not read it. Views of higher modules call this to include a discussion themselves."""
    user = request.user
    if not may_read_discussion(user, obj):
        return None
    return {
        "target": obj,
        "content_type_id": registry.content_type_of(obj).pk,
        "thread": selectors.thread_page(
            obj,
            user,
            order=request.GET.get("comments_order", ""),
            page_number=request.GET.get("comments_page", 1),
        ),
        "may_write": may_write_discussion(user, obj),
        "may_moderate": may_moderate_discussion(user, obj),
        "comment_content_type_id": registry.content_type_of(Comment).pk,
        "order_choices": CommentOrder.choices,
        "form": CommentForm(initial={"language": request.LANGUAGE_CODE}),
        "is_following": selectors.is_following(user, obj),
        "edit_window_minutes": settings.COMMUNITY["EDIT_WINDOW_MINUTES"],
    }


def dashboard_context(request, user) -> dict:
    return {
        "person": user,
        "follow_count": Follow.objects.filter(user=user).count(),
        "trusted": trust.trust_level(user) == trust.TRUSTED,
        "sanction": trust.active_sanction(user),
    }


def register_discussion_sections() -> None:
    for entry in registry.commentables():
        if entry.page:
            register_section(
                entry.page,
                "discussion",
                template="community/_discussion.html",
                get_context=discussion_context,
                order=900,
            )


register_discussion_sections()
register_section(
    "dashboard", "community", template="community/_dashboard.html", get_context=dashboard_context
)
