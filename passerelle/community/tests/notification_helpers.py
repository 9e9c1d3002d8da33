"""Helpers of the notification tests (their fixtures are in conftest.py)."""

from django.contrib.contenttypes.models import ContentType

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.community.models import Notification, NotificationPreference

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def trusted(name="Ama Mensah", language="en"):
    """A user past the new-account limits (a member of an organisation)."""
    membership = MembershipFactory(
        role="viewer", user__full_name=name, user__preferred_language=language
    )
    return membership.user


def kinds_of(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def prefer(user, kind, email):
    NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"email": email})


def ct_id(obj) -> int:
    return ContentType.objects.get_for_model(obj).pk
