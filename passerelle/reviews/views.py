"""The review pack of a country: a page presenting it, and the same as a PDF and a workbook. Public:
each reader gets what they may see (anonymous visitors, what is public)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views import View

from passerelle.geo import selectors as geo_selectors

from . import exports, pdf
from .pack import country_pack


def _pack(request, iso3):
    country = geo_selectors.country_get(iso3=iso3)  # 404 for an unknown country
    return country_pack(country, user=request.user)


def _filename(pack, extension: str) -> str:
    return f"review-pack-{pack.country.iso3.lower()}-{pack.generated_on.isoformat()}.{extension}"


class CountryPackView(View):
    def get(self, request, iso3):
        return render(request, "reviews/country_pack.html", {"pack": _pack(request, iso3)})


class CountryPackPdfView(View):
    def get(self, request, iso3):
        pack = _pack(request, iso3)
        response = HttpResponse(pdf.pack_pdf(pack), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{_filename(pack, "pdf")}"'
        return response


class CountryPackXlsxView(View):
    def get(self, request, iso3):
        pack = _pack(request, iso3)
        response = HttpResponse(exports.pack_xlsx(pack), content_type=exports.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{_filename(pack, "xlsx")}"'
        return response
