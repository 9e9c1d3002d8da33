"""The outcomes of events in the API, read-only: those one may see (the outcomes of a published
closing report; all of an event's for its organisers), filtered by `?event=<slug>`. A follow-up
is named by its kind only: the pledge, request or call may be a draft its owner alone reads."""

from rest_framework import serializers, viewsets

from . import permissions_outcomes  # noqa: F401  (the policy visible_to asks)
from .models import Outcome


class OutcomeSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    owner = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    follow_up = serializers.SerializerMethodField()

    class Meta:
        model = Outcome
        fields = ["id", "event", "item", "kind", "text", "owner", "deadline", "status", "follow_up"]

    def get_follow_up(self, outcome) -> str | None:
        """pledge, request, call, or null."""
        if outcome.pledge_id:
            return "pledge"
        if outcome.support_request_id:
            return "request"
        if outcome.practice_call_id:
            return "call"
        return None


class OutcomeViewSet(viewsets.ReadOnlyModelViewSet):
    """Recommendations and commitments heard at events, followed with an owner and a deadline."""

    serializer_class = OutcomeSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Outcome.objects.none()
        outcomes = (
            Outcome.objects.visible_to(self.request.user)
            .select_related("event", "owner")
            .order_by("event__starts_on", "deadline", "pk")
        )
        event = self.request.query_params.get("event")
        if event:
            outcomes = outcomes.filter(event__slug=event)
        return outcomes
