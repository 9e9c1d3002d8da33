from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import Organisation
from passerelle.assessments.choices import VersionStatus
from passerelle.assessments.models import Indicator as AssessmentIndicator
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective, GuidingPrinciple

from .choices import (
    CRITERIA,
    Dimension,
    DocumentCategory,
    EvaluationMethod,
    EvaluationType,
    Frequency,
    Measure,
    ParticipantRole,
    ProjectStatus,
    Rating,
    ResultType,
    Scope,
    Significance,
)
from .models import DAC_MIGRATION

DATE = forms.DateInput(attrs={"type": "date"})
SIGNIFICANCE = [("", _("Not screened")), *Significance.choices]
# The form field holding the organisations of each role.
ROLE_FIELDS = {
    ParticipantRole.ACCOUNTABLE: "accountable",
    ParticipantRole.IMPLEMENTING: "implementing",
    ParticipantRole.FUNDING: "funding",
    ParticipantRole.EXTENDING: "extending",
}


def _organisations(label, help_text="", required=False):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Organisation.objects.order_by("name"),
        required=required,
        help_text=help_text,
    )


class ProjectForm(forms.Form):
    """A project as the people running it write it. Countries and regions with their shares
    come from the formsets beside it."""

    organisation = forms.ModelChoiceField(label=_("Recorded by"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text=_("In English, French or Spanish: the language is recognised."),
    )
    objectives = forms.CharField(
        label=_("Objectives"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=5000,
    )  # fmt: skip
    language = forms.ChoiceField(
        label=_("Language of the description"),
        choices=[("", _("Recognise it")), *settings.LANGUAGES],
        required=False,
    )
    status = forms.TypedChoiceField(
        label=_("Status"),
        coerce=int,
        choices=[
            (ProjectStatus.PIPELINE, ProjectStatus.PIPELINE.label),
            (ProjectStatus.IMPLEMENTATION, ProjectStatus.IMPLEMENTATION.label),
        ],
        help_text=_("A new project is in the pipeline or already running."),
    )
    accountable = _organisations(
        _("Accountable organisations"),
        _("They run the project with you and approve the reported values."),
        required=True,
    )
    implementing = _organisations(
        _("Implementing organisations"), _("They report the values."), required=True
    )
    funding = _organisations(_("Funding organisations"))
    extending = _organisations(
        _("Extending organisations"), _("They manage the funds on the funders' behalf.")
    )
    planned_start = forms.DateField(label=_("Planned start"), widget=DATE)
    planned_end = forms.DateField(label=_("Planned end"), widget=DATE)
    actual_start = forms.DateField(label=_("Actual start"), widget=DATE, required=False)
    actual_end = forms.DateField(label=_("Actual end"), widget=DATE, required=False)
    scope = forms.TypedChoiceField(label=_("Scope"), coerce=int, choices=Scope.choices)
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GCMObjective.objects.all()
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    guiding_principles = forms.ModelMultipleChoiceField(
        label=_("Guiding principles"),
        queryset=GuidingPrinciple.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    dac_sector = forms.CharField(
        label=_("DAC sector"), max_length=5, initial=DAC_MIGRATION,
        help_text=_("15190: facilitation of orderly, safe, regular and responsible migration."),
    )  # fmt: skip
    gender_marker = forms.TypedChoiceField(
        label=_("Gender equality"), choices=SIGNIFICANCE, coerce=int, empty_value=None,
        required=False,
    )  # fmt: skip
    human_rights_marker = forms.TypedChoiceField(
        label=_("Human rights"), choices=SIGNIFICANCE, coerce=int, empty_value=None,
        required=False,
    )  # fmt: skip
    child_marker = forms.TypedChoiceField(
        label=_("Child-sensitivity"), choices=SIGNIFICANCE, coerce=int, empty_value=None,
        required=False,
    )  # fmt: skip
    reporting_frequency = forms.ChoiceField(label=_("Reporting"), choices=Frequency.choices)
    lock_after_days = forms.IntegerField(
        label=_("Values lock after (days)"), min_value=0, max_value=365, required=False,
    )  # fmt: skip
    visibility = forms.ChoiceField(label=_("Who may see it"), choices=Visibility.choices)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:  # nothing to choose
            self.fields["organisation"].empty_label = None
        self.fields["lock_after_days"].help_text = _(
            "Days after a period ends during which its values can still be entered. Leave "
            "empty for %(days)d."
        ) % {"days": settings.PROJECTS["LOCK_AFTER_DAYS"]}
        if editing:  # the status moves by its own steps, the recorder stays
            del self.fields["status"]
            self.fields["organisation"].disabled = True

    def participants(self) -> list:
        data = self.cleaned_data
        return [
            (organisation, role)
            for role, name in ROLE_FIELDS.items()
            for organisation in data[name]
        ]


class CountryShareForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), required=False
    )
    percentage = forms.DecimalField(
        label=_("Share (%)"), max_digits=5, decimal_places=2, min_value=0, max_value=100,
        required=False,
    )  # fmt: skip


class RegionShareForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("name"), required=False
    )
    percentage = forms.DecimalField(
        label=_("Share (%)"), max_digits=5, decimal_places=2, min_value=0, max_value=100,
        required=False,
    )  # fmt: skip


