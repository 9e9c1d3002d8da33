"""Filters of the list of events, shared by the page and the API."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import EventFormat, EventKind
from .models import Event

UPCOMING, PAST = "upcoming", "past"


class EventFilter(django_filters.FilterSet):
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[(UPCOMING, _("Upcoming and ongoing")), (PAST, _("Past"))],
        method="by_date",
        empty_label=_("Any time"),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind of event"), choices=EventKind.choices)
    format = django_filters.ChoiceFilter(label=_("Format"), choices=EventFormat.choices)
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="starts_on__year", min_value=1900, max_value=2999
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        method="in_language",
        help_text=_("A working language of the event, or the language of its texts."),
    )

    class Meta:
        model = Event
        fields = ["when", "kind", "format", "year", "language"]

    def by_date(self, queryset, name, value):
        today = timezone.localdate()
        if value == UPCOMING:
            return queryset.filter(ends_on__gte=today).order_by("starts_on", "title")
        return queryset.filter(ends_on__lt=today).order_by("-starts_on", "title")

    def in_language(self, queryset, name, value):
        # The working languages are a JSON list of codes; a quoted code matches one element
        # exactly, on SQLite as on PostgreSQL.
        return queryset.filter(Q(language=value) | Q(languages__icontains=f'"{value}"'))
