"""Events in the API, read-only: events (published and cancelled ones for everyone, drafts for
their organisers), their agenda items with guiding questions and speakers, and the speakers.
Registrations appear as counts only — seats taken, people waiting, confirmed registrations by
type — never as people. Writing goes through the pages."""

import django_filters
from django.db.models import Count, Prefetch, Q
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from .choices import EventFormat, EventKind, EventStatus, RegistrationStatus, RegistrationType
from .models import AgendaItem, Appearance, Event, EventPartner, GuidingQuestion, Speaker

WAITLISTED = RegistrationStatus.WAITLISTED
CONFIRMED = RegistrationStatus.CONFIRMED


class EventSeatsSerializer(serializers.Serializer):
    capacity = serializers.IntegerField(allow_null=True, help_text="Null: no limit.")
    taken = serializers.IntegerField()
    left = serializers.IntegerField(allow_null=True)
    waitlisted = serializers.IntegerField(help_text="People on the waiting list.")


def _seats(place) -> dict:
    return {
        "capacity": place.capacity,
        "taken": place.seats_taken,
        "left": place.seats_left,
        "waitlisted": place.waitlisted,
    }


RegistrationCountsSerializer = type(
    "EventRegistrationCountsSerializer",
    (serializers.Serializer,),
    {
        "__doc__": "Confirmed registrations for the event itself, by registration type.",
        **{value: serializers.IntegerField() for value in RegistrationType.values},
    },
)


class EventVenueSerializer(serializers.Serializer):
    room = serializers.CharField(source="venue_room")
    building = serializers.CharField(source="venue_building")
    city = serializers.CharField(source="venue_city")
    country = serializers.CharField(
        source="country.iso3", allow_null=True, help_text="ISO 3166-1 alpha-3."
    )


class EventSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail", lookup_field="slug")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    venue = EventVenueSerializer(source="*", read_only=True)
    organisers = serializers.SerializerMethodField()
    partners = serializers.SerializerMethodField()
    seats = serializers.SerializerMethodField()
    registrations = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "url", "id", "slug", "page", "title", "theme", "description", "objectives",
            "language", "kind", "format", "status", "starts_on", "ends_on", "time_zone",
            "venue", "languages", "interpretation", "organisers", "partners",
            "invitation_only", "registration_opens_at", "registration_closes_at", "seats",
            "registrations",
        ]  # fmt: skip

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_organisers(self, event) -> list[str]:
        """The organisations organising the event (their slugs)."""
        return [p.organisation.slug for p in event.partners.all() if p.role == "organiser"]

    @extend_schema_field(serializers.ListField(child=serializers.SlugField()))
    def get_partners(self, event) -> list[str]:
        return [p.organisation.slug for p in event.partners.all() if p.role == "partner"]

    @extend_schema_field(EventSeatsSerializer)
    def get_seats(self, event) -> dict:
        return _seats(event)

    @extend_schema_field(RegistrationCountsSerializer)
    def get_registrations(self, event) -> dict:
        return {value: getattr(event, f"confirmed_{value}") for value in RegistrationType.values}


class EventFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    format = django_filters.ChoiceFilter(choices=EventFormat.choices)
    country = django_filters.CharFilter(field_name="country__iso3", lookup_expr="iexact")
    year = django_filters.NumberFilter(field_name="starts_on", lookup_expr="year")

    class Meta:
        model = Event
        fields = ["status", "kind", "format", "country", "year", "language"]


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Events: published and cancelled ones for everyone, drafts for their organisers. Filter by
    status, kind, format, country (ISO alpha-3), year, language. Looked up by slug."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Event.objects.none()
        event_level = Q(registrations__item__isnull=True)
        counts = {
            f"confirmed_{value}": Count(
                "registrations",
                filter=event_level
                & Q(registrations__status=CONFIRMED, registrations__registration_type=value),
            )
            for value in RegistrationType.values
        }
        return (
            Event.objects.visible_to(self.request.user)
            .select_related("country")
            .prefetch_related(
                Prefetch("partners", queryset=EventPartner.objects.select_related("organisation"))
            )
            .annotate(
                waitlisted=Count(
                    "registrations", filter=event_level & Q(registrations__status=WAITLISTED)
                ),
                **counts,
            )
            .order_by("-starts_on", "title", "pk")  # Meta.ordering does not apply with GROUP BY
        )


class EventSpeakerBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "position", "affiliation"]


class AgendaItemSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:eventagendaitem-detail")
    page = serializers.CharField(source="get_absolute_url", read_only=True)
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    seats = serializers.SerializerMethodField()
    guiding_questions = serializers.SerializerMethodField()
    moderators = serializers.SerializerMethodField()
    speakers = serializers.SerializerMethodField()

    class Meta:
        model = AgendaItem
        fields = [
            "url", "id", "page", "event", "starts_at", "ends_at", "kind", "title",
            "description", "room", "seats", "guiding_questions", "moderators", "speakers",
        ]  # fmt: skip

    @extend_schema_field(EventSeatsSerializer(allow_null=True))
    def get_seats(self, item) -> dict | None:
        """Null when the item takes no registrations of its own."""
        return _seats(item) if item.takes_registrations else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_guiding_questions(self, item) -> list[str]:
        """In the order they are asked."""
        return [question.text for question in item.questions.all()]

    @extend_schema_field(EventSpeakerBriefSerializer(many=True))
    def get_moderators(self, item) -> list[dict]:
        return self._people(item, "moderator")

    @extend_schema_field(EventSpeakerBriefSerializer(many=True))
    def get_speakers(self, item) -> list[dict]:
        """In the order they speak."""
        return self._people(item, "speaker")

    def _people(self, item, role: str) -> list[dict]:
        return EventSpeakerBriefSerializer(
            [a.speaker for a in item.appearances.all() if a.role == role], many=True
        ).data


class AgendaItemFilter(django_filters.FilterSet):
    event = django_filters.CharFilter(
        field_name="event__slug", help_text="The event's slug: its agenda, in order."
    )

    class Meta:
        model = AgendaItem
        fields = ["event", "kind"]


class AgendaItemViewSet(viewsets.ReadOnlyModelViewSet):
    """The agenda items of the events one may see, in time order, with their guiding questions,
    moderators and speakers. Filter by event (slug) and kind."""

    serializer_class = AgendaItemSerializer
    filterset_class = AgendaItemFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AgendaItem.objects.none()
        return (
            AgendaItem.objects.visible_to(self.request.user)
            .select_related("event")
            .prefetch_related(
                Prefetch("questions", queryset=GuidingQuestion.objects.order_by("position")),
                Prefetch(
                    "appearances",
                    queryset=Appearance.objects.select_related("speaker").order_by("position"),
                ),
            )
            .annotate(waitlisted=Count("registrations", filter=Q(registrations__status=WAITLISTED)))
            .order_by("starts_at", "-ends_at", "pk")
        )


class SpeakerAppearanceSerializer(serializers.ModelSerializer):
    item = serializers.PrimaryKeyRelatedField(read_only=True)
    event = serializers.SlugRelatedField(source="item.event", slug_field="slug", read_only=True)

    class Meta:
        model = Appearance
        fields = ["item", "event", "role"]


class EventSpeakerSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:eventspeaker-detail")
    appearances = SpeakerAppearanceSerializer(many=True, read_only=True, source="shown_appearances")

    class Meta:
        model = Speaker
        fields = ["url", "id", "name", "position", "affiliation", "bio", "language", "appearances"]


class SpeakerFilter(django_filters.FilterSet):
    event = django_filters.CharFilter(
        method="speaking_at", help_text="The event's slug: who moderates or speaks there."
    )

    class Meta:
        model = Speaker
        fields = ["event"]

    def speaking_at(self, queryset, name, value):
        return queryset.filter(
            pk__in=Appearance.objects.filter(item__event__slug=value).values("speaker")
        )


class SpeakerViewSet(viewsets.ReadOnlyModelViewSet):
    """Moderators and speakers of the events one may see, with where they appear. Filter by
    event (slug)."""

    serializer_class = EventSpeakerSerializer
    filterset_class = SpeakerFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Speaker.objects.none()
        # A speaker is as visible as the agenda items they appear in.
        shown = Appearance.objects.filter(
            item__in=AgendaItem.objects.visible_to(self.request.user)
        ).select_related("item__event")
        return Speaker.objects.filter(pk__in=shown.values("speaker")).prefetch_related(
            Prefetch(
                "appearances",
                queryset=shown.order_by("item__starts_at", "role"),
                to_attr="shown_appearances",
            )
        )
