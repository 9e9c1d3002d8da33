"""Writes of projects: recording one (from scratch, or from the hub's accepted matches), its
details, participants, countries and regions, its status along IATI's list, and its documents."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole
from passerelle.assessments import evidence
from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import Visibility, require
from passerelle.core.search import index_later
from passerelle.hub.choices import MatchStatus
from passerelle.hub.services import match_start_partnership

from ..choices import (
    NEXT_STATUSES,
    DocumentCategory,
    Frequency,
    ParticipantRole,
    ProjectStatus,
    Scope,
    Significance,
)
from ..models import Document, Participant, Project, ProjectCountry, ProjectRegion
from .locking import lock_project
from .results import sync_periods

DESCRIPTION_LIMIT = 10_000
# A project is recorded before it starts or while it runs; later statuses are reached by steps.
INITIAL_STATUSES = (ProjectStatus.PIPELINE, ProjectStatus.IMPLEMENTATION)
DAC_CODE = re.compile(r"^\d{5}$")


@dataclass
class ProjectData:
    """What the people running a project write; the same for a new project and an edit.
    `countries` and `regions` are (place, percentage or None) pairs; `participants`
    (organisation, ParticipantRole) pairs."""

    title: str
    description: str
    planned_start: date
    planned_end: date
    scope: int
    gcm_objectives: list
    participants: list
    objectives: str = ""
    countries: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    capacity_areas: list = field(default_factory=list)
    guiding_principles: list = field(default_factory=list)
    actual_start: date | None = None
    actual_end: date | None = None
    visibility: str = Visibility.PUBLIC
    dac_sector: str = "15190"
    gender_marker: int | None = None
    human_rights_marker: int | None = None
    child_marker: int | None = None
    reporting_frequency: str = Frequency.QUARTERLY
    lock_after_days: int | None = None  # empty: settings.PROJECTS["LOCK_AFTER_DAYS"]
    language: str = ""  # empty: recognised from the description


def _clean(data: ProjectData) -> dict:
    """Every problem at once, by field; the fields to store when there is none."""
    errors = {
        **_text_errors(data),
        **_date_errors(data),
        **_place_errors(data),
        **_participant_errors(data),
        **_classification_errors(data),
    }
    if errors:
        raise ValidationError(errors)
    fields = {
        "title": data.title.strip(),
        "description": data.description.strip(),
        "objectives": data.objectives.strip(),
        "language": data.language or detect_language(data.description),
        "planned_start": data.planned_start,
        "planned_end": data.planned_end,
        "actual_start": data.actual_start,
        "actual_end": data.actual_end,
        "scope": data.scope,
        "visibility": data.visibility,
        "dac_sector": data.dac_sector.strip(),
        "gender_marker": data.gender_marker,
        "human_rights_marker": data.human_rights_marker,
        "child_marker": data.child_marker,
        "reporting_frequency": data.reporting_frequency,
    }
    if data.lock_after_days is not None:
        fields["lock_after_days"] = data.lock_after_days
    return fields


def _text_errors(data: ProjectData) -> dict:
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the project a title.")
    if not data.description.strip():
        errors["description"] = _("Describe the project.")
    elif len(data.description) > DESCRIPTION_LIMIT:
        errors["description"] = _("Keep the description under %(limit)d characters.") % {
            "limit": DESCRIPTION_LIMIT
        }
    if not data.gcm_objectives:
        errors["gcm_objectives"] = _("Choose at least one GCM objective the project serves.")
    return errors


def _date_errors(data: ProjectData) -> dict:
    errors = {}
    if data.planned_end < data.planned_start:
        errors["planned_end"] = _("The planned end comes before the planned start.")
    if data.actual_end is not None and data.actual_start is None:
        errors["actual_start"] = _("A project that has ended has started: give its start.")
    elif data.actual_end is not None and data.actual_end < data.actual_start:
        errors["actual_end"] = _("The actual end comes before the actual start.")
    today = timezone.localdate()
    for name in ("actual_start", "actual_end"):
        day = getattr(data, name)
        if day is not None and day > today:
            errors[name] = _("An actual date is today or earlier; plan the future ones.")
    if data.lock_after_days is not None and not 0 <= data.lock_after_days <= 365:
        errors["lock_after_days"] = _("Give between 0 and 365 days.")
    if data.reporting_frequency not in Frequency.values:
        errors["reporting_frequency"] = _("Choose how often results are reported.")
    return errors


def _place_errors(data: ProjectData) -> dict:
    """The scope and the places agree, and the shares add up to 100 when any is given."""
    errors = {}
    countries, regions = len(data.countries), len(data.regions)
    if data.scope not in Scope.values:
        errors["scope"] = _("Choose the scope from the list.")
    elif data.scope in (Scope.NATIONAL, Scope.LOCAL) and (countries != 1 or regions):
        errors["countries"] = _("A national or local project is in exactly one country.")
    elif data.scope == Scope.MULTI_NATIONAL and (countries < 2 or regions):
        errors["countries"] = _("A multi-national project names two countries or more.")
    elif data.scope == Scope.REGIONAL and not (countries or regions):
        errors["regions"] = _("Name the region, or the countries of the region.")
    shares = [share for _place, share in [*data.countries, *data.regions]]
    given = [share for share in shares if share is not None]
    if given and len(given) != len(shares):
        errors["percentages"] = _("Give a percentage for every country and region, or none.")
    elif any(share <= 0 or share > 100 for share in given):
        errors["percentages"] = _("Each percentage is more than 0 and at most 100.")
    elif given and sum(given) != Decimal(100):
        errors["percentages"] = _("The percentages add up to %(total)s, not 100.") % {
            "total": sum(given)
        }
    return errors


def _participant_errors(data: ProjectData) -> dict:
    roles = {role for _organisation, role in data.participants}
    if not roles <= set(ParticipantRole.values):
        return {"participants": _("Choose each organisation's role from the list.")}
    if ParticipantRole.ACCOUNTABLE not in roles:
        return {"participants": _("Name the accountable organisation: it approves results.")}
    if ParticipantRole.IMPLEMENTING not in roles:
        return {"participants": _("Name at least one implementing organisation.")}
    return {}


def _classification_errors(data: ProjectData) -> dict:
    errors = {}
    if not DAC_CODE.match(data.dac_sector.strip()):
        errors["dac_sector"] = _("A DAC sector is a five-digit code, such as 15190.")
    for name in ("gender_marker", "human_rights_marker", "child_marker"):
        value = getattr(data, name)
        if value is not None and value not in Significance.values:
            errors[name] = _("Choose a significance from the list.")
    if data.visibility not in Visibility.values:
        errors["visibility"] = _("Choose who may see the project.")
    return errors


def _may_record_for(actor, organisation) -> bool:
    return actor.is_authenticated and actor.has_role(organisation.pk, MembershipRole.EDITOR)


def _set_relations(project: Project, data: ProjectData) -> None:
    project.gcm_objectives.set(data.gcm_objectives)
    project.capacity_areas.set(data.capacity_areas)
    project.guiding_principles.set(data.guiding_principles)
    project.participants.all().delete()
    Participant.objects.bulk_create(
        Participant(project=project, organisation=organisation, role=role)
        for organisation, role in dict.fromkeys(data.participants)
    )
    project.countries.all().delete()
    ProjectCountry.objects.bulk_create(
        ProjectCountry(project=project, country=country, percentage=share)
        for country, share in data.countries
    )
    project.regions.all().delete()
    ProjectRegion.objects.bulk_create(
        ProjectRegion(project=project, region=region, percentage=share)
        for region, share in data.regions
    )


def _summary(project: Project, data: ProjectData) -> dict:
    """What the audit entry keeps of a project's details."""
    return {
        "title": project.title,
        "status": project.status,
        "participants": sorted([o.pk, int(role)] for o, role in set(data.participants)),
        "countries": sorted(c.pk for c, _share in data.countries),
        "regions": sorted(r.pk for r, _share in data.regions),
    }


