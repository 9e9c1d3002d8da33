"""Forms of the connecting area: what a person writes; the services check the rest."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from passerelle.geo.models import Country

from ..choices import GroupKind
from ..models import Group, Thread


class ConnectionRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A message with your request (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=500,
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class GroupForm(forms.Form):
    """A new group; `services.group_create` checks that the kind has its country or theme."""

    name = forms.CharField(label=_("Name"), max_length=150)
    kind = forms.ChoiceField(label=_("Kind"), choices=GroupKind.choices, widget=forms.RadioSelect)
    country = forms.ModelChoiceField(
        queryset=Country.objects.order_by("name"),
        required=False,
        label=_("Country of origin"),
        help_text=_("For a group by country of origin."),
    )
    theme = forms.CharField(
        label=_("Theme"),
        max_length=150,
        required=False,
        help_text=_("For a group by theme, e.g. “Diaspora investment”."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    language = forms.ChoiceField(label=_("Language of the group"), choices=settings.LANGUAGES)


class GroupFilterForm(forms.Form):
    """The group list's filters; every field optional, unknown values ignored."""

    text = forms.CharField(label=_("Words"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *GroupKind.choices], required=False
    )
    country = forms.ChoiceField(label=_("Country of origin"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *settings.LANGUAGES],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = Country.objects.filter(
            pk__in=Group.objects.filter(country__isnull=False).values("country")
        ).order_by("name")
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((country.iso3, country.name) for country in countries),
        ]


class ThreadForm(forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
