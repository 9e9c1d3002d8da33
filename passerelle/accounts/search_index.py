"""Organisations in the platform's search (core.search): the directory, by name, acronym and
description, with their country and type."""

from django.utils.translation import gettext_lazy as _

from passerelle.core.search import SearchText, register_searchable

from .models import Organisation


def organisation_texts(organisation: Organisation) -> list[SearchText]:
    facets = {"actor": [organisation.type]}
    if organisation.country is not None:
        facets["country"] = [organisation.country.iso3]
    title = organisation.name
    if organisation.acronym:
        title = f"{organisation.name} ({organisation.acronym})"
    return [
        SearchText(
            language=organisation.language,
            title=title,
            body=organisation.description,
            facets=facets,
            date=organisation.created.date(),
        )
    ]


register_searchable(
    Organisation,
    kind="organisation",
    label=_("Organisations"),
    texts=organisation_texts,
    indexable=lambda: Organisation.objects.all(),
    prefetch=lambda queryset: queryset.select_related("country"),
)