CountryShareFormSet = forms.formset_factory(CountryShareForm, extra=3, max_num=60)
RegionShareFormSet = forms.formset_factory(RegionShareForm, extra=1, max_num=20)


def shares(formset, name) -> list:
    """(place, percentage) of the filled rows; a place named twice counts once."""
    rows = {}
    for form in formset.forms:
        place = form.cleaned_data.get(name)
        if place is not None:
            rows[place] = form.cleaned_data.get("percentage")
    return list(rows.items())


class StatusForm(forms.Form):
    status = forms.TypedChoiceField(label=_("New status"), coerce=int, choices=())
    reason = forms.CharField(
        label=_("Note (optional)"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        max_length=2000,
    )  # fmt: skip

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class ResultForm(forms.Form):
    type = forms.TypedChoiceField(label=_("Level"), coerce=int, choices=ResultType.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=5000,
    )  # fmt: skip
    parent = forms.ModelChoiceField(label=_("Contributes to"), queryset=None, required=False)
    weight = forms.IntegerField(
        label=_("Weight"), min_value=1, max_value=100, initial=1,
        help_text=_("Its share in the progress of what it contributes to."),
    )  # fmt: skip

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = project.results.exclude(type=ResultType.OUTPUT)


class IndicatorForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Definition"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        max_length=5000,
    )  # fmt: skip
    measure = forms.TypedChoiceField(label=_("Measure"), coerce=int, choices=Measure.choices)
    unit = forms.CharField(
        label=_("Unit"), max_length=50, required=False, help_text=_("e.g. officials, days")
    )
    ascending = forms.BooleanField(
        label=_("Higher is better"), required=False, initial=True,
        help_text=_("Untick when progress means the figure goes down."),
    )  # fmt: skip
    baseline_date = forms.DateField(label=_("Baseline date"), widget=DATE, required=False)
    baseline_value = forms.DecimalField(
        label=_("Baseline value"), max_digits=16, decimal_places=2, required=False
    )
    baseline_comment = forms.CharField(
        label=_("Baseline comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        max_length=2000,
    )  # fmt: skip
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    reporter = forms.ModelChoiceField(
        label=_("Reported by"), queryset=None, required=False,
        help_text=_("Empty: any implementing organisation."),
    )  # fmt: skip
    capacity_area = forms.ModelChoiceField(
        label=_("Capacity area"), queryset=CapacityArea.objects.filter(is_active=True),
        required=False,
    )  # fmt: skip
    gcm_objective = forms.ModelChoiceField(
        label=_("GCM objective"), queryset=GCMObjective.objects.all(), required=False
    )
    assessment_indicator = forms.ModelChoiceField(
        label=_("Assessment indicator"),
        queryset=AssessmentIndicator.objects.filter(version__status=VersionStatus.PUBLISHED)
        .select_related("version__framework")
        .order_by("version", "code"),
        required=False,
        help_text=_("The result then shows where this capacity is reviewed."),
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        implementing = project.participants.filter(role=ParticipantRole.IMPLEMENTING)
        self.fields["reporter"].queryset = Organisation.objects.filter(
            pk__in=implementing.values("organisation")
        )
        for dimension in Dimension:
            self.fields[f"dimension_{dimension.value}"] = forms.CharField(
                label=_("Categories by %(dimension)s") % {"dimension": dimension.label.lower()},
                required=False,
                max_length=500,
                help_text=_("Comma-separated, e.g. Female, Male. Empty: not disaggregated."),
            )

    def dimensions(self) -> dict:
        found = {}
        for dimension in Dimension:
            text = self.cleaned_data.get(f"dimension_{dimension.value}", "")
            categories = [part.strip() for part in text.split(",") if part.strip()]
            if categories:
                found[dimension.value] = categories
        return found


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=DocumentCategory.choices)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    document_date = forms.DateField(label=_("Date of the document"), widget=DATE, required=False)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("Or a link"), required=False, max_length=500, assume_scheme="https"
    )


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Start"), widget=DATE)
    end = forms.DateField(label=_("End"), widget=DATE)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should be fixed"), widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )  # fmt: skip


