"""What a version of an item keeps: its texts, tags and settings at one moment, as JSON."""

from .models import TRANSLATABLE, Item

TAGS = ("capacity_areas", "gcm_objectives", "guiding_principles", "countries", "regions")


def snapshot(item: Item) -> dict:
    """What a version keeps: the texts, tags and links as they are now."""
    data = {name: getattr(item, name) for name in TRANSLATABLE}
    data.update(
        {
            "language": item.language,
            "scope": item.scope,
            "resource_type": item.resource_type,
            "issued_on": item.issued_on.isoformat() if item.issued_on else None,
            "link": item.link,
            "audiences": item.audiences,
            "actor_types": item.actor_types,
        }
    )
    for name in TAGS:
        data[name] = sorted(getattr(item, name).values_list("pk", flat=True))
    return data
