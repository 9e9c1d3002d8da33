"""Helpers of the connecting area's tests: members (public names, trusted unless told), their
connections, groups and threads, made through the services."""

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory

from ..services import connecting as services
from .factories import MemberProfileFactory, country


def member(*, trusted: bool = True, name_visibility: str = "public", **profile):
    """A signed-in member of the hub; trusted (vouched for by an organisation) unless told, so
    that they may send direct messages."""
    user = UserFactory()
    MemberProfileFactory(user=user, name_visibility=name_visibility, **profile)
    if trusted:
        MembershipFactory(user=user, role="viewer")
    return user


def connect(first, second):
    connection = services.connection_request(actor=first, addressee=second)
    return services.connection_accept(actor=second, connection=connection)


def origin_group(moderator, *, name="Senegalese in Europe", iso3="SEN", language="fr"):
    return services.group_create(
        actor=moderator,
        name=name,
        kind="origin",
        country=country(iso3),
        description="Members from Senegal living in Europe.",
        language=language,
    )


def theme_group(moderator, *, name="Diaspora investment", language="en"):
    return services.group_create(
        actor=moderator,
        name=name,
        kind="theme",
        theme=name,
        description="Investing at home from abroad.",
        language=language,
    )


def thread(author, group, *, title="Sending money home", body="Which services do you use?"):
    return services.thread_create(actor=author, group=group, title=title, body=body)
