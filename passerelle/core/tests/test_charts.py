"""SVG chart geometry (passerelle.core.charts) and the two chart templates."""

import math
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from passerelle.core import charts


def pairs(points: str) -> list[tuple[float, float]]:
    return [tuple(float(n) for n in pair.split(",")) for pair in points.split()]


def distance(chart, x, y) -> float:
    return math.hypot(x - chart["cx"], y - chart["cy"])


# --- Radar -----------------------------------------------------------------------------------


def test_radar_high_at_the_radius_low_at_the_centre():
    chart = charts.radar(["A", "B", "C", "D"], [("2026", [400, 100, 250, 400])], 100, 400)
    (a, b, c, d) = pairs(chart["series"][0]["points"])
    assert chart["radius"] == 160
    assert distance(chart, *a) == pytest.approx(160)
    assert b == (chart["cx"], chart["cy"])
    assert distance(chart, *c) == pytest.approx(80)
    assert distance(chart, *d) == pytest.approx(160)


def test_radar_four_axes_a_quarter_turn_apart_clockwise_from_the_top():
    chart = charts.radar(["N", "E", "S", "W"], [], 0, 100, size=200)
    cx, cy, r = chart["cx"], chart["cy"], chart["radius"]
    assert [axis["angle"] for axis in chart["axes"]] == [-90, 0, 90, 180]
    ends = [(axis["x"], axis["y"]) for axis in chart["axes"]]
    assert ends == [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    assert [axis["anchor"] for axis in chart["axes"]] == ["middle", "start", "middle", "end"]
    assert chart["drawable"]


def test_radar_values_out_of_range_are_clamped():
    chart = charts.radar(["A", "B", "C"], [("x", [500, 0, 100])], 100, 400)
    a, b, _ = pairs(chart["series"][0]["points"])
    assert distance(chart, *a) == pytest.approx(chart["radius"], abs=0.01)
    assert b == (chart["cx"], chart["cy"])


def test_radar_missing_value_at_the_centre_without_a_marker():
    chart = charts.radar(["A", "B", "C"], [("2026", [300, None, 200])], 100, 400)
    series = chart["series"][0]
    assert pairs(series["points"])[1] == (chart["cx"], chart["cy"])
    assert [marker["label"] for marker in series["markers"]] == ["A", "C"]
    assert series["displays"] == ["300", "—", "200"]
    assert chart["rows"][1] == {"label": "B", "cells": ["—"]}


def test_radar_rings_and_their_values():
    four_level = charts.radar(["A", "B", "C"], [], 100, 400)
    assert [ring["value"] for ring in four_level["rings"]] == [200, 300, 400]
    assert [ring["display"] for ring in four_level["rings"]] == ["200", "300", "400"]
    outer = pairs(four_level["rings"][-1]["points"])
    assert len(outer) == 3
    assert all(distance(four_level, *p) == pytest.approx(160, abs=0.01) for p in outer)

    three_level = charts.radar(["A", "B", "C"], [], 0, 100)
    assert [ring["value"] for ring in three_level["rings"]] == [25, 50, 75, 100]
    custom = charts.radar(["A", "B", "C"], [], 100, 400, ticks=[250, 400])
    assert [ring["radius"] for ring in custom["rings"]] == [80, 160]


@pytest.mark.parametrize("axes", [[], ["Only"], ["One", "Two"]])
def test_radar_with_fewer_than_three_axes_is_only_a_table(axes):
    chart = charts.radar(axes, [("2026", [250] * len(axes))], 100, 400)
    assert not chart["drawable"]
    assert [row["cells"] for row in chart["rows"]] == [["250"]] * len(axes)


def test_radar_series_differ_by_more_than_colour():
    chart = charts.radar(["A", "B", "C"], [(f"s{n}", [200, 300, 400]) for n in range(9)], 100, 400)
    styles = [(s["css"], s["marker"]) for s in chart["series"]]
    assert len(set(styles)) == 9
    assert chart["series"][0]["css"] == "series-1 dash-1 marker-circle"
    assert chart["series"][1]["css"] == "series-2 dash-2 marker-square"
    # Markers differ in shape, not only in colour.
    assert len({s["marker"] for s in chart["series"][:6]}) == 6
    assert chart["series"][8]["css"].startswith("series-1 ")  # colours cycle after 8


def test_radar_table_one_row_per_axis_one_column_per_series():
    chart = charts.radar(
        ["Policy", "Data", "Partnerships"],
        [("2024", [150, 212.5, None]), ("2026", [250, 287.5, 325])],
        100,
        400,
    )
    assert chart["columns"] == ["2024", "2026"]
    assert chart["rows"] == [
        {"label": "Policy", "cells": ["150", "250"]},
        {"label": "Data", "cells": ["212.5", "287.5"]},
        {"label": "Partnerships", "cells": ["—", "325"]},
    ]


def test_long_axis_labels_wrap_and_stay_short():
    label = "Migration governance, policy and legal frameworks across all levels of government"
    chart = charts.radar([label, "B", "C"], [], 100, 400)
    lines = chart["axes"][0]["lines"]
    assert 1 < len(lines) <= charts.LABEL_LINES
    assert all(len(line["text"]) <= charts.LABEL_CHARS for line in lines)
    assert lines[-1]["text"].endswith("…")
    assert chart["rows"][0]["label"] == label  # the table keeps it whole


def test_series_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError):
        charts.radar(["A", "B", "C"], [("x", [1, 2])], 0, 100)
    with pytest.raises(ValueError):
        charts.line(["2024"], [("x", [1, 2])], 0, 100)
    with pytest.raises(ValueError):
        charts.radar(["A", "B", "C"], [], 100, 100)


