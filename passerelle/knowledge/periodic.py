"""The knowledge base's daily jobs (core.periodic): close calls for practices past their
deadline; import the lessons recorded on public projects as drafts."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services.calls import close_past_deadline_calls
from .services.lessons import import_recent_lessons

register_periodic_job(
    PeriodicJob("close_past_deadline_practice_calls", close_past_deadline_calls, at=time(0, 10))
)
register_periodic_job(PeriodicJob("import_project_lessons", import_recent_lessons, at=time(4, 30)))
