from django.shortcuts import render

from ..selectors import home


def home_page(request):
    return render(
        request,
        "diaspora/home.html",
        {
            "figures": home.figures(),
            "stories": home.latest_stories(request.user),
            "opportunities": home.open_opportunities(request.user),
        },
    )
