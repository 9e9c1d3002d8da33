from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemKind(models.TextChoices):
    PRACTICE = "practice", _("Practice")
    LESSON = "lesson", _("Lesson learned")
    RESOURCE = "resource", _("Resource")


class ItemStatus(models.TextChoices):
    """A submission's way to publication (the Migration Network Hub's repository of practices):
    written, submitted to the curators, peer-reviewed, revised by its authors, then published or
    declined. A published item can be withdrawn."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In peer review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The authors write in these; the curators and reviewers see every status but drafts.
AUTHOR_EDITABLE = (ItemStatus.DRAFT, ItemStatus.CHANGES_REQUESTED, ItemStatus.PUBLISHED)
BEFORE_PUBLICATION = (
    ItemStatus.SUBMITTED,
    ItemStatus.IN_REVIEW,
    ItemStatus.CHANGES_REQUESTED,
    ItemStatus.DECLINED,
)


class ResourceType(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    GUIDE = "guide", _("Guide")
    TOOL = "tool", _("Tool")
    TRAINING = "training", _("Training material")
    DATASET = "dataset", _("Dataset")


class Audience(models.TextChoices):
    POLICYMAKERS = "policymakers", _("Policymakers")
    PRACTITIONERS = "practitioners", _("Practitioners")
    LOCAL_AUTHORITIES = "local_authorities", _("Local authorities")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    RESEARCHERS = "researchers", _("Researchers")
    MIGRANTS = "migrants", _("Migrants and diaspora")
    GENERAL = "general", _("General public")


class Scope(models.TextChoices):
    LOCAL = "local", _("Local")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    GLOBAL = "global", _("Global")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Criterion(models.TextChoices):
    """The Migration Network Hub's eligibility criteria for a practice; a call may add its own."""

    GCM_OBJECTIVES = "gcm_objectives", _("Relates to one or more GCM objectives")
    GUIDING_PRINCIPLES = "guiding_principles", _("Respects the GCM guiding principles")
    COMPLETED = "completed", _("Mostly or fully completed")
    INNOVATIVE = "innovative", _("Innovative")
    REPLICABLE = "replicable", _("Replicable or adaptable elsewhere")
    EVIDENCE = "evidence", _("Results supported by evidence")


class Verdict(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class ReviewStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    SUBMITTED = "submitted", _("Submitted")


class Recommendation(models.TextChoices):
    PUBLISH = "publish", _("Publish")
    CHANGES = "changes", _("Request changes")
    DECLINE = "decline", _("Decline")
