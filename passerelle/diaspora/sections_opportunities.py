"""What opportunities add to the hub's request page (core.sections "support_request", whose object
is the request and its peers): the open engagement opportunities that serve the request."""

from passerelle.core.sections import register_section

from . import permissions_opportunities  # noqa: F401  (the policy the list goes through)
from .selectors import opportunities as selectors


def request_opportunities(request, obj):
    support_request, _peers = obj
    opportunities = selectors.open_linked(request.user, support_request=support_request)
    return {"opportunities": opportunities} if opportunities else None


register_section(
    "support_request",
    "diaspora_opportunities",
    template="diaspora/opportunities/_opportunities_section.html",
    get_context=request_opportunities,
    order=75,
)
