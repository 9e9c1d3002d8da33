from django.shortcuts import render
from django.views import View

from passerelle.core.sections import render_sections

from . import selectors
from .choices import RegionalBodyKind


class CountryListView(View):
    def get(self, request):
        return render(request, "geo/country_list.html", {"regions": selectors.region_tree()})


class CountryDetailView(View):
    def get(self, request, iso3):
        country = selectors.country_get(iso3=iso3)
        context = {
            "country": country,
            "regional_bodies": country.regional_bodies.order_by("kind", "name"),
            "sections": render_sections("country", request, country),
        }
        return render(request, "geo/country_detail.html", context)


class RegionalBodyListView(View):
    def get(self, request):
        bodies = selectors.regional_body_list()
        groups = [
            (label, [body for body in bodies if body.kind == kind])
            for kind, label in RegionalBodyKind.choices
        ]
        return render(request, "geo/regional_body_list.html", {"groups": groups})


class RegionalBodyDetailView(View):
    def get(self, request, code):
        body = selectors.regional_body_get(code=code)
        context = {
            "body": body,
            "members": body.members.order_by("name"),
            "sections": render_sections("regional_body", request, body),
        }
        return render(request, "geo/regional_body_detail.html", context)
