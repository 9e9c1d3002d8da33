"""The connecting area's services: connections, blocks, direct messages, groups and threads —
the happy paths, the refusals with a clear message, and nothing half-written."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.models import AuditEntry

from ..choices import ConnectionStatus, GroupRole
from ..models import Block, Connection, Conversation, GroupMembership, Message, Thread
from ..services import connecting as services
from .factories_connecting import connect, member, origin_group, theme_group, thread

pytestmark = pytest.mark.django_db


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))


# --- connections ------------------------------------------------------------------------------


def test_a_request_is_pending_then_accepted():
    asker, addressee = member(), member()
    connection = services.connection_request(actor=asker, addressee=addressee, message="Hello")
    assert connection.status == ConnectionStatus.PENDING
    assert connection.pair == Connection.pair_of(asker.pk, addressee.pk)
    services.connection_accept(actor=addressee, connection=connection)
    connection.refresh_from_db()
    assert connection.status == ConnectionStatus.ACCEPTED and connection.answered_at
    assert actions() == ["diaspora.connection.requested", "diaspora.connection.accepted"]


def test_asking_again_while_pending_does_nothing():
    asker, addressee = member(), member()
    first = services.connection_request(actor=asker, addressee=addressee)
    again = services.connection_request(actor=asker, addressee=addressee)
    assert again.pk == first.pk and Connection.objects.count() == 1
    assert actions() == ["diaspora.connection.requested"]


def test_asking_someone_who_asked_you_accepts_their_request():
    asker, addressee = member(), member()
    services.connection_request(actor=asker, addressee=addressee)
    connection = services.connection_request(actor=addressee, addressee=asker)
    assert connection.status == ConnectionStatus.ACCEPTED
    assert connection.requester == asker
    assert Connection.objects.count() == 1


def test_a_declined_request_cannot_be_repeated_for_30_days():
    asker, addressee = member(), member()
    connection = services.connection_request(actor=asker, addressee=addressee)
    services.connection_decline(actor=addressee, connection=connection)
    with pytest.raises(ValidationError, match="30 days"):
        services.connection_request(actor=asker, addressee=addressee)
    Connection.objects.filter(pk=connection.pk).update(
        answered_at=timezone.now() - timedelta(days=31)
    )
    again = services.connection_request(actor=asker, addressee=addressee)
    assert again.pk == connection.pk and again.status == ConnectionStatus.PENDING


def test_the_person_who_declined_may_ask_later():
    asker, addressee = member(), member()
    connection = services.connection_request(actor=asker, addressee=addressee)
    services.connection_decline(actor=addressee, connection=connection)
    again = services.connection_request(actor=addressee, addressee=asker)
    assert again.status == ConnectionStatus.PENDING and again.requester == addressee


def test_only_the_addressee_answers_and_only_once():
    asker, addressee, stranger = member(), member(), member()
    connection = services.connection_request(actor=asker, addressee=addressee)
    for person in (asker, stranger):
        with pytest.raises(PermissionDenied):
            services.connection_accept(actor=person, connection=connection)
    services.connection_decline(actor=addressee, connection=connection)
    with pytest.raises(ValidationError, match="already been answered"):
        services.connection_accept(actor=addressee, connection=connection)


def test_either_party_removes_a_connection_a_stranger_cannot():
    first, second, stranger = member(), member(), member()
    connection = connect(first, second)
    with pytest.raises(PermissionDenied):
        services.connection_remove(actor=stranger, connection=connection)
    services.connection_remove(actor=second, connection=connection)
    assert not Connection.objects.exists()
    assert actions()[-1] == "diaspora.connection.removed"


@pytest.mark.parametrize("case", ["no_profile", "anonymous", "self", "hidden", "addressee_gone"])
def test_bad_connection_requests_are_refused_and_nothing_written(case):
    asker, addressee = member(), member()
    if case == "no_profile":
        asker = UserFactory()
    elif case == "anonymous":
        asker = AnonymousUser()
    elif case == "self":
        addressee = asker
    elif case == "hidden":
        addressee = member(name_visibility="private")
    elif case == "addressee_gone":
        addressee = UserFactory()
    error = PermissionDenied if case in ("no_profile", "anonymous") else ValidationError
    with pytest.raises(error):
        services.connection_request(actor=asker, addressee=addressee)
    assert not Connection.objects.exists() and not AuditEntry.objects.exists()


def test_a_request_message_is_at_most_500_characters():
    with pytest.raises(ValidationError) as error:
        services.connection_request(actor=member(), addressee=member(), message="x" * 501)
    assert "message" in error.value.message_dict
    assert not Connection.objects.exists()


def test_a_members_only_name_is_found_by_members():
    asker, addressee = member(), member(name_visibility="members")
    assert services.connection_request(actor=asker, addressee=addressee).pk


# --- blocks -----------------------------------------------------------------------------------


def test_blocking_removes_the_connection_and_is_idempotent():
    first, second = member(), member()
    connect(first, second)
    block = services.block(actor=first, blocked=second)
    assert services.block(actor=first, blocked=second).pk == block.pk
    assert not Connection.objects.exists()
    assert actions().count("diaspora.block.created") == 1
    services.unblock(actor=first, blocked=second)
    services.unblock(actor=first, blocked=second)
    assert not Block.objects.exists()
    assert actions().count("diaspora.block.removed") == 1


def test_one_cannot_block_oneself():
    person = member()
    with pytest.raises(ValidationError):
        services.block(actor=person, blocked=person)


@pytest.mark.parametrize("blocker_is_asker", [True, False])
def test_blocked_people_cannot_connect_in_either_direction(blocker_is_asker):
    asker, addressee = member(), member()
    blocker, blocked = (asker, addressee) if blocker_is_asker else (addressee, asker)
    services.block(actor=blocker, blocked=blocked)
    with pytest.raises(ValidationError, match="blocked"):
        services.connection_request(actor=asker, addressee=addressee)
    assert not Connection.objects.exists()


def test_a_pending_request_cannot_be_accepted_after_a_block():
    asker, addressee = member(), member()
    connection = services.connection_request(actor=asker, addressee=addressee)
    services.block(actor=asker, blocked=addressee)
    assert not Connection.objects.filter(pk=connection.pk).exists()


# --- direct messages --------------------------------------------------------------------------


def test_connected_members_exchange_messages():
    first, second = member(), member()
    connect(first, second)
    conversation = services.conversation_start(actor=first, other=second, body="Hello!")
    assert (conversation.first_id, conversation.second_id) == tuple(sorted((first.pk, second.pk)))
    again = services.conversation_start(actor=second, other=first, body="Hi back")
    assert again.pk == conversation.pk and Conversation.objects.count() == 1
    message = services.message_send(actor=first, conversation=conversation, body="  How are you? ")
    assert message.body == "How are you?"
    conversation.refresh_from_db()
    assert conversation.last_message_at == message.created
    assert services.conversation_mark_read(actor=second, conversation=conversation) == 2
    assert services.conversation_mark_read(actor=second, conversation=conversation) == 0


def test_the_audit_of_a_message_never_holds_its_text():
    first, second = member(), member()
    connect(first, second)
    services.conversation_start(actor=first, other=second, body="A secret plan")
    entry = AuditEntry.objects.get(action="diaspora.message.sent")
    assert "secret" not in str(entry.data) and "secret" not in entry.object_repr


def test_messages_only_between_connected_members():
    first, second = member(), member()
    with pytest.raises(ValidationError, match="connected"):
        services.conversation_start(actor=first, other=second, body="Hello")
    services.connection_request(actor=first, addressee=second)
    with pytest.raises(ValidationError, match="connected"):
        services.conversation_start(actor=first, other=second, body="Hello")
    assert not Conversation.objects.exists() and not Message.objects.exists()


@pytest.mark.parametrize("sender_blocks", [True, False])
def test_blocked_people_cannot_message_in_either_direction(sender_blocks):
    sender, recipient = member(), member()
    connect(sender, recipient)
    conversation = services.conversation_start(actor=sender, other=recipient, body="Hello")
    blocker, blocked = (sender, recipient) if sender_blocks else (recipient, sender)
    services.block(actor=blocker, blocked=blocked)
    with pytest.raises(ValidationError, match="blocked"):
        services.message_send(actor=sender, conversation=conversation, body="Still there?")
    with pytest.raises(ValidationError, match="blocked"):
        services.conversation_start(actor=sender, other=recipient, body="Hello again")
    assert Message.objects.count() == 1


def test_new_accounts_cannot_send_direct_messages(settings):
    settings.COMMUNITY = {**settings.COMMUNITY, "NEW_ACCOUNT_DIRECT_MESSAGES": False}
    newcomer, trusted = member(trusted=False), member()
    connect(newcomer, trusted)
    with pytest.raises(ValidationError, match="New accounts"):
        services.conversation_start(actor=newcomer, other=trusted, body="Hello")
    assert not Conversation.objects.exists()
    settings.COMMUNITY = {**settings.COMMUNITY, "NEW_ACCOUNT_DIRECT_MESSAGES": True}
    assert services.conversation_start(actor=newcomer, other=trusted, body="Hello").pk


def test_a_third_person_cannot_write_in_a_conversation():
    first, second, third = member(), member(), member()
    connect(first, second)
    conversation = services.conversation_start(actor=first, other=second, body="Hello")
    with pytest.raises(PermissionDenied):
        services.message_send(actor=third, conversation=conversation, body="Hi")
    with pytest.raises(PermissionDenied):
        services.conversation_mark_read(actor=third, conversation=conversation)


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_a_message_is_1_to_5000_characters(body):
    first, second = member(), member()
    connect(first, second)
    with pytest.raises(ValidationError) as error:
        services.conversation_start(actor=first, other=second, body=body)
    assert "body" in error.value.message_dict
    assert not Conversation.objects.exists()


# --- groups and threads -----------------------------------------------------------------------


def test_the_creator_of_a_group_moderates_it():
    creator = member()
    group = origin_group(creator)
    assert group.slug == "senegalese-in-europe"
    assert GroupMembership.objects.get(group=group).role == GroupRole.MODERATOR
    assert origin_group(creator).slug == "senegalese-in-europe-2"
    assert "diaspora.group.created" in actions()


@pytest.mark.parametrize(
    ("kind", "field"), [("origin", "country"), ("theme", "theme"), ("nonsense", "kind")]
)
def test_a_group_needs_its_country_or_theme(kind, field):
    with pytest.raises(ValidationError) as error:
        services.group_create(
            actor=member(), name="A group", kind=kind, description="About", language="en"
        )
    assert field in error.value.message_dict


def test_only_members_create_groups():
    with pytest.raises(PermissionDenied):
        theme_group(UserFactory())


def test_join_and_leave_but_the_last_moderator_stays():
    creator, joiner = member(), member()
    group = theme_group(creator)
    services.group_join(actor=joiner, group=group)
    services.group_join(actor=joiner, group=group)
    assert group.memberships.count() == 2
    with pytest.raises(ValidationError, match="only moderator"):
        services.group_leave(actor=creator, group=group)
    services.group_leave(actor=joiner, group=group)
    assert list(group.memberships.values_list("user", flat=True)) == [creator.pk]


def test_threads_are_written_by_group_members_only():
    creator, outsider = member(), member()
    group = theme_group(creator)
    with pytest.raises(PermissionDenied):
        thread(outsider, group)
    created = thread(creator, group)
    assert created.group == group and actions()[-1] == "diaspora.thread.created"


def test_a_thread_needs_a_title_and_a_body():
    creator = member()
    group = theme_group(creator)
    with pytest.raises(ValidationError) as error:
        services.thread_create(actor=creator, group=group, title="", body="")
    assert {"title", "body"} <= set(error.value.message_dict)
    assert not Thread.objects.exists()


def test_new_accounts_post_few_links_in_a_thread():
    creator = member(trusted=False)
    group = theme_group(creator)
    with pytest.raises(ValidationError, match="link"):
        thread(creator, group, body="See https://a.example and https://b.example and more")
