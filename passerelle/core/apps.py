from datetime import time, timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "passerelle.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.conf import settings

        from .periodic import PeriodicJob, prune_task_results, register_periodic_job
        from .tasks import requeue_tasks

        register_periodic_job(
            PeriodicJob("requeue_tasks", requeue_tasks, every=timedelta(minutes=1))
        )

        if settings.TASKS_BACKEND == "database":
            register_periodic_job(
                PeriodicJob("prune_task_results", prune_task_results, at=time(3, 30))
            )
