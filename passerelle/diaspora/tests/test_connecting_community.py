"""The connecting area with the community layer: reported messages and threads hidden pending
review and gone from every listing, notifications (never a message's text), the groups API, the
demo data."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community import services as community
from passerelle.community.choices import ModerationStatus
from passerelle.community.models import Notification
from passerelle.community.moderation.services import report_create
from passerelle.community.registry import content_type_of
from passerelle.core.demo import DemoContext

from .. import (
    demo_connecting,
    notification_types_connecting,  # noqa: F401  (the kinds registered)
    registrations_connecting,  # noqa: F401  (reportable and commentable)
)
from ..models import Block, Connection, Conversation, Group, Message, Thread
from ..selectors import connecting as selectors
from ..services import connecting as services
from .factories_connecting import connect, member, theme_group, thread

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def reports_to_hide(settings):
    def set_to(count: int) -> int:
        settings.COMMUNITY = {**settings.COMMUNITY, "REPORTS_TO_HIDE": count}
        return count

    return set_to


# --- reports ----------------------------------------------------------------------------------


def test_a_reported_message_is_hidden_pending_review(reports_to_hide):
    reports_to_hide(1)
    sender, recipient = member(), member()
    connect(sender, recipient)
    conversation = services.conversation_start(actor=sender, other=recipient, body="Buy my stuff")
    message = Message.objects.get()
    report_create(actor=recipient, content=message, reason="spam")
    message.refresh_from_db()
    assert message.moderation_status == ModerationStatus.PENDING_REVIEW
    assert "Buy my stuff" not in text(logged_in(recipient).get(conversation.get_absolute_url()))
    assert selectors.conversation_messages(recipient, conversation) == []
    own = text(logged_in(sender).get(conversation.get_absolute_url()))
    assert "Buy my stuff" in own and "Hidden by moderation" in own


def test_a_hidden_message_is_not_counted_unread(reports_to_hide):
    reports_to_hide(1)
    sender, recipient = member(), member()
    connect(sender, recipient)
    services.conversation_start(actor=sender, other=recipient, body="Buy my stuff")
    services.conversation_start(actor=sender, other=recipient, body="Second")
    assert selectors.unread_count(recipient) == 2 and selectors.unread_count(sender) == 0
    report_create(actor=recipient, content=Message.objects.earliest("pk"), reason="spam")
    assert selectors.inbox(recipient)[0].unread == 1
    assert selectors.unread_count(recipient) == 1


def test_messages_are_reported_with_the_community_form():
    sender, recipient, third = member(), member(), member()
    connect(sender, recipient)
    conversation = services.conversation_start(actor=sender, other=recipient, body="Rude words")
    message = Message.objects.get()
    address = reverse(
        "community:report",
        kwargs={"content_type_id": content_type_of(Message).pk, "object_id": message.pk},
    )
    assert address in text(logged_in(recipient).get(conversation.get_absolute_url()))
    assert logged_in(recipient).get(address).status_code == 200
    assert logged_in(third).get(address).status_code == 404
    response = logged_in(recipient).post(address, {"reason": "abuse", "details": ""})
    assert response.status_code == 302


def test_a_thread_reported_by_enough_people_disappears_from_listings(reports_to_hide):
    threshold = reports_to_hide(2)
    author = member()
    group = theme_group(author)
    opened = thread(author, group, title="Get rich quick")
    for _ in range(threshold):
        report_create(actor=member(), content=opened, reason="spam")
    opened.refresh_from_db()
    assert opened.moderation_status == ModerationStatus.PENDING_REVIEW
    visitor = member()
    assert "Get rich quick" not in text(logged_in(visitor).get(group.get_absolute_url()))
    assert logged_in(visitor).get(opened.get_absolute_url()).status_code == 404
    assert Client().get(opened.get_absolute_url()).status_code == 404
    listed = {g.slug: g for g in selectors.group_list()}
    assert listed[group.slug].thread_count == 0
    api = Client().get(reverse("api:diasporagroup-detail", kwargs={"slug": group.slug})).json()
    assert api["thread_count"] == 0
    own = text(logged_in(author).get(group.get_absolute_url()))
    assert "Get rich quick" in own and "Hidden by moderation" in own


def test_the_report_link_is_on_the_thread_page():
    author, reader = member(), member()
    opened = thread(author, theme_group(author))
    address = reverse(
        "community:report",
        kwargs={"content_type_id": content_type_of(Thread).pk, "object_id": opened.pk},
    )
    assert address in text(logged_in(reader).get(opened.get_absolute_url()))
    assert address not in text(logged_in(author).get(opened.get_absolute_url()))


# --- notifications ----------------------------------------------------------------------------


def kinds_of(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_request_and_its_acceptance_notify_the_other_person(django_capture_on_commit_callbacks):
    asker = member(name_visibility="private", display_name="Awa Private")
    addressee = member()
    with django_capture_on_commit_callbacks(execute=True):
        connection = services.connection_request(actor=asker, addressee=addressee)
    notification = Notification.objects.get(recipient=addressee)
    assert notification.kind == "diaspora_connection_request"
    assert notification.data["name"] == "Awa Private"  # asking reveals the name to the addressee
    with django_capture_on_commit_callbacks(execute=True):
        services.connection_accept(actor=addressee, connection=connection)
    assert kinds_of(asker) == ["diaspora_connection_accepted"]


def test_a_message_notifies_its_recipient_only_and_never_holds_its_text(
    django_capture_on_commit_callbacks,
):
    sender, recipient = member(), member()
    connect(sender, recipient)
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_start(actor=sender, other=recipient, body="Secret plans")
    notification = Notification.objects.get(kind="diaspora_direct_message")
    assert notification.recipient == recipient
    assert "Secret" not in str(notification.data)
    assert not Notification.objects.filter(recipient=sender, kind="diaspora_direct_message")


def test_a_reply_in_my_thread_notifies_me(django_capture_on_commit_callbacks):
    author, replier = member(), member()
    group = theme_group(author)
    services.group_join(actor=replier, group=group)
    opened = thread(author, group)
    with django_capture_on_commit_callbacks(execute=True):
        community.comment_create(actor=replier, target=opened, body="Here is my answer.")
    assert "diaspora_thread_reply" in kinds_of(author)
    assert "diaspora_thread_reply" not in kinds_of(replier)


# --- API --------------------------------------------------------------------------------------


def test_the_groups_api_lists_groups_with_counts():
    creator = member()
    group = theme_group(creator)
    thread(creator, group)
    response = Client().get(reverse("api:diasporagroup-list"))
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["slug"] == group.slug
    assert row["member_count"] == 1 and row["thread_count"] == 1
    assert "created_by" not in row and "memberships" not in row


def test_the_api_has_no_route_for_messages_or_connections():
    from passerelle.api.urls import router

    prefixes = {prefix for prefix, *_ in router.registry}
    assert not {p for p in prefixes if "message" in p or "connection" in p or "block" in p}


# --- demo -------------------------------------------------------------------------------------


def test_the_demo_is_complete_and_idempotent():
    context = DemoContext()
    demo_connecting.load(context)
    counts = [
        Connection.objects.count(),
        Block.objects.count(),
        Conversation.objects.count(),
        Message.objects.count(),
        Group.objects.count(),
        Thread.objects.count(),
    ]
    statuses = set(Connection.objects.values_list("status", flat=True))
    assert statuses == {"pending", "accepted", "declined"}
    assert counts[1] == 1 and counts[2] >= 4 and counts[4] >= 6
    assert Group.objects.filter(kind="origin", country__iso3="HTI").exists()
    assert Group.objects.filter(theme="Health professionals abroad").exists()
    assert all(2 <= group.threads.count() <= 3 for group in Group.objects.all())
    demo_connecting.load(DemoContext())
    assert counts == [
        Connection.objects.count(),
        Block.objects.count(),
        Conversation.objects.count(),
        Message.objects.count(),
        Group.objects.count(),
        Thread.objects.count(),
    ]


# --- the door ---------------------------------------------------------------------------------


def test_only_the_two_participants_find_a_message_anywhere(secretariat):
    sender, recipient, third = member(), member(), member()
    connect(sender, recipient)
    services.conversation_start(actor=sender, other=recipient, body="Between us")
    platform = UserFactory(is_superuser=True, is_moderator=True)
    for person in (sender, recipient):
        assert Message.objects.visible_to(person).count() == 1
        assert Conversation.objects.visible_to(person).count() == 1
    for person in (third, secretariat, platform):
        assert not Message.objects.visible_to(person).exists()
        assert not Conversation.objects.visible_to(person).exists()
        assert not Connection.objects.visible_to(person).exists()
        assert selectors.inbox(person) == []
    assert not Message.objects.visible_to(AnonymousUser()).exists()
