from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentAccess(models.TextChoices):
    """Who reads and writes the discussion of a commentable object (declared per model in the
    registry). Reading also requires seeing the object itself."""

    PUBLIC = "public", _("Public: everyone who sees the object reads; signed-in users write")
    REGISTERED = "registered", _("Registered: signed-in users read and write")
    MEMBERS = "members", _("Members of the owning organisation")
    PARTICIPANTS = "participants", _("Participants")


class ModerationStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    PENDING_REVIEW = "pending_review", _("Hidden pending review")
    HIDDEN = "hidden", _("Hidden by a moderator")


class CommentOrder(models.TextChoices):
    OLDEST = "oldest", _("Oldest first")
    NEWEST = "newest", _("Newest first")
    USEFUL = "useful", _("Most useful")


class ReactionKind(models.TextChoices):
    """A small fixed set, as Discourse and Decidim keep theirs. "Useful" orders threads."""

    USEFUL = "useful", _("Useful")
    AGREE = "agree", _("Agree")
    THANKS = "thanks", _("Thanks")
    QUESTION = "question", _("Has a question")


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSE = "abuse", _("Abusive, hateful or harassing")
    PERSONAL_DATA = "personal_data", _("Exposes personal data")
    MISINFORMATION = "misinformation", _("False or misleading")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Reported, still visible")
    PENDING_REVIEW = "pending_review", _("Hidden pending review")
    HIDDEN = "hidden", _("Decided: hidden")
    RESTORED = "restored", _("Decided: restored")
    EDITED = "edited", _("Decided: edited by a moderator")


OPEN_CASE_STATUSES = (CaseStatus.OPEN, CaseStatus.PENDING_REVIEW)


class SanctionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    SUSPENSION = "suspension", _("Suspension")
    BAN = "ban", _("Ban")


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting a decision")
    GRANTED = "granted", _("Granted: decision reversed")
    REJECTED = "rejected", _("Rejected: decision upheld")


class EmailFrequency(models.TextChoices):
    OFF = "off", _("No e-mail")
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class EmailStatus(models.TextChoices):
    """Where a notification stands on its way to the recipient's mailbox."""

    NONE = "none", _("Not e-mailed")
    IMMEDIATE = "immediate", _("Waiting to be e-mailed")
    DAILY = "daily", _("Waiting for the daily digest")
    WEEKLY = "weekly", _("Waiting for the weekly digest")
    SENT = "sent", _("E-mailed")
    DROPPED = "dropped", _("Not e-mailed: content hidden or unsubscribed")
