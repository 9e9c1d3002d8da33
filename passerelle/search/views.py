"""The search page: the query, facets in a sidebar (ticking one updates the results in place with
htmx), results with their kind, snippet and language, pages of 20."""

from django.shortcuts import render
from django.views import View

from . import selectors
from .forms import FACET_TITLES, SearchForm


class SearchView(View):
    template_name = "search/results.html"

    def get(self, request):
        form = SearchForm(request.GET)
        arguments = form.search_arguments()
        found = selectors.search(request.user, page=request.GET.get("page"), **arguments)
        filters = selectors.clean_filters(arguments["filters"])
        facets = [
            {
                "name": name,
                "title": FACET_TITLES[name],
                "values": values,
                "selected": filters.get(name, []),
            }
            for name, values in found.facets.items()
            if values
        ]
        context = {
            "query": arguments["query"],
            "mode": arguments["mode"],
            "search": found,
            "facets": facets,
        }
        return render(request, self.template_name, context)
