"""The diaspora hub's part of tests/test_url_access.py: each area builds its objects and lists
its URLs in tests/access_<area>.py."""

from . import (
    access_connecting,
    access_content,
    access_countries,
    access_learning,
    access_members,
    access_opportunities,
    access_roster,
)

AREAS = (
    access_members,
    access_countries,
    access_connecting,
    access_content,
    access_opportunities,
    access_roster,
    access_learning,
)


def build(government, owner, outsider) -> dict:
    world = {}
    for area in AREAS:
        world.update(area.build(government, owner, outsider))
    return world


CASES = [
    ("diaspora:home", "get", lambda w: {}, 200, 200, 200),
    *(case for area in AREAS for case in area.CASES),
]