class ProgressRulesForm(forms.Form):
    on_track_from = forms.IntegerField(
        label=_("On track from (% of the period's target)"), min_value=0, max_value=100
    )
    at_risk_from = forms.IntegerField(
        label=_("At risk from (% of the period's target)"), min_value=0, max_value=100,
        help_text=_("Below this, an indicator is off track."),
    )  # fmt: skip


class ValueForm(forms.Form):
    """An indicator's actual for a period, one per row of the reporting screen (prefixed with
    the indicator). Figures by category follow the indicator's dimensions."""

    actual = forms.DecimalField(label=_("Actual"), max_digits=16, decimal_places=2, required=False)
    narrative = forms.CharField(
        label=_("Narrative"), widget=forms.Textarea(attrs={"rows": 2}), required=False,
        max_length=5000,
    )  # fmt: skip
    evidence_url = forms.URLField(
        label=_("Evidence (link)"), required=False, max_length=500, assume_scheme="https"
    )
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, prefix=f"i{indicator.pk}", **kwargs)
        self.indicator = indicator
        if not indicator.is_quantitative:
            del self.fields["actual"]
            self.fields["narrative"].label = _("What was achieved")
        self.breakdown = []
        for entry in indicator.dimensions:
            for number, category in enumerate(entry["categories"]):
                name = f"d_{entry['dimension']}_{number}"
                self.fields[name] = forms.DecimalField(
                    label=category, max_digits=16, decimal_places=2, required=False, min_value=0
                )
                self.breakdown.append((entry["dimension"], category, name))

    def disaggregation(self) -> dict:
        figures = {}
        for dimension, category, name in self.breakdown:
            figures.setdefault(dimension, {})[category] = self.cleaned_data.get(name)
        return figures

    def dimension_fields(self):
        """[(dimension label, [bound fields])] for the template."""
        grouped = {}
        for dimension, _category, name in self.breakdown:
            grouped.setdefault(Dimension(dimension).label, []).append(self[name])
        return list(grouped.items())

    @classmethod
    def initial_for(cls, indicator, value) -> dict:
        if value is None:
            return {"lock_version": 0}
        initial = {
            "actual": value.actual,
            "narrative": value.narrative,
            "evidence_url": value.evidence_url,
            "lock_version": value.lock_version,
        }
        for entry in indicator.dimensions:
            figures = value.disaggregation.get(entry["dimension"], {})
            for number, category in enumerate(entry["categories"]):
                initial[f"d_{entry['dimension']}_{number}"] = figures.get(category)
        return initial


class TargetsForm(forms.Form):
    """An indicator's target for each period of the project, on one form."""

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = periods
        for period in periods:
            self.fields[f"p{period.pk}"] = forms.DecimalField(
                label=period.label, max_digits=16, decimal_places=2, required=False
            )

    def targets(self):
        return [(period, self.cleaned_data.get(f"p{period.pk}")) for period in self.periods]


RATING_CHOICES = [("", _("Not rated")), *Rating.choices]


class EvaluationForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=EvaluationType.choices)
    method = forms.ChoiceField(label=_("Method"), choices=EvaluationMethod.choices)
    evaluator = forms.CharField(label=_("Evaluator"), max_length=200)
    independent = forms.BooleanField(
        label=_("Independent evaluation"), required=False, initial=True,
        help_text=_("Carried out by evaluators outside the project's organisations."),
    )  # fmt: skip
    completed_on = forms.DateField(label=_("Completed on"), widget=DATE)
    findings = forms.CharField(
        label=_("Findings"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    report = forms.FileField(label=_("Report (file)"), required=False)
    report_url = forms.URLField(
        label=_("Or a link to the report"), required=False, max_length=500, assume_scheme="https"
    )

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CRITERIA.items():
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=RATING_CHOICES, coerce=int, empty_value=None,
                required=False,
            )  # fmt: skip
        if editing:  # the report is attached once; more documents go through the project
            del self.fields["report"], self.fields["report_url"]

    def ratings(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in CRITERIA}


class LessonForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("What was learned"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    evaluation = forms.ModelChoiceField(
        label=_("From the evaluation"), queryset=None, required=False
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluation"].queryset = project.evaluations.all()


class ValuesUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("The period's sheet, exported here and filled in (.xlsx or .csv)."),
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("Evidence (file)"))
