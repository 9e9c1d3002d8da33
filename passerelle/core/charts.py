"""Geometry for server-rendered SVG charts. Pure functions: they return plain dicts of
coordinates and formatted figures that `includes/charts/radar.html` and `includes/charts/line.html`
draw, with no script and no style attribute (the CSP forbids both); colours, dashes and sizes of
text come from the `/* --- Charts --- */` section of passerelle.css, through classes.

Every chart also carries the figures for the data table its template shows beside it, so that
nothing is told only by the drawing. Series are told apart by colour, by the shape of their
markers and by the dash of their lines, so that colour is never the only cue.

    chart = charts.radar(["Policy", "Data", "Partnerships"], [("2026", [250, 300, None])], 100, 400)
    {% include "includes/charts/radar.html" with chart=chart caption=_("Profile by domain") %}
"""

from __future__ import annotations

import hashlib
import math
import textwrap

from django.template.defaultfilters import floatformat

# Series are told apart by colour (series-N, 8 in passerelle.css), marker shape and dash.
COLOURS = 8
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "triangle-down")
DASHES = 4

MISSING = "—"

# Radar: room around the plot for the axis labels, in user units.
RADAR_PAD_X = 120
RADAR_PAD_Y = 56
LABEL_OFFSET = 12
LINE_HEIGHT = 14
LABEL_CHARS = 18
LABEL_LINES = 3

# Line: margins of the plot area.
LINE_MARGIN = {"left": 48, "right": 20, "top": 16, "bottom": 56}

MARKER_RADIUS = 4


def radar(
    axes: list[str],
    series: list[tuple[str, list[float | None]]],
    low: float,
    high: float,
    size: int = 320,
    *,
    ticks: list[float] | None = None,
    chart_id: str | None = None,
) -> dict:
    """A radar (spider) chart: one spoke per axis, clockwise from the top; a value at `low` sits
    at the centre and one at `high` at the end of its spoke (values are clamped to the range).
    A missing value (None) is drawn at the centre without a marker, and shown as "—" in the
    table. Fewer than 3 axes make no polygon: `drawable` is then False and only the table shows.
    `ticks` are the values of the grid rings (by default a few round values up to `high`)."""
    _check(series, len(axes), "axes")
    _check_range(low, high)
    radius = size / 2
    cx, cy = RADAR_PAD_X + radius, RADAR_PAD_Y + radius
    width, height = size + 2 * RADAR_PAD_X, size + 2 * RADAR_PAD_Y
    count = len(axes)
    angles = [-90 + 360 * i / count for i in range(count)] if count else []

    def at(index: int, distance: float) -> tuple[float, float]:
        angle = math.radians(angles[index])
        return _r(cx + distance * math.cos(angle)), _r(cy + distance * math.sin(angle))

    def distance_of(value: float | None) -> float:
        return 0.0 if value is None else radius * _fraction(value, low, high)

    axis_dicts = []
    for index, label in enumerate(axes):
        x, y = at(index, radius)
        label_x, label_y = at(index, radius + LABEL_OFFSET)
        cos, sin = math.cos(math.radians(angles[index])), math.sin(math.radians(angles[index]))
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        lines = _wrap(label, LABEL_CHARS)
        if sin < -0.3:  # above the centre: the last line sits just above the spoke's end
            first = label_y - (len(lines) - 1) * LINE_HEIGHT
        elif sin > 0.3:  # below: the first line hangs just below it
            first = label_y + LINE_HEIGHT * 0.8
        else:
            first = label_y - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
        axis_dicts.append(
            {
                "label": label,
                "angle": _r(angles[index]),
                "x": x,
                "y": y,
                "label_x": label_x,
                "label_y": label_y,
                "anchor": anchor,
                "lines": [
                    {"x": label_x, "y": _r(first + n * LINE_HEIGHT), "text": text}
                    for n, text in enumerate(lines)
                ],
            }
        )

    rings = []
    ring_values = ticks if ticks is not None else nice_ticks(low, high)
    for value in [value for value in ring_values if value > low]:
        distance = distance_of(value)
        rings.append(
            {
                "value": value,
                "display": format_value(value),
                "radius": _r(distance),
                "points": _points(at(i, distance) for i in range(count)),
                # Just inside the ring, beside the top spoke, clear of the axis label.
                "label_x": _r(cx + 4),
                "label_y": _r(cy - distance + 12),
            }
        )

    series_dicts = []
    for number, (name, values) in enumerate(series):
        coordinates = [at(i, distance_of(value)) for i, value in enumerate(values)]
        series_dicts.append(
            {
                **_style(number, name),
                "values": list(values),
                "displays": [format_value(value) for value in values],
                "points": _points(coordinates),
                "markers": [
                    _marker(MARKERS[number % len(MARKERS)], x, y, value, axis)
                    for (x, y), value, axis in zip(coordinates, values, axes, strict=True)
                    if value is not None
                ],
            }
        )

    return {
        "kind": "radar",
        "id": chart_id or _chart_id("radar", axes, series),
        "drawable": count >= 3,
        "width": width,
        "height": height,
        "view_box": f"0 0 {width} {height}",
        "cx": _r(cx),
        "cy": _r(cy),
        "radius": _r(radius),
        "low": low,
        "high": high,
        "low_display": format_value(low),
        "high_display": format_value(high),
        "axes": axis_dicts,
        "rings": rings,
        "series": series_dicts,
        # The data table: one row per axis, one column per series.
        "columns": [s["name"] for s in series_dicts],
        "rows": [
            {"label": label, "cells": [s["displays"][i] for s in series_dicts]}
            for i, label in enumerate(axes)
        ],
    }


