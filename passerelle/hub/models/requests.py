"""Requests for support: what an organisation needs, in its own words and in shared vocabularies,
with what it would take (money, expert-days, in-kind items). The secretariat reviews each one
before it is published; a request may come from a gap found by an assessment."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import Modality, RequestScope, RequestStatus, RequirementKind, SupportType
from .matchable import Matchable


class SupportRequest(Matchable, TimeStampedModel):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("requesting organisation"),
        on_delete=models.PROTECT,
        related_name="support_requests",
    )
    joint_with = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("jointly with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="joint_support_requests",
        help_text=_("Civil society may request jointly with a government."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    language = models.CharField(
        _("language of the description"), max_length=5, choices=settings.LANGUAGES
    )
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", related_name="+", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", blank=True, related_name="+", verbose_name=_("GCM objectives")
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
        help_text=_("For a regional request."),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=RequestScope.choices)
    modality = models.CharField(_("preferred modality"), max_length=20, choices=Modality.choices)
    working_languages = models.JSONField(
        _("languages of work"),
        default=list,
        blank=True,
        help_text=_("ISO 639-1 codes, e.g. fr, en."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    source_assessment = models.ForeignKey(
        "assessments.Assessment",
        verbose_name=_("from the assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="support_requests",
    )
    source_indicator = models.ForeignKey(
        "assessments.Indicator",
        verbose_name=_("gap on the indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A form posted twice carries the same key: the second post finds the first request.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("request for support")
        verbose_name_plural = _("requests for support")
        ordering = ["-published_at", "-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="hub_request_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="hub_request_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="hub_request_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(joint_with=F("organisation")), name="hub_request_joint_not_self"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hub:request_detail", kwargs={"pk": self.pk})


class RequestSupportType(models.Model):
    request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="support_types"
    )
    support_type = models.CharField(
        _("type of support"), max_length=30, choices=SupportType.choices
    )

    class Meta:
        verbose_name = _("type of support wanted")
        verbose_name_plural = _("types of support wanted")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "support_type"], name="hub_request_support_type_once"
            ),
            models.CheckConstraint(
                condition=Q(support_type__in=SupportType.values),
                name="hub_request_support_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.get_support_type_display()


class RequirementLine(models.Model):
    """What a piece of work would take: an amount of money, expert-days of some expertise, or an
    in-kind item with its estimated value. Requests have them here; projects in the funding
    module, which compares them with contributions."""

    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    description = models.CharField(
        _("what"), max_length=200, help_text=_("The expertise, the item, or what the money is for.")
    )
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("The amount, the number of expert-days, or the number of items."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD.")
    )
    estimated_value = models.DecimalField(
        _("estimated value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In-kind items: their total value, in the currency given."),
    )

    class Meta:
        abstract = True
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="%(app_label)s_%(class)s_positive"
            ),
            models.CheckConstraint(
                condition=Q(estimated_value__isnull=True) | Q(estimated_value__gte=0),
                name="%(app_label)s_%(class)s_value_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(kind=RequirementKind.MONEY) | ~Q(currency=""),
                name="%(app_label)s_%(class)s_money_has_currency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.quantity} {self.description}"


class Requirement(RequirementLine):
    request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="requirements"
    )

    class Meta(RequirementLine.Meta):
        ordering = ["request", "kind", "pk"]
