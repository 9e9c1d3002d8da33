"""The diaspora hub's API: each area adds its viewsets to the project's router."""

from . import connecting, content, countries, learning, members, opportunities, roster

AREAS = (members, countries, connecting, content, opportunities, roster, learning)


def register(router) -> None:
    for area in AREAS:
        area.register(router)
