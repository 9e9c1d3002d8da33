"""What the hub adds to other modules' pages (core.sections): on an assessment's gap profile, the
requests for support that answer its gaps, and for the organisation's editors a link to ask for
support on each open gap."""

from urllib.parse import urlencode

from django.urls import reverse

from passerelle.accounts.choices import MembershipRole
from passerelle.core.sections import register_section

from .choices import RequestStatus
from .models import SupportRequest


def gap_requests(request, obj):
    assessment, profile = obj
    user = request.user
    requests = list(
        SupportRequest.objects.visible_to(user)
        .filter(source_assessment=assessment)
        .select_related("source_indicator")
    )
    may_request = user.is_authenticated and user.has_role(
        assessment.organisation_id, MembershipRole.EDITOR
    )
    # A withdrawn request no longer answers its gap: support can be asked again.
    asked = {r.source_indicator_id for r in requests if r.status != RequestStatus.WITHDRAWN}
    base = reverse("hub:request_create")
    gaps = []
    for result in profile.potential() if may_request else []:
        if (result.gap or 0) > 0 and result.indicator.pk not in asked:
            query = urlencode({"assessment": assessment.pk, "indicator": result.indicator.code})
            gaps.append((result, f"{base}?{query}"))
    if not requests and not gaps:
        return None
    return {"requests": requests, "gaps": gaps}


register_section(
    "assessment_profile",
    "support_requests",
    template="hub/_gap_requests.html",
    get_context=gap_requests,
    order=10,
)
