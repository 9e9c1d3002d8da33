"""The assessments part of the demo: what it shows, and that it can run twice. The accounts and
assessments steps run once for the module (twice, in fact), in a transaction rolled back at its
end: they take a few seconds, the checks need none."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from passerelle.accounts.choices import OrganisationType, VerificationStatus
from passerelle.accounts.models import Membership, Organisation, User
from passerelle.assessments import selectors
from passerelle.assessments.choices import (
    AssessmentStatus,
    BenchmarkStatus,
    Disclosure,
    Scope,
)
from passerelle.assessments.demo import EVIDENCE
from passerelle.assessments.models import (
    AgreedAnswer,
    Answer,
    Assessment,
    Assignment,
    Benchmark,
    Signature,
)
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.models import AuditEntry

MODELS = (
    Organisation,
    User,
    Membership,
    Assessment,
    Assignment,
    Answer,
    AgreedAnswer,
    Signature,
    Benchmark,
)
PUBLISHED = AssessmentStatus.PUBLISHED


def _run() -> DemoContext:
    context = DemoContext()
    for step in demo_steps():
        if step.name.split(":")[0] in {"accounts", "assessments"}:
            step.run(context)
    return context


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first = _run()
        counts = _counts()
        audit = AuditEntry.objects.filter(action__startswith="assessments.").count()
        second = _run()
        yield SimpleNamespace(
            first=first,
            second=second,
            counts=counts,
            counts_again=_counts(),
            audit=audit,
            audit_again=AuditEntry.objects.filter(action__startswith="assessments.").count(),
        )
        transaction.set_rollback(True)


def _published():
    return Assessment.objects.filter(status=PUBLISHED).select_related(
        "organisation__country__region", "version__framework"
    )


def _top_region(country):
    return country.regions()[-1].code


@pytest.mark.django_db
def test_runs_twice_without_duplicates_and_prints_its_people(demo):
    assert demo.counts == demo.counts_again
    assert demo.audit == demo.audit_again
    assert not Assessment.objects.filter(is_demo=False).exists()
    assert not Benchmark.objects.filter(is_demo=False).exists()
    assert not Organisation.objects.filter(is_demo=False).exists()
    for context in (demo.first, demo.second):
        emails = {email for email, _password, _role in context.credentials}
        assert {"focal.ghana@demo.passerelle.test", "city.dakar@demo.passerelle.test"} <= emails
    assert User.objects.get(email="city.quito@demo.passerelle.test").check_password(
        "demo-passerelle"
    )


@pytest.mark.django_db
def test_written_through_the_services(demo):
    published = _published().count()
    actions = AuditEntry.objects.filter(action__startswith="assessments.")
    assert actions.filter(action="assessments.assessment.published").count() == published
    assert actions.filter(action="assessments.assessment.signed").count() == published
    assert actions.filter(action="assessments.answer.saved").count() == Answer.objects.count()
    assert actions.filter(action="assessments.benchmark.created").count() == (
        Benchmark.objects.count()
    )
    assert actions.filter(action="assessments.agreed_answer.set").exists()
    assert AuditEntry.objects.filter(action="accounts.organisation.verified").exists()


@pytest.mark.django_db
def test_published_national_and_local_profiles_across_regions(demo):
    published = list(_published())
    national = {a.organisation for a in published if a.scope == Scope.NATIONAL}
    local = {a.organisation for a in published if a.scope == Scope.LOCAL}
    assert len(national) >= 5 and len(local) >= 2
    assert all(o.type == OrganisationType.NATIONAL_GOVERNMENT for o in national)
    assert all(o.type == OrganisationType.LOCAL_GOVERNMENT for o in local)
    assert len({_top_region(o.country) for o in national | local}) >= 3
    for assessment in published:
        framework = "PASSERELLE-LOCAL" if assessment.scope == Scope.LOCAL else "PASSERELLE-NATIONAL"
        assert assessment.version.framework.code == framework
        assert assessment.organisation.can_publish_for_state
    assert {a.disclosure for a in published} == {Disclosure.ALL, Disclosure.SCORES}
    assert {a.language for a in published} == {"en", "fr", "es"}


@pytest.mark.django_db
def test_answers_are_plausible_and_in_the_assessment_language(demo):
    published = list(_published())
    answers = AgreedAnswer.objects.filter(assessment__in=published).select_related("assessment")
    assert all(a.desired_level >= a.level for a in answers)
    national_levels = {a.level for a in answers if a.assessment.scope == Scope.NATIONAL}
    assert national_levels == {1, 2, 3, 4}
    assert {a.level for a in answers if a.assessment.scope == Scope.LOCAL} == {1, 2, 3}
    assert {a.priority for a in answers} >= {"high", "medium", "low"}
    assert any(a.links.startswith("https://") for a in answers)
    for answer in answers:
        phrases = [p for stage in EVIDENCE[answer.assessment.language] for p in stage]
        assert any(phrase in answer.evidence for phrase in phrases), answer.evidence
    # Not every indicator is answered.
    assert any(a.agreed_answers.count() < a.applicable_indicators().count() for a in published)


@pytest.mark.django_db
def test_two_published_cycles_show_progress(demo):
    twice = [
        organisation
        for organisation in Organisation.objects.filter(assessments__status=PUBLISHED).distinct()
        if organisation.assessments.filter(status=PUBLISHED).count() >= 2
    ]
    assert {o.slug for o in twice} >= {"demo-senegal-interior", "demo-mexico-segob"}
    for organisation in twice:
        first, later = organisation.assessments.filter(status=PUBLISHED).order_by("created")
        assert later.baseline == first and first.baseline is None
        assert first.published_at.year < later.published_at.year
        assert first.validated_at < later.created
        series = selectors.cycles(later, user=AnonymousUser())
        assert series == [first, later]
        comparison = selectors.comparison(series)
        assert any((row["change"] or 0) > 0 for row in comparison["indicators"])
        # Some answers were reviewed, some stay as copied from the first cycle.
        flags = set(later.agreed_answers.values_list("from_baseline", flat=True))
        assert flags == {True, False}


@pytest.mark.django_db
def test_one_assessment_in_consultation_with_other_organisations(demo):
    (assessment,) = Assessment.objects.filter(status=AssessmentStatus.CONSULTATION)
    assignments = list(assessment.assignments.select_related("user"))
    outsiders = [
        a.user for a in assignments if assessment.organisation_id not in a.user.organisation_ids
    ]
    assert outsiders == [a.user for a in assignments]
    types = set(
        Membership.objects.filter(user__in=outsiders).values_list("organisation__type", flat=True)
    )
    assert {OrganisationType.NATIONAL_GOVERNMENT, OrganisationType.CIVIL_SOCIETY} <= types
    views: dict[int, dict[int, int]] = {}
    for answer in assessment.answers.all():
        views.setdefault(answer.indicator_id, {})[answer.author_id] = answer.level
    side_by_side = [levels for levels in views.values() if len(levels) >= 2]
    assert side_by_side
    assert any(len(set(levels.values())) >= 2 for levels in side_by_side)
    assert {a.author_id for a in assessment.answers.all()} >= {u.pk for u in outsiders}
    agreed = assessment.agreed_answers.count()
    assert 0 < agreed < len(views)
    assert assessment.organisation.verification_status == VerificationStatus.PENDING


@pytest.mark.django_db
def test_benchmark_board_shows_every_status(demo):
    senegal = Organisation.objects.get(slug="demo-senegal-interior")
    focal = User.objects.get(email="focal.senegal@demo.passerelle.test")
    board = selectors.benchmark_board(user=focal, organisation=senegal)
    assert {row["status"] for row in board} == set(BenchmarkStatus.values)
    for row in board:
        assert row["benchmark"].start_level < row["benchmark"].target_level
        assert row["benchmark"].created < senegal.assessments.latest("created").created