@transaction.atomic
def project_create(
    *, actor, organisation, data: ProjectData, status=ProjectStatus.PIPELINE,
    submission_key=None, matches=(),
) -> Project:  # fmt: skip
    """Record a project for `organisation` (the actor is one of its editors). Posting the same
    form twice (same `submission_key`) returns the project the first post created."""
    if not _may_record_for(actor, organisation):
        raise PermissionDenied
    return project_record(actor=actor, organisation=organisation, data=data, status=status,
                          submission_key=submission_key, matches=matches)  # fmt: skip


def project_record(
    *, actor, organisation, data: ProjectData, status=ProjectStatus.PIPELINE,
    submission_key=None, matches=(),
) -> Project:  # fmt: skip
    """Record a project for `organisation` on behalf of a service that has checked the actor's
    right itself: `project_create` (an editor of the organisation), or the funding module (the
    secretariat turning an approved proposal into the project a pooled fund pays for). Call it
    inside that service's transaction."""
    if status not in INITIAL_STATUSES:
        raise ValidationError({"status": _("A new project is in the pipeline or running.")})
    if submission_key is not None:
        existing = Project.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    project = Project(
        organisation=organisation,
        created_by=actor,
        status=status,
        is_demo=organisation.is_demo,
        **_clean(data),
    )
    if status == ProjectStatus.IMPLEMENTATION and project.actual_start is None:
        # Recorded while it runs: it started as planned, unless that day is still to come.
        project.actual_start = min(project.planned_start, timezone.localdate())
    if submission_key is not None:
        project.submission_key = submission_key
    project.full_clean(exclude=["created_by"])
    try:
        with transaction.atomic():
            project.save()
    except IntegrityError:
        if submission_key is None:
            raise
        # The same form posted twice at once: the other post won; return its project.
        return Project.objects.get(organisation=organisation, submission_key=submission_key)
    _set_relations(project, data)
    project.matches.set(matches)
    sync_periods(project)
    log_action(actor, project, "projects.project.created", _summary(project, data))
    index_later(project)
    return project


