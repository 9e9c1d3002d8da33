"""The projects part of the demo: what it shows, and that it can run twice. Every demo step runs
once for the module (the projects step builds on the organisations, people and matches of the
steps before it), then the projects step again, in a transaction rolled back at its end."""

from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.language_detection import detect_language
from passerelle.core.models import AuditEntry
from passerelle.hub.choices import MatchStatus
from passerelle.hub.matching import index
from passerelle.projects.choices import (
    PARENT_TYPE,
    QUANTITATIVE,
    DocumentCategory,
    Frequency,
    Measure,
    ParticipantRole,
    Progress,
    ProjectStatus,
    Scope,
    ValueStatus,
)
from passerelle.projects.models import (
    Document,
    Evaluation,
    Indicator,
    Lesson,
    PeriodValue,
    Project,
    Result,
)
from passerelle.projects.progress import Point, Rules, standing
from passerelle.projects.services.reporting import entry_closed_reason

PROJECTS_STEP = "projects: partnerships and results"
MODELS = (Project, Result, Indicator, PeriodValue, Document, Evaluation, Lesson)
# Projects that ran long enough to have a record (those from this year's matches start now).
RECORDED = (
    ProjectStatus.IMPLEMENTATION,
    ProjectStatus.FINALISATION,
    ProjectStatus.CLOSED,
    ProjectStatus.SUSPENDED,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "audit": AuditEntry.objects.filter(action__startswith="projects.").count(),
        "partnerships": AuditEntry.objects.filter(action="hub.match.partnership").count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first = DemoContext()
        for step in demo_steps():  # the steps up to this module's: later ones add their projects
            step.run(first)
            if step.name == PROJECTS_STEP:
                break
        counts = _counts()
        second = DemoContext()
        next(step for step in demo_steps() if step.name == PROJECTS_STEP).run(second)
        yield SimpleNamespace(first=first, second=second, counts=counts, counts_again=_counts())
        transaction.set_rollback(True)
    # The matcher's index of this process holds rows that were rolled back.
    index.forget()


def _projects() -> list[Project]:
    return list(
        Project.objects.filter(is_demo=True)
        .select_related("organisation")
        .prefetch_related(
            "participants__organisation",
            "countries__country",
            "regions",
            "periods",
            "matches__request",
            "matches__offer",
            "documents",
        )
    )


def _indicators(project: Project) -> list[Indicator]:
    return list(
        Indicator.objects.filter(result__project=project)
        .select_related("result")
        .prefetch_related("values")
    )


def _points(indicator: Indicator, periods) -> list[Point]:
    values = {value.period_id: value for value in indicator.values.all()}
    return [
        Point(
            target=values[period.pk].target if period.pk in values else None,
            actual=(
                values[period.pk].actual
                if period.pk in values and values[period.pk].status == ValueStatus.APPROVED
                else None
            ),
        )
        for period in periods
    ]


@pytest.mark.django_db
def test_runs_twice_without_duplicates(demo):
    assert demo.counts == demo.counts_again
    assert demo.counts["Project"] >= 27
    for context in (demo.first, demo.second):
        emails = {email for email, _password, _role in context.credentials}
        assert {
            "monitoring.iom@demo.passerelle.test",
            "editor.senegal@demo.passerelle.test",
        } <= emails
        assert context.data["projects"]["reporting"].pk == (
            demo.first.data["projects"]["reporting"].pk
        )


@pytest.mark.django_db
def test_all_demo(demo):
    projects = _projects()
    assert all(p.is_demo and p.organisation.is_demo and p.created_by.is_demo for p in projects)
    assert not Project.objects.filter(is_demo=False).exists()


@pytest.mark.django_db
def test_every_status_scope_role_and_language(demo):
    projects = _projects()
    statuses = Counter(p.status for p in projects)
    assert set(statuses) == set(ProjectStatus.values)
    assert statuses[ProjectStatus.IMPLEMENTATION] > len(projects) / 2
    assert {p.scope for p in projects} == set(Scope.values)
    roles = Counter(x.role for p in projects for x in p.participants.all())
    assert set(roles) == set(ParticipantRole.values)
    assert any(
        sum(x.role == ParticipantRole.IMPLEMENTING for x in p.participants.all()) >= 2
        for p in projects
    )
    languages = Counter(p.language for p in projects)
    assert all(languages[language] >= len(projects) // 4 for language in ("en", "fr", "es"))
    for project in projects:
        assert detect_language(project.description) == project.language, project.title
    assert Counter(p.visibility for p in projects)["private"] == 1
    assert {"public", "shared"} <= {p.visibility for p in projects}
    assert {p.reporting_frequency for p in projects} == set(Frequency.values)
    for project in projects:
        shares = [c.percentage for c in project.countries.all()] + [
            r.percentage for r in project.regions.all()
        ]
        if any(share is not None for share in shares):
            assert sum(shares) == Decimal(100), project.title
    assert any(
        p.scope == Scope.MULTI_NATIONAL and all(c.percentage for c in p.countries.all())
        for p in projects
    )


@pytest.mark.django_db
def test_regions_of_five_continents(demo):
    continents = set()
    for project in _projects():
        for share in project.countries.all():
            continents.add(share.country.regions()[-1].name_en)
        for share in project.regions.all():
            continents.add(([share.region, *share.region.ancestors()])[-1].name_en)
    assert {"Africa", "Americas", "Asia", "Europe", "Oceania"} <= continents


@pytest.mark.django_db
def test_results_frameworks_of_3_to_12_indicators_with_targets_on_4_to_12_periods(demo):
    measures, dimensions = Counter(), Counter()
    for project in _projects():
        periods = sorted(project.periods.all(), key=lambda p: p.start)
        assert 4 <= len(periods) <= 12, project.title
        indicators = _indicators(project)
        assert 3 <= len(indicators) <= 12, project.title
        for result in project.results.select_related("parent"):
            expected = PARENT_TYPE.get(result.type)
            assert (result.parent.type if result.parent else None) == expected, result.title
        for indicator in indicators:
            measures[indicator.measure] += 1
            dimensions.update(d["dimension"] for d in indicator.dimensions)
            if indicator.measure in QUANTITATIVE:
                targets = [point.target for point in _points(indicator, periods)]
                assert all(target is not None for target in targets), indicator.title
    assert {Measure.UNIT, Measure.PERCENTAGE, Measure.ORDINAL, Measure.QUALITATIVE} <= set(measures)
    assert {"sex", "age_group", "migrant_status", "location"} <= set(dimensions)
    referenced = Indicator.objects.filter(result__project__is_demo=True)
    assert referenced.filter(assessment_indicator__isnull=False).exists()
    assert referenced.filter(capacity_area__isnull=False).exists()
    assert referenced.filter(gcm_objective__isnull=False).exists()
    assert referenced.filter(reporter__isnull=False).exists()


@pytest.mark.django_db
def test_a_record_of_past_periods_as_approved(demo):
    today = timezone.localdate()
    recorded = [p for p in _projects() if p.status in RECORDED and not p.matches.all()]
    assert recorded
    disaggregated = 0
    for project in recorded:
        with_data = {
            value.period_id
            for value in PeriodValue.objects.filter(
                period__project=project, status=ValueStatus.APPROVED
            )
        }
        assert 4 <= len(with_data) <= 12, project.title
    past = PeriodValue.objects.filter(
        period__project__is_demo=True, period__end__lt=today, status=ValueStatus.APPROVED
    ).select_related("indicator")
    for value in past:
        assert value.entered_by and value.reviewed_by and value.reviewed_at, value
        assert value.entered_at <= value.reviewed_at <= timezone.now()
        for figures in value.disaggregation.values():
            disaggregated += 1
            assert sum(Decimal(figure) for figure in figures.values()) == value.actual
    assert disaggregated
    closed = PeriodValue.objects.filter(period__project__status=ProjectStatus.CLOSED)
    assert (
        closed.exclude(actual__isnull=True, narrative="")
        .exclude(status=ValueStatus.APPROVED)
        .count()
        == 0
    )


@pytest.mark.django_db
def test_approvals_pending_a_value_returned_and_drafts(demo):
    values = PeriodValue.objects.filter(period__project__is_demo=True)
    submitted = values.filter(status=ValueStatus.SUBMITTED)
    assert submitted.values("period__project").distinct().count() >= 3
    returned = values.filter(status=ValueStatus.RETURNED)
    assert returned.exists() and all(value.review_comment for value in returned)
    assert values.filter(status=ValueStatus.DRAFT, actual__isnull=False).exists()
    # Today's reporting went through the services: its audit trail is there.
    actions = set(
        AuditEntry.objects.filter(action__startswith="projects.value.").values_list(
            "action", flat=True
        )
    )
    assert {
        "projects.value.saved",
        "projects.value.submitted",
        "projects.value.approved",
        "projects.value.returned",
    } <= actions


@pytest.mark.django_db
def test_late_periods_were_reminded(demo):
    today = timezone.localdate()
    reminders = AuditEntry.objects.filter(action="projects.period.reminder")
    assert reminders.exists()
    late = [
        period
        for period in (
            entry.content_type.get_object_for_this_type(pk=entry.object_id) for entry in reminders
        )
        if period.project.is_demo
    ]
    assert late
    for period in late:
        assert period.end < today
        assert entry_closed_reason(period, period.project, today=today) is None
        indicators = Indicator.objects.filter(result__project=period.project).count()
        assert period.values.exclude(status=ValueStatus.DRAFT).count() < indicators


@pytest.mark.django_db
def test_projects_from_the_hubs_partnerships(demo):
    from_matches = [p for p in _projects() if p.matches.all()]
    assert len(from_matches) >= 3
    for project in from_matches:
        roles = {(x.organisation_id, x.role) for x in project.participants.all()}
        for match in project.matches.all():
            assert match.status == MatchStatus.PARTNERSHIP
            assert (match.request.organisation_id, ParticipantRole.ACCOUNTABLE) in roles
            if match.offer.organisation_id:
                assert (match.offer.organisation_id, ParticipantRole.IMPLEMENTING) in roles
    # Those from accepted matches started the partnership themselves.
    assert demo.counts["partnerships"] >= 4


@pytest.mark.django_db
def test_on_track_at_risk_off_track_and_achieved(demo):
    rules = Rules(on_track_from=90, at_risk_from=60)
    standings = Counter()
    for project in _projects():
        periods = sorted(project.periods.all(), key=lambda p: p.start)
        for indicator in _indicators(project):
            if indicator.measure in QUANTITATIVE:
                progress, _percent = standing(
                    _points(indicator, periods),
                    baseline=indicator.baseline_value,
                    ascending=indicator.ascending,
                    rules=rules,
                )
                standings[progress] += 1
    assert {Progress.ACHIEVED, Progress.ON_TRACK, Progress.AT_RISK, Progress.OFF_TRACK} <= set(
        standings
    )


@pytest.mark.django_db
def test_documents_by_iati_category(demo):
    documents = Document.objects.filter(project__is_demo=True)
    assert {DocumentCategory.MOU, DocumentCategory.EVALUATION, DocumentCategory.RESULTS} <= set(
        documents.values_list("category", flat=True)
    )
    assert all(document.url.startswith("https://") for document in documents)


@pytest.mark.django_db
def test_the_reporting_flow_has_its_people_and_an_open_period(demo):
    flow = demo.first.data["projects"]
    project = Project.objects.prefetch_related("participants").get(pk=flow["reporting"].pk)
    reporter = User.objects.get(email=flow["reporter"])
    approver = User.objects.get(email=flow["approver"])
    today = timezone.localdate()
    assert project.status == ProjectStatus.IMPLEMENTATION
    roles = {(x.organisation_id, x.role) for x in project.participants.all()}
    assert any(
        (organisation_id, ParticipantRole.IMPLEMENTING) in roles
        for organisation_id, role in reporter.organisation_roles.items()
        if role == MembershipRole.CONTRIBUTOR
    )
    assert any(
        (organisation_id, ParticipantRole.ACCOUNTABLE) in roles
        and MembershipRole.rank(role) >= MembershipRole.rank(MembershipRole.EDITOR)
        for organisation_id, role in approver.organisation_roles.items()
    )
    period = project.periods.get(start__lte=today, end__gte=today)
    assert entry_closed_reason(period, project, today=today) is None
    statuses = Counter(value.status for value in period.values.filter(actual__isnull=False))
    assert statuses[ValueStatus.SUBMITTED] and statuses[ValueStatus.RETURNED]
    assert statuses[ValueStatus.DRAFT]
    # Something is left for the reporter to enter.
    assert period.values.filter(actual__isnull=True, narrative="").exists()


@pytest.mark.django_db
def test_evaluations_with_ratings_and_lessons(demo):
    evaluations = Evaluation.objects.filter(project__is_demo=True).select_related("project")
    assert {"mid_term", "final", "impact"} <= set(evaluations.values_list("type", flat=True))
    finished = [e for e in evaluations if e.project.status != ProjectStatus.IMPLEMENTATION]
    assert finished and all(e.completed_on > e.project.planned_start for e in finished)
    assert all(e.report.category == DocumentCategory.EVALUATION for e in evaluations)
    assert all(e.relevance for e in evaluations)
    assert Lesson.objects.filter(evaluation__in=evaluations).count() >= 6
    assert {e.language for e in evaluations} == {"en", "fr", "es"}


@pytest.mark.django_db
def test_some_values_carry_an_evidence_file(demo):
    with_files = PeriodValue.objects.filter(indicator__result__project__is_demo=True).exclude(
        evidence_file=""
    )
    assert with_files.count() >= 10
    value = with_files.first()
    assert value.evidence_file.read().startswith(b"demo data,")
