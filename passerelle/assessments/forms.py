from django import forms
from django.utils.translation import gettext_lazy as _

from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .choices import AppliesTo, Scale, Scope
from .interchange import LANGUAGES

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}


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


class IndicatorForm(forms.Form):
    """One indicator of a draft version; the level fields follow the version's scale."""

    applies_to = forms.ChoiceField(label=_("Applies to"), choices=AppliesTo.choices)
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=GCMObjective.objects.all(),
        to_field_name="number",
        required=False,
    )

    def __init__(self, *args, levels: range, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = levels
        for lang, language in LANGUAGE_NAMES.items():
            self.fields[f"question_{lang}"] = forms.CharField(
                label=_("Question (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for lang, language in LANGUAGE_NAMES.items():
            self.fields[f"guidance_{lang}"] = forms.CharField(
                label=_("Guidance (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        for value in levels:
            for lang, language in LANGUAGE_NAMES.items():
                self.fields[f"level_{value}_{lang}"] = forms.CharField(
                    label=_("Level %(value)d (%(language)s)")
                    % {"value": value, "language": language},
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def texts(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name.startswith(("question_", "guidance_"))
        }

    def level_texts(self) -> dict[int, dict[str, str]]:
        return {
            value: {lang: self.cleaned_data[f"level_{value}_{lang}"] for lang in LANGUAGES}
            for value in self.levels
        }
