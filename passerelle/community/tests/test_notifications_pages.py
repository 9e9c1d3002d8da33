"""The notification pages and API: own notifications only, escaped, hidden content hidden, the
bell, preferences."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community.choices import ModerationStatus
from passerelle.community.models import Comment, Follow, Notification, NotificationPreference
from passerelle.core.models import AuditEntry

from .notification_helpers import XSS, ct_id, trusted

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_do_not_fail")]


# --- pages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/en/community/notifications/", "/en/community/notifications/preferences/"]
)
def test_pages_send_anonymous_visitors_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")


def test_the_list_shows_only_ones_own_notifications_escaped(client, area, post):
    author, replier, other = trusted(), trusted(name=f"Eve {XSS}"), trusted()
    root = post(author, area, "Q")
    post(replier, area, f"Answer {XSS}", parent=root)
    others = post(author, area, "Second")
    post(replier, area, "For other", parent=post(other, area, "Other's"))
    client.force_login(author)
    content = client.get("/en/community/notifications/").content.decode()
    assert "replied to your comment" in content
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert" in content
    assert "For other" not in content
    assert others  # the author's own comment notifies nobody
    foreign = Notification.objects.get(recipient=other)
    assert client.get(f"/en/community/notifications/{foreign.pk}/go/").status_code == 404


def test_following_a_notification_marks_it_read_and_goes_to_it_in_the_readers_language(
    client, area, post
):
    author, replier = trusted(), trusted()
    root = post(author, area, "Q")
    post(replier, area, "A", parent=root)
    notification = Notification.objects.get(recipient=author)
    client.force_login(author)
    response = client.get(f"/fr/community/notifications/{notification.pk}/go/")
    assert response.status_code == 302
    assert response["Location"] == f"/fr/community/comments/{notification.object_id}/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_hidden_content_is_hidden_in_the_list_too(client, area, post):
    author, replier = trusted(), trusted()
    root = post(author, area, "Q")
    reply = post(replier, area, "Something reported", parent=root)
    Comment.objects.filter(pk=reply.pk).update(moderation_status=ModerationStatus.HIDDEN)
    client.force_login(author)
    content = client.get("/en/community/notifications/").content.decode()
    assert "Something reported" not in content
    assert "removed or hidden" in content
    notification = Notification.objects.get(recipient=author)
    response = client.get(f"/en/community/notifications/{notification.pk}/go/")
    assert response["Location"] == "/en/community/notifications/"


def test_the_list_costs_the_same_queries_however_many_notifications(
    client, area, post, django_assert_max_num_queries
):
    reader = trusted()
    Follow.objects.create(user=reader, content_type_id=ct_id(area), object_id=str(area.pk))
    author = trusted()
    for n in range(3):
        post(author, area, f"Comment {n}")
    client.force_login(reader)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/en/community/notifications/").status_code == 200
    for n in range(3, 30):
        post(author, area, f"Comment {n}")
    with django_assert_max_num_queries(len(few)):
        response = client.get("/en/community/notifications/")
    assert response.content.decode().count("commented on") == 25  # one page


def test_the_bell_counts_unread_and_mark_all_read_clears_it(client, area, post):
    author, replier = trusted(), trusted()
    root = post(author, area, "Q")
    post(replier, area, "A1", parent=root)
    post(replier, area, "A2", parent=root)
    client.force_login(author)
    bell = client.get("/en/community/notifications/bell/").content.decode()
    assert "2 unread" in bell and 'hx-trigger="every 30s"' in bell
    home = client.get("/en/").content.decode()
    assert 'id="notification-bell"' in home and "2 unread" in home
    response = client.post("/en/community/notifications/read-all/")
    assert response.status_code == 302
    assert "unread" not in client.get("/en/community/notifications/bell/").content.decode()


def test_the_bell_stops_polling_for_a_visitor_whose_session_ended(client):
    response = client.get("/en/community/notifications/bell/")
    assert response.status_code == 286 and response.content == b""


def test_the_preferences_page_saves_through_the_service(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/en/community/notifications/preferences/").content.decode()
    assert "Replies to my comments" in page and '<th scope="row">' in page
    form = {"comment_reply": "weekly", "mention": "immediate", "followed_activity": "off"}
    form |= {"moderation_outcome": "immediate", "moderation_queue": "daily"}
    form |= {"assessment_assignment": "immediate", "request_review": "immediate"}
    form |= {"match_proposed": "daily", "match_introduced": "immediate", "match_decided": "off"}
    response = client.post("/en/community/notifications/preferences/", form)
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=user, kind="comment_reply").email == "weekly"
    assert AuditEntry.objects.filter(action="community.preferences.changed").exists()
    bad = client.post("/en/community/notifications/preferences/", form | {"mention": "hourly"})
    assert bad.status_code == 400


def test_the_preferences_page_offers_the_moderation_queue_to_moderators_only(
    client, owner, secretariat
):
    for user, offered in ((UserFactory(), False), (owner, True), (secretariat, True)):
        client.force_login(user)
        page = client.get("/en/community/notifications/preferences/").content.decode()
        assert 'name="mention"' in page
        assert ('name="moderation_queue"' in page) is offered


# --- API ----------------------------------------------------------------------------------------


def test_the_api_lists_and_marks_only_ones_own_notifications(client, area, post):
    author, replier, other = trusted(), trusted(), trusted()
    root = post(author, area, "Q")
    post(replier, area, "A", parent=root)
    post(replier, area, "B", parent=post(other, area, "Other's"))
    mine = Notification.objects.get(recipient=author)
    theirs = Notification.objects.get(recipient=other)
    assert client.get("/api/v1/notifications/").status_code == 401
    client.force_login(author)
    body = client.get("/api/v1/notifications/").json()
    assert [row["id"] for row in body["results"]] == [mine.pk]
    row = body["results"][0]
    assert row["read"] is False and row["available"] is True
    assert row["message"].endswith(f"replied to your comment on “{area}”")
    assert client.get(f"/api/v1/notifications/{theirs.pk}/").status_code == 404
    assert client.post(f"/api/v1/notifications/{theirs.pk}/mark_read/").status_code == 404
    response = client.post(f"/api/v1/notifications/{mine.pk}/mark_read/")
    assert response.status_code == 200 and response.json()["read"] is True
    assert client.get("/api/v1/notifications/?unread=true").json()["results"] == []
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.post("/api/v1/notifications/mark_all_read/").json() == {"marked": 0}


def test_the_api_reads_and_changes_ones_preferences(client):
    user = UserFactory()
    client.force_login(user)
    preferences = client.get("/api/v1/notifications/preferences/").json()
    assert preferences["comment_reply"] == "immediate"
    response = client.put(
        "/api/v1/notifications/preferences/",
        {"mention": "weekly"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["mention"] == "weekly"
    bad = client.put(
        "/api/v1/notifications/preferences/",
        {"moderation_outcome": "off"},
        content_type="application/json",
    )
    assert bad.status_code == 400


def test_the_api_offers_the_moderation_queue_preference_to_moderators_only(client, secretariat):
    member = UserFactory()
    client.force_login(member)
    assert "moderation_queue" not in client.get("/api/v1/notifications/preferences/").json()
    response = client.put(
        "/api/v1/notifications/preferences/",
        {"moderation_queue": "off"},
        content_type="application/json",
    )
    assert response.status_code == 200 and "moderation_queue" not in response.json()
    assert not NotificationPreference.objects.filter(user=member).exists()
    client.force_login(secretariat)
    assert "moderation_queue" in client.get("/api/v1/notifications/preferences/").json()
