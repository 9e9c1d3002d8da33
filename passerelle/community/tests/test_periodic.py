import pytest
from django.core.management import call_command

from passerelle.community.models import DispatchCursor
from passerelle.core.periodic import periodic_jobs


@pytest.mark.django_db
def test_the_scheduler_runs_the_registered_jobs():
    assert {"notify_catchup", "daily_digests", "weekly_digests"} <= {
        job.name for job in periodic_jobs()
    }
    call_command("scheduler", run_all_once=True)
    # The catch-up job queued its task, which the test backend ran at once.
    assert DispatchCursor.objects.filter(name="notifications").exists()
