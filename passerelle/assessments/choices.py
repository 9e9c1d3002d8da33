from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    NATIONAL = "national", _("National")
    LOCAL = "local", _("Local")


class AppliesTo(models.TextChoices):
    NATIONAL = "national", _("National")
    LOCAL = "local", _("Local")
    BOTH = "both", _("National and local")


class Scale(models.TextChoices):
    """MGI scores absence / partial / complete presence; SDG 10.7.2 scores 1 to 4."""

    THREE_LEVEL = "three_level", _("Three levels (absent, partial, complete)")
    FOUR_LEVEL = "four_level", _("Four levels (1 to 4)")

    @property
    def top(self) -> int:
        return 3 if self == Scale.THREE_LEVEL else 4


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class AssessmentStatus(models.TextChoices):
    """MGI's process: draft profile → consultation → validation by focal points → publication."""

    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    SUBMITTED = "submitted", _("Submitted for validation")
    VALIDATED = "validated", _("Validated")
    PUBLISHED = "published", _("Published")


# Answers may change while the assessment is being drafted or consulted on.
OPEN_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.CONSULTATION)


class Disclosure(models.TextChoices):
    """What a published assessment shows to everyone."""

    NOTHING = "nothing", _("Nothing (kept private)")
    SCORES = "scores", _("Scores only")
    ALL = "all", _("Scores, answers and evidence")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")

    @property
    def rank(self) -> int:
        return {"high": 0, "medium": 1, "low": 2}[self.value]


class BenchmarkStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    ACHIEVED = "achieved", _("Achieved")
    OVERDUE = "overdue", _("Overdue")
