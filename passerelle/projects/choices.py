"""The projects module's vocabularies. Where IATI 2.03 has a codelist the values are its codes,
so that the export writes them as they are (REFERENCE.md, `../shared/standards/`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.IntegerChoices):
    """IATI ActivityStatus."""

    PIPELINE = 1, _("Pipeline / identification")
    IMPLEMENTATION = 2, _("Implementation")
    FINALISATION = 3, _("Finalisation")
    CLOSED = 4, _("Closed")
    CANCELLED = 5, _("Cancelled")
    SUSPENDED = 6, _("Suspended")


# Values are reported while a project runs, and after it ends until it is closed.
REPORTING_STATUSES = (ProjectStatus.IMPLEMENTATION, ProjectStatus.FINALISATION)

# Which status may follow which: a closed or cancelled project is history.
NEXT_STATUSES = {
    ProjectStatus.PIPELINE: (ProjectStatus.IMPLEMENTATION, ProjectStatus.CANCELLED),
    ProjectStatus.IMPLEMENTATION: (
        ProjectStatus.FINALISATION,
        ProjectStatus.SUSPENDED,
        ProjectStatus.CANCELLED,
    ),
    ProjectStatus.SUSPENDED: (ProjectStatus.IMPLEMENTATION, ProjectStatus.CANCELLED),
    ProjectStatus.FINALISATION: (ProjectStatus.CLOSED,),
    ProjectStatus.CLOSED: (),
    ProjectStatus.CANCELLED: (),
}


class Scope(models.IntegerChoices):
    """IATI ActivityScope; "local" is a single second-level administrative area (a city or a
    district), what a city hall's project covers."""

    GLOBAL = 1, _("Global")
    REGIONAL = 2, _("Regional")
    MULTI_NATIONAL = 3, _("Multi-national")
    NATIONAL = 4, _("National")
    LOCAL = 7, _("Local")


class ParticipantRole(models.IntegerChoices):
    """IATI OrganisationRole."""

    FUNDING = 1, _("Funding")
    ACCOUNTABLE = 2, _("Accountable")
    EXTENDING = 3, _("Extending")
    IMPLEMENTING = 4, _("Implementing")


class Significance(models.IntegerChoices):
    """IATI PolicySignificance, the levels a capacity project uses."""

    NOT_TARGETED = 0, _("Not targeted")
    SIGNIFICANT = 1, _("Significant objective")
    PRINCIPAL = 2, _("Principal objective")


class DocumentCategory(models.TextChoices):
    """IATI DocumentCategory, the codes a partnership's documents fall under."""

    OBJECTIVES = "A02", _("Objectives / purpose of activity")
    CONDITIONS = "A04", _("Conditions")
    BUDGET = "A05", _("Budget")
    SUMMARY = "A06", _("Summary information about contract")
    EVALUATION = "A07", _("Review and evaluation")
    RESULTS = "A08", _("Results, outcomes and outputs")
    MOU = "A09", _("Memorandum of understanding")
    TENDER = "A10", _("Tender")
    CONTRACT = "A11", _("Contract")


class ResultType(models.IntegerChoices):
    """IATI ResultType. A result's parent is one level up: an output serves an outcome, an
    outcome serves the impact."""

    OUTPUT = 1, _("Output")
    OUTCOME = 2, _("Outcome")
    IMPACT = 3, _("Impact")


PARENT_TYPE = {ResultType.OUTPUT: ResultType.OUTCOME, ResultType.OUTCOME: ResultType.IMPACT}


class Measure(models.IntegerChoices):
    """IATI IndicatorMeasure."""

    UNIT = 1, _("Unit")
    PERCENTAGE = 2, _("Percentage")
    NOMINAL = 3, _("Nominal")
    ORDINAL = 4, _("Ordinal")
    QUALITATIVE = 5, _("Qualitative")


# Measures whose values are numbers: progress against a target is computed for these.
QUANTITATIVE = (Measure.UNIT, Measure.PERCENTAGE, Measure.ORDINAL)


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")
    CUSTOM = "custom", _("Custom periods")


FREQUENCY_MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}


class ValueStatus(models.TextChoices):
    """A reported value's approval, DHIS2-style: the implementer saves and submits, the
    accountable organisation approves or returns it with a comment."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")


# The implementer may change a value in these states.
EDITABLE_VALUE_STATUSES = (ValueStatus.DRAFT, ValueStatus.RETURNED)


class Progress(models.TextChoices):
    """An indicator's standing against its target, by the secretariat's rules."""

    ACHIEVED = "achieved", _("Achieved")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_DATA = "no_data", _("No data yet")


class Dimension(models.TextChoices):
    """Disaggregation dimensions an indicator may define, each with its categories."""

    SEX = "sex", _("Sex")
    AGE_GROUP = "age_group", _("Age group")
    MIGRANT_STATUS = "migrant_status", _("Migrant status")
    LOCATION = "location", _("Location")


class EvaluationType(models.TextChoices):
    MID_TERM = "mid_term", _("Mid-term evaluation")
    FINAL = "final", _("Final evaluation")
    IMPACT = "impact", _("Impact evaluation")
    EX_POST = "ex_post", _("Ex-post evaluation")


class EvaluationMethod(models.TextChoices):
    DESK_REVIEW = "desk_review", _("Desk review")
    MIXED = "mixed", _("Mixed methods")
    CONTRIBUTION = "contribution", _("Contribution analysis")
    QUASI_EXPERIMENTAL = "quasi_experimental", _("Quasi-experimental")
    EXPERIMENTAL = "experimental", _("Randomised (experimental)")
    PARTICIPATORY = "participatory", _("Participatory")


class Rating(models.IntegerChoices):
    """How well a project did on one OECD-DAC criterion."""

    UNSATISFACTORY = 1, _("Unsatisfactory")
    PARTLY = 2, _("Partly satisfactory")
    SATISFACTORY = 3, _("Satisfactory")
    HIGHLY = 4, _("Highly satisfactory")


# The OECD-DAC evaluation criteria (2019: coherence joined the five of 1991).
CRITERIA = {
    "relevance": _("Relevance"),
    "coherence": _("Coherence"),
    "effectiveness": _("Effectiveness"),
    "efficiency": _("Efficiency"),
    "impact": _("Impact"),
    "sustainability": _("Sustainability"),
}
