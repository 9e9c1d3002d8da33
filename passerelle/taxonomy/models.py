"""Shared vocabularies: the Global Compact for Migration's objectives and guiding principles, the
Migration Governance Indicators' domains, and the capacity catalogue that requests, offers,
assessments, projects and practices are tagged with. All names are translated (modeltranslation)
and editable in the admin; the defaults are loaded by migrations from `data/`."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel


class GCMObjective(TimeStampedModel):
    """One of the 23 objectives of the Global Compact for Migration (A/RES/73/195)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=80)

    class Meta:
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=23),
                name="taxonomy_gcmobjective_number_1_23",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.short_title}"

    def get_absolute_url(self) -> str:
        return reverse("taxonomy:objective_detail", kwargs={"number": self.number})


class GuidingPrinciple(TimeStampedModel):
    """One of the ten cross-cutting guiding principles of the Global Compact."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("GCM guiding principle")
        verbose_name_plural = _("GCM guiding principles")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=10),
                name="taxonomy_guidingprinciple_number_1_10",
            )
        ]

    def __str__(self) -> str:
        return self.title


class MGIDomain(TimeStampedModel):
    """A domain of IOM's Migration Governance Indicators (also SDG indicator 10.7.2)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("MGI domain")
        verbose_name_plural = _("MGI domains")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class CapacityArea(TimeStampedModel):
    """An area in which capacity is assessed, requested and developed. The six defaults are the
    agenda's; administrators add more (labour migration, remittances, ...)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    gcm_objectives = models.ManyToManyField(
        GCMObjective, verbose_name=_("GCM objectives"), related_name="capacity_areas", blank=True
    )
    guiding_principles = models.ManyToManyField(
        GuidingPrinciple,
        verbose_name=_("guiding principles"),
        related_name="capacity_areas",
        blank=True,
    )
    mgi_domains = models.ManyToManyField(
        MGIDomain, verbose_name=_("MGI domains"), related_name="capacity_areas", blank=True
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive areas stay on old records only.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("capacity area")
        verbose_name_plural = _("capacity areas")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("taxonomy:capacity_area_detail", kwargs={"code": self.code})
