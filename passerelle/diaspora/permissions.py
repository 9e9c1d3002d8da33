"""Who sees and does what in the diaspora hub: the rules every area shares. Each area's
policies are in its own permissions_<area>.py.

A "member" of the hub is a signed-in person with a member profile: fields a member shows to
members are seen by them, never by anonymous visitors or other accounts.
"""

from passerelle.accounts.choices import MembershipRole
from passerelle.core.permissions import NOTHING, is_secretariat  # noqa: F401 (for the areas)

from .choices import Visibility


def is_active_user(user) -> bool:
    return user.is_authenticated and user.is_active


def is_member(user) -> bool:
    """A signed-in person with a diaspora member profile."""
    if not is_active_user(user):
        return False
    cached = getattr(user, "_diaspora_is_member", None)
    if cached is None:
        from .models import MemberProfile

        cached = MemberProfile.objects.filter(user=user).exists()
        user._diaspora_is_member = cached
    return cached


def visibilities_for(user, owner_id: int | None = None) -> tuple[str, ...]:
    """The visibility levels whose fields `user` may see on the profile of `owner_id`."""
    if owner_id is not None and is_active_user(user) and user.pk == owner_id:
        return tuple(Visibility.values)
    if is_member(user):
        return (Visibility.PUBLIC, Visibility.MEMBERS)
    return (Visibility.PUBLIC,)


def edits_for_an_organisation(user) -> bool:
    """An editor or administrator of some organisation: who posts opportunities and contacts
    experts on its behalf."""
    return is_active_user(user) and any(
        MembershipRole.rank(role) >= MembershipRole.rank(MembershipRole.EDITOR)
        for role in user.organisation_roles.values()
    )


def is_on_the_roster(user) -> bool:
    """Whoever ever joined the roster of experts (left or not: their contacts stay theirs)."""
    from .models import RosterEntry

    return is_active_user(user) and RosterEntry.objects.filter(expert=user).exists()
