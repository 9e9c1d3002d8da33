"""The country pages' daily job (core.periodic): close calls for contributions past their
closing date."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services.countries import close_past_calls

register_periodic_job(
    PeriodicJob("close_past_diaspora_contribution_calls", close_past_calls, at=time(0, 15))
)
