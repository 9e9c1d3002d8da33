"""The kinds of notification the community layer raises (registry.register_notification_type).
Other modules register their own kinds in their own module."""

import html
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import Membership, User

from . import moderation, selectors
from .choices import AppealStatus, CaseStatus, EmailFrequency
from .models import Comment, ModerationCase
from .registry import NotificationType, register_notification_type

# Comments, mentions, follows
COMMENT_CREATED = "community.comment.created"
COMMENT_EDITED = "community.comment.edited"
EXCERPT_LENGTH = 140


def comment_excerpt(comment: Comment) -> str:
    """The comment as plain text (no markup, entities decoded), at most EXCERPT_LENGTH characters.
    Templates escape it like any other text."""
    text = html.unescape(strip_tags(comment.body_html or comment.body))
    return Truncator(" ".join(text.split())).chars(EXCERPT_LENGTH)


def path_without_language(path: str) -> str:
    """Notifications are read in several languages: their links carry no language prefix and get
    the reader's when shown or mailed (notifications.selectors.localised_path)."""
    prefix = f"/{translation.get_language()}/"
    return "/" + path.removeprefix(prefix) if path.startswith(prefix) else path


def _comment_context(entry) -> tuple[Comment | None, dict]:
    """The comment an entry is about and the data every notification about it carries. Three
    kinds read the same entry: the result is kept on the entry, so it is loaded once."""
    if not hasattr(entry, "_community_comment"):
        is_comment = entry.content_type_id == ContentType.objects.get_for_model(Comment).pk
        comment = (
            Comment.objects.select_related("author", "parent__author", "content_type")
            .filter(pk=entry.object_id)
            .first()
            if is_comment and entry.object_id.isdigit()
            else None
        )
        data = {}
        if comment is not None:
            with translation.override(settings.LANGUAGE_CODE):
                url = reverse("community:comment_detail", kwargs={"pk": comment.pk})
                data = {
                    "actor": comment.author.full_name if comment.author else "",
                    "target": str(comment.target)[:200],
                    "excerpt": comment_excerpt(comment),
                    "url": path_without_language(url),
                }
        entry._community_comment = (comment, data)
    return entry._community_comment


def _reply_recipients(entry):
    comment, data = _comment_context(entry)
    if comment is None or comment.parent is None or comment.parent.author is None:
        return []
    return [(comment.parent.author, comment, data)]


def _mention_recipients(entry):
    comment, data = _comment_context(entry)
    if comment is None:
        return []
    user_ids = entry.data.get("mentioned_user_ids") or []
    organisation_ids = entry.data.get("mentioned_organisation_ids") or []
    recipients = [(user, comment, data) for user in User.objects.filter(pk__in=user_ids)]
    if organisation_ids:
        memberships = Membership.objects.filter(
            organisation__in=organisation_ids,
            role__in=[MembershipRole.ADMIN, MembershipRole.EDITOR],
        ).select_related("user", "organisation")
        recipients += [
            (m.user, comment, {**data, "organisation": m.organisation.name}) for m in memberships
        ]
    return recipients


def _followed_recipients(entry):
    comment, data = _comment_context(entry)
    if comment is None:
        return []
    followers = selectors.followers_of(comment.target, comment.author)
    return [(user, comment, data) for user in followers]


def _actor(data) -> str:
    return data.get("actor") or gettext("Someone")


def _reply_message(data) -> str:
    return gettext("%(actor)s replied to your comment on “%(target)s”") % {
        "actor": _actor(data),
        "target": data.get("target", ""),
    }


def _mention_message(data) -> str:
    if data.get("organisation"):
        return gettext("%(actor)s mentioned %(organisation)s in a comment on “%(target)s”") % {
            "actor": _actor(data),
            "organisation": data["organisation"],
            "target": data.get("target", ""),
        }
    return gettext("%(actor)s mentioned you in a comment on “%(target)s”") % {
        "actor": _actor(data),
        "target": data.get("target", ""),
    }


