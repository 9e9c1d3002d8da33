"""The world map of the directory, drawn on the server: the vendored SVG of the countries
(npm @svg-maps/world 2.0.0, CC BY 4.0, one <path> per country whose id is its ISO alpha-2 code
in lower case) read once, each country filled by the bucket its count falls in. Nothing comes
from the network, and the page beside it carries the same counts as a table.

Fills are SVG presentation attributes, not styles: the strict CSP allows no inline style."""

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from passerelle.geo.models import Country

SVG_FILE = Path(__file__).resolve().parent.parent / "static/vendor/svg-maps-world/world.svg"
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
VIEW_BOX = "0 0 1010 666"
ATTRIBUTION = "SVG Maps World, by VictorCazanave (npm @svg-maps/world 2.0.0), CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

# The smallest count of each bucket, and its fill: light to dark blues, the darkest for the
# most; "none" (no count) is a pale grey. Every fill has a darker outline.
BUCKET_FLOORS = (1, 3, 6, 11, 21)
NO_COUNT_FILL = "#eef1f4"
BUCKET_FILLS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
OUTLINE = "#6b7785"

# The SVG's outlines carry three decimals (1.2 MB inline on every map page); on a grid of half a
# unit of its 1010-unit width they draw the same at any size a screen shows them, in 430 kB.
GRID = 0.5
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
SEGMENT = re.compile(r"([mMzZ])([^mMzZ]*)")


@dataclass(frozen=True)
class Shape:
    iso2: str  # upper case, as geo.Country holds it
    name: str  # the SVG's English name, for countries geo does not know
    path: str


@functools.cache
def shapes() -> tuple[Shape, ...]:
    """The countries of the vendored SVG, parsed once per process."""
    root = ET.parse(SVG_FILE).getroot()
    return tuple(
        Shape(
            iso2=path.get("id", "").upper(),
            name=path.get("aria-label", ""),
            path=compact_path(path.get("d")),
        )
        for path in root.iter(f"{SVG_NAMESPACE}path")
        if path.get("id") and path.get("d")
    )


def compact_path(d: str) -> str:
    """The outline `d` (the SVG's only commands: m, z and implicit relative line-tos) with its
    points snapped to GRID and repeated points dropped. Points are snapped in absolute
    coordinates and written as differences of snapped points, so rounding never drifts."""

    def snapped(x: float, y: float) -> tuple[int, int]:
        return round(x / GRID), round(y / GRID)

    parts, x, y, start, written = [], 0.0, 0.0, (0.0, 0.0), (0, 0)
    for command, body in SEGMENT.findall(d):
        if command in "zZ":
            parts.append("z")
            x, y = start
            written = snapped(x, y)
            continue
        values = [float(value) for value in NUMBER.findall(body)]
        moves = []
        for index in range(0, len(values) - 1, 2):
            if command == "M" and index == 0:
                x, y = values[0], values[1]
            else:
                x, y = x + values[index], y + values[index + 1]
            if index == 0:
                start = (x, y)
            point = snapped(x, y)
            if index and point == written:
                continue
            moves.append(f"{_unit(point[0] - written[0])},{_unit(point[1] - written[1])}")
            written = point
        parts.append("m" + " ".join(moves))
    return "".join(parts)


def _unit(steps: int) -> str:
    return f"{steps * GRID:g}"


def bucket(count: int) -> int:
    """0 for no count, else 1 to 5 (BUCKET_FLOORS)."""
    return sum(1 for floor in BUCKET_FLOORS if count >= floor)


def legend() -> list[dict]:
    """Each bucket's range and fill, for the key under the map."""
    rows = [{"label": _("none"), "fill": NO_COUNT_FILL}]
    for index, (floor, fill) in enumerate(zip(BUCKET_FLOORS, BUCKET_FILLS, strict=True)):
        following = BUCKET_FLOORS[index + 1] if index + 1 < len(BUCKET_FLOORS) else None
        if following is None:
            label = f"{floor}+"
        elif following - 1 == floor:
            label = str(floor)
        else:
            label = f"{floor}\u2013{following - 1}"  # an en dash
        rows.append({"label": label, "fill": fill})
    return rows


def regions(counts: dict[str, int]) -> list[dict]:
    """Every country of the map with its count (by ISO alpha-3 in `counts`), bucket and fill;
    its name is geo's (translated where geo is) when geo knows it. One query."""
    known = {iso2: (iso3, name) for iso2, iso3, name in Country.objects.values_list(
        "iso2", "iso3", "name")}  # fmt: skip
    drawn = []
    for shape in shapes():
        iso3, name = known.get(shape.iso2, (None, shape.name))
        count = counts.get(iso3, 0) if iso3 else 0
        level = bucket(count)
        drawn.append(
            {
                "iso3": iso3,
                "name": name,
                "path": shape.path,
                "count": count,
                "fill": BUCKET_FILLS[level - 1] if level else NO_COUNT_FILL,
            }
        )
    return drawn
