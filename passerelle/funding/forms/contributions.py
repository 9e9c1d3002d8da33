"""Forms of contributions (giving, and each step of a contribution's life) and of a donor's
profile. A project's requirements use the hub's requirement lines (hub.forms)."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from ..choices import ContributionKind, ContributionStatus, DonorType
from ..models import MONEY

ME = "me"
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _amount(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=MONEY["max_digits"],
        decimal_places=MONEY["decimal_places"],
        min_value=Decimal("0.01"),
    )


class ContributionForm(forms.Form):
    source = forms.ChoiceField(label=_("Give as"))
    anonymous = forms.BooleanField(
        label=_("Keep my name from the public"),
        required=False,
        help_text=_(
            "Only when you give in your own name. The secretariat and the recipients still see it."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind of help"), choices=ContributionKind.choices)
    description = forms.CharField(
        label=_("What is given"),
        max_length=200,
        required=False,
        help_text=_("Required for in-kind help: the expertise, the equipment, the venue…"),
    )
    quantity = forms.DecimalField(
        label=_("Number of expert-days"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        help_text=_("For expert-days only."),
    )
    amount = _amount(_("Amount, or the value of in-kind help"))
    currency = forms.CharField(
        label=_("Currency"), max_length=3, initial="USD", help_text=_("ISO 4217 code, e.g. USD.")
    )
    value_date = forms.DateField(
        label=_("Date"),
        widget=DATE,
        help_text=_("The amount is converted to US dollars with the rate of this date."),
    )
    status = forms.ChoiceField(
        label=_("Pledge or commit"),
        choices=[
            (ContributionStatus.PLEDGED, _("Pledge: a promise, to be confirmed")),
            (ContributionStatus.COMMITTED, _("Commit now: a firm commitment")),
        ],
        initial=ContributionStatus.PLEDGED,
        widget=forms.RadioSelect,
    )
    earmark_area = forms.ModelChoiceField(
        label=_("Earmark for a thematic area (optional)"),
        queryset=CapacityArea.objects.filter(is_active=True),
        required=False,
    )
    earmark_country = forms.ModelChoiceField(
        label=_("Earmark for a country (optional)"),
        queryset=Country.objects.order_by("name"),
        required=False,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, to_fund: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["source"].choices = [
            *((pk, o.name) for pk, o in self.organisations.items()),
            (ME, _("Myself, in my own name")),
        ]
        if not to_fund:  # earmarks are for deposits into a pooled fund
            del self.fields["earmark_area"], self.fields["earmark_country"]

    def clean(self):
        data = super().clean()
        if data.get("anonymous") and data.get("source") not in (None, ME):
            self.add_error(
                "anonymous", _("An organisation's contribution is always shown with its name.")
            )
        return data

    def source_organisation(self):
        """The giving organisation; None when the person gives in their own name."""
        return self.organisations.get(self.cleaned_data["source"])


class DateForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class DisbursementForm(DateForm):
    amount = _amount(_("Amount"))
    description = forms.CharField(label=_("Description (optional)"), max_length=200, required=False)


class ExpenditureForm(DateForm):
    amount = _amount(_("Amount"))
    description = forms.CharField(label=_("What the money was spent on"), max_length=200)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class DonorProfileForm(forms.Form):
    donor_type = forms.ChoiceField(label=_("Type of donor"), choices=DonorType.choices)
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas you fund"),
        queryset=CapacityArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives you support"), queryset=GCMObjective.objects.all(), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"), queryset=Region.objects.order_by("name"), required=False
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.order_by("name"), required=False
    )
    ticket_min = forms.DecimalField(
        label=_("Smallest contribution (USD)"),
        max_digits=MONEY["max_digits"],
        decimal_places=MONEY["decimal_places"],
        min_value=0,
        required=False,
    )
    ticket_max = forms.DecimalField(
        label=_("Largest contribution (USD)"),
        max_digits=MONEY["max_digits"],
        decimal_places=MONEY["decimal_places"],
        min_value=0,
        required=False,
    )
