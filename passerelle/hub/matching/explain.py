"""A stored explanation, for people to read: each criterion's weight, how well the pair met it,
the points it brought, and what the two items share on it."""

from django.utils.translation import gettext as _

from .criteria import CRITERIA

SHARED_CRITERIA = ("areas", "objectives", "support_types", "languages")


def explanation_rows(match) -> list[dict]:
    """Criteria by the points they brought, best first: {criterion, label, weight, value,
    points, shared}; weight, value and points in percent."""
    stored = match.explanation or {}
    values, weights = stored.get("values", {}), stored.get("weights", {})
    shared = _shared(match)
    rows = [
        {
            "criterion": name,
            "label": label,
            "weight": round(100 * weights.get(name, 0)),
            "value": round(100 * values.get(name, 0)),
            "points": round(100 * weights.get(name, 0) * values.get(name, 0), 1),
            "shared": shared.get(name, ""),
        }
        for name, label in CRITERIA.items()
        if weights.get(name, 0) > 0
    ]
    return sorted(rows, key=lambda row: -row["points"])


def _shared(match) -> dict[str, str]:
    """What the request and the offer have in common, criterion by criterion (prefetched
    relations: no query)."""
    request, offer = match.request, match.offer
    areas = {a.pk: a.name for a in offer.capacity_areas.all()}
    objectives = {o.pk for o in offer.gcm_objectives.all()}
    types = {t.support_type: t.get_support_type_display() for t in offer.support_types.all()}
    offer_languages = set(offer.languages or [offer.language])
    return {
        "areas": ", ".join(areas[a.pk] for a in request.capacity_areas.all() if a.pk in areas),
        "objectives": ", ".join(
            str(o.number) for o in request.gcm_objectives.all() if o.pk in objectives
        ),
        "support_types": ", ".join(
            types[t.support_type] for t in request.support_types.all() if t.support_type in types
        ),
        "languages": ", ".join(
            sorted(set(request.working_languages or [request.language]) & offer_languages)
        ),
        "geography": _("Anywhere in the world") if offer.is_global else "",
    }
