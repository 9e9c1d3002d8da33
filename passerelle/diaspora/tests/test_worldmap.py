import re

from passerelle.diaspora import worldmap


def _absolute_points(d: str) -> list[tuple[float, float]]:
    """Every point of a path made of m, z and relative line-tos, in absolute coordinates."""
    points, x, y, start = [], 0.0, 0.0, (0.0, 0.0)
    for command, body in worldmap.SEGMENT.findall(d):
        if command == "z":
            x, y = start
            continue
        values = [float(value) for value in worldmap.NUMBER.findall(body)]
        for index in range(0, len(values), 2):
            x, y = x + values[index], y + values[index + 1]
            if index == 0:
                start = (x, y)
            points.append((x, y))
    return points


def test_a_compacted_outline_is_snapped_to_the_grid():
    assert worldmap.compact_path("m 10.26,20.74 0.1,0.01 1.02,-0.5 z") == "m10.5,20.5 0,0.5 1,-1z"


def test_compacting_never_drifts_along_a_long_outline():
    steps = " ".join("0.123,-0.049" for _ in range(5000))
    original = f"m 100.001,200.002 {steps} z m 1.3,1.7 0.26,0.26 z"
    compacted = worldmap.compact_path(original)
    last_original = _absolute_points(original)[-1]
    last_compacted = _absolute_points(compacted)[-1]
    assert abs(last_original[0] - last_compacted[0]) <= worldmap.GRID / 2
    assert abs(last_original[1] - last_compacted[1]) <= worldmap.GRID / 2


def test_the_vendored_map_is_read_whole_and_smaller():
    shapes = worldmap.shapes()
    assert len(shapes) == 256
    assert {"FR", "SN", "MX", "PH"} <= {shape.iso2 for shape in shapes}
    assert all(re.fullmatch(r"[mz0-9.,\- ]+", shape.path) for shape in shapes)
    assert sum(len(shape.path) for shape in shapes) < 500_000
