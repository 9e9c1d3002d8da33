"""Labels of the facets every module shares (core.search.FACETS), in the reader's language:
reference data from geo and taxonomy, organisation types from accounts, kinds from the
registry. One query per facet shown, at most."""

from django.conf import settings

from passerelle.accounts.choices import OrganisationType
from passerelle.core.search import register_facet_labels, searchables
from passerelle.geo.models import Country, Region
from passerelle.taxonomy.models import CapacityArea, GCMObjective


def _kinds(values: list[str]) -> dict[str, str]:
    labels = {}
    for searchable in searchables():
        labels[searchable.kind] = searchable.label
        labels.update(searchable.kinds)
    return labels


def _languages(values: list[str]) -> dict[str, str]:
    return dict(settings.LANGUAGES)


def _actors(values: list[str]) -> dict[str, str]:
    return dict(OrganisationType.choices)


def _areas(values: list[str]) -> dict[str, str]:
    return {area.code: area.name for area in CapacityArea.objects.filter(code__in=values)}


def _objectives(values: list[str]) -> dict[str, str]:
    numbers = [int(value) for value in values if value.isdigit()]
    return {
        str(objective.number): str(objective)
        for objective in GCMObjective.objects.filter(number__in=numbers)
    }


def _regions(values: list[str]) -> dict[str, str]:
    return {region.code: region.name for region in Region.objects.filter(code__in=values)}


def _countries(values: list[str]) -> dict[str, str]:
    return {country.iso3: country.name for country in Country.objects.filter(iso3__in=values)}


register_facet_labels("kind", _kinds)
register_facet_labels("language", _languages)
register_facet_labels("actor", _actors)
register_facet_labels("area", _areas)
register_facet_labels("objective", _objectives)
register_facet_labels("region", _regions)
register_facet_labels("country", _countries)
