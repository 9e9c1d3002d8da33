"""Lessons recorded on projects become drafts of lessons learned here, linked to their project
and evaluation; the project's organisation edits and submits them like any item."""

from django.db import transaction
from django.utils import timezone

from passerelle.core import search
from passerelle.core.audit import log_action
from passerelle.projects.services.evaluations import lessons_to_publish

from ..choices import ItemKind, ItemStatus, Scope
from ..models import Item


def _organisation_of(lesson):
    """Who shares a project's lesson: the organisation that recorded the project, which runs it
    with the accountable ones."""
    return lesson.project.organisation


def import_project_lessons(*, since=None) -> int:
    """Turn project lessons not yet imported into drafts; how many were imported. Running it
    twice imports nothing twice (a lesson is imported once: `source_lesson` is unique)."""
    imported = 0
    for lesson in lessons_to_publish(since=since).filter(knowledge_item__isnull=True):
        with transaction.atomic():
            item = Item.objects.create(
                kind=ItemKind.LESSON,
                status=ItemStatus.DRAFT,
                organisation=_organisation_of(lesson),
                language=lesson.language,
                title=lesson.title,
                summary=lesson.text[:1000],
                lessons=lesson.text,
                scope=Scope.NATIONAL,
                evaluation=lesson.evaluation,
                source_lesson=lesson,
                created_by=lesson.recorded_by,
            )
            item.capacity_areas.set(lesson.capacity_areas.all())
            item.gcm_objectives.set(lesson.gcm_objectives.all())
            item.projects.set([lesson.project])
            log_action(None, item, "knowledge.item.imported", {"lesson": lesson.pk})
            search.index_later(item)
            imported += 1
    return imported


def import_recent_lessons() -> int:
    """The periodic job: lessons of the last two days (it runs daily; overlap is harmless)."""
    return import_project_lessons(since=timezone.now() - timezone.timedelta(days=2))
