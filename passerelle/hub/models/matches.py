"""Matches between requests and offers, from the matcher's proposal to a partnership, and the
weights the secretariat gives the matcher's criteria."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import Decision, MatchStatus

# Once the secretariat has introduced the parties, a match is kept whatever the matcher says
# next: it is a record of brokering, and the matcher's evaluation set.
BROKERED_STATUSES = (
    MatchStatus.INTRODUCED,
    MatchStatus.ACCEPTED,
    MatchStatus.DECLINED,
    MatchStatus.PARTNERSHIP,
)


class Match(TimeStampedModel):
    request = models.ForeignKey(
        "hub.SupportRequest", on_delete=models.CASCADE, related_name="matches"
    )
    offer = models.ForeignKey("hub.Offer", on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField(_("score"))
    # {"score": 0.71, "values": {criterion: 0..1}, "weights": {criterion: normalised weight}}
    # (matching/engine.py explain); matching/explain.py makes it readable.
    explanation = models.JSONField(_("explanation"), default=dict)
    computed_at = models.DateTimeField(_("computed"))
    # Why the matcher keeps a proposal: the offer is among the request's best, the request
    # among the offer's best, or both. A proposal that is neither is deleted.
    in_request_top = models.BooleanField(default=False)
    in_offer_top = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    introduced_at = models.DateTimeField(_("introduced"), null=True, blank=True)
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    introduction_note = models.TextField(_("introduction"), blank=True, max_length=2000)
    requester_decision = models.CharField(
        _("requester's decision"), max_length=10, choices=Decision.choices,
        default=Decision.PENDING,
    )  # fmt: skip
    requester_reason = models.TextField(_("requester's reason"), blank=True, max_length=2000)
    provider_decision = models.CharField(
        _("provider's decision"), max_length=10, choices=Decision.choices,
        default=Decision.PENDING,
    )  # fmt: skip
    provider_reason = models.TextField(_("provider's reason"), blank=True, max_length=2000)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    partnership_at = models.DateTimeField(_("partnership started"), null=True, blank=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "offer"], name="hub_match_once"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1), name="hub_match_score_in_range"
            ),
            models.CheckConstraint(
                condition=Q(status__in=MatchStatus.values), name="hub_match_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=MatchStatus.PROPOSED) | Q(introduced_at__isnull=False),
                name="hub_match_brokered_was_introduced",
            ),
        ]
        indexes = [
            models.Index(fields=["offer", "-score"], name="hub_match_offer_score"),
            # The matcher's index checks the brokered matches (few) among all (many) often.
            models.Index(fields=["status", "updated"], name="hub_match_status_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.request} ↔ {self.offer}"

    @property
    def is_brokered(self) -> bool:
        return self.status in BROKERED_STATUSES


class MatchingSettings(models.Model):
    """The weights of the matcher's criteria, tuned by the secretariat; one row. Changing them
    bumps `version` and re-ranks everything in the background."""

    weights = models.JSONField(_("weights"))
    version = models.PositiveIntegerField(_("version"), default=1)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="hub_matching_one_row")]

    def __str__(self) -> str:
        return str(_("Matching weights, version %(version)s") % {"version": self.version})


class RequestSimilarity(models.Model):
    """A published request like `request` made by another organisation: peers to learn from."""

    request = models.ForeignKey(
        "hub.SupportRequest", on_delete=models.CASCADE, related_name="similarities"
    )
    similar = models.ForeignKey("hub.SupportRequest", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("similarity"))

    class Meta:
        verbose_name = _("similar request")
        verbose_name_plural = _("similar requests")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "similar"], name="hub_similar_once"),
            models.CheckConstraint(
                condition=~Q(request=models.F("similar")), name="hub_similar_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} ~ {self.similar}"