def _followed_message(data) -> str:
    return gettext("%(actor)s commented on “%(target)s”") % {
        "actor": _actor(data),
        "target": data.get("target", ""),
    }


register_notification_type(
    NotificationType(
        kind="comment_reply",
        actions=(COMMENT_CREATED,),
        label=_("Replies to my comments"),
        description=_("Someone replies to a comment you wrote."),
        recipients=_reply_recipients,
        message=_reply_message,
        default_email=EmailFrequency.IMMEDIATE,
    )
)
register_notification_type(
    NotificationType(
        kind="mention",
        actions=(COMMENT_CREATED, COMMENT_EDITED),
        label=_("Mentions"),
        description=_(
            "Someone mentions you, or an organisation you administer or edit for, in a comment."
        ),
        recipients=_mention_recipients,
        message=_mention_message,
        default_email=EmailFrequency.IMMEDIATE,
    )
)
register_notification_type(
    NotificationType(
        kind="followed_activity",
        actions=(COMMENT_CREATED,),
        label=_("Activity on what I follow"),
        description=_(
            "A new comment on something you follow, or by someone you follow. Not sent when you "
            "are already notified of the comment as a reply or a mention."
        ),
        recipients=_followed_recipients,
        message=_followed_message,
        default_email=EmailFrequency.DAILY,
        # The dispatcher skips whoever another kind already notified of the same entry.
        extra={"skip_if_notified": True},
    )
)
# Moderation
# The author hears of every decision about their content (mandatory: it must reach them even if
# they turned notifications off), the moderators of content reaching the report threshold and of
# appeals. The target is the case (or, for sanctions, the person), never the content: hidden
# content is not shown in notifications, but a case is visible to its author and moderators.
# Messages never name the reporters; the dispatcher is asked (extra["hide_actor"]) not to show
# the moderator either, as moderation speaks for the platform.

CASE_OUTCOME_ACTIONS = (
    "community.case.auto_hidden",
    "community.case.decided",
    "community.appeal.decided",
)
SANCTION_OUTCOME_ACTIONS = (
    *moderation.SANCTION_ACTIONS.values(),
    "community.user.sanction_lifted",
)
QUEUE_ACTIONS = ("community.case.auto_hidden", "community.appeal.submitted")


def _moderation_path(name: str, **kwargs) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return path_without_language(reverse(name, kwargs=kwargs))


def _case_of(entry) -> ModerationCase | None:
    """The case an entry is about, with its content, loaded once per entry for both kinds."""
    if not hasattr(entry, "_moderation_case"):
        case = (
            ModerationCase.objects.select_related("author").filter(pk=entry.object_id).first()
            if entry.object_id.isdigit()
            else None
        )
        entry._moderation_case = moderation.attach_content([case])[0] if case else None
    return entry._moderation_case


def _case_data(case: ModerationCase, entry, url: str) -> dict:
    return {
        "event": entry.action.rsplit(".", 1)[-1],
        "decision": entry.data.get("decision", ""),
        "reason": entry.data.get("reason", ""),
        "reports": case.report_count,
        "excerpt": case.excerpt,
        "target": str(case.space)[:200] if case.space is not None else "",
        "url": url,
    }


def _moderation_outcome_recipients(entry):
    if entry.action in SANCTION_OUTCOME_ACTIONS:
        user = User.objects.filter(pk=entry.object_id).first()
        if user is None:
            return []
        data = {
            "event": entry.action.rsplit(".", 1)[-1],
            "reason": entry.data.get("reason", ""),
            "until": entry.data.get("until") or "",
            "url": _moderation_path("community:moderation_mine"),
        }
        return [(user, user, data)]
    case = _case_of(entry)
    if case is None or case.author is None:
        return []
    if entry.data.get("decision") == CaseStatus.RESTORED and case.hidden_at is None:
        return []  # reports below the threshold, dismissed: nothing changed for the author
    url = _moderation_path("community:moderation_appeal", pk=case.pk)
    return [(case.author, case, _case_data(case, entry, url))]