def test_chart_ids_are_stable_and_can_be_given():
    one = charts.radar(["A", "B", "C"], [("x", [1, 2, 3])], 0, 100)
    assert one["id"] == charts.radar(["A", "B", "C"], [("x", [1, 2, 3])], 0, 100)["id"]
    assert re.fullmatch(r"chart-radar-[0-9a-f]{8}", one["id"])
    assert charts.radar(["A", "B", "C"], [], 0, 100, chart_id="mine")["id"] == "mine"


# --- Line ------------------------------------------------------------------------------------


def test_line_positions():
    chart = charts.line(["2022", "2024", "2026"], [("Policy", [100, 250, 400])], 100, 400)
    plot = chart["plot"]
    (first, middle, last) = pairs(chart["series"][0]["segments"][0])
    assert first == (plot["left"], plot["bottom"])
    assert last == (plot["right"], plot["top"])
    assert middle[0] == (plot["left"] + plot["right"]) / 2
    assert middle[1] == pytest.approx((plot["top"] + plot["bottom"]) / 2)
    assert [tick["x"] for tick in chart["x_ticks"]] == [first[0], middle[0], last[0]]


def test_line_gaps_split_the_line():
    chart = charts.line(
        ["1", "2", "3", "4", "5", "6"], [("s", [100, 200, None, 300, None, 400])], 100, 400
    )
    series = chart["series"][0]
    # 100-200 is a line; 300 and 400 stand alone, as markers only.
    assert len(series["segments"]) == 1
    assert len(pairs(series["segments"][0])) == 2
    assert [marker["display"] for marker in series["markers"]] == ["100", "200", "300", "400"]
    assert series["displays"] == ["100", "200", "—", "300", "—", "400"]


def test_line_y_gridlines_and_single_x_label():
    chart = charts.line(["Only cycle"], [("s", [50])], 0, 100)
    plot = chart["plot"]
    assert [tick["display"] for tick in chart["y_ticks"]] == ["0", "25", "50", "75", "100"]
    assert chart["y_ticks"][0]["y"] == plot["bottom"]
    assert chart["y_ticks"][-1]["y"] == plot["top"]
    assert chart["x_ticks"][0]["x"] == (plot["left"] + plot["right"]) / 2
    assert chart["series"][0]["segments"] == []
    assert len(chart["series"][0]["markers"]) == 1
    assert chart["drawable"]


