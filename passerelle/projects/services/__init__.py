"""Every write of the projects module: projects and their participants, the results framework
and its periods, and reporting with approval. Each step checks the policy and is audited under
`projects.*`."""

from .projects import (
    ProjectData,
    document_add,
    document_remove,
    project_create,
    project_create_from_match,
    project_set_status,
    project_update,
)
from .reporting import (
    ValueConflict,
    ValueData,
    remind_reporters,
    value_approve,
    value_return,
    value_save,
    values_approve,
    values_submit,
)
from .results import (
    IndicatorData,
    ResultData,
    indicator_create,
    indicator_remove,
    indicator_update,
    period_add,
    period_remove,
    progress_rules_update,
    result_create,
    result_remove,
    result_update,
    sync_periods,
    target_set,
)

__all__ = [
    "IndicatorData",
    "ProjectData",
    "ResultData",
    "ValueConflict",
    "ValueData",
    "document_add",
    "document_remove",
    "indicator_create",
    "indicator_remove",
    "indicator_update",
    "period_add",
    "period_remove",
    "progress_rules_update",
    "project_create",
    "project_create_from_match",
    "project_set_status",
    "project_update",
    "remind_reporters",
    "result_create",
    "result_remove",
    "result_update",
    "sync_periods",
    "target_set",
    "value_approve",
    "value_return",
    "value_save",
    "values_approve",
    "values_submit",
]
