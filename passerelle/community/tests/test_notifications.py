"""Notifications: derived from audit entries, own-only, in the recipient's language, e-mailed
immediately or in digests, with signed unsubscribe links; hidden content stays hidden."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community import moderation, notifications, services
from passerelle.community.choices import EmailStatus, ModerationStatus
from passerelle.community.models import (
    Comment,
    DispatchCursor,
    Follow,
    Notification,
    NotificationPreference,
)
from passerelle.community.notifications.dispatch import CURSOR
from passerelle.core.models import AuditEntry, TaskFailure
from passerelle.taxonomy.models import CapacityArea
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def _tasks_do_not_fail():
    # The immediate backend records a failing task instead of raising: make failures visible.
    yield
    failures = list(TaskFailure.objects.values_list("task_path", "message"))
    assert not failures, failures


@pytest.fixture
def area():
    return CapacityArea.objects.get(code="BORD")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what services defer to after the commit (dispatch, e-mails), as in production."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def trusted(name="Ama Mensah", language="en"):
    """A user past the new-account limits (a member of an organisation)."""
    membership = MembershipFactory(
        role="viewer", user__full_name=name, user__preferred_language=language
    )
    return membership.user


@pytest.fixture
def post(run_on_commit):
    def post(author, target, body="A remark.", **kwargs):
        return run_on_commit(
            services.comment_create, actor=author, target=target, body=body, **kwargs
        )

    return post


def kinds_of(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def prefer(user, kind, email):
    NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": email})


# --- dispatch -----------------------------------------------------------------------------------


def test_a_reply_notifies_the_parent_author_and_never_the_actor(area, post):
    author, replier = trusted(), trusted(name="Rui Costa")
    root = post(author, area, "Question?")
    post(replier, area, "Answer.", parent=root)
    assert kinds_of(author) == ["comment_reply"]
    assert kinds_of(replier) == []
    notification = Notification.objects.get(recipient=author)
    assert notification.target == Comment.objects.get(body="Answer.")
    assert notification.actor == replier
    assert notification.data == {
        "actor": "Rui Costa",
        "target": str(area),
        "excerpt": "Answer.",
        "url": f"/community/comments/{notification.object_id}/",
    }


def test_mentions_reach_people_and_the_admins_and_editors_of_organisations(area, post):
    author, person = trusted(), UserFactory()
    organisation = OrganisationFactory(slug="iom-demo", name="IOM")
    admin = MembershipFactory(organisation=organisation, role="admin").user
    editor = MembershipFactory(organisation=organisation, role="editor").user
    viewer = MembershipFactory(organisation=organisation, role="viewer").user
    post(author, area, f"Thanks @{person.handle} and @iom-demo.")
    assert kinds_of(person) == kinds_of(admin) == kinds_of(editor) == ["mention"]
    assert kinds_of(viewer) == []
    assert notifications.message_for(Notification.objects.get(recipient=admin)) == (
        f"Ama Mensah mentioned IOM in a comment on “{area}”"
    )


def test_a_mention_added_by_an_edit_notifies_only_the_newly_mentioned(area, post, run_on_commit):
    author, first, second = trusted(), UserFactory(), UserFactory()
    posted = post(author, area, f"Hello @{first.handle}")
    run_on_commit(
        services.comment_edit,
        actor=author,
        comment=posted,
        body=f"Hello @{first.handle} and @{second.handle}",
    )
    assert kinds_of(first) == ["mention"]
    assert kinds_of(second) == ["mention"]


def test_followers_of_the_object_and_of_the_author_hear_once(area, post, run_on_commit):
    author, of_area, of_author, mentioned = trusted(), UserFactory(), UserFactory(), UserFactory()
    run_on_commit(services.follow, actor=of_area, target=area)
    run_on_commit(services.follow, actor=of_author, target=author)
    run_on_commit(services.follow, actor=mentioned, target=area)
    run_on_commit(services.follow, actor=author, target=area)
    post(author, area, f"News, @{mentioned.handle}.")
    assert kinds_of(of_area) == kinds_of(of_author) == ["followed_activity"]
    assert kinds_of(mentioned) == ["mention"]  # not also as a follower
    assert kinds_of(author) == []


def test_nobody_is_notified_of_what_they_cannot_see(organisation, owner, post):
    """A members-only discussion: a follower and a mentioned person outside the organisation get
    nothing; a member does."""
    note = Note.objects.create(owner=organisation, visibility="public", text="Plan")
    outsider, member = UserFactory(), MembershipFactory(organisation=organisation).user
    for user in (outsider, member):
        Follow.objects.create(user=user, content_type_id=_ct(note), object_id=str(note.pk))
    post(owner, note, f"Internal, @{outsider.handle} @{member.handle}")
    assert kinds_of(outsider) == []
    assert kinds_of(member) == ["mention"]


def test_inactive_users_are_not_notified(area, post):
    author, gone = trusted(), trusted()
    root = post(gone, area, "Old comment")
    gone.is_active = False
    gone.save()
    post(author, area, "Reply", parent=root)
    assert kinds_of(gone) == []


def test_dispatching_twice_creates_and_mails_nothing_more(area, post):
    author, replier = trusted(), trusted()
    root = post(author, area, "Q")
    post(replier, area, "A", parent=root)
    assert len(mail.outbox) == 1  # replies are e-mailed immediately by default
    entry = AuditEntry.objects.filter(action="community.comment.created").latest("pk")
    notifications.dispatch(entry)
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_catchup_dispatches_what_the_queue_lost_and_moves_its_cursor(
    area, django_capture_on_commit_callbacks
):
    author, replier = trusted(), trusted()
    with django_capture_on_commit_callbacks(execute=False):  # the queue lost the tasks
        root = services.comment_create(actor=author, target=area, body="Q")
        services.comment_create(actor=replier, target=area, body="A", parent=root)
    assert not Notification.objects.exists()
    assert notifications.catchup(settle_seconds=3600) == 0  # too young: maybe not committed
    assert notifications.catchup(settle_seconds=0, batch_size=1) == 2
    assert kinds_of(author) == ["comment_reply"]
    last = AuditEntry.objects.filter(action="community.comment.created").latest("pk")
    assert DispatchCursor.objects.get(name=CURSOR).last_entry_id == last.pk
    assert notifications.catchup(settle_seconds=0) == 0
    assert Notification.objects.count() == 1


# --- e-mail preferences and immediate e-mails --------------------------------------------------


def test_preferences_decide_how_each_kind_is_emailed(area, post):
    author, other = trusted(), trusted()
    prefer(author, "comment_reply", "weekly")
    prefer(author, "mention", "off")
    root = post(author, area, "Q")
    post(other, area, f"A for @{author.handle}", parent=root)
    statuses = dict(
        Notification.objects.filter(recipient=author).values_list("kind", "email_status")
    )
    assert statuses == {"comment_reply": EmailStatus.WEEKLY, "mention": EmailStatus.NONE}
    assert mail.outbox == []


def test_an_immediate_email_is_in_the_recipients_language_with_one_click_unsubscribe(area, post):
    author, replier = trusted(language="fr"), trusted(name=f"Eve {XSS}")
    root = post(author, area, "Q")
    post(replier, area, f"Answer {XSS}", parent=root)
    [message] = mail.outbox
    assert message.to == [author.email]
    assert message.extra_headers["Content-Language"] == "fr"
    with translation.override("fr"):  # French once the catalogue has the line
        line = gettext("%(actor)s replied to your comment on “%(target)s”")
    assert message.subject == line % {"actor": f"Eve {XSS}", "target": str(area)}
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/fr/community/notifications/unsubscribe/" in unsubscribe
    assert "/fr/community/comments/" in message.body
    html = message.alternatives[0][0]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert Notification.objects.get(recipient=author).email_status == EmailStatus.SENT


def test_preferences_service_audits_and_reroutes_waiting_notifications(area, post):
    author, other = trusted(), trusted()
    prefer(author, "comment_reply", "daily")
    root = post(author, area, "Q")
    post(other, area, "A", parent=root)
    changed = notifications.notification_preferences_update(
        actor=author, user=author, preferences={"comment_reply": "weekly", "mention": "immediate"}
    )
    assert changed == {"comment_reply": "weekly"}
    assert Notification.objects.get(recipient=author).email_status == EmailStatus.WEEKLY
    entry = AuditEntry.objects.get(action="community.preferences.changed")
    assert entry.data == {"email": {"comment_reply": "weekly"}}
    notifications.notification_preferences_update(
        actor=author, user=author, preferences={"comment_reply": "off"}
    )
    assert Notification.objects.get(recipient=author).email_status == EmailStatus.DROPPED


def test_nobody_changes_someone_elses_preferences_or_switches_off_mandatory_kinds(area):
    user, other = UserFactory(), UserFactory()
    with pytest.raises(PermissionDenied):
        notifications.notification_preferences_update(
            actor=other, user=user, preferences={"mention": "off"}
        )
    with pytest.raises(ValidationError):
        notifications.notification_preferences_update(
            actor=user, user=user, preferences={"moderation_outcome": "off"}
        )
    with pytest.raises(ValidationError):
        notifications.notification_preferences_update(
            actor=user, user=user, preferences={"mention": "hourly"}
        )


# --- digests ------------------------------------------------------------------------------------


def _digest_world(area, post, readers=2):
    """`readers` users who follow the area and get their followed activity in the daily digest,
    and three comments on it."""
    users = [UserFactory() for _ in range(readers)]
    for user in users:
        Follow.objects.create(user=user, content_type_id=_ct(area), object_id=str(area.pk))
    author = trusted()
    comments = [post(author, area, f"Comment number {n}") for n in range(3)]
    return users, comments


def test_a_digest_groups_each_users_notifications_in_one_email(area, post):
    users, _comments = _digest_world(area, post)
    assert notifications.send_digests("daily") == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    for message in mail.outbox:
        assert message.body.count("commented on") == 3
        assert "Comment number 2" in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(Notification.objects.values_list("email_status", flat=True)) == {EmailStatus.SENT}


def test_a_digest_is_sent_once(area, post):
    _digest_world(area, post)
    notifications.send_digests("daily")
    notifications.send_digests("daily")
    assert notifications.send_digests("weekly") == 0
    assert len(mail.outbox) == 2


def test_a_digest_leaves_out_hidden_and_no_longer_visible_content(area, post, organisation, owner):
    users, comments = _digest_world(area, post, readers=1)
    Comment.objects.filter(pk=comments[0].pk).update(
        moderation_status=ModerationStatus.PENDING_REVIEW
    )
    note = Note.objects.create(owner=organisation, visibility="public", text="Plan")
    member = MembershipFactory(organisation=organisation).user
    Follow.objects.create(user=member, content_type_id=_ct(note), object_id=str(note.pk))
    post(owner, note, "Members only")
    member.memberships.all().delete()  # left the organisation before the digest
    notifications.send_digests("daily")
    [message] = mail.outbox
    assert message.to == [users[0].email]
    assert "Comment number 0" not in message.body and "Comment number 0" not in str(
        message.alternatives
    )
    assert "Comment number 1" in message.body
    dropped = Notification.objects.filter(email_status=EmailStatus.DROPPED)
    assert {(n.recipient_id, n.object_id) for n in dropped} == {
        (users[0].pk, str(comments[0].pk)),
        (member.pk, Notification.objects.get(recipient=member).object_id),
    }


def test_content_hidden_by_three_reports_is_left_out_of_digests_and_the_list(
    client, area, post, run_on_commit
):
    [reader], comments = _digest_world(area, post, readers=1)
    for _ in range(3):
        run_on_commit(
            moderation.report_create, actor=trusted(), content=comments[1], reason="abuse"
        )
    assert Comment.objects.get(pk=comments[1].pk).is_hidden
    client.force_login(reader)
    page = client.get("/en/community/notifications/").content.decode()
    assert "Comment number 1" not in page and "Comment number 2" in page
    notifications.send_digests("daily")
    [message] = [m for m in mail.outbox if m.to == [reader.email]]
    assert "Comment number 1" not in message.body + message.alternatives[0][0]
    assert "Comment number 0" in message.body and "Comment number 2" in message.body


def test_a_digest_batch_costs_the_same_queries_for_more_users(area, post, settings):
    settings.COMMUNITY = {**settings.COMMUNITY, "DIGEST_BATCH_SIZE": 100}
    _digest_world(area, post, readers=2)
    with CaptureQueriesContext(connection) as few:
        notifications.send_digests("daily")
    mail.outbox.clear()
    _digest_world(area, post, readers=12)
    with CaptureQueriesContext(connection) as many:
        notifications.send_digests("daily")
    assert len(mail.outbox) == 14  # the first two readers follow the area too
    assert len(many) == len(few)


def test_digests_fan_out_in_batches(area, post, settings):
    settings.COMMUNITY = {**settings.COMMUNITY, "DIGEST_BATCH_SIZE": 2}
    _digest_world(area, post, readers=5)
    assert notifications.send_digests("daily") == 3
    assert len(mail.outbox) == 5


def test_the_send_digests_command(area, post):
    _digest_world(area, post, readers=1)
    call_command("send_digests", "--frequency", "daily")
    assert len(mail.outbox) == 1


# --- unsubscribe links --------------------------------------------------------------------------


def _unsubscribe_url(user, kind, language="en"):
    token = notifications.unsubscribe_token(user, kind)
    return f"/{language}/community/notifications/unsubscribe/{token}/"


def test_an_unsubscribe_link_asks_then_switches_off_that_kind(client):
    user = UserFactory(email="maria@example.org")
    url = _unsubscribe_url(user, "mention")
    page = client.get(url)
    assert page.status_code == 200 and "ma…@example.org" in page.content.decode()
    assert not NotificationPreference.objects.exists()  # a GET (link scanners) changes nothing
    assert client.post(url).status_code == 200
    assert NotificationPreference.objects.get(user=user, kind="mention").email == "off"
    assert client.post(url).status_code == 200  # twice is harmless
    assert AuditEntry.objects.filter(action="community.preferences.changed").count() == 1


def test_one_click_unsubscribe_works_without_a_csrf_token():
    user = UserFactory()
    response = Client(enforce_csrf_checks=True).post(
        _unsubscribe_url(user, "followed_activity"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=user).email == "off"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_or_forged_token_is_refused(client, method):
    user, victim = UserFactory(), UserFactory()
    token = notifications.unsubscribe_token(user, "mention")
    _payload, signature = token.rsplit(":", 1)
    forged_payload = signing.dumps({"u": victim.pk, "k": ["mention"]}, salt="other-salt")
    for bad in (
        token[:-2] + ("AA" if token[-2:] != "AA" else "BB"),
        forged_payload,
        signing.dumps({"u": victim.pk, "k": ["mention"]}).rsplit(":", 1)[0] + ":" + signature,
        "not-a-token",
    ):
        response = getattr(client, method)(f"/en/community/notifications/unsubscribe/{bad}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert not NotificationPreference.objects.exists()


def test_a_token_changes_only_the_user_inside_it(client):
    owner_of_token, signed_in = UserFactory(), UserFactory()
    client.force_login(signed_in)
    client.post(_unsubscribe_url(owner_of_token, "mention"))
    assert NotificationPreference.objects.get().user == owner_of_token
    assert not NotificationPreference.objects.filter(user=signed_in).exists()


def test_mandatory_kinds_have_no_unsubscribe_link(client):
    user = UserFactory()
    response = client.post(_unsubscribe_url(user, "moderation_outcome"))
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


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
    Follow.objects.create(user=reader, content_type_id=_ct(area), object_id=str(area.pk))
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
    response = client.post("/en/community/notifications/preferences/", form)
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=user, kind="comment_reply").email == "weekly"
    assert AuditEntry.objects.filter(action="community.preferences.changed").exists()
    bad = client.post("/en/community/notifications/preferences/", form | {"mention": "hourly"})
    assert bad.status_code == 400


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


def _ct(obj) -> int:
    return ContentType.objects.get_for_model(obj).pk
