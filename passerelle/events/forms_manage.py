"""The organisers' forms: an event, and an item of its agenda. Dates and times are typed as the
venue's clock shows them; the forms make them aware in the venue's time zone. Lists (questions,
moderators, speakers) are typed one per line."""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import Organisation
from passerelle.geo.models import Country

from .choices import AgendaItemKind, EventFormat, EventKind, SpeakerRole
from .models import AgendaItem, Event
from .services.events import EventData, ItemData, SpeakerData, time_zones

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
# The working languages offered: the platform's, and the other official languages of the UN.
WORKING_LANGUAGES = ("en", "fr", "es", "ar", "zh-hans", "ru", "pt")
REQUIRED_MARK = "*"
# The event's fields the form shows as they are stored.
EVENT_COPIED = (
    "title", "theme", "description", "objectives", "language", "kind", "format", "starts_on",
    "ends_on", "time_zone", "venue_room", "venue_building", "venue_city", "country",
    "online_url", "languages", "interpretation", "capacity", "invitation_only",
)  # fmt: skip
ITEM_FIELDS = (
    "kind", "title", "description", "room", "capacity", "questions", "moderators", "speakers",
    "starts_at", "ends_at",
)  # fmt: skip


class LocalDateTimeField(forms.DateTimeField):
    """A date and time as the venue's clock shows it, returned naive: the form makes it aware
    in the time zone typed in the same form (Django would use the server's)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        try:
            parsed = parse_datetime(str(value).strip())
        except ValueError:
            parsed = None
        if parsed is None:
            parsed = forms.BaseTemporalField.to_python(self, value)
        return parsed.replace(tzinfo=None)


def venue_time(naive: datetime.datetime, tz: zoneinfo.ZoneInfo) -> datetime.datetime:
    """`naive` at the venue; a time the clocks skip (the spring change) is refused."""
    aware = naive.replace(tzinfo=tz)
    if aware.astimezone(datetime.UTC).astimezone(tz).replace(tzinfo=None) != naive:
        raise forms.ValidationError(
            _("This time does not exist at the venue: the clocks change then."), code="gap"
        )
    return aware


def at_venue(value: datetime.datetime | None, tz) -> datetime.datetime | None:
    """An aware datetime as the venue's clock shows it, for the form's initial values."""
    return timezone.localtime(value, tz).replace(tzinfo=None) if value else None


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class EventForm(forms.Form):
    """An event, new or edited. Creating, the organisation organising it is chosen among those
    where the person is an editor (any, for the secretariat)."""

    organisation = forms.ModelChoiceField(label=_("Organised by"), queryset=None)
    # The creation form's one-time key (services.events.event_create).
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    organisers = forms.ModelMultipleChoiceField(
        label=_("Other organisers"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Their editors may change the event and its agenda, as you may."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Shown on the event's page; they do not manage the event."),
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    theme = forms.CharField(label=_("Theme"), max_length=250, required=False)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        required=False,
        help_text=_("Needed before the event is published."),
    )
    objectives = forms.CharField(
        label=_("Objectives"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        required=False,
    )
    language = forms.ChoiceField(label=_("Language of these texts"), choices=settings.LANGUAGES)
    kind = forms.ChoiceField(label=_("Kind of event"), choices=EventKind.choices)
    format = forms.ChoiceField(
        label=_("Format"), choices=EventFormat.choices, widget=forms.RadioSelect
    )
    starts_on = forms.DateField(label=_("First day"), widget=DATE)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE)
    time_zone = forms.CharField(
        label=_("Time zone of the venue"),
        max_length=64,
        help_text=_(
            "The agenda's times are in this time zone: a name such as Europe/Zurich, "
            "America/New_York or Africa/Dakar."
        ),
    )
    venue_room = forms.CharField(label=_("Room"), max_length=200, required=False)
    venue_building = forms.CharField(label=_("Building"), max_length=200, required=False)
    venue_city = forms.CharField(
        label=_("City"),
        max_length=100,
        required=False,
        help_text=_("Needed before an event in person is published."),
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), required=False
    )
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_("Where participants join online, for an online or hybrid event."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interpretation = forms.CharField(
        label=_("Interpretation"),
        max_length=300,
        required=False,
        help_text=_("For instance: simultaneous interpretation into English, French, Spanish."),
    )
    registration_opens_at = LocalDateTimeField(
        label=_("Registration opens"),
        required=False,
        help_text=_("At the venue's time. Leave empty to open registration when published."),
    )
    registration_closes_at = LocalDateTimeField(
        label=_("Registration closes"),
        required=False,
        help_text=_("At the venue's time. Leave empty to keep it open."),
    )
    capacity = forms.IntegerField(
        label=_("Seats"),
        min_value=1,
        required=False,
        help_text=_(
            "Once they are taken, people are put on a waiting list. Leave empty for no limit."
        ),
    )
    invitation_only = forms.BooleanField(
        label=_("By invitation only"),
        required=False,
        help_text=_("Only people invited by the organisers may register."),
    )
    questionnaire = forms.CharField(
        label=_("Questions asked when registering"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "One question per line; end a line with * when an answer is required, e.g. "
            "“Dietary requirements” or “Accessibility needs *”."
        ),
    )

    FIELDSETS = (
        (_("Who organises it"), ("organisation", "organisers", "partners")),
        (_("What it is"), ("title", "theme", "description", "objectives", "language", "kind")),
        (
            _("When and where"),
            ("starts_on", "ends_on", "time_zone", "format", "venue_room", "venue_building",
             "venue_city", "country", "online_url", "languages", "interpretation"),
        ),
        (
            _("Registration"),
            ("registration_opens_at", "registration_closes_at", "capacity", "invitation_only",
             "questionnaire"),
        ),
    )  # fmt: skip

    def __init__(self, *args, organisations=None, event: Event | None = None, **kwargs):
        """`organisations`: those the event may be created for; editing (`event`), the
        organisers are chosen among all organisations instead."""
        super().__init__(*args, **kwargs)
        self.event = event
        # A language the event already has stays offered, so that editing does not drop it.
        kept = event.languages if event else []
        others = [code for code in kept if code not in WORKING_LANGUAGES]
        codes = [*WORKING_LANGUAGES, *others]
        self.fields["languages"].choices = [(code, _language_name(code)) for code in codes]
        if event is None:
            self.fields["organisation"].queryset = organisations
            if len(organisations) == 1:  # nothing to choose
                self.fields["organisation"].empty_label = None
        else:
            del self.fields["organisation"], self.fields["submission_key"]
            organisers = self.fields["organisers"]
            organisers.label = _("Organisers")
            organisers.required = True
            organisers.help_text = _("Their editors may change the event and its agenda.")

    def fieldsets(self):
        """(legend, bound fields) of each group of fields, as the page shows them."""
        for legend, names in self.FIELDSETS:
            yield legend, [self[name] for name in names if name in self.fields]

    @classmethod
    def initial_for(cls, event: Event) -> dict:
        partners = list(event.partners.all())
        tz = event.tz
        return {
            **{name: getattr(event, name) for name in EVENT_COPIED},
            "organisers": [p.organisation_id for p in partners if p.role == "organiser"],
            "partners": [p.organisation_id for p in partners if p.role == "partner"],
            "registration_opens_at": at_venue(event.registration_opens_at, tz),
            "registration_closes_at": at_venue(event.registration_closes_at, tz),
            "questionnaire": "\n".join(
                question["label"] + (f" {REQUIRED_MARK}" if question.get("required") else "")
                for question in event.questionnaire
            ),
        }

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        if value not in time_zones():
            raise forms.ValidationError(
                _("%(value)s is not a time zone name, such as Europe/Zurich or America/New_York."),
                params={"value": value},
                code="time_zone",
            )
        return value

    def clean_questionnaire(self) -> list[dict]:
        questions = []
        for line in _lines(self.cleaned_data["questionnaire"]):
            required = line.endswith(REQUIRED_MARK)
            label = line.rstrip(REQUIRED_MARK).strip()
            if label:
                questions.append({"label": label, "required": required})
        return questions

    def clean(self):
        cleaned = super().clean()
        if "time_zone" in cleaned:
            tz = zoneinfo.ZoneInfo(cleaned["time_zone"])
            for name in ("registration_opens_at", "registration_closes_at"):
                if cleaned.get(name) is not None:
                    try:
                        cleaned[name] = venue_time(cleaned[name], tz)
                    except forms.ValidationError as error:
                        self.add_error(name, error)
        return cleaned

    def event_data(self) -> EventData:
        data = self.cleaned_data
        return EventData(
            **{name: data[name] for name in EVENT_COPIED},
            registration_opens_at=data["registration_opens_at"],
            registration_closes_at=data["registration_closes_at"],
            questionnaire=data["questionnaire"],
            organisers=list(data["organisers"]),
            partners=list(data["partners"]),
        )


class AgendaItemForm(forms.Form):
    """An agenda item: its day and times at the venue, what it is, its guiding questions, and
    who moderates and speaks."""

    day = forms.DateField(label=_("Day"), widget=DATE)
    starts_at = forms.TimeField(label=_("Starts at"), widget=TIME)
    ends_at = forms.TimeField(label=_("Ends at"), widget=TIME)
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaItemKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        required=False,
    )
    room = forms.CharField(
        label=_("Room"),
        max_length=200,
        required=False,
        help_text=_("When not the event's room."),
    )
    capacity = forms.IntegerField(
        label=_("Seats"),
        min_value=1,
        required=False,
        help_text=_(
            "For an item people register for on its own, such as a side event. Leave empty "
            "when the event's registration is enough."
        ),
    )
    questions = forms.CharField(
        label=_("Guiding questions"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("One question per line, in the order they are asked."),
    )
    moderators = forms.CharField(
        label=_("Moderators"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_(
            "One person per line: name | position | affiliation, e.g. “Ana Pérez | Director "
            "of migration policy | Ministry of Labour”. Position and affiliation may be left out."
        ),
    )
    speakers = forms.CharField(
        label=_("Speakers"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("One person per line, in the order they speak: name | position | affiliation."),
    )

    FIELDSETS = (
        (_("When"), ("day", "starts_at", "ends_at")),
        (_("What it is"), ("kind", "title", "description", "room", "capacity")),
        (_("The discussion"), ("questions", "moderators", "speakers")),
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["day"].widget = forms.DateInput(
            attrs={
                "type": "date",
                "min": event.starts_on.isoformat(),
                "max": event.ends_on.isoformat(),
            },
            format="%Y-%m-%d",
        )
        self.fields["day"].help_text = _("Between %(first)s and %(last)s.") % {
            "first": date_format(event.starts_on, "DATE_FORMAT"),
            "last": date_format(event.ends_on, "DATE_FORMAT"),
        }
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _("At the venue's time (%(zone)s).") % {
                "zone": event.time_zone
            }

    fieldsets = EventForm.fieldsets

    @classmethod
    def initial_for(cls, item: AgendaItem) -> dict:
        tz = item.event.tz
        starts, ends = at_venue(item.starts_at, tz), at_venue(item.ends_at, tz)
        appearances = list(item.appearances.select_related("speaker").order_by("position"))

        def line(speaker) -> str:
            parts = [speaker.name, speaker.position, speaker.affiliation]
            while not parts[-1]:
                parts.pop()
            return " | ".join(parts)

        def people(role) -> str:
            return "\n".join(line(a.speaker) for a in appearances if a.role == role)

        return {
            "day": starts.date(),
            "starts_at": starts.time(),
            "ends_at": ends.time(),
            "kind": item.kind,
            "title": item.title,
            "description": item.description,
            "room": item.room,
            "capacity": item.capacity,
            "questions": "\n".join(q.text for q in item.questions.order_by("position")),
            "moderators": people(SpeakerRole.MODERATOR),
            "speakers": people(SpeakerRole.SPEAKER),
        }

    def clean_questions(self) -> list[str]:
        return _lines(self.cleaned_data["questions"])

    def clean_moderators(self) -> list[SpeakerData]:
        return self._people(self.cleaned_data["moderators"])

    def clean_speakers(self) -> list[SpeakerData]:
        return self._people(self.cleaned_data["speakers"])

    def _people(self, text: str) -> list[SpeakerData]:
        people, problems = [], []
        for number, line in enumerate(_lines(text), 1):
            parts = [part.strip() for part in line.split("|")]
            if len(parts) > 3:
                problems.append(
                    _("Line %(number)s has more than three parts: name | position | affiliation.")
                    % {"number": number}
                )
                continue
            people.append(SpeakerData(*parts))
        if problems:
            raise forms.ValidationError(" ".join(str(problem) for problem in problems))
        return people

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("day")
        tz = self.event.tz
        for name in ("starts_at", "ends_at"):
            if day is not None and cleaned.get(name) is not None:
                try:
                    cleaned[name] = venue_time(datetime.datetime.combine(day, cleaned[name]), tz)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def item_data(self) -> ItemData:
        data = self.cleaned_data
        return ItemData(**{name: data[name] for name in ITEM_FIELDS})
