"""The funding module's periodic job (core.periodic): every morning, open calls past their
deadline stop taking proposals."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services import calls_close_past_deadline

register_periodic_job(
    PeriodicJob("close_past_deadline_calls", calls_close_past_deadline, at=time(0, 15))
)
