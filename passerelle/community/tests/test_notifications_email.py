"""Notification e-mails: preferences, immediate e-mails in the recipient's language, digests
(hidden content left out, batched), and signed one-click unsubscribe links."""

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.community import moderation, notifications
from passerelle.community.choices import EmailStatus, ModerationStatus
from passerelle.community.models import Comment, Follow, Notification, NotificationPreference
from passerelle.core.models import AuditEntry
from tests.testapp.models import Note

from .notification_helpers import XSS, ct_id, prefer, trusted

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_do_not_fail")]


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


def test_the_moderation_queue_is_offered_to_moderators_only(organisation, owner, secretariat):
    """Platform moderators and a space's moderators (here the administrator of an organisation,
    whose page has a discussion) may set how the queue is e-mailed; nobody else is offered it."""

    def offered(user):
        return {row.kind.kind for row in notifications.email_preferences(user=user)}

    member = UserFactory()
    assert "mention" in offered(member) and "moderation_queue" not in offered(member)
    assert "moderation_queue" in offered(owner)
    assert "moderation_queue" in offered(secretariat)
    with pytest.raises(ValidationError):
        notifications.notification_preferences_update(
            actor=member, user=member, preferences={"moderation_queue": "off"}
        )
    assert not NotificationPreference.objects.exists()


# --- digests ------------------------------------------------------------------------------------


def _digest_world(area, post, readers=2):
    """`readers` users who follow the area and get their followed activity in the daily digest,
    and three comments on it."""
    users = [UserFactory() for _ in range(readers)]
    for user in users:
        Follow.objects.create(user=user, content_type_id=ct_id(area), object_id=str(area.pk))
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
    Follow.objects.create(user=member, content_type_id=ct_id(note), object_id=str(note.pk))
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


def test_an_unsubscribe_link_works_for_a_kind_no_longer_offered(client):
    former_moderator = UserFactory()  # the queue was mailed to them while they moderated
    assert client.post(_unsubscribe_url(former_moderator, "moderation_queue")).status_code == 200
    assert NotificationPreference.objects.get(user=former_moderator).kind == "moderation_queue"


def test_mandatory_kinds_have_no_unsubscribe_link(client):
    user = UserFactory()
    response = client.post(_unsubscribe_url(user, "moderation_outcome"))
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()
