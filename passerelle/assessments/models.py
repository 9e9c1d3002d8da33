"""Assessment frameworks are data, not code: a framework has versions; a version has domains →
sub-areas → indicators, each indicator a question, guidance, a descriptor for every level of the
version's scale, and links to the shared vocabularies. A published version never changes (its
results must stay comparable); a new version maps its indicators to the previous version's."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from .choices import (
    AppliesTo,
    AssessmentStatus,
    Disclosure,
    Priority,
    Scale,
    Scope,
    VersionStatus,
)


class Framework(TimeStampedModel):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("assessment framework")
        verbose_name_plural = _("assessment frameworks")
        ordering = ["scope", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:framework_detail", kwargs={"code": self.code})


class FrameworkVersion(TimeStampedModel):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(_("version"), max_length=20)
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    scale = models.CharField(_("scale"), max_length=20, choices=Scale.choices)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Indicators of this version may map to the previous version's."),
    )

    class Meta:
        verbose_name = _("framework version")
        verbose_name_plural = _("framework versions")
        ordering = ["framework", "-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "version"], name="assessments_version_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status=VersionStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="assessments_published_version_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework} {self.version}"

    def get_absolute_url(self) -> str:
        return reverse(
            "assessments:framework_version",
            kwargs={"code": self.framework.code, "version": self.version},
        )

    @property
    def is_frozen(self) -> bool:
        return self.status != VersionStatus.DRAFT

    @property
    def levels_range(self) -> range:
        return range(1, Scale(self.scale).top + 1)


class Level(models.Model):
    """The generic label of one level of a version's scale ("Partially meets")."""

    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField(_("level"))
    label = models.CharField(_("label"), max_length=100)

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["version", "value"]
        constraints = [
            models.UniqueConstraint(fields=["version", "value"], name="assessments_level_unique"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=4), name="assessments_level_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value}. {self.label}"


class Domain(models.Model):
    version = models.ForeignKey(FrameworkVersion, on_delete=models.CASCADE, related_name="domains")
    code = models.CharField(_("code"), max_length=30)
    mgi_domain = models.ForeignKey(
        "taxonomy.MGIDomain",
        verbose_name=_("MGI domain"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="assessments_domain_unique")
        ]

    def __str__(self) -> str:
        return self.name


class SubArea(models.Model):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="sub_areas")
    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("sub-area")
        verbose_name_plural = _("sub-areas")
        ordering = ["domain", "position"]
        constraints = [
            models.UniqueConstraint(fields=["domain", "code"], name="assessments_subarea_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    # The version is repeated here so that an indicator code is unique within its version.
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="indicators"
    )
    sub_area = models.ForeignKey(SubArea, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=30)
    question = models.TextField(_("question"))
    guidance = models.TextField(_("guidance"), blank=True)
    applies_to = models.CharField(
        _("applies to"), max_length=20, choices=AppliesTo.choices, default=AppliesTo.BOTH
    )
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="+", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", blank=True, related_name="+", verbose_name=_("GCM objectives")
    )
    maps_to = models.ForeignKey(
        "self",
        verbose_name=_("same as, in the previous version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="assessments_indicator_unique"
            ),
            models.CheckConstraint(
                condition=Q(applies_to__in=AppliesTo.values),
                name="assessments_indicator_applies_to_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.question[:80]}"


class LevelDescriptor(models.Model):
    """What an indicator looks like at one level: what an assessor matches the evidence to."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="descriptors")
    value = models.PositiveSmallIntegerField(_("level"))
    text = models.TextField(_("descriptor"))

    class Meta:
        verbose_name = _("level descriptor")
        verbose_name_plural = _("level descriptors")
        ordering = ["indicator", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "value"], name="assessments_descriptor_unique"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=4), name="assessments_descriptor_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} — {self.value}"


# --- Assessment cycles ----------------------------------------------------------------------


class Assessment(TimeStampedModel):
    """One cycle of an organisation assessing itself on a published framework version. Until it
    is published, only the organisation's members and the contributors it invited see it."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    version = models.ForeignKey(
        FrameworkVersion,
        verbose_name=_("framework version"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    title = models.CharField(_("title"), max_length=200)
    scope = models.CharField(
        _("level of government"),
        max_length=20,
        choices=Scope.choices,
        help_text=_("Which indicators apply: national or local ones."),
    )
    language = models.CharField(
        _("language of the profile"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
    )
    disclosure = models.CharField(
        _("what is published"),
        max_length=20,
        choices=Disclosure.choices,
        default=Disclosure.NOTHING,
    )
    signatories_required = models.PositiveSmallIntegerField(
        _("signatures required"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("How many verified focal points must validate the assessment."),
    )
    baseline = models.ForeignKey(
        "self",
        verbose_name=_("previous cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        help_text=_("Its agreed answers are the starting point of this cycle."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # {domain code: value} at publication. Answers are frozen by then, so roll-ups and peer
    # suggestions read these instead of recomputing every published profile.
    published_scores = models.JSONField(_("published domain values"), default=dict, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AssessmentStatus.values),
                name="assessments_assessment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(signatories_required__gte=1, signatories_required__lte=5),
                name="assessments_assessment_signatories_1_5",
            ),
            # Published means published with something to show, on a date.
            models.CheckConstraint(
                condition=~Q(status=AssessmentStatus.PUBLISHED)
                | (Q(published_at__isnull=False) & ~Q(disclosure=Disclosure.NOTHING)),
                name="assessments_assessment_published_discloses",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED])
                | Q(validated_at__isnull=False),
                name="assessments_assessment_validated_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(baseline=models.F("pk")),
                name="assessments_assessment_not_own_baseline",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("assessments:assessment_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        """Answers may still change."""
        return self.status in (AssessmentStatus.DRAFT, AssessmentStatus.CONSULTATION)

    @property
    def is_published(self) -> bool:
        return self.status == AssessmentStatus.PUBLISHED

    def applicable_indicators(self):
        other = AppliesTo.LOCAL if self.scope == Scope.NATIONAL else AppliesTo.NATIONAL
        return self.version.indicators.exclude(applies_to=other)


class Assignment(TimeStampedModel):
    """A section (domain) of an assessment given to a contributor, who may belong to another
    organisation: another ministry (whole of government) or civil society (whole of society)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="assignments")
    domain = models.ForeignKey(
        Domain, verbose_name=_("section"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contributor"),
        on_delete=models.CASCADE,
        related_name="assessment_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("section assignment")
        verbose_name_plural = _("section assignments")
        ordering = ["assessment", "domain__position", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "domain", "user"], name="assessments_assignment_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.domain} — {self.user}"


def levels_on_a_scale(prefix: str) -> list[models.CheckConstraint]:
    """Both levels of an answer are empty or on a scale (1 to 4 at most; the version's own scale
    is checked by the services)."""
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}__isnull": True})
            | Q(**{f"{field}__gte": 1, f"{field}__lte": 4}),
            name=f"assessments_{prefix}_{name}_1_4",
        )
        for field, name in (("level", "level"), ("desired_level", "desired"))
    ]


class AnswerFields(models.Model):
    """What an answer says, whoever gives it: the level reached, the level wanted, how urgent the
    gap is. `lock_version` grows with every save: a save based on an older one is a conflict."""

    level = models.PositiveSmallIntegerField(
        _("current level"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    desired_level = models.PositiveSmallIntegerField(
        _("desired level"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    links = models.TextField(
        _("links"), blank=True, help_text=_("Addresses of documents, one per line.")
    )
    lock_version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    @property
    def gap(self) -> int | None:
        if self.level is None or self.desired_level is None:
            return None
        return self.desired_level - self.level


class Answer(AnswerFields, TimeStampedModel):
    """One contributor's view of one indicator. Views are kept side by side; the coordinator
    turns them into the agreed answer."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.PROTECT,
        related_name="assessment_answers",
    )

    class Meta:
        verbose_name = _("contributor's answer")
        verbose_name_plural = _("contributors' answers")
        ordering = ["assessment", "indicator__position", "created"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator", "author"], name="assessments_answer_one_view"
            ),
            *levels_on_a_scale("answer"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} — {self.author}"


class AgreedAnswer(AnswerFields, TimeStampedModel):
    """The assessment's answer to one indicator, set by its coordinator. Scores are computed from
    agreed answers only. `from_baseline` marks one copied from the previous cycle and not yet
    reviewed."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="agreed_answers"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agreed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_baseline = models.BooleanField(_("copied from the previous cycle"), default=False)

    class Meta:
        verbose_name = _("agreed answer")
        verbose_name_plural = _("agreed answers")
        ordering = ["assessment", "indicator__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="assessments_agreed_answer_once"
            ),
            *levels_on_a_scale("agreed"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} ({self.assessment})"


def _private_storage():
    return storages["private"]


def _evidence_path(instance, filename: str) -> str:
    # A random directory: names users chose never collide and are never guessed.
    return f"assessments/evidence/{uuid.uuid4().hex}/{PurePath(filename).name}"


class EvidenceFile(TimeStampedModel):
    """A document attached to a contributor's answer. Kept in private storage and served only
    to those who may read the answer."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=_evidence_path, storage=_private_storage)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["answer", "created"]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="assessments_evidence_not_empty")
        ]

    def __str__(self) -> str:
        return self.name


class Signature(TimeStampedModel):
    """A verified focal point's validation of a submitted assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["assessment", "created"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "user"], name="assessments_sign_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.assessment}"


class Benchmark(TimeStampedModel):
    """A target an organisation sets itself: reach `target_level` on an indicator by a date.
    `start_level` is where it stood when the target was set, so progress can be judged."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="benchmarks",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    target_level = models.PositiveSmallIntegerField(
        _("target level"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    target_date = models.DateField(_("target date"))
    start_level = models.PositiveSmallIntegerField(_("level when set"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("benchmark")
        verbose_name_plural = _("benchmarks")
        ordering = ["organisation", "target_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_level__gte=1, target_level__lte=4),
                name="assessments_benchmark_level_1_4",
            ),
            models.UniqueConstraint(
                fields=["organisation", "indicator", "target_date"],
                name="assessments_benchmark_once_per_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} → {self.target_level} ({self.target_date})"
