"""The demo scenario's extension point.

Each module registers the step that adds its part of the demo (`register_demo_step`); the `demo`
management command runs them in registration order, which follows INSTALLED_APPS, so a module's
step can rely on the data of the modules below it; a step registered `last` (the search index,
which reads what every other step made) runs after all the others. Steps must be idempotent:
running the demo twice leaves the same data. Everything they create is marked demo (`is_demo`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class DemoContext:
    """Shared between steps: what earlier steps created, and the logins to print."""

    data: dict[str, Any] = field(default_factory=dict)
    credentials: list[tuple[str, str, str]] = field(default_factory=list)  # (email, password, role)


@dataclass(frozen=True)
class DemoStep:
    name: str
    run: Callable[[DemoContext], None]
    last: bool = False


_steps: list[DemoStep] = []


def register_demo_step(name: str, *, last: bool = False) -> Callable:
    def decorator(function: Callable[[DemoContext], None]):
        if all(step.name != name for step in _steps):
            _steps.append(DemoStep(name=name, run=function, last=last))
        return function

    return decorator


def demo_steps() -> list[DemoStep]:
    return sorted(_steps, key=lambda step: step.last)
