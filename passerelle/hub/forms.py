from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import STATE_TYPES
from passerelle.accounts.models import Organisation
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import Modality, RequestScope, RequirementKind, ReviewOutcome, SupportType


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


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )
