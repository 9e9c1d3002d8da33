"""The moderation API: reports from any registered user, reports and cases read and decided by
moderators only."""

import pytest
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community.choices import CaseStatus
from passerelle.community.models import Report

from .moderation_helpers import XSS, reported

pytestmark = pytest.mark.django_db


# --- API --------------------------------------------------------------------------------------


def api_as(user=None) -> APIClient:
    api = APIClient()
    if user is not None:
        api.force_authenticate(user)
    return api


def test_any_registered_user_reports_through_the_api(comment):
    body = {"content_type": "community.comment", "object_id": comment.pk, "reason": "spam"}
    assert api_as().post("/api/v1/reports/", body).status_code in {401, 403}
    reporter = UserFactory()
    response = api_as(reporter).post("/api/v1/reports/", {**body, "details": XSS})
    assert response.status_code == 201, response.json()
    assert response.json()["details"] == XSS
    again = api_as(reporter).post("/api/v1/reports/", body)
    assert again.status_code == 400
    unknown = api_as(reporter).post("/api/v1/reports/", {**body, "object_id": 999999})
    assert unknown.status_code == 404


def test_reports_are_read_by_moderators_only(comment, area_comment, author, owner, secretariat):
    reported(comment)
    reported(area_comment)
    assert api_as().get("/api/v1/reports/").status_code in {401, 403}
    assert api_as(UserFactory()).get("/api/v1/reports/").status_code == 403
    assert api_as(author).get("/api/v1/reports/").status_code == 403
    everything = api_as(secretariat).get("/api/v1/reports/").json()
    assert everything["count"] == 6
    assert everything["results"][0]["reporter"] is not None
    theirs = api_as(owner).get("/api/v1/reports/").json()
    assert theirs["count"] == 3  # their own space only, reporters not named
    assert {r["reporter"] for r in theirs["results"]} == {None}
    first = Report.objects.first()
    assert api_as(UserFactory()).get(f"/api/v1/reports/{first.pk}/").status_code == 403


def test_moderation_cases_api_lists_and_decides(comment, owner, outsider, secretariat):
    case = reported(comment)
    assert api_as(UserFactory()).get("/api/v1/moderation-cases/").status_code == 403
    listed = api_as(secretariat).get("/api/v1/moderation-cases/", {"status": "pending_review"})
    assert [row["excerpt"] for row in listed.json()["results"]] == ["A first remark."]
    decide_url = f"/api/v1/moderation-cases/{case.pk}/decide/"
    assert api_as(outsider).post(decide_url, {"decision": "hide", "reason": "x"}).status_code in {
        403,
        404,
    }
    assert api_as(owner).post(decide_url, {"decision": "hide"}).status_code == 400
    response = api_as(owner).post(decide_url, {"decision": "hide", "reason": "Rude."})
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == CaseStatus.HIDDEN
    edit = api_as(owner).post(decide_url, {"decision": "edit", "reason": "x"})
    assert edit.status_code == 400
