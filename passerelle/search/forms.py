from django import forms
from django.utils.translation import gettext_lazy as _

from passerelle.core.search import FACETS

from .selectors import MODES

# The sidebar's headings, one per facet.
FACET_TITLES = {
    "kind": _("Kind"),
    "area": _("Capacity area"),
    "objective": _("GCM objective"),
    "region": _("Region"),
    "country": _("Country"),
    "actor": _("Type of organisation"),
    "language": _("Language"),
    "year": _("Year"),
}


class SearchForm(forms.Form):
    """The query and the mode; the facets' values are read as lists (`filters`)."""

    q = forms.CharField(label=_("Search"), required=False, strip=True)
    mode = forms.ChoiceField(
        choices=[(mode, mode) for mode in MODES], required=False, widget=forms.HiddenInput
    )

    def search_arguments(self) -> dict:
        """What selectors.search takes from the request; a wrong mode falls back to hybrid."""
        self.is_valid()
        return {
            "query": self.cleaned_data.get("q") or "",
            "mode": self.cleaned_data.get("mode") or "hybrid",
            "filters": {name: self.data.getlist(name) for name in FACETS},
        }
