from django import forms
from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import Organisation
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import Completion, PledgeForm, PledgeType
from .models import MAX_INTERVAL_MONTHS, Pledge

DATE = forms.DateInput(attrs={"type": "date"})


class PledgeDraftForm(forms.Form):
    """A pledge as its organisation writes it. Metric, target and deadline may wait: the SMART
    check asks for them when the pledge is published."""

    organisation = forms.ModelChoiceField(label=_("Pledging organisation"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What do you commit to?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text=_("In English, French or Spanish: the language is recognised."),
    )
    language = forms.ChoiceField(
        label=_("Language of the description"),
        choices=[("", _("Recognise it")), *settings.LANGUAGES],
        required=False,
    )
    form = forms.ChoiceField(
        label=_("Form of the pledge"), choices=PledgeForm.choices, widget=forms.RadioSelect
    )
    type = forms.ChoiceField(
        label=_("Type of pledge"), choices=PledgeType.choices, widget=forms.RadioSelect
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("For a common pledge or a pledge in partnership."),
    )
    matches = forms.IntegerField(
        label=_("Number of the pledge you match"),
        min_value=1,
        required=False,
        help_text=_("For a matching pledge: the number shown on the matched pledge's page."),
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GCMObjective.objects.all()
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), required=False
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        required=False,
        help_text=_("For a regional pledge, instead of a country. Neither: a global pledge."),
    )
    metric = forms.CharField(
        label=_("Metric"),
        max_length=300,
        required=False,
        help_text=_("What you will count to show progress, e.g. border officials trained."),
    )
    baseline = forms.DecimalField(
        label=_("Baseline"), max_digits=14, decimal_places=2, required=False
    )
    target = forms.DecimalField(
        label=_("Target value"), max_digits=14, decimal_places=2, required=False
    )
    unit = forms.CharField(
        label=_("Unit"), max_length=50, required=False, help_text=_("e.g. officials, %, days")
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DATE, required=False)
    amount = forms.DecimalField(
        label=_("Amount"),
        max_digits=16,
        decimal_places=2,
        required=False,
        help_text=_("For a financial pledge."),
    )
    currency = forms.CharField(
        label=_("Currency"), max_length=3, required=False, help_text=_("ISO 4217 code, e.g. USD.")
    )
    pledged_on = forms.DateField(
        label=_("Pledged on"),
        widget=DATE,
        required=False,
        help_text=_(
            "If the pledge was made earlier, at an event for instance; else when published."
        ),
    )
    reporting_interval = forms.IntegerField(
        label=_("Report progress every (months)"),
        min_value=1,
        max_value=MAX_INTERVAL_MONTHS,
        required=False,
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = organisations
        self.fields["reporting_interval"].help_text = _(
            "Leave empty for every %(months)d months."
        ) % {"months": settings.PLEDGES["REPORTING_INTERVAL_MONTHS"]}
        if len(organisations) == 1:  # nothing to choose
            self.fields["organisation"].empty_label = None

    def clean_matches(self) -> Pledge | None:
        number = self.cleaned_data["matches"]
        if number is None:
            return None
        matched = Pledge.objects.visible_to(self.user).filter(pk=number).first()
        if matched is None:
            raise forms.ValidationError(_("No pledge has this number."))
        return matched


class ProgressUpdateForm(forms.Form):
    as_of = forms.DateField(label=_("Progress as of"), widget=DATE)
    completion = forms.ChoiceField(
        label=_("Completion"), choices=Completion.choices, widget=forms.RadioSelect
    )
    value_reached = forms.DecimalField(
        label=_("Value reached"), max_digits=14, decimal_places=2, required=False
    )
    note = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, pledge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value_reached"].help_text = _(
            "In the pledge's unit (%(unit)s); its target is %(target)s."
        ) % {"unit": pledge.unit, "target": floatformat(pledge.target, -2)}
