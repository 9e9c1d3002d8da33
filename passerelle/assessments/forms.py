from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Scale, Scope
from .interchange import LANGUAGES


class FrameworkForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"), max_length=60, help_text=_("Letters, digits and hyphens, e.g. CITY-2027.")
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_fr = forms.CharField(label=_("Name (French)"), max_length=200)
    name_es = forms.CharField(label=_("Name (Spanish)"), max_length=200)
    description_en = forms.CharField(label=_("Description (English)"), widget=forms.Textarea)
    description_fr = forms.CharField(label=_("Description (French)"), widget=forms.Textarea)
    description_es = forms.CharField(label=_("Description (Spanish)"), widget=forms.Textarea)

    def texts(self, field: str) -> dict[str, str]:
        return {lang: self.cleaned_data[f"{field}_{lang}"] for lang in LANGUAGES}


class VersionImportForm(forms.Form):
    version = forms.CharField(label=_("New version"), max_length=20, help_text=_("e.g. 1.1"))
    scale = forms.ChoiceField(label=_("Scale"), choices=Scale.choices)
    previous = forms.ModelChoiceField(
        label=_("Based on"),
        queryset=None,
        required=False,
        help_text=_("Indicators may map to this version's (column maps_to), so that results stay "
                    "comparable."),
    )  # fmt: skip
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_("One row per indicator, with the columns of an exported version."),
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = versions
