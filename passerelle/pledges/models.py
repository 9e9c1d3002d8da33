"""Pledges: measurable commitments an organisation makes in migration governance, alone, together
with others, in partnership, or matching another organisation's pledge, and the progress it
reports on them until they are complete."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from . import reporting
from .choices import Completion, PledgeForm, PledgeStatus, PledgeType, completion_step

MAX_INTERVAL_MONTHS = 24


def default_reporting_interval() -> int:
    return settings.PLEDGES["REPORTING_INTERVAL_MONTHS"]


class Pledge(TimeStampedModel):
    """A commitment with a metric, a target and a deadline (checked when it is published), whose
    completion follows its latest progress update. `next_report_due` is kept by the services so
    that the database can find overdue pledges."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("pledging organisation"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    partners = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("partners"),
        blank=True,
        related_name="partner_pledges",
        help_text=_("The organisations a common pledge or a pledge in partnership is made with."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    language = models.CharField(
        _("language of the description"), max_length=5, choices=settings.LANGUAGES
    )
    form = models.CharField(_("form"), max_length=20, choices=PledgeForm.choices)
    type = models.CharField(_("type"), max_length=20, choices=PledgeType.choices)
    matches = models.ForeignKey(
        "self",
        verbose_name=_("matches the pledge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="matched_by",
    )
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="+", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", related_name="+", verbose_name=_("GCM objectives")
    )
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    metric = models.CharField(
        _("metric"), max_length=300, blank=True, help_text=_("What is counted to measure it.")
    )
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    target = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD.")
    )
    pledged_on = models.DateField(
        _("pledged on"),
        null=True,
        blank=True,
        help_text=_("When the commitment was made; reporting starts from this day."),
    )
    reporting_interval = models.PositiveSmallIntegerField(
        _("reporting interval (months)"),
        default=default_reporting_interval,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_INTERVAL_MONTHS)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PledgeStatus.choices, default=PledgeStatus.DRAFT
    )
    completion = models.CharField(
        _("completion"), max_length=20, choices=Completion.choices, default=Completion.NOT_STARTED
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    last_report_on = models.DateField(_("last report"), null=True, blank=True)
    next_report_due = models.DateField(_("next report due"), null=True, blank=True)
    # The due date of the missed report the pledging organisation was told about: the overdue
    # sweep tells it once per missed report, however often it runs.
    overdue_notice_for = models.DateField(null=True, blank=True, editable=False)
    # A form posted twice carries the same key: the second post finds the first pledge.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-published_at", "-created"]
        indexes = [models.Index(fields=["status", "next_report_due"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="pledges_pledge_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PledgeStatus.values), name="pledges_pledge_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(form__in=PledgeForm.values), name="pledges_pledge_form_valid"
            ),
            models.CheckConstraint(
                condition=Q(type__in=PledgeType.values), name="pledges_pledge_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(completion__in=Completion.values),
                name="pledges_pledge_completion_valid",
            ),
            models.CheckConstraint(
                condition=Q(type=PledgeType.MATCHING, matches__isnull=False)
                | (~Q(type=PledgeType.MATCHING) & Q(matches__isnull=True)),
                name="pledges_pledge_matches_iff_matching",
            ),
            models.CheckConstraint(
                condition=~Q(matches=F("pk")), name="pledges_pledge_matches_not_self"
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gt=0),
                name="pledges_pledge_target_positive",
            ),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(baseline__gte=0),
                name="pledges_pledge_baseline_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | (Q(amount__gt=0) & ~Q(currency="")),
                name="pledges_pledge_amount_positive_with_currency",
            ),
            models.CheckConstraint(
                condition=Q(country__isnull=True) | Q(region__isnull=True),
                name="pledges_pledge_country_or_region",
            ),
            models.CheckConstraint(
                condition=Q(reporting_interval__gte=1)
                & Q(reporting_interval__lte=MAX_INTERVAL_MONTHS),
                name="pledges_pledge_interval_range",
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(pledged_on__isnull=True)
                | Q(deadline__gte=F("pledged_on")),
                name="pledges_pledge_deadline_after_pledge",
            ),
            # The SMART check, once a pledge has been published: measurable and time-bound.
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | (
                    ~Q(metric="")
                    & Q(target__isnull=False)
                    & ~Q(unit="")
                    & Q(deadline__isnull=False)
                    & Q(pledged_on__isnull=False)
                ),
                name="pledges_pledge_smart_once_published",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | ~Q(form=PledgeForm.FINANCIAL)
                | Q(amount__isnull=False),
                name="pledges_pledge_financial_states_amount",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[PledgeStatus.PUBLISHED, PledgeStatus.CLOSED])
                | Q(published_at__isnull=False),
                name="pledges_pledge_published_at_set",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pledges:pledge_detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        """Once published, a pledge stays public: its closing or withdrawal is public record."""
        return self.published_at is not None

    @property
    def light(self) -> str | None:
        return reporting.status_light(
            status=self.status,
            completion=self.completion,
            deadline=self.deadline,
            next_report_due=self.next_report_due,
            today=timezone.localdate(),
            soon=reporting.due_soon(),
        )

    @property
    def completion_step(self) -> int:
        return completion_step(self.completion)


class ProgressUpdate(TimeStampedModel):
    """A progress report on a published pledge: how complete it is as of a day, the value
    reached in the pledge's unit, and what was done."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="progress_updates", verbose_name=_("pledge")
    )
    as_of = models.DateField(_("as of"))
    completion = models.CharField(_("completion"), max_length=20, choices=Completion.choices)
    value_reached = models.DecimalField(
        _("value reached"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In the pledge's unit."),
    )
    note = models.TextField(_("what was done"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["pledge", "as_of", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "submission_key"], name="pledges_progress_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(completion__in=Completion.values),
                name="pledges_progress_completion_valid",
            ),
            models.CheckConstraint(
                condition=Q(value_reached__isnull=True) | Q(value_reached__gte=0),
                name="pledges_progress_value_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pledge}: {self.get_completion_display()} ({self.as_of})"

    @property
    def completion_step(self) -> int:
        return completion_step(self.completion)
