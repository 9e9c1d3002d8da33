"""The connecting area's part of a member's page: the viewer's actions towards that member
(ask to connect, the pending request, write once connected, block or unblock). Never shown to
anonymous visitors, nor on one's own page."""

from passerelle.core.sections import register_section

from .choices import ConnectionStatus
from .models import Block, Connection, MemberProfile
from .permissions import is_active_user, is_member


def member_actions_context(request, profile: MemberProfile) -> dict | None:
    viewer = request.user
    if not is_active_user(viewer) or profile is None or profile.user_id == viewer.pk:
        return None
    connection = Connection.objects.filter(
        pair=Connection.pair_of(viewer.pk, profile.user_id)
    ).first()
    status = connection.status if connection else None
    return {
        "profile": profile,
        "connection": connection,
        "connected": status == ConnectionStatus.ACCEPTED,
        "pending_sent": status == ConnectionStatus.PENDING and connection.requester_id == viewer.pk,
        "pending_received": status == ConnectionStatus.PENDING
        and connection.addressee_id == viewer.pk,
        "may_ask": is_member(viewer) and connection is None,
        "blocked": Block.objects.filter(blocker=viewer, blocked_id=profile.user_id).exists(),
        "here": request.get_full_path(),
    }


register_section(
    "diaspora_member",
    "connecting",
    template="diaspora/connecting/_member_actions.html",
    get_context=member_actions_context,
)
