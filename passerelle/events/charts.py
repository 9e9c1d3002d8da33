"""Horizontal bar charts of counts (participants by type of organisation, attendance, a poll's
votes), drawn by `templates/events/_participants_chart.html` as SVG with the data table beside
it."""

# Sizes in user units of the SVG.
BARS = {"label": 200, "plot": 300, "figure": 50, "bar": 18, "gap": 8, "top": 4}
LABEL_CHARS = 30


def count_bars(lines: list[tuple[str, int]], *, chart_id: str, column: str) -> dict:
    """One bar per (label, count) line, in the given order, scaled to the largest; `column`
    names the figures of the data table."""
    high = max((count for _label, count in lines), default=0) or 1
    step = BARS["bar"] + BARS["gap"]
    bars = []
    for number, (label, count) in enumerate(lines):
        y = BARS["top"] + number * step
        width = round(count / high * BARS["plot"], 1)
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        bars.append({
            "label": short, "full_label": label, "count": count,
            "label_x": BARS["label"] - 6, "label_y": y + BARS["bar"] - 4,
            "x": BARS["label"], "y": y, "width": width, "height": BARS["bar"],
            "text_x": BARS["label"] + width + 4, "text_y": y + BARS["bar"] - 4,
        })  # fmt: skip
    width = BARS["label"] + BARS["plot"] + BARS["figure"]
    height = BARS["top"] * 2 + len(lines) * step
    return {
        "id": chart_id,
        "drawable": bool(lines),
        "width": width,
        "height": height,
        "view_box": f"0 0 {width} {height}",
        "bars": bars,
        "columns": [column],
        "rows": [{"label": label, "cells": [count]} for label, count in lines],
    }
