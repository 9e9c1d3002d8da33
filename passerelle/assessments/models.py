"""Assessment frameworks are data, not code: a framework has versions; a version has domains →
sub-areas → indicators, each indicator a question, guidance, a descriptor for every level of the
version's scale, and links to the shared vocabularies. A published version never changes (its
results must stay comparable); a new version maps its indicators to the previous version's."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from .choices import AppliesTo, Scale, Scope, VersionStatus


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
