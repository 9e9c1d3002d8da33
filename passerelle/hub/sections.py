"""What the hub adds to other modules' pages (core.sections): on an assessment's gap profile, the
requests for support that answer its gaps, and in the row of every indicator with a gap (desired
above current, whatever the level) a link for the organisation's editors to ask for support."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.core.sections import register_row_part, register_section

from .choices import RequestStatus
from .models import SupportRequest


def gap_requests(request, obj):
    assessment, _profile = obj
    requests = list(
        SupportRequest.objects.visible_to(request.user)
        .filter(source_assessment=assessment)
        .select_related("source_indicator")
    )
    if not requests:
        return None
    return {"requests": requests}


def gap_request_links(request, rows) -> dict[int, str]:
    """indicator id → the link to a request pre-filled from its gap (hub:request_create, which
    calls assessments.services.request_draft_from_gap), for each indicator with a gap and no
    request answering it yet. `rows`: (assessment, scoring.IndicatorResult) pairs of one
    assessment's profile. Only the assessing organisation's editors may ask, so only they see
    the links."""
    if not rows:
        return {}
    assessment = rows[0][0]
    user = request.user
    if not (
        user.is_authenticated and user.has_role(assessment.organisation_id, MembershipRole.EDITOR)
    ):
        return {}
    # A withdrawn request no longer answers its gap: support can be asked again.
    asked = set(
        SupportRequest.objects.visible_to(user)
        .filter(source_assessment=assessment)
        .exclude(status=RequestStatus.WITHDRAWN)
        .values_list("source_indicator_id", flat=True)
    )
    base = reverse("hub:request_create")
    links = {}
    for _assessment, result in rows:
        indicator = result.indicator
        if (result.gap or 0) > 0 and indicator.pk not in asked:
            query = urlencode({"assessment": assessment.pk, "indicator": indicator.code})
            links[indicator.pk] = format_html(
                '<a href="{}">{}<span class="visually-hidden"> ({})</span></a>',
                f"{base}?{query}",
                _("Request support for this gap"),
                indicator.code,
            )
    return links


register_section(
    "assessment_profile",
    "support_requests",
    template="hub/_gap_requests.html",
    get_context=gap_requests,
    order=10,
)
register_row_part("assessment_profile_rows", "request_support", render=gap_request_links)
