"""The community layer's data: comments on any registered object, reactions, follows, reports and
moderation cases, sanctions and appeals, notifications and their e-mail preferences.

Targets are generic (content type + object id as text, like the audit trail) because every module
plugs in through `registry.py`; what a target may be is decided there, not here.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import AuditEntry, TimeStampedModel
from passerelle.core.permissions import RestrictedQuerySet

from .choices import (
    OPEN_CASE_STATUSES,
    AppealStatus,
    CaseStatus,
    EmailFrequency,
    EmailStatus,
    ModerationStatus,
    ReactionKind,
    ReportReason,
    SanctionKind,
)

MAX_COMMENT_DEPTH = 3


class TargetQuerySet(RestrictedQuerySet):
    def for_object(self, obj: models.Model):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )


class GenericTarget(models.Model):
    """A row about another object of any registered model."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64)
    target = GenericForeignKey("content_type", "object_id")

    objects = TargetQuerySet.as_manager()

    class Meta:
        abstract = True


class ModeratedContent(models.Model):
    """What a module's user-written content carries so that reports can hide it everywhere it
    appears: every listing of such content filters on `moderation_status` (see
    `registry.register_reportable`)."""

    moderation_status = models.CharField(
        _("moderation"),
        max_length=20,
        choices=ModerationStatus.choices,
        default=ModerationStatus.VISIBLE,
        db_index=True,
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.moderation_status != ModerationStatus.VISIBLE


class Comment(GenericTarget, ModeratedContent, TimeStampedModel):
    """A comment or a reply. `body` is Markdown exactly as written; `body_html` is its sanitised
    rendering, kept so that a page of comments costs no Markdown work."""

    thread = models.ForeignKey(
        "self",
        verbose_name=_("thread"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread_comments",
        help_text=_("The top-level comment this reply belongs to; empty for a top-level comment."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    body = models.TextField(_("comment"), max_length=10_000)
    body_html = models.TextField(_("rendered comment"), editable=False)
    body_hash = models.CharField(max_length=64, editable=False, db_index=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    edited_at = models.DateTimeField(_("last edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    useful_count = models.PositiveIntegerField(_("marked useful"), default=0)
    mentioned_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("mentions")
    )
    mentioned_organisations = models.ManyToManyField(
        "accounts.Organisation", blank=True, related_name="+", verbose_name=_("mentions")
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "thread", "created"]),
            models.Index(fields=["author", "created"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(depth__lte=MAX_COMMENT_DEPTH), name="community_comment_depth_max"
            ),
            models.CheckConstraint(
                condition=Q(thread__isnull=True, parent__isnull=True, depth=0)
                | Q(thread__isnull=False, parent__isnull=False, depth__gt=0),
                name="community_comment_reply_has_thread_and_parent",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.body[:60]}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def edit_window_open(self) -> bool:
        window = timedelta(minutes=settings.COMMUNITY["EDIT_WINDOW_MINUTES"])
        return timezone.now() - self.created <= window


class CommentRevision(models.Model):
    """The text a comment had before an edit (the author's, or a moderator's with a note)."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField(_("previous text"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderator_note = models.TextField(_("moderator's note"), blank=True)
    created = models.DateTimeField(_("edited"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment revision")
        verbose_name_plural = _("comment revisions")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"revision of comment #{self.comment_id}"


class Reaction(GenericTarget):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(_("reaction"), max_length=20, choices=ReactionKind.choices)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id", "kind"],
                name="community_reaction_once_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ReactionKind.values), name="community_reaction_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id} on {self.content_type_id}/{self.object_id}"


class Follow(GenericTarget):
    """A user follows an object, an organisation, a person or a topic (capacity area, GCM
    objective, country): what happens to it reaches them as notifications."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="community_follow_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.content_type_id}/{self.object_id}"


class ModerationCase(GenericTarget, TimeStampedModel):
    """The reports about one piece of content and the moderators' decision on them. A piece of
    content has at most one open case; a decided case stays as its history."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author of the content"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_cases",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    report_count = models.PositiveIntegerField(_("reports"), default=0)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason given"), blank=True)

    class Meta:
        verbose_name = _("moderation case")
        verbose_name_plural = _("moderation cases")
        ordering = ["-updated", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(status__in=OPEN_CASE_STATUSES),
                name="community_case_one_open_per_content",
            ),
            models.CheckConstraint(
                condition=Q(status__in=OPEN_CASE_STATUSES)
                | Q(decided_at__isnull=False, decision_reason__gt=""),
                name="community_case_decision_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_CASE_STATUSES


class Report(models.Model):
    case = models.ForeignKey(ModerationCase, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "reporter"], name="community_report_once"),
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values), name="community_report_reason_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.case_id})"


class Sanction(models.Model):
    """A warning, a suspension (until a date) or a ban, with its reason."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SanctionKind.choices)
    reason = models.TextField(_("reason"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    case = models.ForeignKey(
        ModerationCase, null=True, blank=True, on_delete=models.SET_NULL, related_name="sanctions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)

    class Meta:
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SanctionKind.values), name="community_sanction_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=SanctionKind.SUSPENSION) | Q(until__isnull=False),
                name="community_suspension_has_end",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="community_sanction_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user_id}"


class Appeal(TimeStampedModel):
    """The author's one appeal against a moderation decision."""

    case = models.OneToOneField(ModerationCase, on_delete=models.CASCADE, related_name="appeal")
    appellant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals"
    )
    text = models.TextField(_("why the decision should change"), max_length=4000)
    status = models.CharField(
        _("status"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=AppealStatus.PENDING)
                | Q(decided_at__isnull=False, decision_note__gt=""),
                name="community_appeal_decision_has_note",
            )
        ]


class Notification(GenericTarget):
    """One thing a user should know, derived from one audit entry. `data` holds what the message
    needs (names, excerpt, link) so that listing notifications costs no joins; the message itself
    is rendered in the recipient's language when shown or mailed."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=50)
    audit_entry = models.ForeignKey(
        AuditEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_status = models.CharField(
        max_length=20, choices=EmailStatus.choices, default=EmailStatus.NONE
    )
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-id"]
        constraints = [
            # Dispatching an audit entry twice (a retried task, the catch-up sweep) is harmless.
            models.UniqueConstraint(
                fields=["recipient", "audit_entry", "kind"], name="community_notification_once"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_status", "recipient"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"


class NotificationPreference(models.Model):
    """How a user wants one kind of notification e-mailed; without a row, the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=50)
    email = models.CharField(
        _("e-mail"), max_length=20, choices=EmailFrequency.choices, default=EmailFrequency.DAILY
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="community_preference_once"),
            models.CheckConstraint(
                condition=Q(email__in=EmailFrequency.values),
                name="community_preference_email_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.email}"


class DispatchCursor(models.Model):
    """How far the catch-up sweep has turned audit entries into notifications. The queue only
    wakes workers up; this cursor and the audit trail are the durable record, so a lost queue
    (Redis restarted) loses no notification."""

    name = models.CharField(max_length=50, unique=True)
    last_entry_id = models.BigIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} at {self.last_entry_id}"