def line(
    x_labels: list[str],
    series: list[tuple[str, list[float | None]]],
    low: float,
    high: float,
    width: int = 560,
    height: int = 260,
    *,
    ticks: list[float] | None = None,
    chart_id: str | None = None,
) -> dict:
    """A line chart over evenly spaced x labels (cycles): a missing value (None) breaks the line
    into `segments`; a value between two gaps shows as its marker alone. `ticks` are the values
    of the horizontal gridlines (by default a few round values from `low` to `high`)."""
    _check(series, len(x_labels), "x labels")
    _check_range(low, high)
    left, top = LINE_MARGIN["left"], LINE_MARGIN["top"]
    right, bottom = width - LINE_MARGIN["right"], height - LINE_MARGIN["bottom"]
    count = len(x_labels)
    slot = (right - left) / count if count else right - left

    def x_of(index: int) -> float:
        if count == 1:
            return _r((left + right) / 2)
        return _r(left + (right - left) * index / (count - 1))

    def y_of(value: float) -> float:
        return _r(bottom - (bottom - top) * _fraction(value, low, high))

    label_chars = max(6, int(slot / 6.6))
    x_ticks = []
    for index, label in enumerate(x_labels):
        x = x_of(index)
        # The first and last labels keep inside the plot's width.
        anchor = "middle"
        if count > 1 and index == 0:
            anchor = "start"
        elif count > 1 and index == count - 1:
            anchor = "end"
        x_ticks.append(
            {
                "label": label,
                "x": x,
                "anchor": anchor,
                "lines": [
                    {"x": x, "y": _r(bottom + 18 + n * LINE_HEIGHT), "text": text}
                    for n, text in enumerate(_wrap(label, label_chars, lines=2))
                ],
            }
        )

    y_ticks = [
        {"value": value, "display": format_value(value), "x": left - 6, "y": y_of(value)}
        for value in (ticks if ticks is not None else nice_ticks(low, high))
    ]

    series_dicts = []
    for number, (name, values) in enumerate(series):
        segments, current, markers = [], [], []
        for index, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            point = (x_of(index), y_of(value))
            current.append(point)
            markers.append(_marker(MARKERS[number % len(MARKERS)], *point, value, x_labels[index]))
        if current:
            segments.append(current)
        series_dicts.append(
            {
                **_style(number, name),
                "values": list(values),
                "displays": [format_value(value) for value in values],
                # Polylines of two points or more; a lone point is drawn by its marker only.
                "segments": [_points(segment) for segment in segments if len(segment) > 1],
                "markers": markers,
            }
        )

    return {
        "kind": "line",
        "id": chart_id or _chart_id("line", x_labels, series),
        "drawable": count >= 1 and bool(series),
        "width": width,
        "height": height,
        "view_box": f"0 0 {width} {height}",
        "plot": {"left": left, "right": right, "top": top, "bottom": bottom},
        "low": low,
        "high": high,
        "low_display": format_value(low),
        "high_display": format_value(high),
        "x_ticks": x_ticks,
        "y_ticks": y_ticks,
        "series": series_dicts,
        # The data table: one row per series, one column per x label.
        "columns": list(x_labels),
        "rows": [{"label": s["name"], "cells": s["displays"]} for s in series_dicts],
    }


