"""The public supply-demand map: where support is asked for, offered, and missing."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ..choices import RequestScope, SupportType
from ..supply_demand import MEASURES, currencies, heat_levels, supply_demand

MEASURE_LABELS = {
    "open_requests": _("Open requests"),
    "offers": _("Offers"),
    "matched_share": _("Share of requests matched"),
    "unmet_expert_days": _("Expert-days still needed"),
    "unmet_money": _("Money still needed"),
}


class MapFilter(forms.Form):
    measure = forms.ChoiceField(
        label=_("Show"), choices=[(m, MEASURE_LABELS[m]) for m in MEASURES], required=False
    )
    support_type = forms.ChoiceField(
        label=_("Type of support"), choices=[("", _("All")), *SupportType.choices], required=False
    )
    scope = forms.ChoiceField(
        label=_("Scope of the requests"),
        choices=[("", _("All")), *RequestScope.choices],
        required=False,
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False)


def supply_demand_map(request):
    form = MapFilter(request.GET)
    if not form.is_valid():
        return render(request, "hub/supply_demand.html", {"form": form}, status=400)
    data = form.cleaned_data
    measure = data["measure"] or "open_requests"
    grid = supply_demand(support_type=data["support_type"], scope=data["scope"])
    money_currencies = currencies(grid)
    currency = (data["currency"] or "").upper() or (money_currencies[0] if money_currencies else "")
    levels = heat_levels(grid, measure, currency)
    rows = [
        (
            area,
            [
                (region, grid.cell(area, region), levels[(area.pk, region.pk)])
                for region in grid.regions
            ],
        )
        for area in grid.areas
    ]
    context = {
        "form": form,
        "grid": grid,
        "rows": rows,
        "measure": measure,
        "measure_label": MEASURE_LABELS[measure],
        "currency": currency,
        "currencies": money_currencies,
    }
    return render(request, "hub/supply_demand.html", context)
