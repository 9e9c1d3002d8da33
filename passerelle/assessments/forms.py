from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from passerelle.taxonomy.models import CapacityArea, GCMObjective, MGIDomain

from .choices import AppliesTo, Disclosure, Priority, Scale, Scope
from .interchange import LANGUAGES

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}


class FrameworkTextsForm(forms.Form):
    """A framework's name and description in every language."""

    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_fr = forms.CharField(label=_("Name (French)"), max_length=200)
    name_es = forms.CharField(label=_("Name (Spanish)"), max_length=200)
    description_en = forms.CharField(label=_("Description (English)"), widget=forms.Textarea)
    description_fr = forms.CharField(label=_("Description (French)"), widget=forms.Textarea)
    description_es = forms.CharField(label=_("Description (Spanish)"), widget=forms.Textarea)

    def texts(self, field: str) -> dict[str, str]:
        return {lang: self.cleaned_data[f"{field}_{lang}"] for lang in LANGUAGES}


class FrameworkForm(FrameworkTextsForm):
    code = forms.SlugField(
        label=_("Code"), max_length=60, help_text=_("Letters, digits and hyphens, e.g. CITY-2027.")
    )
    scope = forms.ChoiceField(label=_("Scope"), choices=Scope.choices)

    field_order = ["code", "scope"]


