"""Helpers of the moderation tests (their fixtures are in conftest.py)."""

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.community import moderation
from passerelle.community.choices import OPEN_CASE_STATUSES
from passerelle.community.models import ModerationCase
from passerelle.core.models import AuditEntry

XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def trusted():
    """A member of an organisation: past the new-account posting limits."""
    return MembershipFactory(role="viewer").user


def report(content, reporter=None, reason="spam", details=""):
    return moderation.report_create(
        actor=reporter or UserFactory(), content=content, reason=reason, details=details
    )


def reported(content, times=3) -> ModerationCase:
    for _ in range(times):
        report(content)
    return ModerationCase.objects.get(object_id=str(content.pk), status__in=OPEN_CASE_STATUSES)


def refreshed(obj):
    obj.refresh_from_db()
    return obj


def actions(obj) -> list[str]:
    return list(AuditEntry.objects.for_object(obj).order_by("id").values_list("action", flat=True))
