"""Forms of knowledge items: writing one (the kind's template sections, its tags and links),
a correction, a resource's file, a translation beside the original, a rating, a replication and
a withdrawal. They parse; the services decide."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import OrganisationType
from passerelle.accounts.models import Organisation
from passerelle.assessments.evidence import accepted_extensions
from passerelle.assessments.models import Assessment
from passerelle.geo.models import Country, Region
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Participant, Project
from passerelle.taxonomy.models import CapacityArea, GCMObjective, GuidingPrinciple

from ..choices import Audience, ItemKind, ResourceType, Scope
from ..models import SECTIONS, Item, PracticeCall
from ..services.items import ItemData

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# What the template expects in each section: said under the field, so that authors write what
# the reviewers will look for.
SECTION_HELP = {
    "context": _("The situation before: the problem addressed, who was affected, and where."),
    "objectives": _("What the practice set out to change, and for whom."),
    "activities": _("What was done, by whom, when and with which means."),
    "partners_text": _("The organisations involved and what each of them did."),
    "results": _("What changed and for whom; give figures where you have them."),
    "evidence": _("How the results are known: evaluations, data, testimonies (with links)."),
    "innovation": _("What is new compared with what was done before or elsewhere."),
    "replicability": _(
        "What another place needs to do the same: conditions, costs, what to adapt."
    ),
    "lessons": _("What worked, what did not, and what you would do differently."),
    "contacts": _("Whom readers may contact to learn more (a public address)."),
    "description": _("What the resource is, what it covers and whom it is for."),
}
SECTION_ROWS = {"partners_text": 4, "innovation": 4, "replicability": 4, "contacts": 3}
SUMMARY_LIMIT = 1000
NOTE_LIMIT = 500


def section_label(name: str) -> str:
    return capfirst(Item._meta.get_field(name).verbose_name)


def _text_field(name: str, *, required=False) -> forms.CharField:
    model_field = Item._meta.get_field(name)
    return forms.CharField(
        label=section_label(name),
        required=required,
        max_length=model_field.max_length,
        help_text=SECTION_HELP.get(name, ""),
        widget=forms.Textarea(attrs={"rows": SECTION_ROWS.get(name, 7)}),
    )


def link_choices(user, organisation_ids, item=None) -> dict:
    """What an item may link to: the projects, requests and assessments of the given
    organisations that `user` can see, and those the item already links to (if visible)."""
    taking_part = Participant.objects.filter(organisation__in=organisation_ids).values("project")
    projects = Q(organisation__in=organisation_ids) | Q(pk__in=taking_part)
    requests = Q(organisation__in=organisation_ids)
    assessments = Q(organisation__in=organisation_ids)
    if item is not None and item.pk:
        projects |= Q(pk__in=item.projects.values("pk"))
        requests |= Q(pk__in=item.requests.values("pk"))
        assessments |= Q(pk__in=item.assessments.values("pk"))
    return {
        "projects": Project.objects.visible_to(user).filter(projects).order_by("title"),
        "requests": SupportRequest.objects.visible_to(user).filter(requests).order_by("title"),
        "assessments": Assessment.objects.visible_to(user)
        .filter(assessments)
        .select_related("organisation")
        .order_by("-pk"),
    }


class ItemForm(forms.Form):
    """A practice, a lesson or a resource as its authors write it. `kind` decides the sections;
    a new item chooses its organisation among `organisations`; a published item's change is a
    correction and says what it changes."""

    TAGS = ("scope", "capacity_areas", "gcm_objectives", "guiding_principles", "countries",
            "regions", "audiences", "actor_types")  # fmt: skip
    LINKS = ("projects", "requests", "assessments")
    RESOURCE = ("resource_type", "issued_on", "link")

    organisation = forms.ModelChoiceField(
        label=_("Shared by"), queryset=Organisation.objects.none()
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=SUMMARY_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences shown in lists and search results."),
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=[("", _("Recognise it")), *settings.LANGUAGES],
        required=False,
        help_text=_("English, French or Spanish; left empty, it is recognised from the text."),
    )
    resource_type = forms.ChoiceField(
        label=_("Type of resource"), choices=[("", "—"), *ResourceType.choices]
    )
    issued_on = forms.DateField(label=_("Date of the resource"), widget=DATE, required=False)
    link = forms.URLField(
        label=_("Link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Where the resource can be read, if it is online. You may attach its file "
                    "instead, once the item is saved."),
    )  # fmt: skip
    scope = forms.ChoiceField(
        label=_("Scope"), choices=Scope.choices, widget=forms.RadioSelect, initial=Scope.NATIONAL
    )
    capacity_areas = forms.ModelMultipleChoiceField(
        label=_("Capacity areas"),
        queryset=CapacityArea.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("At least one before submitting."),
    )
    gcm_objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives"),
        queryset=GCMObjective.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    guiding_principles = forms.ModelMultipleChoiceField(
        label=_("GCM guiding principles"),
        queryset=GuidingPrinciple.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=Country.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions"),
        queryset=Region.objects.order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("For a regional practice: the UN M49 regions it covers."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Target audience"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    actor_types = forms.MultipleChoiceField(
        label=_("Types of actor involved"),
        choices=OrganisationType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects"),
        queryset=Project.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    requests = forms.ModelMultipleChoiceField(
        label=_("Requests for support"),
        queryset=SupportRequest.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    assessments = forms.ModelMultipleChoiceField(
        label=_("Capacity assessments"),
        queryset=Assessment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(
        label=_("What does this correction change?"),
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown with the item's versions, so that readers know what changed."),
    )
    call = forms.ModelChoiceField(
        queryset=PracticeCall.objects.none(), widget=forms.HiddenInput, required=False
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    lock_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    def __init__(self, *args, kind, user, item=None, organisations=None, calls=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.item = kind, item
        new = item is None
        fields = self.fields
        sections = {name: _text_field(name) for name in SECTIONS[kind]}
        # Sections go right after the summary, in the template's order.
        ordered = {}
        for name, field in fields.items():
            ordered[name] = field
            if name == "summary":
                ordered.update(sections)
        self.fields = ordered
        fields = self.fields
        if new:
            fields["organisation"].queryset = organisations
            if len(organisations) == 1:
                fields["organisation"].empty_label = None
            fields["call"].queryset = calls if calls is not None else PracticeCall.objects.none()
            del fields["lock_version"], fields["note"]
            owners = [organisation.pk for organisation in organisations]
        else:
            del fields["organisation"], fields["call"], fields["submission_key"]
            if item.is_published:
                del fields["lock_version"]  # corrections are saved explicitly, not autosaved
            else:
                del fields["note"]
            owners = [item.organisation_id]
        if kind != ItemKind.RESOURCE:
            for name in self.RESOURCE:
                del fields[name]
        for name, queryset in link_choices(user, owners, item).items():
            fields[name].queryset = queryset

    # Groups of fields, each shown as a fieldset with its legend.
    def _bound(self, names):
        return [self[name] for name in names if name in self.fields]

    def text_fields(self):
        return self._bound(["title", "summary", *SECTIONS[self.kind]])

    def resource_fields(self):
        return self._bound(self.RESOURCE)

    def tag_fields(self):
        return self._bound(self.TAGS)

    def link_fields(self):
        return self._bound(self.LINKS)

    def has_links(self) -> bool:
        return any(self.fields[name].queryset.exists() for name in self.LINKS)

    def item_data(self) -> ItemData:
        data = self.cleaned_data
        return ItemData(
            title=data["title"],
            summary=data["summary"],
            texts={name: data[name] for name in SECTIONS[self.kind]},
            scope=data["scope"],
            language=data["language"],
            resource_type=data.get("resource_type", ""),
            issued_on=data.get("issued_on"),
            link=data.get("link", ""),
            audiences=list(data["audiences"]),
            actor_types=list(data["actor_types"]),
            **{name: list(data[name]) for name in ("capacity_areas", "gcm_objectives",
               "guiding_principles", "countries", "regions", *self.LINKS)},
        )  # fmt: skip

    @staticmethod
    def initial_for(item: Item) -> dict:
        initial = {
            name: getattr(item, name)
            for name in ("title", "summary", *SECTIONS[item.kind], "scope", "language",
                         "resource_type", "issued_on", "link", "audiences", "actor_types")
        }  # fmt: skip
        for name in ("capacity_areas", "gcm_objectives", "guiding_principles", "countries",
                     "regions", "projects", "requests", "assessments"):  # fmt: skip
            initial[name] = [obj.pk for obj in getattr(item, name).all()]
        initial["lock_version"] = item.lock_version
        return initial


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File of the resource"),
        help_text=_("Accepted: %(kinds)s.") % {"kinds": accepted_extensions()},
    )


class WithdrawForm(forms.Form):
    """Posted as `withdraw-reason`, which core.workflow reads."""

    reason = forms.CharField(
        label=_("Why withdraw it?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Readers of the item's history see this reason."),
    )


class TranslationForm(forms.Form):
    """One field per text of the item that has an original, each shown beside it."""

    def __init__(self, *args, item: Item, fields: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        for name in fields:
            model_field = Item._meta.get_field(name)
            widget = forms.TextInput if name == "title" else forms.Textarea(attrs={"rows": 6})
            self.fields[name] = forms.CharField(
                label=capfirst(model_field.verbose_name),
                max_length=model_field.max_length,
                required=False,
                widget=widget,
                strip=True,
            )

    def rows(self):
        """(original text, bound field) for each translated text."""
        return [(getattr(self.item, name), self[name]) for name in self.fields]


STARS = [(n, str(n)) for n in range(1, 6)]


class RatingForm(forms.Form):
    stars = forms.TypedChoiceField(
        label=_("How useful was it? (1: not at all, 5: very)"),
        choices=STARS,
        coerce=int,
        widget=forms.RadioSelect,
    )


class ReplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Your organisation"), queryset=Organisation.objects.none()
    )
    project = forms.ModelChoiceField(
        label=_("In the project"),
        queryset=Project.objects.none(),
        required=False,
        help_text=_("If the work is a project on this platform."),
    )
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.order_by("name"), required=False
    )
    description = forms.CharField(
        label=_("What did you do, and how did it go?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, user, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].empty_label = None
        ids = [organisation.pk for organisation in organisations]
        taking_part = Participant.objects.filter(organisation__in=ids).values("project")
        self.fields["project"].queryset = (
            Project.objects.visible_to(user)
            .filter(Q(organisation__in=ids) | Q(pk__in=taking_part))
            .order_by("title")
        )

    def clean(self):
        data = super().clean()
        organisation, project = data.get("organisation"), data.get("project")
        if organisation is not None and project is not None:
            involved = (
                project.organisation_id == organisation.pk
                or project.participants.filter(organisation=organisation).exists()
            )
            if not involved:
                self.add_error("project", _("Choose a project of the organisation you chose."))
        return data


class MyItemsFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Every status")), *choices]
