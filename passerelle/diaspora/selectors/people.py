"""How a person is named to someone else in the diaspora hub: by the name their profile shows
to that reader, or as "a member" when they keep it from them. Every area names people through
`shown_names`, so a private name never reaches a page, an e-mail or the API."""

from django.utils.translation import gettext_lazy as _

from ..models import MemberProfile
from ..permissions import visibilities_for

A_MEMBER = _("A member of the hub")


def shown_names(viewer, user_ids) -> dict[int, str]:
    """{user id: the name `viewer` may see} for every id, in one query."""
    ids = set(user_ids)
    profiles = MemberProfile.objects.filter(user_id__in=ids).values_list(
        "user_id", "display_name", "name_visibility"
    )
    names = {user_id: str(A_MEMBER) for user_id in ids}
    for user_id, display_name, visibility in profiles:
        if visibility in visibilities_for(viewer, owner_id=user_id):
            names[user_id] = display_name
    return names


def shown_name(viewer, user_id: int) -> str:
    return shown_names(viewer, [user_id])[user_id]
