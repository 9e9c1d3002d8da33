"""The projects' periodic job (core.periodic): every morning, remind reporters of the periods
that lock soon with values missing."""

from datetime import time

from passerelle.core.periodic import PeriodicJob, register_periodic_job

from .services import remind_reporters

register_periodic_job(PeriodicJob("remind_project_reporters", remind_reporters, at=time(5, 30)))
