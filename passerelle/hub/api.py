"""Requests for support, offers and their matches in the API: what each reader may see,
filtered like the list pages. Writing goes through the pages for now (review, publication and
brokering are audited steps with their own checks)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.settings import api_settings

from passerelle.core.permissions import user_can

from . import selectors
from .filters import MatchFilter, OfferFilter, RequestFilter
from .matching.criteria import CRITERIA
from .models import Match, Offer, Requirement, SupportRequest


class RequirementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Requirement
        fields = ["kind", "description", "quantity", "currency", "estimated_value"]


class SupportRequestSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:supportrequest-detail")
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    joint_with = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    country = serializers.SlugRelatedField(slug_field="iso3", read_only=True)
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    support_types = serializers.SlugRelatedField(
        slug_field="support_type", many=True, read_only=True
    )
    requirements = RequirementSerializer(many=True, read_only=True)

    class Meta:
        model = SupportRequest
        fields = [
            "url",
            "id",
            "title",
            "description",
            "language",
            "organisation",
            "joint_with",
            "status",
            "scope",
            "country",
            "region",
            "capacity_areas",
            "gcm_objectives",
            "support_types",
            "modality",
            "working_languages",
            "starts_on",
            "ends_on",
            "requirements",
            "submitted_at",
            "published_at",
        ]


class SupportRequestViewSet(viewsets.ReadOnlyModelViewSet):
    """Requests for support: published ones for everyone, drafts for their organisations, those
    submitted for review for the secretariat. Filter by capacity_area, objective, support_type,
    country (ISO alpha-3), region (M49), status, language, q."""

    serializer_class = SupportRequestSerializer
    filterset_class = RequestFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SupportRequest.objects.none()
        return selectors.request_list(user=self.request.user).prefetch_related(
            "gcm_objectives", "requirements"
        )


PROVIDER_KINDS = [("organisation", _("Organisation")), ("expert", _("Individual expert"))]


class ProviderSerializer(serializers.ModelSerializer):
    """Who offers: an organisation by its slug, or an individual expert by their public handle
    (never their e-mail address)."""

    provider_kind = serializers.SerializerMethodField()
    provider = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=PROVIDER_KINDS))
    def get_provider_kind(self, offer) -> str:
        return "organisation" if offer.organisation_id else "expert"

    def get_provider(self, offer) -> str:
        return offer.organisation.slug if offer.organisation_id else offer.expert.handle


class OfferSerializer(ProviderSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:offer-detail")
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    gcm_objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    support_types = serializers.SlugRelatedField(
        slug_field="support_type", many=True, read_only=True
    )
    countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    regions = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)
    in_response_to = serializers.SerializerMethodField()

    class Meta:
        model = Offer
        fields = [
            "url",
            "id",
            "title",
            "description",
            "language",
            "provider_kind",
            "provider",
            "status",
            "capacity_areas",
            "gcm_objectives",
            "support_types",
            "is_global",
            "countries",
            "regions",
            "languages",
            "modality",
            "available_from",
            "available_until",
            "max_engagements",
            "expert_days",
            "cost_basis",
            "money_amount",
            "currency",
            "in_response_to",
            "published_at",
        ]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_in_response_to(self, offer) -> int | None:
        # The request answered, unless the reader may no longer see it (withdrawn since).
        answered = offer.in_response_to
        if answered is None or not user_can(self.context["request"].user, "view", answered):
            return None
        return answered.pk


class OfferViewSet(viewsets.ReadOnlyModelViewSet):
    """Offers of support: published and closed ones for everyone, drafts and withdrawn ones for
    their provider. Filter by capacity_area, objective, support_type, country (ISO alpha-3:
    offers naming it, a region containing it, or working anywhere), region (M49: offers working
    in all or part of it), status, language, cost_basis, q."""

    serializer_class = OfferSerializer
    filterset_class = OfferFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Offer.objects.none()
        return (
            selectors.offer_list(user=self.request.user)
            .select_related("in_response_to")
            .prefetch_related("gcm_objectives")
        )


class MatchedRequestSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = SupportRequest
        fields = ["id", "title", "organisation"]


class MatchedOfferSerializer(ProviderSerializer):
    class Meta:
        model = Offer
        fields = ["id", "title", "provider_kind", "provider"]


class ExplanationRowSerializer(serializers.Serializer):
    criterion = serializers.ChoiceField(choices=list(CRITERIA.items()))
    label = serializers.CharField(help_text=_("The criterion's name, in the reader's language."))
    weight = serializers.FloatField(help_text=_("Its share of the score, from 0 to 1."))
    value = serializers.FloatField(help_text=_("How well the pair meets it, from 0 to 1."))
    points = serializers.FloatField(
        help_text=_("What it adds to the score: its weight times its value.")
    )


def explanation_criteria(match) -> list[dict]:
    """The stored explanation, criterion by criterion, as fractions of the score (the pages show
    percentages): criteria that weigh nothing are left out, the most telling come first."""
    stored = match.explanation if isinstance(match.explanation, dict) else {}
    values, weights = stored.get("values", {}), stored.get("weights", {})
    rows = []
    for name, label in CRITERIA.items():
        weight = weights.get(name, 0)
        if weight > 0:
            value = values.get(name, 0)
            rows.append(
                {
                    "criterion": name,
                    "label": str(label),
                    "weight": weight,
                    "value": value,
                    "points": round(weight * value, 4),
                }
            )
    return sorted(rows, key=lambda row: -row["points"])


class MatchSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:match-detail")
    request = MatchedRequestSerializer(read_only=True)
    offer = MatchedOfferSerializer(read_only=True)
    explanation = serializers.SerializerMethodField()

    class Meta:
        model = Match
        fields = [
            "url",
            "id",
            "request",
            "offer",
            "score",
            "status",
            "computed_at",
            "introduced_at",
            "introduction_note",
            "requester_decision",
            "requester_reason",
            "provider_decision",
            "provider_reason",
            "decided_at",
            "partnership_at",
            "explanation",
        ]

    @extend_schema_field(ExplanationRowSerializer(many=True))
    def get_explanation(self, match) -> list[dict]:
        return explanation_criteria(match)


class MatchViewSet(viewsets.ReadOnlyModelViewSet):
    """Matches between requests and offers, best first: seen by the secretariat's brokers and by
    the two parties (the requesting organisations, the provider), never by others. Each comes
    with its explanation: every criterion's weight, how well the pair met it and the points it
    brought. Filter by request (id), offer (id), status, min_score (0 to 1). Anonymous callers
    get a 401."""

    serializer_class = MatchSerializer
    filterset_class = MatchFilter
    permission_classes = [IsAuthenticated, *api_settings.DEFAULT_PERMISSION_CLASSES]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Match.objects.none()
        return selectors.match_list(user=self.request.user)
