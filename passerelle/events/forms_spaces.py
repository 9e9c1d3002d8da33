"""The forms of discussion spaces: a space (new or edited) and the closing summary. Questions
and moderators (their e-mail addresses) are typed one per line; times are those of the
platform's time zone."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import User

from .forms_manage import WORKING_LANGUAGES, _language_name, _lines
from .models import DiscussionSpace, Event
from .services.spaces import MODERATORS_LIMIT, SpaceData

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class SpaceForm(forms.Form):
    """A space. Creating, the host is chosen among the organisations where the person is an
    editor (any, for the secretariat)."""

    organisation = forms.ModelChoiceField(label=_("Hosted by"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=250)
    theme = forms.CharField(label=_("Theme"), max_length=250)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    audience = forms.CharField(label=_("Expected audience"), max_length=300, required=False)
    language = forms.ChoiceField(label=_("Language of these texts"), choices=settings.LANGUAGES)
    languages = forms.MultipleChoiceField(
        label=_("Languages of the discussion"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    questions = forms.CharField(
        label=_("Discussion questions"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line, in order."),
    )
    moderators = forms.CharField(
        label=_("Moderators"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The e-mail addresses of their accounts, one per line."),
    )
    event = forms.ModelChoiceField(label=_("Event"), queryset=None, required=False)
    opens_at = forms.DateTimeField(label=_("Opens"), widget=DATETIME)
    closes_at = forms.DateTimeField(
        label=_("Closes"),
        widget=DATETIME,
        required=False,
        help_text=_("Leave empty for a permanent forum: it closes with its summary."),
    )

    def __init__(self, *args, user, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        self.fields["languages"].choices = [
            (code, _language_name(code)) for code in WORKING_LANGUAGES
        ]
        self.fields["event"].queryset = Event.objects.visible_to(user).order_by("-starts_on")

    @staticmethod
    def initial_for(space: DiscussionSpace) -> dict:
        return {
            "title": space.title,
            "theme": space.theme,
            "description": space.description,
            "audience": space.audience,
            "language": space.language,
            "languages": space.languages,
            "questions": "\n".join(space.questions),
            "moderators": "\n".join(user.email for user in space.moderators.order_by("email")),
            "event": space.event_id,
            "opens_at": timezone.localtime(space.opens_at),
            "closes_at": timezone.localtime(space.closes_at) if space.closes_at else None,
        }

    def clean_moderators(self) -> list:
        lines = _lines(self.cleaned_data["moderators"])
        emails = list(dict.fromkeys(line.lower() for line in lines))
        if len(emails) > MODERATORS_LIMIT:
            raise forms.ValidationError(
                _("Name at most %(limit)s moderators."),
                params={"limit": MODERATORS_LIMIT},
                code="too_many",
            )
        matching = Q(pk__in=[])
        for email in emails:
            matching |= Q(email__iexact=email)
        users = {u.email.lower(): u for u in User.objects.filter(matching, is_active=True)}
        unknown = [email for email in emails if email not in users]
        if unknown:
            raise forms.ValidationError(
                _("No active account has this address: %(emails)s."),
                params={"emails": ", ".join(unknown)},
                code="unknown",
            )
        return [users[email] for email in emails]

    def space_data(self) -> SpaceData:
        data = self.cleaned_data
        return SpaceData(
            title=data["title"],
            theme=data["theme"],
            description=data["description"],
            audience=data["audience"],
            language=data["language"],
            languages=data["languages"],
            questions=_lines(data["questions"]),
            moderators=data["moderators"],
            event=data["event"],
            opens_at=data["opens_at"],
            closes_at=data["closes_at"],
        )


class SpaceSummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the discussion"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20_000,
        help_text=_("What participants shared, agreed on and left open. Published at once."),
    )
