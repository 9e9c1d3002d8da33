"""The forms of the country pages: a contribution (a new entry or a correction, with its
source), the secretariat's review note, and the year's call. The fields are the models' own, so
that labels, choices and limits stay in one place; the services check the rules across fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ContributionCall, FactsheetContribution, FactsheetEntry

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _model_field(model, name, **kwargs):
    return model._meta.get_field(name).formfield(**kwargs)


class ContributionForm(forms.Form):
    entry = forms.ModelChoiceField(
        label=_("Entry to correct"),
        queryset=FactsheetEntry.objects.none(),
        required=False,
        empty_label=_("None: propose a new entry"),
    )
    kind = _model_field(FactsheetContribution, "kind")
    name = _model_field(FactsheetContribution, "name")
    institution_type = _model_field(
        FactsheetContribution,
        "institution_type",
        help_text=_("For institutions only (EUDiF's typology)."),
    )
    year = _model_field(FactsheetContribution, "year")
    url = _model_field(FactsheetContribution, "url", assume_scheme="https")
    description = _model_field(
        FactsheetContribution, "description", widget=forms.Textarea(attrs={"rows": 4})
    )
    language = _model_field(FactsheetContribution, "language")
    source = _model_field(FactsheetContribution, "source", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = FactsheetEntry.objects.filter(country=country)
        # The service says what is missing, field by field, in the house's words.
        for name in ("kind", "name", "source", "language"):
            self.fields[name].required = False


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the contributor"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
        help_text=_("Required to reject a contribution."),
    )


class CallForm(forms.Form):
    year = _model_field(ContributionCall, "year")
    opens_on = _model_field(ContributionCall, "opens_on", widget=DATE)
    closes_on = _model_field(ContributionCall, "closes_on", widget=DATE)
    description = _model_field(
        ContributionCall, "description", widget=forms.Textarea(attrs={"rows": 4})
    )

    @classmethod
    def initial_for_this_year(cls) -> dict:
        today = timezone.localdate()
        return {"year": today.year, "opens_on": today, "closes_on": today.replace(month=12, day=31)}
