"""Background tasks that retry with backoff (docs/adr/0005-task-backends-and-retries.md).

    @retrying_task(max_attempts=5, backoff_seconds=30)
    def send_something(*, thing_id: int) -> None: ...

    enqueue_on_commit(send_something, thing_id=thing.pk)

The result is an ordinary django_tasks task. When the function raises, the run is recorded as a
`TaskFailure` (platform admins see it in the admin) and, while attempts remain and the backend can
defer a run (database, redis), the task is enqueued again to run `backoff_seconds * 2 **
(attempt - 1)` later: 30 s, 1 min, 2 min, 4 min. Then the exception propagates, so the backend
marks this run failed as well. The immediate backend cannot defer: the failure is recorded and
the task gives up. A retry runs the whole function again: write it so that running twice does no
harm. Retrying here rather than in a backend (RQ's Retry) keeps it the same on every backend.
"""

import functools
import logging
import traceback
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, task

from .models import TaskFailure


def retrying_task(max_attempts: int = 5, backoff_seconds: int = 30, **task_options):
    """Like django_tasks' `@task(**task_options)`, with retries. The keyword argument `_attempt`
    is reserved: it carries the attempt number (1, 2, …) from one run to the next."""

    def decorator(func):
        def run(context: TaskContext, *args, _attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as exc:
                # The running task, with the queue and backend it was enqueued on.
                this_task = context.task_result.task
                next_attempt_at = None
                if _attempt < max_attempts and this_task.get_backend().supports_defer:
                    delay = timedelta(seconds=backoff_seconds * 2 ** (_attempt - 1))
                    next_attempt_at = timezone.now() + delay
                    this_task.using(run_after=next_attempt_at).enqueue(
                        *args, _attempt=_attempt + 1, **kwargs
                    )
                TaskFailure.objects.create(
                    task_path=this_task.module_path,
                    arguments={"args": list(args), "kwargs": kwargs},
                    attempt=_attempt,
                    exception_class=f"{type(exc).__module__}.{type(exc).__qualname__}",
                    message=str(exc),
                    traceback="".join(traceback.format_exception(exc)),
                    next_attempt_at=next_attempt_at,
                )
                raise

        # Workers find a task again by its function's dotted path, so the wrapper takes the
        # function's names; it keeps its own signature, where django_tasks looks for `context`.
        functools.update_wrapper(run, func)
        del run.__wrapped__
        return task(takes_context=True, **task_options)(run)

    return decorator


logger = logging.getLogger(__name__)

# A TaskFailure with attempt 0 is work that never ran because it could not be queued.
NOT_QUEUED = 0
REQUEUE_DELAY = timedelta(minutes=1)


def enqueue_on_commit(task_, **kwargs) -> None:
    """Queue `task_` once the current transaction commits (the way services start background
    work). The user's change is saved by then: if the queue is unreachable (Redis down), that
    must not become an error page, nor lose the work. It is recorded as a TaskFailure with
    attempt 0, which the `requeue_tasks` periodic job queues again."""
    transaction.on_commit(lambda: _enqueue_or_record(task_, kwargs))


def _enqueue_or_record(task_, kwargs) -> None:
    try:
        task_.enqueue(**kwargs)
    except Exception as exc:
        logger.warning("Could not queue %s; recorded for requeue_tasks", task_.module_path)
        TaskFailure.objects.create(
            task_path=task_.module_path,
            arguments={"args": [], "kwargs": kwargs},
            attempt=NOT_QUEUED,
            exception_class=f"{type(exc).__module__}.{type(exc).__qualname__}",
            message=str(exc),
            traceback="".join(traceback.format_exception(exc)),
            next_attempt_at=timezone.now() + REQUEUE_DELAY,
        )


def requeue_tasks() -> int:
    """Queue again the work that could not be queued (periodic job). A row that is queued keeps
    its record with no next attempt; one that still cannot be queued waits another delay.
    Returns how many were queued."""
    now, queued = timezone.now(), 0
    waiting = TaskFailure.objects.filter(attempt=NOT_QUEUED, next_attempt_at__lte=now)
    for failure in waiting.order_by("pk"):
        arguments = failure.arguments
        try:
            import_string(failure.task_path).enqueue(*arguments["args"], **arguments["kwargs"])
        except Exception:
            failure.next_attempt_at = now + REQUEUE_DELAY
        else:
            failure.next_attempt_at = None
            queued += 1
        failure.save(update_fields=["next_attempt_at"])
    return queued
