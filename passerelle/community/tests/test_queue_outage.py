"""A queue that is down (Redis stopped) loses no notification and shows the user no error: the
change is saved, and the catch-up sweep dispatches it from the audit trail."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.community import registry, services, tasks
from passerelle.community.models import Comment, Notification
from passerelle.community.notifications import catchup
from passerelle.taxonomy.models import CapacityArea

pytestmark = pytest.mark.django_db


def test_a_reply_posted_while_the_queue_is_down_is_notified_by_the_sweep(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    area = CapacityArea.objects.get(code="BORD")
    author, replier = (MembershipFactory(role="viewer").user for _ in range(2))
    first = services.comment_create(actor=author, target=area, body="A question")

    def queue_down(**kwargs):
        raise RedisConnectionError("Connection refused")

    monkeypatch.setattr(tasks, "dispatch_audit_entry", SimpleNamespace(enqueue=queue_down))
    client.force_login(replier)
    url = reverse("community:discussion", args=[registry.content_type_of(area).pk, area.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "An answer", "language": "en", "parent": first.pk})
    assert response.status_code == 302
    assert Comment.objects.filter(body="An answer").exists()
    assert not Notification.objects.filter(recipient=author).exists()

    monkeypatch.undo()
    catchup(settle_seconds=0)
    assert Notification.objects.filter(recipient=author, kind="comment_reply").exists()
