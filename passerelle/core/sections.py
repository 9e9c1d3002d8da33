"""Page sections: how a lower module's page shows what higher modules hold.

Pages: home, dashboard (obj: the user), country, regional_body, capacity_area, gcm_objective,
organisation, assessment_profile (obj: the assessment and its scoring.Profile), support_request
(obj: the request and its peers), match, project.
List rows: `register_row_part` adds to each row of a list (support_request_rows, project_rows,
assessment_profile_rows: (assessment, scoring.IndicatorResult) pairs, keyed by indicator id).

A country page lists the organisations there now, and later the assessments, requests and
projects; the home page shows counts from every module. The page's module cannot import those
modules (ARCHITECTURE.md: imports run downward), so each higher module registers a section for a
named page, and the page renders whatever is registered, in order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Section:
    page: str
    key: str
    template: str
    get_context: Callable[[Any, Any], dict[str, Any] | None]  # (request, obj) → context or None
    order: int = 100


_sections: dict[str, dict[str, Section]] = {}


def register_section(
    page: str,
    key: str,
    *,
    template: str,
    get_context: Callable[[Any, Any], dict[str, Any] | None],
    order: int = 100,
) -> None:
    _sections.setdefault(page, {})[key] = Section(page, key, template, get_context, order)


def render_sections(page: str, request, obj=None) -> list[SafeString]:
    """The page's sections rendered in order; a section whose context is None is left out."""
    rendered = []
    for section in sorted(_sections.get(page, {}).values(), key=lambda s: (s.order, s.key)):
        context = section.get_context(request, obj)
        if context is not None:
            rendered.append(render_to_string(section.template, context, request=request))
    return rendered


# --- parts of list rows ------------------------------------------------------------------------
# A list page (requests, projects) shows in each row what higher modules know of the item — the
# funding module's coverage bars. The higher module registers a function that renders the part
# of every listed item at once (so a list costs a fixed number of queries, not one per row).

RowPartRenderer = Callable[[Any, list[Any]], dict[int, str]]  # (request, objects) → {pk: html}
_row_parts: dict[str, dict[str, tuple[int, RowPartRenderer]]] = {}


def register_row_part(page: str, key: str, *, render: RowPartRenderer, order: int = 100) -> None:
    _row_parts.setdefault(page, {})[key] = (order, render)


def render_row_parts(page: str, request, objects) -> dict[int, SafeString]:
    """Each listed object's parts, by primary key, joined in order; objects with none are absent."""
    objects = list(objects)
    parts: dict[int, list[str]] = {}
    for _order, render in sorted(_row_parts.get(page, {}).values(), key=lambda item: item[0]):
        for pk, html in render(request, objects).items():
            parts.setdefault(pk, []).append(html)
    return {pk: SafeString("".join(htmls)) for pk, htmls in parts.items()}