class VersionStartForm(forms.Form):
    """A new draft version. The scale is asked only when there is no published version to copy
    (a copy keeps its original's scale)."""

    version = forms.CharField(label=_("New version"), max_length=20, help_text=_("e.g. 1.1"))
    scale = forms.ChoiceField(label=_("Scale"), choices=Scale.choices)

    def __init__(self, *args, copies: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if copies:
            del self.fields["scale"]


class _NamedPartForm(forms.Form):
    """A domain or sub-area of a draft: its code (given once, when it is added) and its name in
    every language."""

    code = forms.CharField(label=_("Code"), max_length=30)

    def __init__(self, *args, adding: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not adding:
            del self.fields["code"]
        for lang, language in LANGUAGE_NAMES.items():
            self.fields[f"name_{lang}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language}, max_length=200
            )

    def names(self) -> dict[str, str]:
        return {lang: self.cleaned_data[f"name_{lang}"] for lang in LANGUAGES}


class DomainForm(_NamedPartForm):
    mgi_domain = forms.ModelChoiceField(
        label=_("MGI domain"),
        queryset=MGIDomain.objects.all(),
        to_field_name="code",
        required=False,
        help_text=_("The Migration Governance Indicators domain this one reports to."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "code" in self.fields:
            self.fields["code"].help_text = _("e.g. RIGHTS")
        self.order_fields(["code", *(f"name_{lang}" for lang in LANGUAGES), "mgi_domain"])


class SubAreaForm(_NamedPartForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "code" in self.fields:
            self.fields["code"].help_text = _("e.g. RIGHTS.4, unique in the version")


class LevelsForm(forms.Form):
    """The generic label of each level of a draft's scale, in every language."""

    def __init__(self, *args, levels: range, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = levels
        for value in levels:
            for lang, language in LANGUAGE_NAMES.items():
                self.fields[f"label_{value}_{lang}"] = forms.CharField(
                    label=_("Level %(value)d (%(language)s)")
                    % {"value": value, "language": language},
                    max_length=100,
                )

    def labels(self) -> dict[int, dict[str, str]]:
        return {
            value: {lang: self.cleaned_data[f"label_{value}_{lang}"] for lang in LANGUAGES}
            for value in self.levels
        }


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
    """One indicator of a draft version; the level fields follow the version's scale. `maps_to`
    chooses among the previous version's indicators, and is left out when there is none."""

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
    maps_to = forms.ModelChoiceField(
        label=_("Same as, in the previous version"),
        queryset=None,
        required=False,
        help_text=_("So that results stay comparable across versions."),
    )

    def __init__(self, *args, levels: range, previous_indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = levels
        if previous_indicators is None:
            del self.fields["maps_to"]
        else:
            self.fields["maps_to"].queryset = previous_indicators
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


class NewIndicatorForm(IndicatorForm):
    code = forms.CharField(label=_("Code"), max_length=30, help_text=_("e.g. RIGHTS.1.4"))

    field_order = ["code", "maps_to"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)


# --- Assessment cycles ----------------------------------------------------------------------


class AssessmentOpenForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation assessing itself"), queryset=None)
    version = forms.ModelChoiceField(label=_("Framework"), queryset=None)
    title = forms.CharField(
        label=_("Title"), max_length=200, help_text=_("e.g. National assessment 2027")
    )
    scope = forms.ChoiceField(
        label=_("Level of government"),
        choices=Scope.choices,
        help_text=_(
            "National assessments answer the national indicators, local ones the local indicators."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the profile"), choices=settings.LANGUAGES)
    signatories_required = forms.IntegerField(
        label=_("Signatures required to validate"),
        min_value=1,
        max_value=5,
        initial=1,
        help_text=_("How many verified focal points must sign before publication."),
    )
    baseline = forms.ModelChoiceField(
        label=_("Start from a previous cycle"),
        queryset=None,
        required=False,
        help_text=_("Its agreed answers are copied as the starting point, marked as copied."),
    )

    def __init__(self, *args, organisations, versions, baselines, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["version"].queryset = versions
        self.fields["baseline"].queryset = baselines


LEVEL_BLANK = [("", _("Not answered"))]


class AnswerForm(forms.Form):
    """One answer (a contributor's view or the agreed answer). `lock_version` is the version the
    person started from: the service refuses a save made over a newer one."""

    level = forms.TypedChoiceField(
        label=_("Current level"), coerce=int, required=False, empty_value=None
    )
    desired_level = forms.TypedChoiceField(
        label=_("Desired level"), coerce=int, required=False, empty_value=None
    )
    priority = forms.ChoiceField(
        label=_("Priority"), choices=[("", "—"), *Priority.choices], required=False
    )
    evidence = forms.CharField(
        label=pgettext_lazy("assessment", "Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What shows this level: laws, plans, data, practice."),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Addresses of documents, one per line."),
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, levels, ident: str, **kwargs):
        # Many answer forms share a page: `ident` ("mine-X1.2") keeps their ids apart.
        kwargs.setdefault("auto_id", f"{ident}-%s")
        super().__init__(*args, **kwargs)
        choices = [(str(level.value), f"{level.value}. {level.label}") for level in levels]
        # The service's own wording, naming the scale rather than echoing the value refused.
        off_scale = _("Choose a level from 1 to %(top)d.") % {
            "top": max((level.value for level in levels), default=1)
        }
        for name in ("level", "desired_level"):
            self.fields[name].choices = LEVEL_BLANK + choices
            self.fields[name].error_messages = {
                **self.fields[name].error_messages,
                "invalid_choice": off_scale,
            }
        self.conflict = None

    def show_conflict(self, current) -> None:
        """`current` is the newer answer this save ran into: the form shows it beside the
        person's own and stops autosaving until they choose between them."""
        self.conflict = current

    def versions(self) -> list[tuple[str, object, object]]:
        """(field label, their saved value, this person's unsaved value), field by field."""
        if self.conflict is None:
            return []
        yours = getattr(self, "cleaned_data", {})
        rows = []
        for name in ("level", "desired_level", "priority", "evidence", "links"):
            theirs, mine = getattr(self.conflict, name), yours.get(name)
            if name == "priority":
                theirs, mine = _priority_label(theirs), _priority_label(mine)
            rows.append((self.fields[name].label, theirs, mine))
        return rows

    def answer_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name] for name in ("level", "desired_level", "priority", "evidence", "links")
        }


def _priority_label(value) -> str:
    return Priority(value).label if value in Priority.values else ""


class ConflictChoiceForm(forms.Form):
    """The person's explicit choice after a conflict: keep the other person's answer, or save
    their own over it, naming the version they have seen (`their_version`)."""

    resolve = forms.ChoiceField(choices=[("theirs", "theirs"), ("mine", "mine")])
    their_version = forms.IntegerField(min_value=0, required=False)

    def clean(self):
        data = super().clean()
        if data.get("resolve") == "mine" and data.get("their_version") is None:
            raise forms.ValidationError(_("Reload the page, then choose again."))
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Attach a file"), allow_empty_file=True)


class AssignmentForm(forms.Form):
    domain = forms.ModelChoiceField(label=_("Section"), queryset=None)
    email = forms.EmailField(
        label=_("Contributor's e-mail address"),
        help_text=_(
            "Anyone with an account: a member of another ministry, of civil society or of a "
            "diaspora organisation."
        ),
    )

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = domains


class PublishForm(forms.Form):
    disclosure = forms.ChoiceField(
        label=_("What to publish"),
        choices=[
            (Disclosure.SCORES, Disclosure.SCORES.label),
            (Disclosure.ALL, Disclosure.ALL.label),
        ],
        widget=forms.RadioSelect,
        initial=Disclosure.SCORES,
    )


class BenchmarkForm(forms.Form):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=None)
    target_level = forms.TypedChoiceField(
        label=_("Target level"), coerce=int, choices=[(v, v) for v in range(1, 5)]
    )
    target_date = forms.DateField(
        label=_("Target date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda i: (
            f"{i.version.framework.code} · {i.code} — {i.question[:90]}"
        )
