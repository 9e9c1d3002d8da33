"""Offers: what an organisation, or a diaspora expert in their own name, can provide — the same
kinds of support requests ask for, where, in which languages, when, and how much of it."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import CostBasis, Modality, OfferStatus, SupportType
from .matchable import Matchable


class Offer(Matchable, TimeStampedModel):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("offering organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("individual expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
        help_text=_("A diaspora expert offering in their own name."),
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
    countries = models.ManyToManyField(
        "geo.Country", blank=True, related_name="+", verbose_name=_("countries covered")
    )
    regions = models.ManyToManyField(
        "geo.Region", blank=True, related_name="+", verbose_name=_("regions covered")
    )
    is_global = models.BooleanField(_("anywhere in the world"), default=False)
    languages = models.JSONField(
        _("languages of work"), default=list, help_text=_("ISO 639-1 codes, e.g. fr, en.")
    )
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices)
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(
        _("available until"), null=True, blank=True, help_text=_("Empty: until further notice.")
    )
    max_engagements = models.PositiveSmallIntegerField(
        _("engagements at a time"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many requests you can support at once."),
    )
    expert_days = models.PositiveIntegerField(
        _("expert-days available"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    cost_basis = models.CharField(_("cost"), max_length=20, choices=CostBasis.choices)
    money_amount = models.DecimalField(
        _("funding available"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD.")
    )
    in_response_to = models.ForeignKey(
        "hub.SupportRequest",
        verbose_name=_("in answer to the request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answering_offers",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # A form posted twice carries the same key: the second post finds the first offer.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-published_at", "-created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=True) ^ Q(expert__isnull=True),
                name="hub_offer_one_provider",
            ),
            models.CheckConstraint(
                condition=Q(available_until__isnull=True)
                | Q(available_until__gte=F("available_from")),
                name="hub_offer_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=OfferStatus.values), name="hub_offer_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(max_engagements__gte=1), name="hub_offer_engagements_positive"
            ),
            models.CheckConstraint(
                condition=Q(money_amount__isnull=True) | (Q(money_amount__gt=0) & ~Q(currency="")),
                name="hub_offer_money_has_currency",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hub:offer_detail", kwargs={"pk": self.pk})

    @property
    def provider(self):
        """The organisation, or the expert, that offers."""
        return self.organisation or self.expert


class OfferSupportType(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="support_types")
    support_type = models.CharField(
        _("type of support"), max_length=30, choices=SupportType.choices
    )

    class Meta:
        verbose_name = _("type of support offered")
        verbose_name_plural = _("types of support offered")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "support_type"], name="hub_offer_support_type_once"
            ),
            models.CheckConstraint(
                condition=Q(support_type__in=SupportType.values),
                name="hub_offer_support_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.get_support_type_display()
