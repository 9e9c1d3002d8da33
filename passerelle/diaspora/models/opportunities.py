"""Engagement opportunities governments and partners post for diasporas, and the applications
and expressions of interest members send, which the poster shortlists and answers."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import OpportunityKind, OpportunityStatus, ResponseKind, ResponseStatus


class Opportunity(TimeStampedModel):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="diaspora_opportunities",
        verbose_name=_("posted by"),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    countries = models.ManyToManyField(
        "geo.Country", blank=True, related_name="+", verbose_name=_("where")
    )
    origin_countries = models.ManyToManyField(
        "geo.Country", blank=True, related_name="+",
        verbose_name=_("diasporas it is for"), help_text=_("Empty: every diaspora."),
    )  # fmt: skip
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="+", verbose_name=_("capacity areas")
    )
    is_remote = models.BooleanField(_("can be done remotely"), default=False)
    places = models.PositiveSmallIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    deadline = models.DateField(_("deadline"))
    support_request = models.ForeignKey(
        "hub.SupportRequest", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("request for support it serves"),
    )  # fmt: skip
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("project it serves"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=OpportunityStatus.choices,
        default=OpportunityStatus.DRAFT,
    )  # fmt: skip
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("engagement opportunity")
        verbose_name_plural = _("engagement opportunities")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OpportunityKind.values), name="diaspora_opp_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=OpportunityStatus.values),
                name="diaspora_opp_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=OpportunityStatus.DRAFT) | Q(published_at__isnull=False),
                name="diaspora_opp_published_dated",
            ),
            models.CheckConstraint(
                condition=Q(places__isnull=True) | Q(places__gte=1),
                name="diaspora_opp_places_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("diaspora:opportunity_detail", kwargs={"pk": self.pk})


class OpportunityResponse(TimeStampedModel):
    """An application or an expression of interest; one per person and opportunity."""

    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diaspora_responses"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ResponseKind.choices)
    message = models.TextField(_("message"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=20, choices=ResponseStatus.choices,
        default=ResponseStatus.SUBMITTED,
    )  # fmt: skip
    answer = models.TextField(_("answer"), max_length=5000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("response to an opportunity")
        verbose_name_plural = _("responses to opportunities")
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "person"], name="diaspora_response_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ResponseKind.values), name="diaspora_response_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ResponseStatus.values),
                name="diaspora_response_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.opportunity_id}"
