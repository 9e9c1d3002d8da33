"""The organisers' forms after an event: the closing report (a summary and one text per session)
and an outcome. The follow-up pages reuse the other modules' own forms (pledges, hub, knowledge);
the functions at the end read those forms into the other services' data."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.models import Organisation
from passerelle.hub.services.requests import RequestData
from passerelle.knowledge.services.calls import CallData
from passerelle.pledges.services import PledgeData

from .choices import AgendaItemKind, OutcomeKind, OutcomeStatus
from .models import AgendaItem, ClosingReport, Event, Outcome

DATE = forms.DateInput(attrs={"type": "date"})
TITLE_WORDS = 12
# Agenda items that have nothing to summarise.
NOT_SESSIONS = (AgendaItemKind.REGISTRATION, AgendaItemKind.BREAK)


def sessions_of(event: Event) -> list[AgendaItem]:
    return list(
        event.agenda_items.exclude(kind__in=NOT_SESSIONS).order_by("starts_at", "-ends_at", "pk")
    )


class ReportForm(forms.Form):
    """The summary, then one field per session (`session_<pk>`), in agenda order."""

    summary = forms.CharField(
        label=_("Summary of the event"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20_000,
        required=False,
        help_text=_("Needed to publish the report. Key recommendations are recorded below as "
                    "outcomes."),
    )  # fmt: skip

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = sessions_of(event)
        for item in self.sessions:
            self.fields[f"session_{item.pk}"] = forms.CharField(
                label=item.title,
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=10_000,
                required=False,
            )

    @classmethod
    def initial_for(cls, report: ClosingReport | None) -> dict:
        if report is None:
            return {}
        initial = {"summary": report.summary}
        for summary in report.session_summaries.all():
            initial[f"session_{summary.item_id}"] = summary.text
        return initial

    def session_summaries(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"session_{item.pk}"] for item in self.sessions}


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OutcomeKind.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("What was recommended or committed to"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
    )
    item = forms.ModelChoiceField(
        label=_("Heard at"), queryset=AgendaItem.objects.none(), required=False,
        empty_label=_("The event as a whole"),
    )  # fmt: skip
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("The organisation that follows it up."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DATE, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=OutcomeStatus.choices)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = event.agenda_items.exclude(kind__in=NOT_SESSIONS).order_by(
            "starts_at", "-ends_at", "pk"
        )

    @classmethod
    def initial_for(cls, outcome: Outcome) -> dict:
        return {
            name: getattr(outcome, name)
            for name in ("kind", "text", "item", "owner", "deadline", "status")
        }


# The follow-ups: prefilled from the outcome, read into the other module's data ----------------


def title_from(text: str) -> str:
    return Truncator(" ".join(text.split())).words(TITLE_WORDS)[:200]


def pledge_initial(outcome: Outcome) -> dict:
    return {
        "organisation": outcome.owner_id,
        "title": title_from(outcome.text),
        "description": outcome.text,
        "deadline": outcome.deadline,
        "pledged_on": outcome.event.ends_on,
    }


def pledge_data(form) -> PledgeData:
    data = form.cleaned_data
    return PledgeData(
        title=data["title"],
        description=data["description"],
        language=data["language"],
        form=data["form"],
        type=data["type"],
        partners=list(data["partners"]),
        matches=data["matches"],
        gcm_objectives=list(data["gcm_objectives"]),
        capacity_areas=list(data["capacity_areas"]),
        country=data["country"],
        region=data["region"],
        metric=data["metric"],
        baseline=data["baseline"],
        target=data["target"],
        unit=data["unit"],
        deadline=data["deadline"],
        amount=data["amount"],
        currency=data["currency"],
        pledged_on=data["pledged_on"],
        reporting_interval=data["reporting_interval"],
    )


def request_initial(outcome: Outcome) -> dict:
    return {
        "organisation": outcome.owner_id,
        "title": title_from(outcome.text),
        "description": outcome.text,
        "ends_on": outcome.deadline,
    }


def request_data(form) -> RequestData:
    data = form.cleaned_data
    return RequestData(
        title=data["title"],
        description=data["description"],
        language=data["language"],
        capacity_areas=list(data["capacity_areas"]),
        gcm_objectives=list(data["gcm_objectives"]),
        support_types=list(data["support_types"]),
        scope=data["scope"],
        country=data["country"],
        region=data["region"],
        modality=data["modality"],
        working_languages=data["working_languages"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        joint_with=data["joint_with"],
    )


def call_initial(outcome: Outcome) -> dict:
    deadline = None
    if outcome.deadline is not None:
        deadline = timezone.make_aware(
            datetime.datetime.combine(outcome.deadline, datetime.time(17, 0))
        )
    return {
        "title": title_from(outcome.text),
        "theme": outcome.event.theme[:200],
        "description": outcome.text,
        "deadline": deadline,
        "language": outcome.event.language,
    }


def call_data(form) -> CallData:
    data = form.cleaned_data
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
