"""Forms of pooled funds: a call and its criteria, a proposal, the secretariat's choice of
reviewers, the committee's decision, a reviewer's declaration and scores. They parse; the
services decide."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import Organisation, User
from passerelle.geo.models import Country
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from ..choices import SCORE_MAX
from ..models import MONEY

MARKER_CHOICES = [(0, _("Not targeted")), (1, _("Significant objective")),
                  (2, _("Principal objective"))]  # fmt: skip
SCORE_WORDS = [_("absent"), _("weak"), _("fair"), _("good"), _("excellent")]
SCORE_CHOICES = [(n, format_lazy("{} — {}", n, SCORE_WORDS[n])) for n in range(SCORE_MAX + 1)]


def _money(label, **kwargs):
    return forms.DecimalField(label=label, min_value=0, **MONEY, **kwargs)


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    eligibility = forms.CharField(
        label=_("Eligibility"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Thematic areas"),
        queryset=CapacityArea.objects.filter(is_active=True).order_by("position", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty for every area; otherwise a proposal must work in one of them."),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Eligible countries"),
        queryset=Country.objects.order_by("name"),
        required=False,
        help_text=_("Leave empty for every country."),
    )
    budget_ceiling = _money(_("Budget ceiling per proposal (USD)"))
    deadline = forms.DateTimeField(
        label=_("Deadline"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    requires_government = forms.BooleanField(
        label=_("A government entity must take part"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].help_text = _("Date and time in %(zone)s.") % {
            "zone": timezone.get_current_timezone_name()
        }


class CriteriaWeightsForm(forms.Form):
    """A weight for each of the call's criteria (fields `w<id>`)."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = [c for c in criteria if c.principle_id or c.marker]
        for criterion in self.criteria:
            help_text = _("Mandatory: above zero.") if criterion.mandatory else ""
            self.fields[f"w{criterion.pk}"] = forms.DecimalField(
                label=criterion.label,
                min_value=0,
                max_digits=5,
                decimal_places=2,
                initial=criterion.weight,
                help_text=help_text,
            )

    def weights(self) -> dict:
        return {c.pk: self.cleaned_data[f"w{c.pk}"] for c in self.criteria}


class ExtraCriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=200, required=False)
    weight = forms.DecimalField(
        label=_("Weight"), min_value=0, max_digits=5, decimal_places=2, required=False
    )
    guidance = forms.CharField(
        label=_("Guidance for reviewers"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("name") and data.get("weight") is None:
            self.add_error("weight", _("Give this criterion a weight."))
        if data.get("weight") is not None and not data.get("name"):
            self.add_error("name", _("Give this criterion a name."))
        return data


ExtraCriteriaFormSet = forms.formset_factory(ExtraCriterionForm, extra=2, max_num=20)


def extra_lines(formset) -> list[dict]:
    return [
        {"name": f.cleaned_data["name"], "weight": f.cleaned_data["weight"],
         "guidance": f.cleaned_data["guidance"]}
        for f in formset.forms
        if f.cleaned_data.get("name")
    ]  # fmt: skip


class ProposalForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Lead organisation"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        help_text=_("Public once the steering committee approves the proposal."),
    )
    objectives = forms.CharField(
        label=_("Objectives"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    activities = forms.CharField(
        label=_("Activities"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000
    )
    language = forms.ChoiceField(label=_("Language of the proposal"), choices=settings.LANGUAGES)
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("The other organisations taking part."),
    )
    countries = forms.ModelMultipleChoiceField(label=_("Countries"), queryset=None)
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True).order_by("position", "name"),
        widget=forms.CheckboxSelectMultiple,
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"), queryset=GCMObjective.objects.order_by("number"), required=False
    )
    gender_marker = forms.TypedChoiceField(
        label=_("Gender equality"), choices=MARKER_CHOICES, coerce=int
    )
    human_rights_marker = forms.TypedChoiceField(
        label=_("Human rights"), choices=MARKER_CHOICES, coerce=int
    )
    child_marker = forms.TypedChoiceField(
        label=_("Child-sensitivity"), choices=MARKER_CHOICES, coerce=int
    )
    budget = _money(_("Budget requested (USD)"))
    months = forms.IntegerField(label=_("Duration in months"), min_value=1, max_value=60)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, call, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].empty_label = None
        countries = call.countries.order_by("name")
        self.fields["countries"].queryset = (
            countries if countries.exists() else Country.objects.order_by("name")
        )
        self.fields["budget"].help_text = _("At most %(ceiling)s US dollars.") % {
            "ceiling": call.budget_ceiling
        }


class ReviewersForm(forms.Form):
    """The secretariat names reviewers by their e-mail addresses."""

    emails = forms.CharField(
        label=_("Reviewers' e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("One per line. They must already have an account."),
    )

    def clean_emails(self):
        addresses = [a.strip() for a in self.cleaned_data["emails"].replace(",", "\n").split()]
        addresses = list(dict.fromkeys(a for a in addresses if a))
        if not addresses:
            raise ValidationError(_("Give at least one e-mail address."))
        query = Q(pk__in=[])
        for address in addresses:
            query |= Q(email__iexact=address)
        people = {u.email.lower(): u for u in User.objects.filter(query, is_active=True)}
        unknown = [a for a in addresses if a.lower() not in people]
        if unknown:
            raise ValidationError(
                _("No account has this address: %(addresses)s.") % {"addresses": ", ".join(unknown)}
            )
        return [people[a.lower()] for a in addresses]


class DecisionForm(forms.Form):
    decision = forms.TypedChoiceField(
        label=_("The committee's decision"),
        choices=[(1, _("Approve")), (0, _("Do not approve"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the applicants"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
        required=False,
        help_text=_("Required when the proposal is not approved."),
    )


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this proposal?"),
        choices=[(0, _("No, I have no conflict of interest")),
                 (1, _("Yes, I have a conflict of interest"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        help_text=_("For instance: you work for, advise or recently worked with an applicant."),
    )  # fmt: skip
    conflict_statement = forms.CharField(
        label=_("Describe the conflict"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Required if you have one. With a conflict, you will not score the proposal."),
    )


class ScoresForm(forms.Form):
    """Every criterion of the call scored 0 to 4 (`c<id>`) with a comment (`c<id>_comment`),
    and an overall comment. A criterion left unscored is saved as such: the reviewer comes back
    to it before submitting."""

    comment = forms.CharField(
        label=_("Overall comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.label,
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                help_text=criterion.guidance,
            )
            self.fields[f"c{criterion.pk}_comment"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.label},
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                required=False,
            )
        self.fields["comment"] = self.fields.pop("comment")  # last, after the criteria

    def rows(self):
        """(criterion, score field, comment field) for the template."""
        return [(c, self[f"c{c.pk}"], self[f"c{c.pk}_comment"]) for c in self.criteria]

    def scores(self) -> dict:
        return {
            c.pk: (self.cleaned_data[f"c{c.pk}"], self.cleaned_data[f"c{c.pk}_comment"])
            for c in self.criteria
        }
