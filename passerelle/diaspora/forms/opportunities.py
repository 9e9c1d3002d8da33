"""Forms of engagement opportunities and responses, and the filters of the list (shared by the
page and the API)."""

import uuid

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.selectors import organisations_with_role
from passerelle.geo.models import Country
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Project
from passerelle.taxonomy.models import CapacityArea

from ..choices import OpportunityKind, OpportunityStatus, ResponseKind, ResponseStatus
from ..models import Opportunity
from ..services.opportunities import OpportunityData

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATA_FIELDS = tuple(OpportunityData.__dataclass_fields__)


def _countries():
    return Country.objects.order_by("name")


class OpportunityForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Posted by"), queryset=None)
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 10}), max_length=10_000
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=settings.LANGUAGES)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    places = forms.IntegerField(
        label=_("Places"), min_value=1, max_value=10_000, required=False,
        help_text=_("Empty: no limit on the people you may accept."),
    )  # fmt: skip
    is_remote = forms.BooleanField(label=_("Can be done remotely"), required=False)
    countries = forms.ModelMultipleChoiceField(
        label=_("Where"), queryset=_countries(), required=False
    )
    origin_countries = forms.ModelMultipleChoiceField(
        label=_("Diasporas it is for"), queryset=_countries(), required=False,
        help_text=_("Empty: every diaspora."),
    )  # fmt: skip
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"), queryset=CapacityArea.objects.order_by("name"), required=False
    )
    support_request = forms.ModelChoiceField(
        label=_("Request for support it serves"), queryset=None, required=False
    )
    project = forms.ModelChoiceField(label=_("Project it serves"), queryset=None, required=False)
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, with_organisation: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_organisation:
            self.fields["organisation"].queryset = organisations_with_role(
                user=user, role=MembershipRole.EDITOR
            )
            self.initial.setdefault("submission_key", uuid.uuid4())
        else:
            del self.fields["organisation"]
            del self.fields["submission_key"]
        self.fields["support_request"].queryset = SupportRequest.objects.visible_to(user).order_by(
            "-created"
        )
        self.fields["project"].queryset = Project.objects.visible_to(user).order_by("-created")

    @staticmethod
    def initial_for(opportunity: Opportunity) -> dict:
        initial = {name: getattr(opportunity, name) for name in DATA_FIELDS}
        for name in ("countries", "origin_countries", "capacity_areas"):
            initial[name] = list(getattr(opportunity, name).values_list("pk", flat=True))
        return initial

    def opportunity_data(self) -> OpportunityData:
        data = {name: self.cleaned_data[name] for name in DATA_FIELDS}
        for name in ("countries", "origin_countries", "capacity_areas"):
            data[name] = list(data[name])
        return OpportunityData(**data)


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("I send"), choices=ResponseKind.choices, widget=forms.RadioSelect,
        initial=ResponseKind.INTEREST,
    )  # fmt: skip
    message = forms.CharField(
        label=_("Message to the organisation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_(
            "Responding shows your full name and your message to the posting organisation's "
            "members, whatever your profile settings. Other applicants never see it."
        ),
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (s, label) for s, label in ResponseStatus.choices
            if s in (ResponseStatus.SHORTLISTED, ResponseStatus.ACCEPTED, ResponseStatus.DECLINED)
        ],
    )  # fmt: skip
    answer = forms.CharField(
        label=_("Answer to the person"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
        help_text=_("Required to accept or decline; the person reads it."),
    )


ALL, OPEN = "all", "open"


class OpportunityFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OpportunityKind.choices)
    country = django_filters.ModelChoiceFilter(
        label=_("Where"), queryset=_countries(), field_name="countries"
    )
    # The query parameter is a country's id.
    origin = extend_schema_field(OpenApiTypes.INT)(
        django_filters.ModelChoiceFilter(
            label=_("Diaspora of origin"), queryset=_countries(), method="for_origin"
        )
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Capacity area"),
        queryset=CapacityArea.objects.order_by("name"),
        field_name="capacity_areas",
    )
    remote = django_filters.ChoiceFilter(
        label=_("Remote"),
        choices=[("yes", _("Can be done remotely")), ("no", _("On site"))],
        method="by_remote",
        empty_label=_("Either"),
    )
    state = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[(OPEN, _("Open only")), (ALL, _("Open and closed"))],
        method="in_state",
        empty_label=None,
    )

    class Meta:
        model = Opportunity
        fields = ["kind", "country", "origin", "area", "remote", "state"]

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        data.setdefault("state", OPEN)
        super().__init__(data, *args, **kwargs)

    def for_origin(self, queryset, name, value):
        # An opportunity with no diaspora named is for every diaspora.
        return queryset.filter(
            Q(origin_countries=value) | Q(origin_countries__isnull=True)
        ).distinct()

    def by_remote(self, queryset, name, value):
        return queryset.filter(is_remote=value == "yes")

    def in_state(self, queryset, name, value):
        if value == ALL:
            return queryset.filter(status__in=(OpportunityStatus.OPEN, OpportunityStatus.CLOSED))
        return queryset.filter(status=OpportunityStatus.OPEN)