def format_value(value: float | None) -> str:
    """A figure as the table shows it, in the active language: 287.5, 300, or "—" if missing."""
    if value is None:
        return MISSING
    return floatformat(value, -1)


def nice_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Round values from `low` to `high`, both included when the step allows: 100, 200, 300,
    400 for 100-400; 0, 25, 50, 75, 100 for 0-100."""
    _check_range(low, high)
    span = high - low
    magnitude = 10 ** math.floor(math.log10(span))
    step = span
    for factor in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if span / step <= most - 1 + 1e-9:
            break
    first = math.ceil(low / step - 1e-9) * step
    values, value = [], first
    while value <= high + 1e-9:
        values.append(_clean(value))
        value += step
    return values


# --- Helpers ---------------------------------------------------------------------------------


def _check(series, count: int, what: str) -> None:
    for name, values in series:
        if len(values) != count:
            raise ValueError(f"Series {name!r} has {len(values)} values for {count} {what}.")


def _check_range(low: float, high: float) -> None:
    if not high > low:
        raise ValueError(f"The range {low}-{high} is empty.")


def _fraction(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def _r(value: float) -> float:
    return _clean(round(value, 2))


def _clean(value: float) -> float:
    """Rounded, and -0.0 made 0 so that coordinates print the same everywhere."""
    value = round(value, 6)
    return 0.0 if value == 0 else value


def _points(coordinates) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in coordinates)


def _num(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else str(value)


def _wrap(text: str, chars: int, lines: int = LABEL_LINES) -> list[str]:
    wrapped = textwrap.wrap(str(text), chars, break_long_words=True) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], _ellipsis(" ".join(wrapped[lines - 1 :]), chars)]
    return wrapped


def _ellipsis(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _style(number: int, name: str) -> dict:
    marker = MARKERS[number % len(MARKERS)]
    return {
        "name": name,
        "number": number + 1,
        "marker": marker,
        "css": f"series-{number % COLOURS + 1} dash-{number % DASHES + 1} marker-{marker}",
        # The legend's sample: a short line with the marker in its middle.
        "legend_marker": _marker_path(marker, 14, 7),
    }


def _marker(shape: str, x: float, y: float, value: float, label: str) -> dict:
    return {
        "x": x,
        "y": y,
        "value": value,
        "display": format_value(value),
        "label": label,
        "d": _marker_path(shape, x, y),
    }


def _marker_path(shape: str, x: float, y: float, size: float = MARKER_RADIUS) -> str:
    """An SVG path for a marker centred on (x, y): each series has its own shape."""
    s = size

    def path(*points) -> str:
        return "M" + " L".join(f"{_num(_r(x + dx))},{_num(_r(y + dy))}" for dx, dy in points) + " Z"

    if shape == "square":
        return path((-s, -s), (s, -s), (s, s), (-s, s))
    if shape == "triangle":
        return path((0, -s * 1.2), (s * 1.1, s * 0.8), (-s * 1.1, s * 0.8))
    if shape == "triangle-down":
        return path((0, s * 1.2), (s * 1.1, -s * 0.8), (-s * 1.1, -s * 0.8))
    if shape == "diamond":
        return path((0, -s * 1.3), (s * 1.3, 0), (0, s * 1.3), (-s * 1.3, 0))
    if shape == "cross":
        t = s * 0.4
        return path(
            (-t, -s), (t, -s), (t, -t), (s, -t), (s, t), (t, t),
            (t, s), (-t, s), (-t, t), (-s, t), (-s, -t), (-t, -t),
        )  # fmt: skip
    # A circle, as two arcs.
    return (
        f"M{_num(_r(x - s))},{_num(_r(y))} a{_num(s)},{_num(s)} 0 1,0 {_num(2 * s)},0 "
        f"a{_num(s)},{_num(s)} 0 1,0 {_num(-2 * s)},0 Z"
    )


def _chart_id(kind: str, labels, series) -> str:
    """A stable id for the chart's title and description (two identical charts on one page
    should pass their own `chart_id`)."""
    digest = hashlib.sha1(repr((kind, list(labels), series)).encode(), usedforsecurity=False)
    return f"chart-{kind}-{digest.hexdigest()[:8]}"
