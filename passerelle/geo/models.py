from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from .choices import RegionalBodyKind, RegionLevel


class Region(TimeStampedModel):
    """A UN M49 area: region (Africa), sub-region (Sub-Saharan Africa) or intermediate region
    (Western Africa). Names are translated (modeltranslation: name_en, name_fr, name_es)."""

    code = models.CharField(_("M49 code"), max_length=3, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("level"), max_length=20, choices=RegionLevel.choices)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("UN M49 region")
        verbose_name_plural = _("UN M49 regions")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[0-9]{3}$"), name="geo_region_code_m49"
            ),
            models.CheckConstraint(
                condition=models.Q(level="region", parent__isnull=True)
                | (~models.Q(level="region") & models.Q(parent__isnull=False)),
                name="geo_region_only_top_level_has_no_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Region"]:
        chain, region = [], self.parent
        while region is not None:
            chain.append(region)
            region = region.parent
        return chain


class Country(TimeStampedModel):
    """An ISO 3166-1 country or territory, placed in its most specific M49 area."""

    iso2 = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166-1 numeric"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("M49 region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries",
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(iso2__regex=r"^[A-Z]{2}$"), name="geo_country_iso2_format"
            ),
            models.CheckConstraint(
                condition=models.Q(iso3__regex=r"^[A-Z]{3}$"), name="geo_country_iso3_format"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("geo:country_detail", kwargs={"iso3": self.iso3})

    def regions(self) -> list[Region]:
        """Its M49 areas from the most specific up."""
        return [self.region, *self.region.ancestors()] if self.region else []


class RegionalBody(TimeStampedModel):
    """A regional economic community, regional consultative process on migration or mobility
    partnership, with its member countries."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=RegionalBodyKind.choices)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    note = models.TextField(_("note"), blank=True)
    members = models.ManyToManyField(
        Country, verbose_name=_("members"), related_name="regional_bodies", blank=True
    )

    class Meta:
        verbose_name = _("regional body")
        verbose_name_plural = _("regional bodies")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("geo:regional_body_detail", kwargs={"code": self.code})
