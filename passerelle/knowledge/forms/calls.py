"""The curators' form of a call for practices. It parses; services.calls decides (a deadline in
the future, at most ten criteria of the call's own)."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.taxonomy.models import CapacityArea, GCMObjective

from ..services.calls import OWN_CRITERIA_LIMIT, CallData


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    theme = forms.CharField(label=_("Theme"), max_length=200)
    description = forms.CharField(
        label=_("What the call looks for"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
    )
    eligibility = forms.CharField(
        label=_("Who may answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    contact = forms.CharField(
        label=_("Contact for questions"),
        max_length=200,
        help_text=_("An e-mail address or a person's name and address."),
    )
    language = forms.ChoiceField(label=_("Language of the call"), choices=settings.LANGUAGES)
    own_criteria = forms.CharField(
        label=_("The call's own criteria"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=OWN_CRITERIA_LIMIT * 310,
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True).order_by("position", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=GCMObjective.objects.order_by("number"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].help_text = _("Date and time in %(zone)s.") % {
            "zone": timezone.get_current_timezone_name()
        }
        self.fields["own_criteria"].help_text = _(
            "One per line, at most %(n)d. Reviewers check them after the default criteria."
        ) % {"n": OWN_CRITERIA_LIMIT}

    def clean_own_criteria(self) -> list[str]:
        lines = self.cleaned_data["own_criteria"].splitlines()
        return [line.strip() for line in lines if line.strip()]

    @classmethod
    def initial_from(cls, call) -> dict:
        initial = {
            name: getattr(call, name)
            for name in ("title", "theme", "description", "eligibility", "contact", "language")
        }
        initial["deadline"] = timezone.localtime(call.deadline)
        initial["own_criteria"] = "\n".join(call.own_criteria)
        initial["capacity_areas"] = list(call.capacity_areas.all())
        initial["gcm_objectives"] = list(call.gcm_objectives.all())
        return initial

    def call_data(self) -> CallData:
        data = self.cleaned_data
        return CallData(
            title=data["title"],
            theme=data["theme"],
            description=data["description"],
            eligibility=data["eligibility"],
            deadline=data["deadline"],
            contact=data["contact"],
            language=data["language"],
            own_criteria=data["own_criteria"],
            capacity_areas=list(data["capacity_areas"]),
            gcm_objectives=list(data["gcm_objectives"]),
        )
