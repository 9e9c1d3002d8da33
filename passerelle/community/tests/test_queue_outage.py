"""A queue that is down (Redis stopped) loses no notification and shows the user no error: the
change is saved, the work that could not be queued is recorded and queued again later
(core.tasks.requeue_tasks); the catch-up sweep would dispatch it from the audit trail too."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from passerelle.accounts.tests.factories import MembershipFactory
from passerelle.community import registry, services, tasks
from passerelle.community.models import Comment, Notification
from passerelle.community.notifications import catchup
from passerelle.core.models import TaskFailure
from passerelle.core.tasks import requeue_tasks
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

    real = tasks.dispatch_audit_entry
    monkeypatch.setattr(
        tasks,
        "dispatch_audit_entry",
        SimpleNamespace(enqueue=queue_down, module_path=real.module_path),
    )
    client.force_login(replier)
    url = reverse("community:discussion", args=[registry.content_type_of(area).pk, area.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"body": "An answer", "language": "en", "parent": first.pk})
    assert response.status_code == 302
    assert Comment.objects.filter(body="An answer").exists()
    assert not Notification.objects.filter(recipient=author).exists()

    failure = TaskFailure.objects.get(attempt=0)
    assert failure.task_path.endswith("dispatch_audit_entry")

    monkeypatch.undo()  # the queue is back
    TaskFailure.objects.update(next_attempt_at=timezone.now())
    assert requeue_tasks() == 1
    assert Notification.objects.filter(recipient=author, kind="comment_reply").exists()
    failure.refresh_from_db()
    assert failure.next_attempt_at is None  # kept as a record, not queued twice
    assert requeue_tasks() == 0
    assert catchup(settle_seconds=0) >= 1  # the sweep finds it done: nothing twice
    assert Notification.objects.filter(recipient=author, kind="comment_reply").count() == 1
