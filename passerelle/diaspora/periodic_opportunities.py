"""The daily close of opportunities past their deadline (core.periodic)."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services.opportunities import close_expired_opportunities

register_periodic_job(
    PeriodicJob("diaspora_close_expired_opportunities", close_expired_opportunities, at=time(2, 10))
)
