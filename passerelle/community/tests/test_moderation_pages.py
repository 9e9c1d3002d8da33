"""Moderation as people see it: hidden content leaves every listing; the queue, the case page,
reporting, appeals and the header's link."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community import moderation, registry, services
from passerelle.community.choices import CaseStatus, ModerationStatus
from passerelle.community.models import Follow, ModerationCase, Notification, Report, Sanction
from passerelle.community.notifications import dispatch
from passerelle.core.models import AuditEntry
from passerelle.taxonomy.models import CapacityArea

from .moderation_helpers import XSS, refreshed, report, reported, trusted

pytestmark = pytest.mark.django_db


# --- hidden everywhere --------------------------------------------------------------------------


def test_hidden_content_leaves_the_page_and_the_api(client, comment, author, organisation):
    reader = UserFactory()
    page = reverse(
        "community:discussion",
        kwargs={
            "content_type_id": registry.content_type_of(organisation).pk,
            "object_id": organisation.pk,
        },
    )
    api = APIClient()
    api.force_authenticate(reader)
    client.force_login(reader)
    assert "first</em> remark" in client.get(page).content.decode()
    assert api.get("/api/v1/comments/").json()["count"] == 1

    reported(comment)
    assert "first</em> remark" not in client.get(page).content.decode()
    assert api.get("/api/v1/comments/").json()["count"] == 0
    assert api.get(f"/api/v1/comments/{comment.pk}/").status_code == 404
    api.force_authenticate(author)  # the author still sees it, marked as hidden
    assert api.get(f"/api/v1/comments/{comment.pk}/").json()["moderation_status"] == (
        ModerationStatus.PENDING_REVIEW
    )


def test_hidden_content_leaves_notifications_and_digests(organisation, author):
    follower = UserFactory()
    Follow.objects.create(
        user=follower,
        content_type=registry.content_type_of(organisation),
        object_id=str(organisation.pk),
    )
    posted = services.comment_create(actor=author, target=organisation, body="News.")
    dispatch(AuditEntry.objects.get(action="community.comment.created", object_id=posted.pk))
    assert Notification.objects.filter(recipient=follower).count() == 1
    reported(posted)
    from passerelle.community.notifications.access import with_availability

    (notification,) = with_availability(follower, list(follower.notifications.all()))
    assert not notification.available


# --- pages ------------------------------------------------------------------------------------


QUEUE = reverse("community:moderation_queue")


def case_page(case):
    return reverse("community:moderation_case", kwargs={"pk": case.pk})


def report_page(content):
    return reverse(
        "community:report",
        kwargs={
            "content_type_id": registry.content_type_of(content).pk,
            "object_id": content.pk,
        },
    )


def test_the_queue_is_for_moderators(client, comment, owner, secretariat):
    reported(comment)
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 403
    client.force_login(secretariat)
    assert "A first remark." in client.get(QUEUE).content.decode()
    client.force_login(owner)
    assert "A first remark." in client.get(QUEUE).content.decode()


def test_space_moderators_see_only_their_spaces_cases(client, comment, area_comment, owner):
    reported(comment)
    reported(area_comment)
    client.force_login(owner)
    page = client.get(QUEUE).content.decode()
    assert "A first remark." in page and "About borders." not in page
    assert (
        client.get(case_page(ModerationCase.objects.get(object_id=area_comment.pk))).status_code
        == 404
    )


def test_the_queue_filters_by_status(client, comment, area_comment, secretariat):
    moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    reported(area_comment)
    client.force_login(secretariat)
    assert "About borders." in client.get(QUEUE).content.decode()
    hidden = client.get(QUEUE, {"status": "hidden"}).content.decode()
    assert "A first remark." in hidden and "About borders." not in hidden


def test_the_queue_costs_the_same_queries_for_many_cases(
    client, organisation, secretariat, django_assert_max_num_queries
):
    client.force_login(secretariat)
    area = CapacityArea.objects.get(code="BORD")
    for target in (organisation, area):  # one query per kind of content and of space
        reported(services.comment_create(actor=trusted(), target=target, body=str(target)))
    with django_assert_max_num_queries(16) as few:
        client.get(QUEUE)
    for index in range(8):
        target = area if index % 2 else organisation
        reported(services.comment_create(actor=trusted(), target=target, body=f"More {index}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(QUEUE).status_code == 200


def test_an_xss_payload_in_a_report_shows_as_text(client, comment, secretariat):
    report(comment, details=XSS)
    case = ModerationCase.objects.get()
    client.force_login(secretariat)
    page = client.get(case_page(case)).content.decode()
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert Report.objects.get().details == XSS


def test_the_case_page_shows_context_and_names_reporters_to_platform_moderators(
    client, organisation, author, owner, secretariat
):
    parent = services.comment_create(actor=owner, target=organisation, body="The question.")
    reply = services.comment_create(
        actor=author, target=organisation, body="The answer.", parent=parent
    )
    reporter = UserFactory(full_name="Rita Reporter")
    report(reply, reporter, reason="abuse", details="Rude.")
    case = ModerationCase.objects.get()
    client.force_login(secretariat)
    page = client.get(case_page(case)).content.decode()
    assert "The answer." in page and "The question." in page and "Rude." in page
    assert "Rita Reporter" in page and organisation.name in page
    client.force_login(owner)
    page = client.get(case_page(case)).content.decode()
    assert "Rude." in page and "Rita Reporter" not in page


def test_space_moderators_see_the_authors_history_in_their_space_only(
    client, comment, area_comment, owner, secretariat
):
    moderation.decide_hide(actor=secretariat, case=reported(area_comment), reason="Elsewhere.")
    case = reported(comment)
    client.force_login(owner)
    assert "Elsewhere." not in client.get(case_page(case)).content.decode()
    client.force_login(secretariat)
    assert "Elsewhere." in client.get(case_page(case)).content.decode()


def test_ordinary_users_and_authors_do_not_open_case_pages(client, comment, author):
    case = reported(comment)
    client.force_login(UserFactory())
    assert client.get(case_page(case)).status_code == 404
    client.force_login(author)
    assert client.get(case_page(case)).status_code == 403  # the author has the appeal page


def test_deciding_from_the_case_page(client, comment, secretariat):
    case = reported(comment)
    client.force_login(secretariat)
    url = reverse("community:moderation_case_hide", kwargs={"pk": case.pk})
    refused = client.post(url, {"hide-reason": " "})
    assert refused.status_code == 422 and refreshed(case).is_open
    response = client.post(url, {"hide-reason": "Spam."})
    assert response.status_code == 302 and response["Location"] == case_page(case)
    assert refreshed(case).status == CaseStatus.HIDDEN


def test_sanctioning_from_the_case_page(client, comment, author, owner, secretariat):
    case = reported(comment)
    url = reverse("community:moderation_case_sanction", kwargs={"pk": case.pk})
    client.force_login(owner)
    refused = client.post(url, {"sanction-kind": "ban", "sanction-reason": "Out."})
    assert refused.status_code == 422  # space moderators are offered warnings only
    client.force_login(secretariat)
    refused = client.post(url, {"sanction-kind": "suspension", "sanction-reason": "Out."})
    assert refused.status_code == 422 and "future" not in refused.content.decode()
    until = (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url, {"sanction-kind": "suspension", "sanction-until": until, "sanction-reason": "Out."}
    )
    assert response.status_code == 302
    given = Sanction.objects.get()
    lift = reverse(
        "community:moderation_sanction_lift", kwargs={"pk": case.pk, "sanction_pk": given.pk}
    )
    assert client.post(lift, {f"lift-{given.pk}-reason": "Appeal heard."}).status_code == 302
    assert refreshed(given).lifted_at is not None


def test_reporting_through_the_page_and_htmx(client, comment):
    url = report_page(comment)
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "spam", "details": XSS}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Thank you, reported" in response.content.decode()
    assert "<html" not in response.content.decode()
    again = client.post(url, {"reason": "spam"}, headers={"HX-Request": "true"})
    assert again.status_code == 422 and "already reported" in again.content.decode()


def test_hidden_content_cannot_be_reported_by_those_who_no_longer_see_it(client, comment):
    reported(comment)
    client.force_login(UserFactory())
    assert client.get(report_page(comment)).status_code == 404


def test_the_author_appeals_through_the_page(client, comment, author, secretariat):
    case = moderation.decide_hide(actor=secretariat, case=reported(comment), reason="Spam.")
    url = reverse("community:moderation_appeal", kwargs={"pk": case.pk})
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(author)
    page = client.get(url).content.decode()
    assert "Spam." in page and "Appeal this decision" in page
    assert client.post(url, {"text": "It was not."}).status_code == 302
    assert case.appeal.text == "It was not."
    mine = client.get(reverse("community:moderation_mine")).content.decode()
    assert "Awaiting a decision" in mine
    client.force_login(secretariat)
    decide_url = reverse("community:moderation_appeal_decide", kwargs={"pk": case.pk})
    response = client.post(decide_url, {"appeal-decision": "grant", "appeal-note": "Fine."})
    assert response.status_code == 302
    assert refreshed(comment).moderation_status == ModerationStatus.VISIBLE


def test_the_content_hide_page(client, comment, owner, outsider):
    url = reverse(
        "community:moderation_content_hide",
        kwargs={"content_type_id": registry.content_type_of(comment).pk, "object_id": comment.pk},
    )
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(owner)
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "Doxxing."}).status_code == 302
    assert refreshed(comment).moderation_status == ModerationStatus.HIDDEN


def test_the_moderation_link_shows_for_platform_moderators(client, secretariat):
    client.force_login(UserFactory())
    link = f'href="{QUEUE}"'
    assert link not in client.get(reverse("accounts:dashboard")).content.decode()
    client.force_login(secretariat)
    assert link in client.get(reverse("accounts:dashboard")).content.decode()


def test_the_moderation_link_counts_open_cases_with_one_query(
    client, comment, area_comment, secretariat
):
    client.force_login(secretariat)
    dashboard = reverse("accounts:dashboard")
    link = f'<a href="{QUEUE}">Moderation</a>'
    assert link in client.get(dashboard).content.decode()  # no case, no badge
    reported(comment)
    reported(area_comment)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(dashboard).content.decode()
    badge = '<span class="notification-badge">{} open</span>'
    assert f'<a href="{QUEUE}">Moderation {badge.format(2)}</a>' in page
    cases = [q["sql"] for q in queries if "community_moderationcase" in q["sql"]]
    assert len(cases) == 1 and "COUNT(" in cases[0]
    moderation.decide_hide(
        actor=secretariat, case=ModerationCase.objects.get(object_id=comment.pk), reason="Spam."
    )
    assert badge.format(1) in client.get(dashboard).content.decode()
