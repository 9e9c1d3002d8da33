"""What the country pages add to other pages (core.sections): on the geo country page, the
counts of the iDiaspora country page and the link to it, when it has anything."""

from passerelle.core.sections import register_section

from .selectors.countries import country_counts


def geo_country_diaspora(request, country):
    counts = country_counts(country)
    if not counts:
        return None
    return {"country": country, "counts": counts}


register_section(
    "country",
    "diaspora_country",
    template="diaspora/countries/_geo_country_section.html",
    get_context=geo_country_diaspora,
    order=40,
)
