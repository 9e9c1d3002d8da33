"""Reports and moderation: who moderates what, the moderation policies, the reads behind the
queue and the case page, and every write (report, decide, sanction, appeal).

A piece of content has at most one open case (a partial unique constraint). Reports accumulate
on it; at settings.COMMUNITY["REPORTS_TO_HIDE"] the content is hidden pending review, and every
listing of it drops it (they filter on `moderation_status`). Moderators are the platform's
(secretariat, `is_platform_moderator`) and each discussion space's own (`space_moderation_q`):
space moderators decide on content in their spaces and may warn; suspensions, bans, lifting them
and appeals are the platform moderators'. Every write is audited with its reason, on the case
(case and appeal actions) or on the user (sanctions), and notifications follow from those
entries (notification_types.py).

- `content`: the reported content — its author, its discussion space, a plain-text excerpt
- `policies`: who moderates what (`can_moderate`, `is_moderator`, the cases they see) and the
  policies of cases, reports, sanctions and appeals, registered when this package is imported
- `selectors`: the queue and its count, pending appeals, a case and its context, an author's
  own cases and sanctions
- `services`: report, decide (hide, restore, edit), sanction and lift, appeal and decide
"""

from .content import EXCERPT_LENGTH, author_of, case_content, content_excerpt, space_of
from .policies import (
    APPEALABLE_STATUSES,
    AppealPolicy,
    ModerationCasePolicy,
    ReportPolicy,
    SanctionPolicy,
    can_moderate,
    is_moderator,
    moderated_cases_q,
    platform_moderators,
    reportable_models,
    space_cases_q,
    space_moderators,
)
from .selectors import (
    appeal_queue,
    attach_content,
    case_audit_trail,
    case_context,
    case_get,
    cases_of_author,
    moderation_queue,
    open_case_count,
    sanctions_of,
)
from .services import (
    SANCTION_ACTIONS,
    appeal_create,
    appeal_decide,
    content_hide,
    decide_edit,
    decide_hide,
    decide_restore,
    may_sanction,
    report_create,
    reports_to_hide,
    sanction_create,
    sanction_lift,
)

__all__ = [
    "APPEALABLE_STATUSES",
    "EXCERPT_LENGTH",
    "SANCTION_ACTIONS",
    "AppealPolicy",
    "ModerationCasePolicy",
    "ReportPolicy",
    "SanctionPolicy",
    "appeal_create",
    "appeal_decide",
    "appeal_queue",
    "attach_content",
    "author_of",
    "can_moderate",
    "case_audit_trail",
    "case_content",
    "case_context",
    "case_get",
    "cases_of_author",
    "content_excerpt",
    "content_hide",
    "decide_edit",
    "decide_hide",
    "decide_restore",
    "is_moderator",
    "may_sanction",
    "moderated_cases_q",
    "moderation_queue",
    "open_case_count",
    "platform_moderators",
    "report_create",
    "reportable_models",
    "reports_to_hide",
    "sanction_create",
    "sanction_lift",
    "sanctions_of",
    "space_cases_q",
    "space_moderators",
    "space_of",
]
