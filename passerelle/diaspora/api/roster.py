"""The roster in the API, read-only: active experts and their public fields, with the track
record as completed engagements (the organisation, the request when public, the date, the
outcome). Never an e-mail address nor a name the expert keeps private."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from .. import permissions_roster  # noqa: F401  (the policy visible_to asks)
from ..choices import RosterStatus
from ..models import RosterEntry
from ..selectors.people import shown_names
from ..selectors.roster import completed_contacts, track_record


class TrackItemSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    request_title = serializers.CharField()
    completed_at = serializers.DateTimeField()
    outcome = serializers.CharField()


class RosterEntrySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:diaspora-roster-detail")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    name = serializers.SerializerMethodField()
    capacity_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    work_countries = serializers.SlugRelatedField(slug_field="iso3", many=True, read_only=True)
    track_record = serializers.SerializerMethodField()

    class Meta:
        model = RosterEntry
        fields = [
            "url", "id", "page", "name", "headline", "expertise", "capacity_areas", "languages",
            "work_countries", "availability", "days_per_year", "available_from",
            "available_until", "track_record",
        ]  # fmt: skip

    def get_name(self, entry) -> str:
        """The name the expert's profile shows the reader, or "A member of the hub"."""
        return self.context["names"].get(entry.expert_id, "")

    def get_track_record(self, entry) -> list[dict]:
        return TrackItemSerializer(track_record(entry), many=True).data


class RosterEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Diaspora experts on the roster (active entries)."""

    serializer_class = RosterEntrySerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return RosterEntry.objects.none()
        return (
            RosterEntry.objects.visible_to(self.request.user)
            .filter(status=RosterStatus.ACTIVE)
            .prefetch_related(
                "capacity_areas",
                "work_countries",
                Prefetch("contacts", queryset=completed_contacts(), to_attr="completed_contacts"),
            )
            .order_by("headline", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        kwargs.setdefault("context", self.get_serializer_context())
        instances = args[0] if args else None
        if instances is not None:
            many = instances if kwargs.get("many") else [instances]
            kwargs["context"]["names"] = shown_names(
                self.request.user, [entry.expert_id for entry in many]
            )
        return super().get_serializer(*args, **kwargs)


def register(router) -> None:
    """Adds the area's viewsets to the API router."""
    router.register("diaspora-roster", RosterEntryViewSet, basename="diaspora-roster")
