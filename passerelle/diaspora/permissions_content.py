"""Who sees and changes stories. A published story is public while it is visible; a draft is
seen by its author and the editors of the organisation it speaks for; a story hidden after
reports (pending review or hidden by a moderator) is seen by its author, who sees it marked
hidden, and by the platform's moderators, who review it. Its author, or an editor of its
organisation, changes, publishes and deletes it."""

from django.db.models import Q

from passerelle.accounts.choices import MembershipRole
from passerelle.community.choices import ModerationStatus
from passerelle.community.permissions import is_platform_moderator
from passerelle.core.permissions import Policy, register_policy

from .choices import PublicationStatus
from .models import Story
from .permissions import is_active_user

CHANGES = ("change", "publish", "unpublish", "delete")


def editor_organisation_ids(user) -> list[int]:
    """The organisations `user` edits for (editor or administrator)."""
    if not is_active_user(user):
        return []
    return [pk for pk in user.organisation_roles if user.has_role(pk, MembershipRole.EDITOR)]


def edits_story(user, story: Story) -> bool:
    if not is_active_user(user):
        return False
    if story.author_id == user.pk:
        return True
    return story.organisation_id is not None and story.organisation_id in editor_organisation_ids(
        user
    )


class StoryPolicy(Policy):
    def visible_q(self, user) -> Q:
        visible = Q(status=PublicationStatus.PUBLISHED, moderation_status=ModerationStatus.VISIBLE)
        if is_active_user(user):
            visible |= Q(author=user)
            if is_platform_moderator(user):
                visible |= Q(status=PublicationStatus.PUBLISHED)
            visible |= Q(
                organisation__in=editor_organisation_ids(user),
                moderation_status=ModerationStatus.VISIBLE,
            )
        return visible

    def can(self, user, action, obj) -> bool:
        if action == "view":
            return Story.objects.filter(pk=obj.pk).filter(self.visible_q(user)).exists()
        return action in CHANGES and edits_story(user, obj)


register_policy(Story, StoryPolicy())
