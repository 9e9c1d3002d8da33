"""Background tasks: retries with backoff, failures recorded for platform admins, and the
TASKS_BACKEND setting (docs/adr/0005-task-backends-and-retries.md)."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, TaskResultStatus

from config.settings import base
from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.models import TaskFailure
from passerelle.core.tasks import NOT_QUEUED, requeue_tasks, retrying_task

pytestmark = pytest.mark.django_db

# DummyBackend can defer (supports_defer) and only stores what is enqueued: the tests play the
# worker, running each queued task in turn.
DEFERRING = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@retrying_task(max_attempts=3, backoff_seconds=30)
def failing_task(*, thing_id: int) -> None:
    raise RuntimeError(f"no thing {thing_id}")


@retrying_task()
def working_task(number: int) -> int:
    return number * 2


def run_like_a_worker(result):
    with pytest.raises(RuntimeError):
        result.task.call(TaskContext(task_result=result), *result.args, **result.kwargs)


def test_a_failure_is_recorded_and_the_immediate_backend_gives_up():
    result = failing_task.enqueue(thing_id=7)

    assert result.status == TaskResultStatus.FAILED
    failure = TaskFailure.objects.get()
    assert failure.task_path == "passerelle.core.tests.test_tasks.failing_task"
    assert failure.arguments == {"args": [], "kwargs": {"thing_id": 7}}
    assert failure.attempt == 1
    assert failure.exception_class == "builtins.RuntimeError"
    assert failure.message == "no thing 7"
    assert "RuntimeError: no thing 7" in failure.traceback
    assert failure.next_attempt_at is None
    assert (
        str(failure)
        == "passerelle.core.tests.test_tasks.failing_task (attempt 1): builtins.RuntimeError"
    )


@override_settings(TASKS=DEFERRING)
def test_a_failure_is_retried_with_exponential_backoff_until_max_attempts():
    queued = failing_task.get_backend().results
    failing_task.enqueue(thing_id=7)

    for attempt, backoff in [(1, 30), (2, 60)]:
        before = timezone.now()
        run_like_a_worker(queued[-1])
        retry = queued[-1]
        assert retry.kwargs == {"thing_id": 7, "_attempt": attempt + 1}
        run_after = retry.task.run_after
        assert before + timedelta(seconds=backoff) <= run_after
        assert run_after <= timezone.now() + timedelta(seconds=backoff)
        assert TaskFailure.objects.get(attempt=attempt).next_attempt_at == run_after

    run_like_a_worker(queued[-1])  # the third and last attempt

    assert len(queued) == 3
    last = TaskFailure.objects.get(attempt=3)
    assert last.next_attempt_at is None
    assert last.arguments == {"args": [], "kwargs": {"thing_id": 7}}


def test_a_successful_run_records_nothing():
    result = working_task.enqueue(21)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 42
    assert not TaskFailure.objects.exists()


@pytest.mark.parametrize(
    ("name", "backend"),
    [
        ("immediate", "django_tasks.backends.immediate.ImmediateBackend"),
        ("database", "django_tasks_db.DatabaseBackend"),
        ("redis", "django_tasks_rq.RQBackend"),
    ],
)
def test_each_tasks_backend_value_names_its_backend(monkeypatch, name, backend):
    monkeypatch.setattr(base, "REDIS_URL", "redis://127.0.0.1:6379/0")
    assert base.task_backend(name) == backend
    import_string(backend)


def test_tasks_backend_refuses_unknown_values_and_redis_without_redis_url(monkeypatch):
    monkeypatch.setattr(base, "REDIS_URL", "")
    with pytest.raises(base.ImproperlyConfigured):
        base.task_backend("celery")
    with pytest.raises(base.ImproperlyConfigured):
        base.task_backend("redis")


def test_redis_url_gets_the_cache_socket_timeouts_unless_it_sets_its_own():
    url = base.redis_url_with_timeouts("redis://host:6379/2?socket_timeout=5")
    assert url == "redis://host:6379/2?socket_timeout=5&socket_connect_timeout=1"


@pytest.mark.parametrize(
    ("module", "environment", "expected"),
    [
        ("base", {}, "django_tasks_db.DatabaseBackend False"),
        ("base", {"TASKS_BACKEND": "redis"}, "django_tasks_rq.RQBackend True"),
        ("production", {}, "django_tasks_rq.RQBackend True"),
        ("production", {"TASKS_BACKEND": "database"}, "django_tasks_db.DatabaseBackend False"),
        (
            "test",
            {"TASKS_BACKEND": "redis"},
            "django_tasks.backends.immediate.ImmediateBackend False",
        ),
    ],
)
def test_each_settings_module_defaults(module, environment, expected):
    """The embedded default queues in the database, production in Redis (with django_rq
    installed for its worker), the tests run tasks in-process whatever the environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"TASKS_BACKEND", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER"}
    }
    env |= {"SECRET_KEY": "x", "REDIS_URL": "redis://127.0.0.1:6379/0", **environment}
    code = (
        f"import config.settings.{module} as s; "
        "print(s.TASKS['default']['BACKEND'], 'django_rq' in s.INSTALLED_APPS)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert output.strip() == expected


def test_platform_admins_read_and_delete_failures_in_the_admin(client):
    failing_task.enqueue(thing_id=7)
    failure = TaskFailure.objects.get()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("admin:core_taskfailure_changelist"))
    assert response.status_code == 200
    assert "passerelle.core.tests.test_tasks.failing_task" in response.text
    assert client.get(reverse("admin:core_taskfailure_add")).status_code == 403
    change = client.get(reverse("admin:core_taskfailure_change", args=[failure.pk]))
    assert change.status_code == 200
    assert "no thing 7" in change.text
    assert 'name="_save"' not in change.text  # read-only: nothing to save
    client.post(reverse("admin:core_taskfailure_delete", args=[failure.pk]), {"post": "yes"})
    assert not TaskFailure.objects.exists()


def test_the_platform_audit_page_counts_recent_failures_for_superusers_only(client, secretariat):
    failing_task.enqueue(thing_id=1)
    failing_task.enqueue(thing_id=2)
    TaskFailure.objects.filter(arguments__kwargs__thing_id=2).update(
        created=timezone.now() - timedelta(days=8)
    )
    admin_link = reverse("admin:core_taskfailure_changelist")

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/en/audit/")
    assert "Failed background tasks in the last 7 days: 1" in response.text
    assert admin_link in response.text

    client.force_login(secretariat)
    response = client.get("/en/audit/")
    assert response.status_code == 200
    assert "Failed background tasks" not in response.text
    assert admin_link not in response.text


@pytest.mark.django_db
def test_work_that_still_cannot_be_queued_waits_for_the_next_round():
    due = timezone.now() - timedelta(seconds=1)
    failure = TaskFailure.objects.create(
        task_path="passerelle.nowhere.missing_task",
        arguments={"args": [], "kwargs": {}},
        attempt=NOT_QUEUED,
        exception_class="redis.exceptions.ConnectionError",
        next_attempt_at=due,
    )
    assert requeue_tasks() == 0
    failure.refresh_from_db()
    assert failure.next_attempt_at > timezone.now()
