"""Filters of the gap profile page: a level with its label, a signed gap, and what higher
modules add to an indicator's row."""

from django import template

register = template.Library()

MISSING = "—"


@register.filter
def level_label(level: int | None, labels: dict[int, str]) -> str:
    """ "3. Meets" from 3 and the version's labels (as the PDF prints it); "—" without a level."""
    if level is None:
        return MISSING
    label = labels.get(level)
    return f"{level}. {label}" if label else str(level)


@register.filter
def signed_gap(gap: int | None) -> str:
    if gap is None:
        return MISSING
    return f"+{gap}" if gap > 0 else str(gap)


@register.filter
def row_part(parts: dict[int, str], indicator) -> str:
    """What higher modules add to the row of `indicator` (core.sections.render_row_parts)."""
    return parts.get(indicator.pk, "")
