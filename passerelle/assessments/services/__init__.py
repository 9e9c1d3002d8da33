"""Writes of the assessments module: frameworks (the secretariat's), assessment cycles (an
organisation's), benchmarks (an organisation's targets)."""

from .benchmarks import benchmark_create, benchmark_delete
from .cycles import (
    AnswerConflict,
    agreed_answer_set,
    answer_save,
    assessment_open,
    assessment_publish,
    assessment_return_to_draft,
    assessment_sign,
    assessment_submit,
    assignment_add,
    assignment_remove,
    consultation_start,
    default_scope,
    evidence_add,
    evidence_delete,
)
from .frameworks import (
    DEFAULT_LEVELS,
    RESERVED_CODES,
    framework_create,
    indicator_add,
    indicator_move,
    indicator_remove,
    indicator_update,
    version_import,
    version_publish,
)
from .gaps import request_draft_from_gap

__all__ = [
    "DEFAULT_LEVELS",
    "RESERVED_CODES",
    "AnswerConflict",
    "agreed_answer_set",
    "answer_save",
    "assessment_open",
    "assessment_publish",
    "assessment_return_to_draft",
    "assessment_sign",
    "assessment_submit",
    "assignment_add",
    "assignment_remove",
    "benchmark_create",
    "benchmark_delete",
    "consultation_start",
    "default_scope",
    "evidence_add",
    "evidence_delete",
    "framework_create",
    "indicator_add",
    "indicator_move",
    "indicator_remove",
    "indicator_update",
    "request_draft_from_gap",
    "version_import",
    "version_publish",
]