def _moderation_queue_recipients(entry):
    case = _case_of(entry)
    if case is None:
        return []
    moderators = list(moderation.platform_moderators())
    if entry.action == "community.case.auto_hidden":
        moderators += list(moderation.space_moderators(case.space))
    data = _case_data(case, entry, _moderation_path("community:moderation_case", pk=case.pk))
    return [(user, case, data) for user in moderators if user.pk != case.author_id]


def _formatted(value: str) -> str:
    moment = parse_datetime(value) if value else None
    return date_format(moment, "DATETIME_FORMAT") if isinstance(moment, datetime) else value


OUTCOME_MESSAGES = {
    "auto_hidden": _(
        "Your content “%(excerpt)s” was reported by several people and is hidden until a "
        "moderator reviews it."
    ),
    CaseStatus.HIDDEN: _("A moderator hid your content “%(excerpt)s”: %(reason)s"),
    CaseStatus.RESTORED: _(
        "A moderator reviewed your content “%(excerpt)s” and shows it again: %(reason)s"
    ),
    CaseStatus.EDITED: _("A moderator edited your content “%(excerpt)s”: %(reason)s"),
    AppealStatus.GRANTED: _(
        "Your appeal was granted; your content “%(excerpt)s” is shown again: %(reason)s"
    ),
    AppealStatus.REJECTED: _(
        "Your appeal about “%(excerpt)s” was rejected; the decision stands: %(reason)s"
    ),
    "warned": _("The moderators sent you a warning: %(reason)s"),
    "suspended": _("Your account is suspended from discussions until %(until)s: %(reason)s"),
    "banned": _("Your account is banned from discussions: %(reason)s"),
    "sanction_lifted": _("The moderators lifted a sanction on your account: %(reason)s"),
}


def _moderation_outcome_message(data) -> str:
    template = OUTCOME_MESSAGES.get(data.get("decision") or data.get("event", ""))
    if template is None:
        return gettext("A moderator took a decision about your content.")
    return str(template) % {
        "excerpt": data.get("excerpt", ""),
        "reason": data.get("reason", ""),
        "until": _formatted(data.get("until", "")),
    }


def _moderation_queue_message(data) -> str:
    if data.get("event") == "submitted":
        return gettext("An author appealed a moderation decision about “%(excerpt)s”") % {
            "excerpt": data.get("excerpt", "")
        }
    count = data.get("reports", 0)
    return ngettext(
        "Hidden after %(count)d report, waiting for review: “%(excerpt)s”",
        "Hidden after %(count)d reports, waiting for review: “%(excerpt)s”",
        count,
    ) % {"count": count, "excerpt": data.get("excerpt", "")}


register_notification_type(
    NotificationType(
        kind="moderation_outcome",
        actions=(*CASE_OUTCOME_ACTIONS, *SANCTION_OUTCOME_ACTIONS),
        label=_("Moderation of my content and account"),
        description=_(
            "Your content is hidden, restored or edited by the moderators, an appeal is decided, "
            "or you receive a warning, a suspension or a ban. Always sent."
        ),
        recipients=_moderation_outcome_recipients,
        message=_moderation_outcome_message,
        default_email=EmailFrequency.IMMEDIATE,
        mandatory=True,
        extra={"hide_actor": True},
    )
)
register_notification_type(
    NotificationType(
        kind="moderation_queue",
        actions=QUEUE_ACTIONS,
        label=_("Moderation queue"),
        description=_(
            "For moderators: content hidden after reports in a discussion you moderate, and "
            "appeals against decisions."
        ),
        recipients=_moderation_queue_recipients,
        message=_moderation_queue_message,
        default_email=EmailFrequency.DAILY,
        audience=moderation.is_moderator,
    )
)
