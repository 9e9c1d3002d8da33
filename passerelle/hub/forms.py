from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import STATE_TYPES
from passerelle.accounts.models import Organisation
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import (
    CostBasis,
    Modality,
    RequestScope,
    RequirementKind,
    ReviewOutcome,
    SupportType,
)
from .matching.criteria import CRITERIA


class RequestForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Requesting organisation"), queryset=None)
    joint_with = forms.ModelChoiceField(
        label=_("Jointly with a government (optional)"),
        queryset=Organisation.objects.filter(type__in=STATE_TYPES).order_by("name"),
        required=False,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What do you need, and why?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text=_("In English, French or Spanish: the language is recognised."),
    )
    language = forms.ChoiceField(
        label=_("Language of the description"),
        choices=[("", _("Recognise it")), *settings.LANGUAGES],
        required=False,
    )
    support_types = forms.MultipleChoiceField(
        label=_("Type of support wanted"),
        choices=SupportType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GCMObjective.objects.all(), required=False
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=RequestScope.choices)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), required=False
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("name"), required=False
    )
    modality = forms.ChoiceField(label=_("Preferred modality"), choices=Modality.choices)
    working_languages = forms.CharField(
        label=_("Languages of work"),
        required=False,
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr, en, wo."),
    )
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:  # nothing to choose
            self.fields["organisation"].empty_label = None

    def clean_working_languages(self) -> list[str]:
        raw = self.cleaned_data["working_languages"]
        return [code.strip().lower() for code in raw.replace(";", ",").split(",") if code.strip()]


class RequirementForm(forms.Form):
    # A blank first choice: an untouched line stays empty and is skipped.
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "—"), *RequirementKind.choices])
    description = forms.CharField(label=_("What"), max_length=200)
    quantity = forms.DecimalField(
        label=_("Quantity"), max_digits=14, decimal_places=2, min_value=0.01
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False)
    estimated_value = forms.DecimalField(
        label=_("Estimated value"), max_digits=14, decimal_places=2, min_value=0, required=False
    )


RequirementFormSet = forms.formset_factory(RequirementForm, extra=3, max_num=30, validate_max=True)


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=ReviewOutcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note to the requester"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Required for a question or advice; shown on the request's timeline."),
    )


class OfferForm(forms.Form):
    provider = forms.ChoiceField(label=_("Offered by"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What do you offer, and what have you done before?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text=_("In English, French or Spanish: the language is recognised."),
    )
    language = forms.ChoiceField(
        label=_("Language of the description"),
        choices=[("", _("Recognise it")), *settings.LANGUAGES],
        required=False,
    )
    support_types = forms.MultipleChoiceField(
        label=_("Type of support offered"),
        choices=SupportType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GCMObjective.objects.all(), required=False
    )
    is_global = forms.BooleanField(label=_("Anywhere in the world"), required=False)
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries covered"), queryset=Country.objects.order_by("name"), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions covered"), queryset=Region.objects.order_by("name"), required=False
    )
    languages = forms.CharField(
        label=_("Languages of work"),
        help_text=_("ISO 639-1 codes separated by commas, e.g. fr, en, wo."),
    )
    modality = forms.ChoiceField(label=_("Modality"), choices=Modality.choices)
    available_from = forms.DateField(
        label=_("Available from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    available_until = forms.DateField(
        label=_("Available until (optional)"),
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
    )
    max_engagements = forms.IntegerField(
        label=_("Engagements at a time"), min_value=1, max_value=1000, initial=1
    )
    expert_days = forms.IntegerField(
        label=_("Expert-days available (optional)"), min_value=1, required=False
    )
    cost_basis = forms.ChoiceField(label=_("Cost"), choices=CostBasis.choices)
    money_amount = forms.DecimalField(
        label=_("Funding available (optional)"),
        max_digits=14,
        decimal_places=2,
        min_value=0.01,
        required=False,
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    INDIVIDUAL = "individual"

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["provider"].choices = [
            *((pk, o.name) for pk, o in self.organisations.items()),
            (self.INDIVIDUAL, _("Myself, as an individual expert")),
        ]

    def clean_languages(self) -> list[str]:
        raw = self.cleaned_data["languages"]
        return [code.strip().lower() for code in raw.replace(";", ",").split(",") if code.strip()]

    def organisation(self):
        """The offering organisation; None when the person offers in their own name."""
        return self.organisations.get(self.cleaned_data["provider"])


class IntroductionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to both parties (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept: go ahead")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Required to decline."),
    )


class WeightsForm(forms.Form):
    """One field per criterion of the matcher."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CRITERIA.items():
            self.fields[name] = forms.IntegerField(label=label, min_value=0, max_value=100)
