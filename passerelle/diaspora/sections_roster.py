"""What the roster adds to other pages (core.sections): on a request for support, the roster
experts the hub's matcher proposed (for those who may see the request's matches), each with a
button to contact them or the contact's status, and a link to the roster filtered on the
request's areas and languages; on a member's page, their roster entry and track record."""

from urllib.parse import urlencode

from django.urls import reverse

from passerelle.accounts.choices import MembershipRole
from passerelle.core.sections import register_section
from passerelle.hub.matching.explain import explanation_rows

from .selectors import roster as selectors


def request_experts(request, obj):
    support_request, _peers = obj
    user = request.user
    if not selectors.can_see_proposals(user, support_request):
        return None
    matches = selectors.proposed_experts(user=user, support_request=support_request)
    organisations = (support_request.organisation_id, support_request.joint_with_id)
    return {
        "support_request": support_request,
        "roster_matches": [(match, explanation_rows(match)) for match in matches],
        "can_contact": any(
            pk is not None and user.has_role(pk, MembershipRole.EDITOR) for pk in organisations
        ),
    }


def request_roster_link(request, obj):
    support_request, _peers = obj
    query = [("area", area.code) for area in support_request.capacity_areas.all()]
    languages = support_request.working_languages or [support_request.language]
    query += [("language", code) for code in languages]
    return {"roster_url": f"{reverse('diaspora:roster_list')}?{urlencode(query)}"}


def member_roster(request, profile):
    return selectors.member_roster(viewer=request.user, person=profile.user)


register_section(
    "support_request", "diaspora_roster_experts",
    template="diaspora/roster/_request_experts.html", get_context=request_experts, order=40,
)  # fmt: skip
register_section(
    "support_request", "diaspora_roster_link",
    template="diaspora/roster/_request_link.html", get_context=request_roster_link, order=41,
)  # fmt: skip
register_section(
    "diaspora_member", "roster",
    template="diaspora/roster/_member_roster.html", get_context=member_roster, order=50,
)  # fmt: skip
