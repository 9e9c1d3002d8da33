"""Writes of evaluations and lessons learned. An evaluation's report becomes one of the project's
documents (category "review and evaluation"); lessons are kept here until the knowledge
platform publishes them (`lessons_to_publish`)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import Visibility, require

from ..choices import CRITERIA, DocumentCategory, EvaluationMethod, EvaluationType, Rating
from ..models import Evaluation, Lesson, Project
from .locking import lock_project
from .projects import document_add

FINDINGS_LIMIT = 10_000


@dataclass
class EvaluationData:
    type: str
    method: str
    evaluator: str
    completed_on: date
    findings: str
    independent: bool = True
    ratings: dict | None = None  # {criterion: Rating value or None}
    language: str = ""  # empty: recognised from the findings


def _evaluation_errors(data: EvaluationData) -> dict:
    errors = {}
    if data.type not in EvaluationType.values:
        errors["type"] = _("Choose the type of evaluation from the list.")
    if data.method not in EvaluationMethod.values:
        errors["method"] = _("Choose the method from the list.")
    if not data.evaluator.strip():
        errors["evaluator"] = _("Say who evaluated the project.")
    if data.completed_on > timezone.localdate():
        errors["completed_on"] = _("Record an evaluation once it is completed.")
    if not data.findings.strip():
        errors["findings"] = _("Summarise what the evaluation found.")
    elif len(data.findings) > FINDINGS_LIMIT:
        errors["findings"] = _("Keep the findings under %(limit)d characters.") % {
            "limit": FINDINGS_LIMIT
        }
    ratings = data.ratings or {}
    if set(ratings) - set(CRITERIA) or any(
        value is not None and value not in Rating.values for value in ratings.values()
    ):
        errors["ratings"] = _("Rate each criterion on the scale, or leave it empty.")
    return errors


def _evaluation_fields(data: EvaluationData) -> dict:
    ratings = data.ratings or {}
    return {
        "type": data.type,
        "method": data.method,
        "evaluator": data.evaluator.strip(),
        "independent": data.independent,
        "completed_on": data.completed_on,
        "findings": data.findings.strip(),
        "language": data.language or detect_language(data.findings),
        **{name: ratings.get(name) for name in CRITERIA},
    }


@transaction.atomic
def evaluation_record(
    *, actor, project: Project, data: EvaluationData, report_upload=None, report_url: str = ""
) -> Evaluation:
    """Record an evaluation; its report (a file or a link, optional) is attached to the project
    as a review-and-evaluation document."""
    project = lock_project(project.pk)
    require(actor, "change", project)
    if errors := _evaluation_errors(data):
        raise ValidationError(errors)
    evaluation = Evaluation(project=project, recorded_by=actor, **_evaluation_fields(data))
    if report_upload is not None or report_url.strip():
        evaluation.report = document_add(
            actor=actor, project=project, category=DocumentCategory.EVALUATION,
            title=_("%(evaluation)s: report") % {"evaluation": evaluation},
            language=evaluation.language, document_date=data.completed_on,
            upload=report_upload, url=report_url,
        )  # fmt: skip
    evaluation.save()
    log_action(
        actor, project, "projects.evaluation.recorded",
        {"evaluation": evaluation.pk, "type": evaluation.type,
         "ratings": {name: getattr(evaluation, name) for name in CRITERIA}},
    )  # fmt: skip
    return evaluation


@transaction.atomic
def evaluation_update(*, actor, evaluation: Evaluation, data: EvaluationData) -> Evaluation:
    project = lock_project(evaluation.project_id)
    require(actor, "change", project)
    if errors := _evaluation_errors(data):
        raise ValidationError(errors)
    for name, value in _evaluation_fields(data).items():
        setattr(evaluation, name, value)
    evaluation.save()
    log_action(
        actor, project, "projects.evaluation.updated",
        {"evaluation": evaluation.pk, "type": evaluation.type},
    )  # fmt: skip
    return evaluation


@transaction.atomic
def lesson_record(
    *, actor, project: Project, title: str, text: str, evaluation: Evaluation | None = None,
    capacity_areas=(), gcm_objectives=(), language: str = "",
) -> Lesson:  # fmt: skip
    """A lesson learned from the project, for the knowledge platform to publish."""
    project = lock_project(project.pk)
    require(actor, "change", project)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the lesson a title.")
    if not text.strip():
        errors["text"] = _("Say what was learned.")
    elif len(text) > 5000:
        errors["text"] = _("Keep the lesson under 5000 characters.")
    if evaluation is not None and evaluation.project_id != project.pk:
        errors["evaluation"] = _("This evaluation is of another project.")
    if errors:
        raise ValidationError(errors)
    lesson = Lesson.objects.create(
        project=project, evaluation=evaluation, title=title.strip(), text=text.strip(),
        language=language or detect_language(text), recorded_by=actor,
    )  # fmt: skip
    lesson.capacity_areas.set(capacity_areas or project.capacity_areas.all())
    lesson.gcm_objectives.set(gcm_objectives or project.gcm_objectives.all())
    log_action(
        actor, project, "projects.lesson.recorded", {"lesson": lesson.pk, "title": lesson.title}
    )
    return lesson


def lessons_to_publish(*, since=None):
    """The lessons of public projects, oldest first (since a moment, if given): what the
    knowledge platform imports."""
    lessons = Lesson.objects.filter(project__visibility=Visibility.PUBLIC).select_related(
        "project", "evaluation"
    )
    if since is not None:
        lessons = lessons.filter(created__gt=since)
    return lessons.prefetch_related("capacity_areas", "gcm_objectives").order_by("created", "pk")
