"""The diaspora hub's demo: one step that runs the areas' parts in an order where each can rely
on the ones before it (organisations and members first)."""

from passerelle.core.demo import DemoContext, register_demo_step

from . import (
    demo_connecting,
    demo_content,
    demo_countries,
    demo_learning,
    demo_members,
    demo_opportunities,
    demo_roster,
)

AREAS = (
    demo_members,
    demo_countries,
    demo_connecting,
    demo_content,
    demo_opportunities,
    demo_roster,
    demo_learning,
)


@register_demo_step("diaspora")
def load(context: DemoContext) -> None:
    for area in AREAS:
        area.load(context)