def test_line_table_one_row_per_series():
    chart = charts.line(["2024", "2026"], [("Policy", [150, 250]), ("Data", [None, 300])], 100, 400)
    assert chart["columns"] == ["2024", "2026"]
    assert chart["rows"] == [
        {"label": "Policy", "cells": ["150", "250"]},
        {"label": "Data", "cells": ["—", "300"]},
    ]


def test_nice_ticks():
    assert charts.nice_ticks(100, 400) == [100, 200, 300, 400]
    assert charts.nice_ticks(0, 100) == [0, 25, 50, 75, 100]
    assert charts.nice_ticks(1, 4) == [1, 2, 3, 4]


# --- Templates -------------------------------------------------------------------------------


def test_radar_template():
    chart = charts.radar(
        ["Policy", "Data & evidence", "Partnerships"],
        [("Cycle 2024", [150, 212.5, None]), ("Cycle 2026", [250, 287.5, 325])],
        100,
        400,
    )
    html = render_to_string(
        "includes/charts/radar.html",
        {"chart": chart, "caption": "Profile by domain", "row_heading": "Domain"},
    )
    assert "style=" not in html and "<script" not in html
    assert f'aria-labelledby="{chart["id"]}-title {chart["id"]}-desc"' in html
    assert f'<title id="{chart["id"]}-title">Profile by domain</title>' in html
    assert 'role="img"' in html
    assert 'class="series series-2 dash-2 marker-square"' in html
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption>Profile by domain</caption>" in table
    assert '<th scope="col">Domain</th>' in table
    assert '<th scope="col" class="num">Cycle 2026</th>' in table
    cell = '<td class="num">{}</td>'.format
    row = '<tr><th scope="row">{}</th>{}{}</tr>'.format
    assert row("Data &amp; evidence", cell("212.5"), cell("287.5")) in table
    assert row("Partnerships", cell("—"), cell("325")) in table
    assert '<details class="chart-data" open>' in html


def test_radar_template_with_two_axes_shows_only_the_table():
    chart = charts.radar(["Policy", "Data"], [("2026", [250, 300])], 100, 400)
    html = render_to_string("includes/charts/radar.html", {"chart": chart, "caption": "Profile"})
    assert "<svg" not in html
    assert '<th scope="row">Data</th><td class="num">300</td>' in html


def test_line_template():
    chart = charts.line(
        ["Cycle 2022", "Cycle 2024", "Cycle 2026"],
        [("Policy", [150, None, 287.5]), ("Data", [200, 250, 300])],
        100,
        400,
    )
    html = render_to_string("includes/charts/line.html", {"chart": chart, "caption": "Over time"})
    assert "style=" not in html and "<script" not in html
    assert f'aria-labelledby="{chart["id"]}-title {chart["id"]}-desc"' in html
    assert html.count('<polyline class="line"') == 1  # Policy has no line across its gap
    table = html[html.index("<table") : html.index("</table>")]
    assert '<th scope="col">Series</th>' in table
    assert '<th scope="col" class="num">Cycle 2024</th>' in table
    assert (
        '<th scope="row">Policy</th><td class="num">150</td><td class="num">—</td>'
        '<td class="num">287.5</td>'
    ) in table


def test_templates_keep_coordinates_unlocalised_and_figures_localised():
    with translation.override("fr"):
        chart = charts.radar(["A", "B", "C"], [("2026", [212.5, 300, 325])], 100, 400)
        html = render_to_string("includes/charts/radar.html", {"chart": chart, "caption": "P"})
        line_chart = charts.line(["1", "2"], [("s", [212.5, 300])], 100, 400)
        line_html = render_to_string("includes/charts/line.html", {"chart": line_chart})
    assert '<td class="num">212,5</td>' in html
    for svg in (html, line_html):
        coordinates = re.findall(r' (?:x|y|x1|y1|x2|y2)="([^"]*)"', svg)
        assert coordinates and all("," not in value for value in coordinates)
