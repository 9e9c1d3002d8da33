"""The roster of diaspora experts. Joining publishes a hub Offer in the expert's name, so the
hub's matcher proposes roster experts to requests; a requester contacts an expert, who consents
(or not) to share their contact details; completed engagements are the expert's track record."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import OPEN_CONTACT_STATUSES, Availability, ContactStatus, RosterStatus


class RosterEntry(TimeStampedModel):
    """What the expert chose to list, all public while they are on the roster (they consent to
    it when joining); their e-mail is shared only through an accepted contact."""

    expert = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roster_entry"
    )
    headline = models.CharField(_("headline"), max_length=200)
    expertise = models.TextField(_("expertise"), max_length=5000)
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", related_name="+", verbose_name=_("capacity areas")
    )
    languages = models.JSONField(
        _("languages of work"), default=list, help_text=_("ISO 639-1 codes, e.g. fr, en.")
    )
    work_countries = models.ManyToManyField(
        "geo.Country", blank=True, related_name="+",
        verbose_name=_("countries I will work in"),
    )  # fmt: skip
    availability = models.CharField(_("availability"), max_length=20, choices=Availability.choices)
    days_per_year = models.PositiveSmallIntegerField(
        _("days a year"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(_("available until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RosterStatus.choices, default=RosterStatus.ACTIVE
    )
    consent_listed = models.BooleanField(_("I agree to be listed"), default=False)
    # The hub offer the matcher sees; published while the entry is active.
    offer = models.OneToOneField(
        "hub.Offer", null=True, blank=True, on_delete=models.SET_NULL, related_name="roster_entry"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("roster expert")
        verbose_name_plural = _("roster experts")
        ordering = ["headline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_listed=True), name="diaspora_roster_consented"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RosterStatus.values), name="diaspora_roster_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(availability__in=Availability.values),
                name="diaspora_roster_availability_valid",
            ),
            models.CheckConstraint(
                condition=Q(available_until__isnull=True)
                | Q(available_until__gte=F("available_from")),
                name="diaspora_roster_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("diaspora:roster_detail", kwargs={"pk": self.pk})


class ExpertContact(TimeStampedModel):
    roster_entry = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="contacts")
    support_request = models.ForeignKey(
        "hub.SupportRequest", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("about the request"),
    )  # fmt: skip
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("contacting organisation"),
    )  # fmt: skip
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=ContactStatus.choices,
        default=ContactStatus.PENDING,
    )  # fmt: skip
    reply = models.TextField(_("reply"), max_length=5000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    outcome = models.TextField(
        _("what the engagement achieved"), max_length=5000, blank=True,
        help_text=_("Shown on the expert's track record."),
    )  # fmt: skip
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("contact with an expert")
        verbose_name_plural = _("contacts with experts")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ContactStatus.values),
                name="diaspora_contact_status_valid",
            ),
            # One open contact per expert, organisation and request at a time.
            models.UniqueConstraint(
                fields=["roster_entry", "organisation", "support_request"],
                condition=Q(status__in=OPEN_CONTACT_STATUSES),
                name="diaspora_contact_one_open",
            ),
            models.CheckConstraint(
                condition=~Q(status=ContactStatus.COMPLETED) | Q(completed_at__isnull=False),
                name="diaspora_contact_completed_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.roster_entry}"

    def get_absolute_url(self) -> str:
        return reverse("diaspora:contact_detail", kwargs={"pk": self.pk})
