"""The public funding-gaps page: requirements against funding by capacity area, GCM objective,
region and country."""

from django.shortcuts import render
from django.urls import path

from ..selectors.gaps import funding_gaps


def gaps(request):
    return render(request, "funding/gaps.html", {"gaps": funding_gaps(user=request.user)})


urlpatterns = [path("gaps/", gaps, name="funding_gaps")]
