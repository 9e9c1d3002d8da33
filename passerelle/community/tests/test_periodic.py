from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from passerelle.accounts.tests.factories import UserFactory
from passerelle.community.models import DispatchCursor, Notification
from passerelle.community.notifications import notifications_purge
from passerelle.core.periodic import periodic_jobs


@pytest.mark.django_db
def test_the_scheduler_runs_the_registered_jobs():
    assert {"notify_catchup", "daily_digests", "weekly_digests", "purge_notifications"} <= {
        job.name for job in periodic_jobs()
    }
    call_command("scheduler", run_all_once=True)
    # The catch-up job queued its task, which the test backend ran at once.
    assert DispatchCursor.objects.filter(name="notifications").exists()


@pytest.mark.django_db
def test_old_notifications_are_purged_but_waiting_mail_is_kept():
    user = UserFactory()
    now = timezone.now()

    def notification(age_days, **fields):
        row = Notification.objects.create(
            recipient=user, kind="mention", content_type_id=1, object_id="1", **fields
        )
        Notification.objects.filter(pk=row.pk).update(created=now - timedelta(days=age_days))
        return row.pk

    old_read = notification(200, read_at=now)
    recent_read = notification(10, read_at=now)
    old_unread = notification(200)
    ancient_unread = notification(400)
    ancient_waiting = notification(400, email_status="daily")
    assert notifications_purge(now=now) == 2
    left = set(Notification.objects.values_list("pk", flat=True))
    assert left == {recent_read, old_unread, ancient_waiting}
    assert old_read not in left and ancient_unread not in left
