"""Forms of the roster: an expert's entry (joining and editing), the search, a contact with its
organisation and request choosers, and the answers to a contact."""

import pycountry
from django import forms
from django.utils.translation import gettext_lazy as _

from passerelle.geo.models import Country
from passerelle.hub.choices import CostBasis, RequestStatus
from passerelle.hub.models import SupportRequest
from passerelle.taxonomy.models import CapacityArea

from ..choices import Availability
from ..services.roster import MAX_ENGAGEMENTS, RosterData

# The languages offered as checkboxes: the platform's and those most spoken across diasporas.
WORK_LANGUAGES = ("en", "fr", "es", "ar", "pt", "ru", "zh", "de", "it", "tr", "sw", "wo", "hi")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def language_choices() -> list[tuple[str, str]]:
    return [(code, pycountry.languages.get(alpha_2=code).name) for code in WORK_LANGUAGES]


class RosterEntryForm(forms.Form):
    headline = forms.CharField(
        label=_("Headline"), max_length=200,
        help_text=_("Your expertise in one line, e.g. “Migration data analyst, 12 years”."),
    )  # fmt: skip
    expertise = forms.CharField(
        label=_("Your expertise"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you know and have done; write in the language you prefer."),
    )  # fmt: skip
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"), queryset=CapacityArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"), choices=(), widget=forms.CheckboxSelectMultiple
    )
    work_countries = forms.ModelMultipleChoiceField(
        label=_("Countries you will work in"), queryset=Country.objects.order_by("name"),
        required=False, widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("None: anywhere in the world."),
    )  # fmt: skip
    availability = forms.ChoiceField(label=_("Availability"), choices=Availability.choices)
    days_per_year = forms.IntegerField(
        label=_("Days a year you can give"), min_value=1, max_value=366, required=False
    )
    available_from = forms.DateField(label=_("Available from"), widget=DATE)
    available_until = forms.DateField(
        label=_("Available until"), widget=DATE, required=False,
        help_text=_("Empty: until further notice."),
    )  # fmt: skip
    cost_basis = forms.ChoiceField(
        label=_("Cost of your work"),
        choices=[(CostBasis.FREE, CostBasis.FREE.label), (CostBasis.PAID, CostBasis.PAID.label)],
        widget=forms.RadioSelect,
    )
    trains = forms.BooleanField(label=_("I also give training"), required=False)
    max_engagements = forms.TypedChoiceField(
        label=_("Engagements at a time"), coerce=int,
        choices=[(n, str(n)) for n in range(1, MAX_ENGAGEMENTS + 1)],
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = language_choices()

    def roster_data(self) -> RosterData:
        data = self.cleaned_data
        return RosterData(
            headline=data["headline"],
            expertise=data["expertise"],
            capacity_areas=list(data["capacity_areas"]),
            languages=list(data["languages"]),
            availability=data["availability"],
            available_from=data["available_from"],
            available_until=data["available_until"],
            work_countries=list(data["work_countries"]),
            days_per_year=data["days_per_year"],
            cost_basis=data["cost_basis"],
            trains=data["trains"],
            max_engagements=data["max_engagements"],
        )

    @staticmethod
    def initial_for(data: RosterData) -> dict:
        return {
            "headline": data.headline,
            "expertise": data.expertise,
            "capacity_areas": data.capacity_areas,
            "languages": data.languages,
            "work_countries": data.work_countries,
            "availability": data.availability,
            "days_per_year": data.days_per_year,
            "available_from": data.available_from,
            "available_until": data.available_until,
            "cost_basis": data.cost_basis,
            "trains": data.trains,
            "max_engagements": data.max_engagements,
        }


class RosterJoinForm(RosterEntryForm):
    consent_listed = forms.BooleanField(
        label=_(
            "I agree to be listed publicly on the roster with what I write here; my e-mail "
            "address is shared only with organisations whose contact I accept."
        ),
        required=False,
    )


class RosterSearchForm(forms.Form):
    """Several areas or languages: experts with any of them (the link from a request's page
    passes the request's own)."""

    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    area = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"), queryset=CapacityArea.objects.order_by("name"),
        required=False, to_field_name="code", widget=forms.SelectMultiple(attrs={"size": 4}),
    )  # fmt: skip
    language = forms.MultipleChoiceField(
        label=_("Languages"), choices=(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )  # fmt: skip
    country = forms.ModelChoiceField(
        label=_("Country they work in"), queryset=Country.objects.order_by("name"),
        required=False, to_field_name="iso3",
    )  # fmt: skip
    availability = forms.ChoiceField(
        label=_("Availability"), choices=[("", _("Any")), *Availability.choices], required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()


class RequestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.organisation.name} — {obj.title}"


class ContactForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None)
    support_request = RequestChoiceField(
        label=_("About the request"), queryset=None, required=False,
        help_text=_("Optional: one of your organisation's requests for support."),
    )  # fmt: skip
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say what you need and when; the expert answers here."),
    )  # fmt: skip

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["support_request"].queryset = (
            SupportRequest.objects.filter(organisation__in=organisations)
            .exclude(status=RequestStatus.WITHDRAWN)
            .select_related("organisation")
            .defer("embedding")
            .order_by("organisation__name", "-created")
        )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Your answer"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("What the engagement achieved"), max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the expert's public track record."),
    )  # fmt: skip
