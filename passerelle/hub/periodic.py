"""The hub's periodic job (core.periodic): offers past their availability are closed daily."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services import offers_close_expired

register_periodic_job(PeriodicJob("close_expired_offers", offers_close_expired, at=time(2, 0)))
