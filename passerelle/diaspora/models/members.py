"""Diaspora and migrant organisations (a profile on the foundation's Organisation) and individual
members, whose profile says field by field who may see it: nothing is public by default."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import OrganisationSize, Sector, Visibility


class OrganisationProfile(TimeStampedModel):
    """What the directory knows of a diaspora or migrant organisation beyond the foundation's
    Organisation: where its members come from and live, what it does. Organisations are public
    bodies: the whole profile is public."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="diaspora_profile"
    )
    origin_countries = models.ManyToManyField(
        "geo.Country", related_name="diaspora_origin_profiles",
        verbose_name=_("countries of origin"),
    )  # fmt: skip
    residence_countries = models.ManyToManyField(
        "geo.Country", related_name="diaspora_residence_profiles",
        verbose_name=_("countries of residence"),
    )  # fmt: skip
    cities = models.CharField(
        _("cities"), max_length=300, blank=True, help_text=_("Separated by commas.")
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639-1 codes, e.g. fr, en.")
    )
    size = models.CharField(_("size"), max_length=20, choices=OrganisationSize.choices)
    founded = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )  # fmt: skip
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    social_links = models.JSONField(
        _("social media"), default=list, blank=True, help_text=_("Addresses of its pages.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("diaspora organisation profile")
        verbose_name_plural = _("diaspora organisation profiles")
        ordering = ["organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(size__in=OrganisationSize.values), name="diaspora_org_size_valid"
            ),
            models.CheckConstraint(
                condition=Q(founded__isnull=True) | Q(founded__gte=1800, founded__lte=2100),
                name="diaspora_org_founded_plausible",
            ),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    def get_absolute_url(self) -> str:
        return reverse("diaspora:organisation_detail", kwargs={"slug": self.organisation.slug})


class OrganisationSector(models.Model):
    profile = models.ForeignKey(
        OrganisationProfile, on_delete=models.CASCADE, related_name="sectors"
    )
    sector = models.CharField(_("sector of engagement"), max_length=30, choices=Sector.choices)

    class Meta:
        verbose_name = _("sector of engagement")
        verbose_name_plural = _("sectors of engagement")
        constraints = [
            models.UniqueConstraint(fields=["profile", "sector"], name="diaspora_org_sector_once"),
            models.CheckConstraint(
                condition=Q(sector__in=Sector.values), name="diaspora_org_sector_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_sector_display()


def _visibility_field(label):
    return models.CharField(
        label, max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )


VISIBILITY_FIELDS = {
    "name": ("display_name",),
    "headline": ("headline",),
    "bio": ("bio",),
    "expertise": ("expertise",),
    "languages": ("languages",),
    "origin": ("origin_country",),
    "residence": ("residence_country", "city"),
    "links": ("links",),
    "organisations": ("organisations",),
}


class MemberProfile(TimeStampedModel):
    """A person's profile in the diaspora hub. Each group of fields has its own visibility
    (`VISIBILITY_FIELDS`). Only `selectors_members.profile_view` reads a profile for someone
    else, and it drops what they may not see."""

    VISIBILITY_FIELDS = VISIBILITY_FIELDS

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diaspora_profile"
    )
    display_name = models.CharField(_("name shown"), max_length=150)
    headline = models.CharField(_("headline"), max_length=200, blank=True)
    bio = models.TextField(_("about me"), max_length=5000, blank=True)
    expertise = models.TextField(_("expertise"), max_length=2000, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("ISO 639-1 codes, e.g. fr, en.")
    )
    origin_country = models.ForeignKey(
        "geo.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("country of origin"),
    )  # fmt: skip
    residence_country = models.ForeignKey(
        "geo.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("country of residence"),
    )  # fmt: skip
    city = models.CharField(_("city"), max_length=100, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    organisations = models.ManyToManyField(
        OrganisationProfile, blank=True, related_name="members",
        verbose_name=_("organisations I belong to"),
    )  # fmt: skip
    name_visibility = _visibility_field(_("who sees my name"))
    headline_visibility = _visibility_field(_("who sees my headline"))
    bio_visibility = _visibility_field(_("who sees what I wrote about me"))
    expertise_visibility = _visibility_field(_("who sees my expertise"))
    languages_visibility = _visibility_field(_("who sees my languages"))
    origin_visibility = _visibility_field(_("who sees my country of origin"))
    residence_visibility = _visibility_field(_("who sees where I live"))
    links_visibility = _visibility_field(_("who sees my links"))
    organisations_visibility = _visibility_field(_("who sees my organisations"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["display_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{group}_visibility__in": Visibility.values}),
                name=f"diaspora_member_{group}_visibility_valid",
            )
            for group in VISIBILITY_FIELDS
        ]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("diaspora:member_detail", kwargs={"pk": self.pk})

    def visibility_of(self, group: str) -> str:
        return getattr(self, f"{group}_visibility")
