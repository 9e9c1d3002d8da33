"""Pages of pooled funds: the list, and a fund's page with its dashboard (money in, money out,
delivery, by thematic area, country and organisation), its deposits, calls and pipeline."""

import hashlib

from django.shortcuts import render
from django.urls import path
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from passerelle.core.permissions import user_can

from .. import permissions, services
from ..selectors import funds as selectors

# A horizontal bar chart: room for the row labels on the left and the figures on the right.
BARS = {"label": 190, "plot": 330, "figure": 90, "bar": 12, "gap": 3, "row_gap": 14, "top": 6}
BAR_ROWS = 15
LABEL_CHARS = 30


def fund_list(request):
    return render(
        request, "funding/fund_list.html", {"funds": selectors.fund_list(user=request.user)}
    )


def fund_detail(request, slug):
    fund = selectors.fund_get(user=request.user, slug=slug)
    user = request.user
    board = selectors.fund_dashboard(fund)
    deposits = [(deposit, permissions.names_source(user, deposit)) for deposit in board.deposits]
    context = {
        "fund": fund,
        "balance": services.balance(fund),
        "board": board,
        "deposits": deposits,
        "breakdowns": [
            (_("By thematic area"), _("Thematic area"), bar_chart(board.by_area, "area")),
            (_("By country"), _("Country"), bar_chart(board.by_country, "country")),
            (
                _("By participating organisation"),
                _("Organisation"),
                bar_chart(board.by_organisation, "organisation"),
            ),
        ],
        "calls": selectors.fund_calls(user=user, fund=fund),
        "pipeline": selectors.pipeline(user=user, fund=fund),
        "can_open_call": user_can(user, "open_call", fund),
        "committee": list(fund.committee.all()),
        "sits_on_committee": permissions.sits_on_committee(user, fund),
    }
    return render(request, "funding/fund_detail.html", context)


def _usd(value) -> str:
    return number_format(value, 0, force_grouping=True)


def bar_chart(lines, name: str) -> dict:
    """Two bars a row, what was transferred and what was spent, for the largest `BAR_ROWS`
    rows; every row's figures, delivery rate included, in the data table beside it."""
    shown = lines[:BAR_ROWS]
    high = max((max(line.funded, line.spent) for line in shown), default=0) or 1
    plot_left = BARS["label"]
    step = 2 * BARS["bar"] + BARS["gap"] + BARS["row_gap"]
    series = [(_("Transferred"), "series-1", "funded"), (_("Spent"), "series-2 hollow", "spent")]
    rows = []
    for number, line in enumerate(shown):
        top = BARS["top"] + number * step
        bars = []
        for offset, (label, css, attribute) in enumerate(series):
            value = getattr(line, attribute)
            width = round(float(value / high) * BARS["plot"], 1)
            y = top + offset * (BARS["bar"] + BARS["gap"])
            bars.append({
                "name": label, "css": css, "x": plot_left, "y": y, "width": width,
                "height": BARS["bar"], "display": _usd(value),
                "text_x": plot_left + width + 4, "text_y": y + BARS["bar"] - 2,
            })  # fmt: skip
        rows.append({
            "label": Truncator(line.label).chars(LABEL_CHARS), "full_label": line.label,
            "label_x": plot_left - 6, "label_y": top + BARS["bar"] + 2, "bars": bars,
        })  # fmt: skip
    width = BARS["label"] + BARS["plot"] + BARS["figure"]
    height = BARS["top"] + len(shown) * step
    digest = hashlib.sha1(
        "|".join(f"{line.label}:{line.funded}:{line.spent}" for line in lines).encode()
    ).hexdigest()[:8]
    return {
        "id": f"chart-{name}-{digest}",
        "drawable": bool(shown),
        "width": width,
        "height": height,
        "view_box": f"0 0 {width} {height}",
        "bars": rows,
        "series": [{"name": label, "css": css} for label, css, _attribute in series],
        "truncated": len(lines) > BAR_ROWS,
        "shown": len(shown),
        "columns": [_("Transferred (USD)"), _("Spent (USD)"), _("Delivery rate"), _("Projects")],
        "rows": [
            {
                "label": line.label,
                "cells": [
                    _usd(line.funded),
                    _usd(line.spent),
                    "—" if line.delivery is None else f"{line.delivery}%",
                    line.projects,
                ],
            }
            for line in lines
        ],
    }


urlpatterns = [
    path("funds/", fund_list, name="fund_list"),
    path("funds/<slug:slug>/", fund_detail, name="fund_detail"),
]
