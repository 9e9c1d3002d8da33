"""Forms of the members area: the directory's filters, an organisation's diaspora profile and a
person's own profile (each group of fields with its visibility beside it). Languages are typed
as ISO 639-1 codes separated by commas, links one per line; the services validate both."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from passerelle.geo.models import Country

from ..choices import OrganisationSize, Sector, Visibility
from ..models import MemberProfile, OrganisationProfile
from ..models.members import VISIBILITY_FIELDS

LANGUAGES_HELP = _("ISO 639-1 codes separated by commas, e.g. fr, en, wo.")


def _countries():
    return Country.objects.order_by("name")


class CountryChoiceField(forms.ModelChoiceField):
    """A country picked by its ISO alpha-3 code (readable in addresses: ?origin=SEN)."""

    def __init__(self, **kwargs):
        super().__init__(queryset=_countries(), to_field_name="iso3", **kwargs)


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, city or description"), required=False, max_length=100)
    origin = CountryChoiceField(label=_("Country of origin"), required=False)
    residence = CountryChoiceField(label=_("Country of residence"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector of engagement"), choices=[("", "---------"), *Sector.choices],
        required=False,
    )  # fmt: skip
    language = forms.RegexField(
        label=_("Language"), regex=r"^[A-Za-z]{2}$", required=False, max_length=2,
        help_text=_("An ISO 639-1 code, e.g. fr."),
        error_messages={"invalid": _("Give a two-letter language code, e.g. fr.")},
    )  # fmt: skip

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "text": data.get("q", ""),
            "origin": data["origin"].iso3 if data.get("origin") else "",
            "residence": data["residence"].iso3 if data.get("residence") else "",
            "sector": data.get("sector", ""),
            "language": (data.get("language") or "").lower(),
        }


class MemberFilterForm(OrganisationFilterForm):
    q = forms.CharField(label=_("Name, headline or expertise"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["sector"]

    def filters(self) -> dict:
        filters = super().filters()
        del filters["sector"]
        return filters


class OrganisationProfileForm(forms.Form):
    origin_countries = forms.ModelMultipleChoiceField(
        label=_("Countries of origin"), queryset=Country.objects.none()
    )
    residence_countries = forms.ModelMultipleChoiceField(
        label=_("Countries of residence"), queryset=Country.objects.none()
    )
    cities = forms.CharField(
        label=_("Cities"), max_length=300, required=False, help_text=_("Separated by commas.")
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors of engagement"), choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    size = forms.ChoiceField(label=_("Size"), choices=OrganisationSize.choices)
    founded = forms.IntegerField(label=_("Founding year"), required=False, min_value=1800)
    languages = forms.CharField(
        label=_("Languages"), max_length=200, required=False, help_text=LANGUAGES_HELP
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    social_links = forms.CharField(
        label=_("Social media"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The addresses of its pages (http or https), one per line; at most 8."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["origin_countries"].queryset = _countries()
        self.fields["residence_countries"].queryset = _countries()

    @staticmethod
    def initial_for(profile: OrganisationProfile | None) -> dict:
        if profile is None:
            return {}
        return {
            "origin_countries": list(profile.origin_countries.all()),
            "residence_countries": list(profile.residence_countries.all()),
            "cities": profile.cities,
            "sectors": [row.sector for row in profile.sectors.all()],
            "size": profile.size,
            "founded": profile.founded,
            "languages": ", ".join(profile.languages),
            "contact_name": profile.contact_name,
            "contact_email": profile.contact_email,
            "phone": profile.phone,
            "social_links": "\n".join(profile.social_links),
        }

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["languages"] = _codes(data["languages"])
        data["social_links"] = _lines(data["social_links"])
        data["origin_countries"] = list(data["origin_countries"])
        data["residence_countries"] = list(data["residence_countries"])
        return data


GROUP_LEGENDS = {
    "name": _("Your name"),
    "headline": _("Headline"),
    "bio": _("About you"),
    "expertise": _("Expertise"),
    "languages": _("Languages"),
    "origin": _("Where you come from"),
    "residence": _("Where you live"),
    "links": _("Links"),
    "organisations": _("Your organisations"),
}


def _visibility_field(label):
    return forms.ChoiceField(
        label=label, choices=Visibility.choices, initial=Visibility.PRIVATE, required=True
    )


class MemberProfileForm(forms.Form):
    """A person's profile. Each group of fields (VISIBILITY_FIELDS) has a `<group>_visibility`
    select, private unless they choose otherwise; `groups()` pairs them for the template."""

    display_name = forms.CharField(label=_("Name shown"), max_length=150)
    headline = forms.CharField(
        label=_("Headline"), max_length=200, required=False,
        help_text=_("Your work in a line, e.g. Public health engineer."),
    )  # fmt: skip
    bio = forms.CharField(
        label=_("About me"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )  # fmt: skip
    expertise = forms.CharField(
        label=_("Expertise"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    languages = forms.CharField(
        label=_("Languages"), max_length=200, required=False, help_text=LANGUAGES_HELP
    )
    origin_country = CountryChoiceField(label=_("Country of origin"), required=False)
    residence_country = CountryChoiceField(label=_("Country of residence"), required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    links = forms.CharField(
        label=_("Links"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Web addresses (http or https), one per line; at most 8."),
    )  # fmt: skip
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations I belong to"), required=False,
        queryset=OrganisationProfile.objects.none(), widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = OrganisationProfile.objects.select_related(
            "organisation"
        ).order_by("organisation__name")
        for group in VISIBILITY_FIELDS:
            name = f"{group}_visibility"
            label = MemberProfile._meta.get_field(name).verbose_name
            self.fields[name] = _visibility_field(capfirst(label))

    def groups(self) -> list[dict]:
        """[{"fields": [bound fields], "visibility": bound select}] in the profile's order."""
        return [
            {
                "legend": GROUP_LEGENDS[group],
                "fields": [self[field] for field in fields],
                "visibility": self[f"{group}_visibility"],
            }
            for group, fields in VISIBILITY_FIELDS.items()
        ]

    @staticmethod
    def initial_for(profile) -> dict:
        if profile is None:
            return {}
        initial = {
            "display_name": profile.display_name,
            "headline": profile.headline,
            "bio": profile.bio,
            "expertise": profile.expertise,
            "languages": ", ".join(profile.languages),
            "origin_country": profile.origin_country,
            "residence_country": profile.residence_country,
            "city": profile.city,
            "links": "\n".join(profile.links),
            "organisations": list(profile.organisations.all()),
        }
        for group in VISIBILITY_FIELDS:
            initial[f"{group}_visibility"] = profile.visibility_of(group)
        return initial

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        visibilities = {group: data.pop(f"{group}_visibility") for group in VISIBILITY_FIELDS}
        data["languages"] = _codes(data["languages"])
        data["links"] = _lines(data["links"])
        data["organisations"] = list(data["organisations"])
        return {**data, "visibilities": visibilities}


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has one, else
    above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
