"""URLs of /diaspora/ the connecting area tests in tests/test_url_access.py.

The owner is a member of the hub (a public profile) with: a request received from an asker, a
connection and a conversation with a peer, a group they moderate (with a thread) and a group
they belong to. The outsider has no member profile: they see groups and their own (empty)
lists, and never the owner's connections or messages."""

from passerelle.accounts.tests.factories import UserFactory

from ..models import MemberProfile
from ..services import connecting as services
from .factories import MemberProfileFactory


def _member(user=None):
    user = user or UserFactory()
    MemberProfile.objects.get_or_create(
        user=user, defaults={"display_name": user.full_name, "name_visibility": "public"}
    )
    user._diaspora_is_member = None
    return user


def build(government, owner, outsider) -> dict:
    owner = _member(owner)
    peer, asker = _member(), _member()
    stranger = MemberProfileFactory(name_visibility="public").user
    pending = services.connection_request(actor=asker, addressee=owner)
    accepted = services.connection_request(actor=owner, addressee=peer)
    services.connection_accept(actor=peer, connection=accepted)
    # The peer is new: the owner (an organisation's administrator, so trusted) writes.
    conversation = services.conversation_start(actor=owner, other=peer, body="Hello")
    moderated = services.group_create(
        actor=owner, name="Access group", kind="theme", theme="Access",
        description="A group for the access tests.", language="en",
    )  # fmt: skip
    joined = services.group_create(
        actor=peer, name="Peer group", kind="theme", theme="Peers",
        description="A group the owner joined.", language="en",
    )  # fmt: skip
    services.group_join(actor=owner, group=joined)
    thread = services.thread_create(
        actor=owner, group=moderated, title="Access thread", body="Opening post."
    )
    return {
        "conn_peer": peer,
        "conn_stranger": stranger,
        "conn_pending": pending,
        "conn_accepted": accepted,
        "conn_conversation": conversation,
        "conn_group": moderated,
        "conn_joined_group": joined,
        "conn_thread": thread,
    }


def _group(w):
    return {"slug": w["conn_group"].slug}


CASES = [
    ("diaspora:connections", "get", lambda w: {}, 302, 200, 200),
    (
        "diaspora:connection_request",
        "get",
        lambda w: {"user_pk": w["conn_stranger"].pk},
        302,
        403,
        200,
    ),
    (
        "diaspora:connection_request",
        "post",
        lambda w: {"user_pk": w["conn_stranger"].pk},
        302,
        403,
        302,
    ),
    ("diaspora:connection_accept", "post", lambda w: {"pk": w["conn_pending"].pk}, 302, 404, 302),
    ("diaspora:connection_decline", "post", lambda w: {"pk": w["conn_pending"].pk}, 302, 404, 302),
    ("diaspora:connection_remove", "post", lambda w: {"pk": w["conn_accepted"].pk}, 302, 404, 302),
    ("diaspora:blocks", "get", lambda w: {}, 302, 200, 200),
    ("diaspora:block", "post", lambda w: {"user_pk": w["conn_stranger"].pk}, 302, 302, 302),
    ("diaspora:unblock", "post", lambda w: {"user_pk": w["conn_stranger"].pk}, 302, 302, 302),
    ("diaspora:inbox", "get", lambda w: {}, 302, 200, 200),
    # The owner already writes with the peer: the page leads to the conversation.
    ("diaspora:conversation_start", "get", lambda w: {"user_pk": w["conn_peer"].pk}, 302, 403, 302),
    # An empty message: refused on its form.
    (
        "diaspora:conversation_start",
        "post",
        lambda w: {"user_pk": w["conn_peer"].pk},
        302,
        403,
        422,
    ),
    ("diaspora:conversation", "get", lambda w: {"pk": w["conn_conversation"].pk}, 302, 404, 200),
    ("diaspora:conversation", "post", lambda w: {"pk": w["conn_conversation"].pk}, 302, 404, 422),
    ("diaspora:group_list", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:group_create", "get", lambda w: {}, 302, 403, 200),
    ("diaspora:group_create", "post", lambda w: {}, 302, 403, 422),
    ("diaspora:group_detail", "get", _group, 200, 200, 200),
    ("diaspora:group_join", "post", lambda w: {"slug": w["conn_joined_group"].slug}, 302, 403, 302),
    (
        "diaspora:group_leave",
        "post",
        lambda w: {"slug": w["conn_joined_group"].slug},
        302,
        302,
        302,
    ),
    # The owner is the only moderator of their group: they cannot leave it.
    ("diaspora:group_leave", "post", _group, 302, 302, 400),
    ("diaspora:thread_create", "get", _group, 302, 403, 200),
    ("diaspora:thread_create", "post", _group, 302, 403, 422),
    (
        "diaspora:thread_detail",
        "get",
        lambda w: {"slug": w["conn_group"].slug, "pk": w["conn_thread"].pk},
        200,
        200,
        200,
    ),
    ("api:diasporagroup-list", "get", lambda w: {}, 200, 200, 200),
    ("api:diasporagroup-detail", "get", _group, 200, 200, 200),
]
