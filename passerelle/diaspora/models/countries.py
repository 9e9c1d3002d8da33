"""Country pages (after EUDiF's factsheets): a government's diaspora institutions, policies and
engagement programmes, kept current by an annual call for contributions that the secretariat
reviews."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import CallStatus, ContributionStatus, EntryKind, InstitutionType

_YEAR = [MinValueValidator(1900), MaxValueValidator(2100)]


class FactsheetEntry(TimeStampedModel):
    country = models.ForeignKey(
        "geo.Country", on_delete=models.PROTECT, related_name="diaspora_entries"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    name = models.CharField(_("name"), max_length=250)
    institution_type = models.CharField(
        _("type of institution"), max_length=20, choices=InstitutionType.choices, blank=True
    )
    year = models.PositiveSmallIntegerField(
        _("year established or adopted"), null=True, blank=True, validators=_YEAR
    )
    url = models.URLField(_("web page"), blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    reviewed_year = models.PositiveSmallIntegerField(
        _("last reviewed in"), validators=_YEAR,
        help_text=_("The year of the call for contributions that last confirmed it."),
    )  # fmt: skip
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("country page entry")
        verbose_name_plural = _("country page entries")
        ordering = ["country__name", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EntryKind.values), name="diaspora_entry_kind_valid"
            ),
            # Only institutions have a type, and every institution has one.
            models.CheckConstraint(
                condition=(
                    Q(kind=EntryKind.INSTITUTION) & Q(institution_type__in=InstitutionType.values)
                )
                | (~Q(kind=EntryKind.INSTITUTION) & Q(institution_type="")),
                name="diaspora_entry_institution_typed",
            ),
            models.UniqueConstraint(fields=["country", "kind", "name"], name="diaspora_entry_once"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("diaspora:country_detail", kwargs={"iso3": self.country.iso3})


class ContributionCall(TimeStampedModel):
    """The year's call for contributions to the country pages."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=_YEAR)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    description = models.TextField(_("description"), max_length=5000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.OPEN
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("call for contributions")
        verbose_name_plural = _("calls for contributions")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")), name="diaspora_call_closes_after"
            ),
            models.CheckConstraint(
                condition=Q(status__in=CallStatus.values), name="diaspora_call_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Call for contributions %(year)s") % {"year": self.year})


class FactsheetContribution(TimeStampedModel):
    """A proposed new entry, or a correction of `entry`; accepting it writes the entry."""

    call = models.ForeignKey(
        ContributionCall, on_delete=models.PROTECT, related_name="contributions"
    )
    country = models.ForeignKey("geo.Country", on_delete=models.PROTECT, related_name="+")
    entry = models.ForeignKey(
        FactsheetEntry, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="contributions", verbose_name=_("entry corrected"),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    name = models.CharField(_("name"), max_length=250)
    institution_type = models.CharField(
        _("type of institution"), max_length=20, choices=InstitutionType.choices, blank=True
    )
    year = models.PositiveSmallIntegerField(
        _("year established or adopted"), null=True, blank=True, validators=_YEAR
    )
    url = models.URLField(_("web page"), blank=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    source = models.TextField(
        _("source"), max_length=2000, help_text=_("Where the secretariat can check it.")
    )
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ContributionStatus.choices,
        default=ContributionStatus.SUBMITTED,
    )  # fmt: skip
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("secretariat's note"), max_length=2000, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("contribution to a country page")
        verbose_name_plural = _("contributions to country pages")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EntryKind.values), name="diaspora_contrib_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ContributionStatus.values),
                name="diaspora_contrib_status_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind=EntryKind.INSTITUTION) & Q(institution_type__in=InstitutionType.values)
                )
                | (~Q(kind=EntryKind.INSTITUTION) & Q(institution_type="")),
                name="diaspora_contrib_institution_typed",
            ),
            models.CheckConstraint(
                condition=Q(status=ContributionStatus.SUBMITTED) | Q(reviewed_at__isnull=False),
                name="diaspora_contrib_reviewed_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.name
