"""The story form, and the filters of the list of stories (shared by the page and the API)."""

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Case, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.events.models import AgendaItem, Event
from passerelle.geo.models import Country

from ..choices import StoryKind
from ..models import Story
from ..services.content import StoryData

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class StoryForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=None,
        required=False,
        empty_label=_("Myself"),
        help_text=_("An organisation you edit for; its editors may then change the story too."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=StoryKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), max_length=300, required=False)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20_000,
        help_text=_("Markdown: **bold**, *italic*, [a link](https://…), lists."),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)
    video_url = forms.URLField(
        label=_("Video address"),
        required=False,
        assume_scheme="https",
        help_text=_("A YouTube or Vimeo page, or an https link to a .mp4, .webm or .ogv file."),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries it is about"), queryset=Country.objects.order_by("name"), required=False
    )
    starts_at = forms.DateTimeField(
        label=_("Starts (community events)"), widget=DATETIME, required=False
    )
    place = forms.CharField(label=_("Place (community events)"), max_length=200, required=False)
    event = forms.ModelChoiceField(label=_("Dialogue event"), queryset=None, required=False)
    agenda_item = forms.ModelChoiceField(
        label=_("Session of that event"), queryset=None, required=False
    )

    def __init__(self, *args, user, with_organisation: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_organisation:
            self.fields["organisation"].queryset = organisations_with_role(
                user=user, role=MembershipRole.EDITOR
            )
        else:
            del self.fields["organisation"]
        events = Event.objects.visible_to(user)
        self.fields["event"].queryset = events.order_by("-starts_on")
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.visible_to(user)
            .filter(event__in=events)
            .select_related("event")
            .order_by("-starts_at")
        )

    @staticmethod
    def initial_for(story: Story) -> dict:
        initial = {name: getattr(story, name) for name in StoryData.__dataclass_fields__}
        initial["countries"] = list(story.countries.values_list("pk", flat=True))
        return initial

    def story_data(self) -> StoryData:
        data = self.cleaned_data
        return StoryData(
            **{
                name: data[name] if data[name] is not None else ""
                for name in ("kind", "title", "body", "language", "summary", "video_url", "place")
            },
            starts_at=data["starts_at"],
            event=data["event"],
            agenda_item=data["agenda_item"],
            countries=list(data["countries"]),
        )


class StoryFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=StoryKind.choices, method="of_kind")
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.order_by("name"), field_name="countries"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    text = django_filters.CharFilter(label=_("Words"), method="containing", max_length=100)

    class Meta:
        model = Story
        fields = ["kind", "country", "language", "text"]

    def of_kind(self, queryset, name, value):
        queryset = queryset.filter(kind=value)
        if value == StoryKind.EVENT:
            # Community events: the upcoming ones first, soonest first; then the past ones.
            upcoming = Case(When(starts_at__gte=timezone.now(), then=0), default=1)
            return queryset.order_by(upcoming, "starts_at", "pk")
        return queryset

    def containing(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(summary__icontains=value) | Q(body__icontains=value)
        )
