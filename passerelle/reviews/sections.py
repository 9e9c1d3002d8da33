"""What the review packs add to other modules' pages (core.sections): on a country's page, the
link to its review pack and to the pack's PDF and workbook."""

from passerelle.core.sections import register_section


def country_review_pack(request, country):
    return {"country": country}


register_section(
    "country",
    "review_pack",
    template="reviews/_country_section.html",
    get_context=country_review_pack,
    order=5,
)
