"""URLs of /diaspora/ the opportunities area tests in tests/test_url_access.py: an open
opportunity and a draft posted by the government, and a response to the open one from a hub
member who is not the owner (so the owner answers it and the outsider sees nothing of it)."""

import datetime

from django.utils import timezone

from passerelle.diaspora.services import opportunities as services
from passerelle.diaspora.tests.factories import MemberProfileFactory


def build(government, owner, outsider) -> dict:
    def opportunity(title, publish):
        found = services.opportunity_create(
            actor=owner,
            organisation=government,
            data=services.OpportunityData(
                kind="mentoring", title=title, description="Mentor young engineers.",
                language="en", deadline=timezone.localdate() + datetime.timedelta(days=30),
                places=2,
            ),
        )  # fmt: skip
        return services.opportunity_publish(actor=owner, opportunity=found) if publish else found

    opened = opportunity("Mentors wanted", True)
    applicant = MemberProfileFactory().user
    response = services.response_submit(
        actor=applicant, opportunity=opened, kind="application", message="I can help."
    )
    return {
        "opportunity_open": opened,
        "opportunity_draft": opportunity("A draft call", False),
        "opportunity_response": response,
    }


def _open(w):
    return {"pk": w["opportunity_open"].pk}


def _draft(w):
    return {"pk": w["opportunity_draft"].pk}


def _response(w):
    return {"pk": w["opportunity_response"].pk}


CASES = [
    ("diaspora:opportunity_list", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:opportunity_create", "get", lambda w: {}, 302, 200, 200),
    ("diaspora:opportunity_detail", "get", _open, 200, 200, 200),
    ("diaspora:opportunity_detail", "get", _draft, 404, 404, 200),
    ("diaspora:opportunity_edit", "get", _open, 302, 403, 200),
    ("diaspora:opportunity_publish", "post", _draft, 302, 404, 302),
    ("diaspora:opportunity_close", "post", _open, 302, 403, 302),
    ("diaspora:opportunity_responses", "get", _open, 302, 403, 200),
    ("diaspora:response_answer", "post", _response, 302, 404, 400),
    ("diaspora:response_withdraw", "post", _response, 302, 404, 403),
    ("diaspora:my_responses", "get", lambda w: {}, 302, 200, 200),
    ("api:diaspora-opportunity-list", "get", lambda w: {}, 200, 200, 200),
    ("api:diaspora-opportunity-detail", "get", _open, 200, 200, 200),
    ("api:diaspora-opportunity-detail", "get", _draft, 404, 404, 404),
]