@transaction.atomic
def project_create_from_match(
    *, actor, match, organisation, data: ProjectData, status=ProjectStatus.PIPELINE,
    submission_key=None,
) -> Project:  # fmt: skip
    """Turn an accepted match into a project: the match becomes a partnership (its request is
    then in partnership) and the project keeps the match, hence the request and the offer.
    One of the two parties records it. Posting the same form twice returns the project the first
    post created."""
    if not _may_record_for(actor, organisation):
        raise PermissionDenied
    if submission_key is not None:
        existing = Project.objects.filter(
            organisation=organisation, submission_key=submission_key, matches=match
        ).first()
        if existing is not None:
            return existing
    if match.status != MatchStatus.ACCEPTED:
        raise ValidationError(_("Only an accepted match becomes a partnership."))
    require(actor, "start_partnership", match)
    if organisation.pk not in (match.request.organisation_id, match.offer.organisation_id):
        raise ValidationError(
            {"organisation": _("The requester or the provider of the match records it.")}
        )
    project = project_create(
        actor=actor, organisation=organisation, data=data, status=status,
        submission_key=submission_key, matches=[match],
    )  # fmt: skip
    match_start_partnership(actor=actor, match=match)
    return project


@transaction.atomic
def project_update(*, actor, project: Project, data: ProjectData) -> Project:
    project = lock_project(project.pk)
    require(actor, "change", project)
    for name, value in _clean(data).items():
        setattr(project, name, value)
    project.full_clean(exclude=["created_by"])
    project.save()
    _set_relations(project, data)
    sync_periods(project)
    log_action(actor, project, "projects.project.updated", _summary(project, data))
    index_later(project)
    return project


@transaction.atomic
def project_set_status(*, actor, project: Project, status: int, reason: str = "") -> Project:
    """Move the project along IATI's statuses (NEXT_STATUSES); the actual dates follow: the
    start when it goes into implementation, the end when it is finalised or stops."""
    project = lock_project(project.pk)
    require(actor, "change_status", project)
    if status not in NEXT_STATUSES[ProjectStatus(project.status)]:
        raise ValidationError(
            _("A project cannot go from “%(from)s” to “%(to)s”.")
            % {
                "from": project.get_status_display(),
                "to": dict(ProjectStatus.choices).get(status, status),
            }
        )
    before, today = project.status, timezone.localdate()
    project.status = status
    if status == ProjectStatus.IMPLEMENTATION and project.actual_start is None:
        project.actual_start = today
    if status in (ProjectStatus.FINALISATION, ProjectStatus.CANCELLED) and not project.actual_end:
        project.actual_end = today
        project.actual_start = project.actual_start or today
    project.save()
    log_action(
        actor, project, "projects.project.status_changed",
        {"from": before, "to": status, "note": reason.strip()},
    )  # fmt: skip
    index_later(project)
    return project


@transaction.atomic
def document_add(
    *, actor, project: Project, title: str, category: str, language: str,
    document_date: date | None = None, upload=None, url: str = "",
) -> Document:  # fmt: skip
    """Attach a file (type, size and content checked) or a link, not both."""
    project = lock_project(project.pk)
    require(actor, "change", project)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the document a title.")
    if category not in DocumentCategory.values:
        errors["category"] = _("Choose the category from the list.")
    if (upload is None) == (not url.strip()):
        errors["file"] = _("Attach a file or give a link, one of the two.")
    if errors:
        raise ValidationError(errors)
    document = Document(
        project=project, title=title.strip(), category=category, language=language,
        document_date=document_date, url=url.strip(), uploaded_by=actor,
    )  # fmt: skip
    if upload is not None:
        evidence.check_upload(upload)
        document.file.save(upload.name, upload, save=False)
    try:
        document.full_clean(exclude=["uploaded_by"])
        document.save()
    except Exception:
        if document.file:
            document.file.delete(save=False)  # no row, no file
        raise
    log_action(
        actor, project, "projects.document.added",
        {"document": document.pk, "title": document.title, "category": category},
    )  # fmt: skip
    return document


@transaction.atomic
def document_remove(*, actor, document: Document) -> None:
    project = lock_project(document.project_id)
    require(actor, "change", project)
    log_action(
        actor, project, "projects.document.removed",
        {"document": document.pk, "title": document.title},
    )  # fmt: skip
    stored = document.file.name
    document.delete()
    project.save(update_fields=["updated"])  # the export's last-updated moves
    if stored:
        # Remove the file only once the row is gone for good.
        storage = document.file.storage
        transaction.on_commit(lambda: storage.delete(stored))
