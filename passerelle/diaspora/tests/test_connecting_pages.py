"""The connecting area's pages per role: connections, blocks, messages (only the two
participants), groups and threads; bad input answered with a 4xx and a message; query budgets."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection as db_connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community import services as community

from .. import registrations_connecting, sections_connecting  # noqa: F401  (registered)
from ..choices import ConnectionStatus
from ..models import Block, Connection, Conversation, Group, Message, Thread
from ..sections_connecting import member_actions_context
from ..services import connecting as services
from .factories_connecting import connect, member, origin_group, theme_group, thread

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"


def url(name, **kwargs) -> str:
    return reverse(f"diaspora:{name}", kwargs=kwargs)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return response.content.decode()


# --- connections ------------------------------------------------------------------------------


def test_connections_need_signing_in():
    response = Client().get(url("connections"))
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_my_connections_page_lists_received_sent_and_connected():
    me, asker, asked, friend = member(), member(), member(), member()
    services.connection_request(actor=asker, addressee=me, message="Let us talk")
    services.connection_request(actor=me, addressee=asked)
    connect(me, friend)
    page = text(logged_in(me).get(url("connections")))
    for person in (asker, asked, friend):
        assert person.diaspora_profile.display_name in page
    assert "Let us talk" in page
    assert url("conversation_start", user_pk=friend.pk) in page


def test_the_asker_is_named_to_the_addressee_even_with_a_private_name():
    asker, addressee = member(name_visibility="private"), member()
    # The asker found the addressee; the addressee would not see the asker's name otherwise.
    services.connection_request(actor=asker, addressee=addressee)
    page = text(logged_in(addressee).get(url("connections")))
    assert asker.diaspora_profile.display_name in page


def test_ask_to_connect_through_the_form():
    asker, addressee = member(), member()
    client = logged_in(asker)
    form = client.get(url("connection_request", user_pk=addressee.pk))
    assert form.status_code == 200 and 'name="message"' in text(form)
    response = client.post(url("connection_request", user_pk=addressee.pk), {"message": "Hi"})
    assert response.status_code == 302
    assert Connection.objects.get().message == "Hi"


def test_a_refused_request_comes_back_with_its_reason():
    asker, addressee = member(), member()
    services.block(actor=addressee, blocked=asker)
    response = logged_in(asker).post(url("connection_request", user_pk=addressee.pk))
    assert response.status_code == 422 and "blocked" in text(response)


def test_asking_a_hidden_or_missing_member_is_a_404():
    asker = member()
    hidden = member(name_visibility="private")
    client = logged_in(asker)
    assert client.get(url("connection_request", user_pk=hidden.pk)).status_code == 404
    assert client.get(url("connection_request", user_pk=999999)).status_code == 404


def test_someone_without_a_profile_cannot_ask():
    addressee = member()
    response = logged_in(UserFactory()).get(url("connection_request", user_pk=addressee.pk))
    assert response.status_code == 403


def test_accept_decline_and_remove_by_the_right_people():
    asker, addressee, stranger = member(), member(), member()
    connection = services.connection_request(actor=asker, addressee=addressee)
    assert logged_in(stranger).post(url("connection_accept", pk=connection.pk)).status_code == 404
    assert logged_in(asker).post(url("connection_accept", pk=connection.pk)).status_code == 403
    assert logged_in(addressee).post(url("connection_accept", pk=connection.pk)).status_code == 302
    assert Connection.objects.get().status == ConnectionStatus.ACCEPTED
    refused = logged_in(addressee).post(url("connection_decline", pk=connection.pk))
    assert refused.status_code == 400 and "already been answered" in text(refused)
    assert logged_in(asker).post(url("connection_remove", pk=connection.pk)).status_code == 302
    assert not Connection.objects.exists()


# --- blocks -----------------------------------------------------------------------------------


def test_block_and_unblock_pages():
    me, other = member(), member()
    client = logged_in(me)
    assert client.post(url("block", user_pk=other.pk)).status_code == 302
    assert Block.objects.filter(blocker=me, blocked=other).exists()
    assert other.diaspora_profile.display_name in text(client.get(url("blocks")))
    assert client.post(url("unblock", user_pk=other.pk)).status_code == 302
    assert not Block.objects.exists()


def test_blocking_oneself_is_a_400_and_missing_people_a_404():
    me = member()
    client = logged_in(me)
    response = client.post(url("block", user_pk=me.pk))
    assert response.status_code == 400 and "yourself" in text(response)
    assert client.post(url("block", user_pk=999999)).status_code == 404


def test_blocks_are_posts_for_signed_in_people():
    other = member()
    response = Client().post(url("block", user_pk=other.pk))
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    assert logged_in(member()).get(url("block", user_pk=other.pk)).status_code == 405


# --- messages ---------------------------------------------------------------------------------


@pytest.fixture
def pair():
    first, second = member(), member()
    connect(first, second)
    conversation = services.conversation_start(actor=first, other=second, body="Private words")
    return first, second, conversation


def test_the_participants_read_the_conversation_and_it_is_marked_read(pair):
    _first, second, conversation = pair
    response = logged_in(second).get(url("conversation", pk=conversation.pk))
    assert response.status_code == 200 and "Private words" in text(response)
    assert Message.objects.get().read_at is not None


def test_a_third_person_gets_a_404_on_a_conversation(pair, secretariat):
    *_, conversation = pair
    for person in (member(), secretariat, UserFactory(is_superuser=True, is_moderator=True)):
        client = logged_in(person)
        assert client.get(url("conversation", pk=conversation.pk)).status_code == 404
        assert (
            client.post(url("conversation", pk=conversation.pk), {"body": "x"}).status_code == 404
        )
        assert "Private words" not in text(client.get(url("inbox")))
    assert Message.objects.count() == 1


def test_anonymous_people_are_sent_to_sign_in(pair):
    *_, conversation = pair
    for address in (url("inbox"), url("conversation", pk=conversation.pk)):
        response = Client().get(address)
        assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_the_inbox_shows_unread_counts(pair):
    first, second, conversation = pair
    services.message_send(actor=first, conversation=conversation, body="And more")
    page = text(logged_in(second).get(url("inbox")))
    assert first.diaspora_profile.display_name in page
    assert '<span class="notification-badge">2</span>' in page
    assert "Private words" not in page  # the inbox shows no message text


def test_sending_without_javascript_redirects_to_the_message(pair):
    first, _second, conversation = pair
    response = logged_in(first).post(url("conversation", pk=conversation.pk), {"body": "Next"})
    message = Message.objects.latest("pk")
    assert response.status_code == 302 and response.url.endswith(f"#message-{message.pk}")


def test_sending_with_htmx_appends_the_message_and_a_fresh_form(pair):
    first, _second, conversation = pair
    response = logged_in(first).post(
        url("conversation", pk=conversation.pk), {"body": "By htmx"}, HTTP_HX_REQUEST="true"
    )
    body = text(response)
    assert response.status_code == 200
    assert 'hx-swap-oob="beforeend:#message-list"' in body and "By htmx" in body
    assert 'name="body"' in body


def test_an_empty_message_is_a_422_with_a_message(pair):
    first, _second, conversation = pair
    client = logged_in(first)
    response = client.post(url("conversation", pk=conversation.pk), {"body": "  "})
    assert response.status_code == 422 and 'class="error"' in text(response)
    htmx = client.post(url("conversation", pk=conversation.pk), {"body": ""}, HTTP_HX_REQUEST="1")
    assert htmx.status_code == 422
    assert Message.objects.count() == 1


def test_start_a_conversation_page(pair):
    first, second, conversation = pair
    # An existing conversation: the page leads to it.
    response = logged_in(first).get(url("conversation_start", user_pk=second.pk))
    assert response.status_code == 302 and response.url == conversation.get_absolute_url()
    friend = member()
    connect(first, friend)
    client = logged_in(first)
    assert client.get(url("conversation_start", user_pk=friend.pk)).status_code == 200
    response = client.post(url("conversation_start", user_pk=friend.pk), {"body": "Hello"})
    assert response.status_code == 302
    assert Conversation.objects.count() == 2


def test_blocked_or_unconnected_people_cannot_start_a_conversation(pair):
    first, second, _conversation = pair
    stranger = member()
    client = logged_in(first)
    response = client.get(url("conversation_start", user_pk=stranger.pk))
    assert response.status_code == 403 and "connected" in text(response)
    response = client.post(url("conversation_start", user_pk=stranger.pk), {"body": "Hi"})
    assert response.status_code == 422
    services.block(actor=second, blocked=first)
    conversation = Conversation.objects.get()
    response = client.post(url("conversation", pk=conversation.pk), {"body": "Hello?"})
    assert response.status_code == 422 and "blocked" in text(response)


def test_a_new_account_is_told_it_cannot_message_yet(settings):
    settings.COMMUNITY = {**settings.COMMUNITY, "NEW_ACCOUNT_DIRECT_MESSAGES": False}
    newcomer, friend = member(trusted=False), member()
    connect(newcomer, friend)
    response = logged_in(newcomer).get(url("conversation_start", user_pk=friend.pk))
    assert response.status_code == 403 and "New accounts" in text(response)


def test_the_inbox_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    me = member()

    def add(n):
        for _ in range(n):
            other = member()
            connect(me, other)
            services.conversation_start(actor=other, other=me, body="Hello")

    def count(client) -> int:
        with CaptureQueriesContext(db_connection) as queries:
            assert client.get(url("inbox")).status_code == 200
        return len(queries)

    client = logged_in(me)
    add(2)
    few = count(client)
    add(8)
    assert count(client) == few
    with django_assert_max_num_queries(12):
        client.get(url("inbox"))


# --- groups -----------------------------------------------------------------------------------


def test_everyone_sees_the_groups_and_filters_them():
    creator = member()
    origin_group(creator)
    theme_group(creator)
    client = Client()
    page = text(client.get(url("group_list")))
    assert "Senegalese in Europe" in page and "Diaspora investment" in page
    only_themes = text(client.get(url("group_list"), {"kind": "theme"}))
    assert "Senegalese in Europe" not in only_themes and "Diaspora investment" in only_themes
    by_country = text(client.get(url("group_list"), {"country": "SEN"}))
    assert "Senegalese in Europe" in by_country and "Diaspora investment" not in by_country
    by_text = text(client.get(url("group_list"), {"text": "invest", "language": "en"}))
    assert "Diaspora investment" in by_text and "Senegalese in Europe" not in by_text
    assert client.get(url("group_list"), {"kind": "nonsense"}).status_code == 200


def test_the_group_list_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    creator = member()

    def add(n):
        for i in range(n):
            group = theme_group(creator, name=f"Theme {Group.objects.count()} {i}")
            services.group_join(actor=member(), group=group)
            thread(creator, group, title=f"Thread {i}", body=f"Body {group.pk}")

    def count(client) -> int:
        with CaptureQueriesContext(db_connection) as queries:
            assert client.get(url("group_list")).status_code == 200
        return len(queries)

    client = logged_in(creator)
    add(2)
    few = count(client)
    add(6)
    assert count(client) == few
    with django_assert_max_num_queries(12):
        Client().get(url("group_list"))


def test_members_create_groups_others_cannot():
    creator = member()
    client = logged_in(creator)
    assert client.get(url("group_create")).status_code == 200
    response = client.post(
        url("group_create"),
        {
            "name": "Haitians in Montreal",
            "kind": "origin",
            "country": "",
            "description": "Together.",
            "language": "fr",
        },
    )
    assert response.status_code == 422 and "country of origin" in text(response)
    response = client.post(
        url("group_create"),
        {
            "name": "Youth and second generation",
            "kind": "theme",
            "theme": "Youth and second generation",
            "description": "Growing up between two countries.",
            "language": "en",
        },
    )
    group = Group.objects.get()
    assert response.status_code == 302 and response.url == group.get_absolute_url()
    assert logged_in(UserFactory()).get(url("group_create")).status_code == 403
    anonymous = Client().get(url("group_create"))
    assert anonymous.status_code == 302 and anonymous.url.startswith(LOGIN)


def test_join_and_leave_a_group_from_its_page():
    creator, joiner = member(), member()
    group = theme_group(creator)
    client = logged_in(joiner)
    assert "Join the group" in text(client.get(group.get_absolute_url()))
    assert client.post(url("group_join", slug=group.slug)).status_code == 302
    assert "Leave the group" in text(client.get(group.get_absolute_url()))
    assert client.post(url("group_leave", slug=group.slug)).status_code == 302
    refused = logged_in(creator).post(url("group_leave", slug=group.slug))
    assert refused.status_code == 400 and "only moderator" in text(refused)
    no_profile = logged_in(UserFactory()).post(url("group_join", slug=group.slug))
    assert no_profile.status_code == 403
    assert Client().get(url("group_detail", slug="missing")).status_code == 404


def test_the_group_page_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    creator = member()
    group = theme_group(creator)

    def add(n):
        for i in range(n):
            author = member()
            services.group_join(actor=author, group=group)
            thread(author, group, title=f"Thread {i}", body=f"Body {author.pk}")

    def count(client) -> int:
        with CaptureQueriesContext(db_connection) as queries:
            assert client.get(group.get_absolute_url()).status_code == 200
        return len(queries)

    client = logged_in(creator)
    add(2)
    few = count(client)
    add(6)
    assert count(client) == few
    with django_assert_max_num_queries(12):
        Client().get(group.get_absolute_url())


# --- threads ----------------------------------------------------------------------------------


def test_group_members_start_threads_others_cannot():
    creator, outsider = member(), member()
    group = theme_group(creator)
    address = url("thread_create", slug=group.slug)
    assert logged_in(outsider).get(address).status_code == 403
    assert Client().get(address).status_code == 302
    client = logged_in(creator)
    assert client.get(address).status_code == 200
    assert client.post(address, {"title": "", "body": ""}).status_code == 422
    response = client.post(address, {"title": "Remittances", "body": "Costs keep rising."})
    created = Thread.objects.get()
    assert response.status_code == 302 and response.url == created.get_absolute_url()


def test_everyone_reads_a_thread_members_read_and_write_its_replies():
    creator, replier, outsider = member(), member(), member()
    group = theme_group(creator)
    services.group_join(actor=replier, group=group)
    opened = thread(creator, group)
    community.comment_create(actor=replier, target=opened, body="I use mobile money.")
    for client in (Client(), logged_in(outsider)):
        page = text(client.get(opened.get_absolute_url()))
        assert "Which services do you use?" in page
        assert "I use mobile money." not in page and "Join the group" in page
    member_page = text(logged_in(creator).get(opened.get_absolute_url()))
    assert "I use mobile money." in member_page
    with pytest.raises(PermissionDenied):
        community.comment_create(actor=outsider, target=opened, body="Me too")


def test_a_thread_of_another_group_is_a_404():
    creator = member()
    opened = thread(creator, theme_group(creator))
    other = origin_group(creator)
    address = url("thread_detail", slug=other.slug, pk=opened.pk)
    assert Client().get(address).status_code == 404


# --- the member page's section ----------------------------------------------------------------


class FakeRequest:
    def __init__(self, user):
        self.user = user

    def get_full_path(self):
        return "/en/diaspora/members/1/"


def test_the_member_section_shows_the_viewers_actions():
    me, other = member(), member()
    profile = other.diaspora_profile
    assert member_actions_context(FakeRequest(AnonymousUser()), profile) is None
    assert member_actions_context(FakeRequest(me), me.diaspora_profile) is None
    assert member_actions_context(FakeRequest(me), profile)["may_ask"]
    services.connection_request(actor=me, addressee=other)
    assert member_actions_context(FakeRequest(me), profile)["pending_sent"]
    assert member_actions_context(FakeRequest(other), me.diaspora_profile)["pending_received"]
    connect(me, other)
    assert member_actions_context(FakeRequest(me), profile)["connected"]
    services.block(actor=me, blocked=other)
    assert member_actions_context(FakeRequest(me), profile)["blocked"]


def test_a_connection_with_a_private_name_can_be_written_to():
    private, me = member(name_visibility="private"), member()
    connect(private, me)
    client = logged_in(me)
    assert client.get(url("conversation_start", user_pk=private.pk)).status_code == 200
    response = client.post(url("conversation_start", user_pk=private.pk), {"body": "Hello"})
    assert response.status_code == 302


def test_the_member_section_renders_its_buttons():
    me, other = member(), member()
    request = RequestFactory().get("/en/diaspora/members/1/")
    request.user = me
    template = "diaspora/connecting/_member_actions.html"
    context = member_actions_context(request, other.diaspora_profile)
    html = render_to_string(template, context, request=request)
    assert url("connection_request", user_pk=other.pk) in html
    assert url("block", user_pk=other.pk) in html
    connect(me, other)
    context = member_actions_context(request, other.diaspora_profile)
    html = render_to_string(template, context, request=request)
    assert url("conversation_start", user_pk=other.pk) in html
