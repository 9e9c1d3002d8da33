"""Partnerships and projects: who takes part in which role, where and on what, the documents,
and the results framework — results (impact → outcomes → outputs), their indicators, the
project's reporting periods and each indicator's target and actual value per period, with its
approval."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel
from passerelle.core.permissions import Visibility

from .choices import (
    CRITERIA,
    QUANTITATIVE,
    DocumentCategory,
    EvaluationMethod,
    EvaluationType,
    Frequency,
    Measure,
    ParticipantRole,
    ProjectStatus,
    Rating,
    ResultType,
    Scope,
    Significance,
    ValueStatus,
)

DAC_MIGRATION = "15190"


def default_lock_days() -> int:
    return settings.PROJECTS["LOCK_AFTER_DAYS"]


def _significance_field(label):
    return models.PositiveSmallIntegerField(
        label,
        choices=Significance.choices,
        null=True,
        blank=True,
        help_text=_("Empty: not screened."),
    )


class Project(TimeStampedModel):
    """A partnership: organisations working together on a capacity, with a results framework.
    `organisation` is the one that recorded it (it edits it with the accountable ones);
    `matches` are the hub's accepted matches it came from, hence its request and offers."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="recorded_projects",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    objectives = models.TextField(_("objectives"), max_length=5000, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.PositiveSmallIntegerField(
        _("status"), choices=ProjectStatus.choices, default=ProjectStatus.PIPELINE
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    scope = models.PositiveSmallIntegerField(_("scope"), choices=Scope.choices)
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="projects",
        verbose_name=_("capacity areas"),
    )  # fmt: skip
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", related_name="projects", verbose_name=_("GCM objectives")
    )
    guiding_principles = models.ManyToManyField(
        "taxonomy.GuidingPrinciple", blank=True, related_name="projects",
        verbose_name=_("guiding principles"),
    )  # fmt: skip
    dac_sector = models.CharField(
        _("DAC sector"), max_length=5, default=DAC_MIGRATION,
        help_text=_("OECD DAC 5-digit purpose code."),
    )  # fmt: skip
    gender_marker = _significance_field(_("gender equality"))
    human_rights_marker = _significance_field(_("human rights"))
    child_marker = _significance_field(_("child-sensitivity"))
    reporting_frequency = models.CharField(
        _("reporting"), max_length=10, choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    lock_after_days = models.PositiveSmallIntegerField(
        _("values lock after (days)"),
        default=default_lock_days,
        validators=[MaxValueValidator(365)],
        help_text=_("Days after a period ends during which its values can still be entered."),
    )
    matches = models.ManyToManyField(
        "hub.Match", blank=True, related_name="projects", verbose_name=_("from the matches")
    )
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-planned_start", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="projects_project_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProjectStatus.values), name="projects_project_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=Scope.values), name="projects_project_scope_valid"
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values),
                name="projects_project_visibility_valid",
            ),
            models.CheckConstraint(
                condition=Q(reporting_frequency__in=Frequency.values),
                name="projects_project_frequency_valid",
            ),
            models.CheckConstraint(
                condition=Q(planned_end__gte=F("planned_start")),
                name="projects_project_planned_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(actual_end__isnull=True)
                | (Q(actual_start__isnull=False) & Q(actual_end__gte=F("actual_start"))),
                name="projects_project_actual_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(lock_after_days__lte=365), name="projects_project_lock_days_range"
            ),
        ] + [
            models.CheckConstraint(
                condition=Q(**{f"{marker}__isnull": True})
                | Q(**{f"{marker}__in": Significance.values}),
                name=f"projects_project_{marker}_valid",
            )
            for marker in ("gender_marker", "human_rights_marker", "child_marker")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:project_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def accountable(self) -> list:
        """The accountable organisations (reads the prefetched participants)."""
        return [
            p.organisation for p in self.participants.all() if p.role == ParticipantRole.ACCOUNTABLE
        ]


class Participant(TimeStampedModel):
    """An organisation taking part in a project in one IATI role; one organisation may hold
    several roles, and each role several organisations."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="project_roles",
        verbose_name=_("organisation"),
    )  # fmt: skip
    role = models.PositiveSmallIntegerField(_("role"), choices=ParticipantRole.choices)

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        ordering = ["project", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="projects_participant_once"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ParticipantRole.values), name="projects_participant_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class _Share(models.Model):
    """A recipient country or region and its share of the project, in percent. The shares of a
    project's countries and regions add up to 100 when any is given (IATI's rule)."""

    percentage = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )  # fmt: skip

    class Meta:
        abstract = True


class ProjectCountry(_Share):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="countries")
    country = models.ForeignKey(
        "geo.Country", on_delete=models.PROTECT, related_name="project_shares",
        verbose_name=_("country"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("recipient country")
        verbose_name_plural = _("recipient countries")
        ordering = ["project", "country__name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "country"], name="projects_country_once"),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True)
                | (Q(percentage__gte=0) & Q(percentage__lte=100)),
                name="projects_country_percentage_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.country)


class ProjectRegion(_Share):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="regions")
    region = models.ForeignKey(
        "geo.Region", on_delete=models.PROTECT, related_name="project_shares",
        verbose_name=_("region"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("recipient region")
        verbose_name_plural = _("recipient regions")
        ordering = ["project", "region__name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "region"], name="projects_region_once"),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True)
                | (Q(percentage__gte=0) & Q(percentage__lte=100)),
                name="projects_region_percentage_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.region)


def _private_storage():
    return storages["private"]


def _document_path(document, filename):
    return f"projects/{document.project_id}/{uuid.uuid4().hex}/{filename}"


def _evidence_path(value, filename):
    return f"projects/values/{value.indicator_id}/{uuid.uuid4().hex}/{filename}"


class Document(TimeStampedModel):
    """A document of the project (an MoU, an evaluation, a results report...): a file kept in
    private storage and served with the project's visibility, or a link."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=3, choices=DocumentCategory.choices)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    document_date = models.DateField(_("date of the document"), null=True, blank=True)
    file = models.FileField(
        _("file"), upload_to=_document_path, storage=_private_storage, blank=True
    )
    url = models.URLField(_("link"), blank=True, max_length=500)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["project", "-document_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=DocumentCategory.values),
                name="projects_document_category_valid",
            ),
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="projects_document_file_or_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.url:
            return self.url
        return reverse("projects:document_download", kwargs={"pk": self.pk})


