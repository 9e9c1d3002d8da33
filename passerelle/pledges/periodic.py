"""The pledges' periodic job (core.periodic): every morning, flag the progress reports that fell
overdue, so that the pledging organisations hear of them."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services import pledges_flag_overdue

register_periodic_job(PeriodicJob("flag_overdue_pledges", pledges_flag_overdue, at=time(5, 0)))
