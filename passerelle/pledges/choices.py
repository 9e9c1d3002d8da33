from django.db import models
from django.utils.translation import gettext_lazy as _


class PledgeForm(models.TextChoices):
    """What is pledged (the Migration Network Hub's forms of pledge)."""

    FINANCIAL = "financial", _("Financial")
    HUMAN_RESOURCE = "human_resource", _("Human resources")
    PROCESS = "process", _("Process")
    POLICY = "policy", _("Policy")


class PledgeType(models.TextChoices):
    """Who pledges with whom."""

    INDIVIDUAL = "individual", _("Individual")
    COMMON = "common", _("Common, made together with others")
    IN_PARTNERSHIP = "in_partnership", _("In partnership")
    MATCHING = "matching", _("Matching another pledge")


# A pledge of these types names its partners; the others name none.
TYPES_WITH_PARTNERS = (PledgeType.COMMON, PledgeType.IN_PARTNERSHIP)


class PledgeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A pledge another one may match: public, and still standing.
MATCHABLE_STATUSES = (PledgeStatus.PUBLISHED, PledgeStatus.CLOSED)


class Completion(models.TextChoices):
    """How far a pledge is fulfilled, in the order of the scale."""

    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")


def completion_step(completion: str) -> int:
    """A completion's place on the scale: 0 (not started) to 3 (complete)."""
    return Completion.values.index(completion)


class ReportingLight(models.TextChoices):
    """Where a published pledge stands with its reports (reporting.status_light)."""

    GREEN = "green", _("On track")
    AMBER = "amber", _("Report due soon")
    RED = "red", _("Overdue")