class Result(TimeStampedModel):
    """A node of the results framework. Its parent is one level up (PARENT_TYPE); the weight is
    its share in its parent's progress."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children",
        verbose_name=_("contributes to"),
    )  # fmt: skip
    type = models.PositiveSmallIntegerField(_("level"), choices=ResultType.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["project", "-type", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=ResultType.values), name="projects_result_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=100),
                name="projects_result_weight_range",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="projects_result_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(TimeStampedModel):
    """How a result is measured. `dimensions` are the disaggregations reported with each value:
    [{"dimension": "sex", "categories": ["Female", "Male"]}, ...]. The references put the
    project's result where that capacity is reviewed. `reporter` is the implementing
    organisation that reports its values (empty: any implementing organisation)."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("definition"), max_length=5000, blank=True)
    measure = models.PositiveSmallIntegerField(_("measure"), choices=Measure.choices)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    ascending = models.BooleanField(
        _("higher is better"), default=True,
        help_text=_("Untick when progress means the figure goes down."),
    )  # fmt: skip
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    baseline_comment = models.TextField(_("baseline comment"), max_length=2000, blank=True)
    dimensions = models.JSONField(_("disaggregation"), default=list, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    reporter = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="reported_indicators", verbose_name=_("reported by"),
    )  # fmt: skip
    capacity_area = models.ForeignKey(
        "taxonomy.CapacityArea", null=True, blank=True, on_delete=models.PROTECT,
        related_name="project_indicators", verbose_name=_("capacity area"),
    )  # fmt: skip
    gcm_objective = models.ForeignKey(
        "taxonomy.GCMObjective", null=True, blank=True, on_delete=models.PROTECT,
        related_name="project_indicators", verbose_name=_("GCM objective"),
    )  # fmt: skip
    assessment_indicator = models.ForeignKey(
        "assessments.Indicator", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="project_indicators", verbose_name=_("assessment indicator"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["result", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(measure__in=Measure.values), name="projects_indicator_measure_valid"
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=100),
                name="projects_indicator_weight_range",
            ),
            models.CheckConstraint(
                condition=~Q(measure=Measure.PERCENTAGE)
                | Q(baseline_value__isnull=True)
                | (Q(baseline_value__gte=0) & Q(baseline_value__lte=100)),
                name="projects_indicator_percentage_baseline",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_quantitative(self) -> bool:
        return self.measure in QUANTITATIVE


class ReportingPeriod(TimeStampedModel):
    """One of the project's reporting periods: its values are entered on one screen, and lock
    `project.lock_after_days` after it ends."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="periods")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["project", "start"]
        constraints = [
            models.UniqueConstraint(fields=["project", "start"], name="projects_period_once"),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="projects_period_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The period's dates as the reader writes them."""
        return _("%(start)s to %(end)s") % {
            "start": date_format(self.start, "SHORT_DATE_FORMAT"),
            "end": date_format(self.end, "SHORT_DATE_FORMAT"),
        }

    def get_absolute_url(self) -> str:
        return reverse("projects:period_report", kwargs={"pk": self.project_id, "period": self.pk})


class PeriodValue(TimeStampedModel):
    """An indicator's target and actual for one period. The accountable side sets targets; the
    reporter enters the actual (a number, or a text for qualitative indicators), its
    disaggregation ({"sex": {"Female": "12", "Male": "10"}}) and evidence (a link; a file in
    private storage, served with the value), and submits it for approval. `lock_version` goes
    up on each save: a form saved from an older version is refused rather than overwriting
    someone else's change."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="values")
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    narrative = models.TextField(_("narrative"), max_length=5000, blank=True)
    disaggregation = models.JSONField(_("disaggregation"), default=dict, blank=True)
    evidence_url = models.URLField(_("evidence (link)"), max_length=500, blank=True)
    evidence_file = models.FileField(
        _("evidence (file)"), upload_to=_evidence_path, storage=_private_storage, blank=True
    )
    status = models.CharField(
        _("approval"), max_length=10, choices=ValueStatus.choices, default=ValueStatus.DRAFT
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    entered_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("reviewer's comment"), max_length=2000, blank=True)
    lock_version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("period value")
        verbose_name_plural = _("period values")
        ordering = ["period__start", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="projects_value_once_per_period"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ValueStatus.values), name="projects_value_status_valid"
            ),
            # Nothing reaches the approver empty.
            models.CheckConstraint(
                condition=Q(status=ValueStatus.DRAFT) | Q(actual__isnull=False) | ~Q(narrative=""),
                name="projects_value_submitted_has_actual",
            ),
            models.CheckConstraint(
                condition=~Q(status=ValueStatus.RETURNED) | ~Q(review_comment=""),
                name="projects_value_returned_with_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.period}"

    @property
    def evidence_name(self) -> str:
        return PurePath(self.evidence_file.name).name if self.evidence_file else ""


class ProgressRules(models.Model):
    """When an indicator is on track, at risk or off track: the share of the period's target
    its latest actual reaches. One row (pk 1), set by the secretariat; defaults from
    settings.PROJECTS["PROGRESS_RULES"]."""

    on_track_from = models.PositiveSmallIntegerField(
        _("on track from (% of target)"), validators=[MaxValueValidator(100)]
    )
    at_risk_from = models.PositiveSmallIntegerField(
        _("at risk from (% of target)"), validators=[MaxValueValidator(100)]
    )
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("progress rules")
        verbose_name_plural = _("progress rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(at_risk_from__lte=F("on_track_from")) & Q(on_track_from__lte=100),
                name="projects_rules_ordered",
            ),
        ]

    def __str__(self) -> str:
        return str(_("progress rules"))


def _rating_field(label):
    return models.PositiveSmallIntegerField(
        label, choices=Rating.choices, null=True, blank=True, help_text=_("Empty: not rated.")
    )


class Evaluation(TimeStampedModel):
    """An evaluation of the project: its kind, method and evaluator, what it found, and a
    rating on each OECD-DAC criterion. Its report is one of the project's documents (category
    "review and evaluation"), so that it is served and exported like the others."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="evaluations")
    type = models.CharField(_("type"), max_length=20, choices=EvaluationType.choices)
    method = models.CharField(_("method"), max_length=20, choices=EvaluationMethod.choices)
    evaluator = models.CharField(_("evaluator"), max_length=200)
    independent = models.BooleanField(
        _("independent"), default=True,
        help_text=_("Carried out by evaluators outside the project's organisations."),
    )  # fmt: skip
    completed_on = models.DateField(_("completed on"))
    findings = models.TextField(_("findings"), max_length=10_000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    relevance = _rating_field(_("relevance"))
    coherence = _rating_field(_("coherence"))
    effectiveness = _rating_field(_("effectiveness"))
    efficiency = _rating_field(_("efficiency"))
    impact = _rating_field(_("impact"))
    sustainability = _rating_field(_("sustainability"))
    report = models.OneToOneField(
        Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="evaluation",
        verbose_name=_("report"),
    )  # fmt: skip
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["project", "-completed_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type__in=EvaluationType.values), name="projects_evaluation_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(method__in=EvaluationMethod.values),
                name="projects_evaluation_method_valid",
            ),
        ] + [
            models.CheckConstraint(
                condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__in": Rating.values}),
                name=f"projects_evaluation_{name}_valid",
            )
            for name in CRITERIA
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} ({self.completed_on:%Y})"

    def ratings(self) -> list[tuple[str, int | None, str]]:
        """(criterion, rating, rating in words) for each OECD-DAC criterion."""
        return [
            (label, getattr(self, name), getattr(self, f"get_{name}_display")() or "")
            for name, label in CRITERIA.items()
        ]


class Lesson(TimeStampedModel):
    """A lesson learned from the project (often from one of its evaluations), kept here until
    the knowledge platform publishes it: `services.lessons_to_publish` is what it reads."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lessons")
    evaluation = models.ForeignKey(
        Evaluation, null=True, blank=True, on_delete=models.SET_NULL, related_name="lessons",
        verbose_name=_("from the evaluation"),
    )  # fmt: skip
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("lesson"), max_length=5000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="+", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", blank=True, related_name="+", verbose_name=_("GCM objectives")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")
        ordering = ["project", "-created"]

    def __str__(self) -> str:
        return self.title
