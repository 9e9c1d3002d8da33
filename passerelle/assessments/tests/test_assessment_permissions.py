"""Who sees an assessment, its sections, its answers and its scores; who sees and sets an
organisation's targets; who may turn a gap into a request for support."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.assessments import interchange, selectors, services
from passerelle.assessments.models import AgreedAnswer, Assessment, Benchmark, FrameworkVersion
from passerelle.assessments.permissions import (
    may_answer_section,
    may_read_section,
    may_read_views,
)
from passerelle.core.models import AuditEntry
from passerelle.core.permissions import get_visible_or_404, user_can

pytestmark = pytest.mark.django_db


def member(organisation, role):
    return MembershipFactory(organisation=organisation, role=role).user


def agree(actor, assessment, code, **fields):
    indicator = assessment.version.indicators.get(code=code)
    current = AgreedAnswer.objects.filter(assessment=assessment, indicator=indicator).first()
    return services.agreed_answer_set(
        actor=actor,
        assessment=assessment,
        indicator=indicator,
        expected_version=current.lock_version if current else None,
        **fields,
    )


def reload(assessment):
    return Assessment.objects.get(pk=assessment.pk)


def validate(coordinator, assessment):
    services.assessment_submit(actor=coordinator, assessment=assessment)
    services.assessment_sign(actor=coordinator, assessment=assessment)
    return reload(assessment)


def publish(coordinator, assessment, disclosure):
    agree(coordinator, assessment, "RIGHTS.1.1", level=2)
    validate(coordinator, assessment)
    services.assessment_publish(actor=coordinator, assessment=assessment, disclosure=disclosure)
    return reload(assessment)


def sees(user, assessment) -> bool:
    """Whether `user` finds the assessment, by every way in (and all ways agree)."""
    listed = Assessment.objects.visible_to(user).filter(pk=assessment.pk).count()
    assert listed in (0, 1)  # never twice, whatever the joins
    try:
        get_visible_or_404(Assessment.objects.all(), user, pk=assessment.pk)
        fetched = True
    except Http404:
        fetched = False
    try:
        selectors.assessment_get(user=user, pk=assessment.pk)
        got = True
    except Http404:
        got = False
    in_list = selectors.assessment_list(user=user).filter(pk=assessment.pk).exists()
    can = user_can(user, "view", reload(assessment))
    assert bool(listed) == fetched == got == in_list == can
    return fetched


def domain_ids(assessment, *codes):
    return list(assessment.version.domains.filter(code__in=codes).values_list("pk", flat=True))


@pytest.fixture
def contributor(assessment, focal_point, ministry_contributor):
    """Another ministry's editor, given the RIGHTS section."""
    services.assignment_add(
        actor=focal_point,
        assessment=assessment,
        domain=assessment.version.domains.get(code="RIGHTS"),
        user=ministry_contributor,
    )
    return ministry_contributor


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


# --- who sees an assessment -------------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "consultation", "submitted", "validated"])
def test_an_unpublished_assessment_is_invisible_to_others(
    status, assessment, focal_point, outsider, secretariat, superuser, ministry_contributor
):
    agree(focal_point, assessment, "RIGHTS.1.1", level=2)
    if status == "consultation":
        services.consultation_start(actor=focal_point, assessment=assessment)
    if status in ("submitted", "validated"):
        services.assessment_submit(actor=focal_point, assessment=assessment)
    if status == "validated":
        services.assessment_sign(actor=focal_point, assessment=assessment)
    assessment = reload(assessment)
    assert assessment.status == status
    # The secretariat included: an assessment is its organisation's until it publishes it.
    for user in (AnonymousUser(), outsider, secretariat, superuser, ministry_contributor):
        assert not sees(user, assessment)
        for action in ("view_scores", "view_answers", "coordinate"):
            assert not user_can(user, action, assessment)
        assert not may_read_views(user, assessment)
        assert not any(
            may_read_section(user, assessment, pk) for pk in domain_ids(assessment, "RIGHTS")
        )
    assert sees(focal_point, assessment)


@pytest.mark.parametrize("role", ["viewer", "contributor", "editor", "admin"])
def test_every_member_sees_all_of_an_unpublished_assessment(role, assessment, verified_government):
    user = member(verified_government, role)
    assert sees(user, assessment)
    assert user_can(user, "view_scores", assessment)
    assert user_can(user, "view_answers", assessment)
    assert may_read_views(user, assessment)
    all_domains = domain_ids(assessment, "RIGHTS", "WGA", "PARTNERSHIPS", "WELLBEING")
    assert all(may_read_section(user, assessment, pk) for pk in all_domains)
    assert user_can(user, "coordinate", assessment) == (role == "admin")
    assert selectors.cycles(assessment, user=user) == [assessment]


def test_an_invited_contributor_sees_the_assigned_sections_only(
    assessment, focal_point, contributor
):
    assert sees(contributor, assessment)
    rights, wga, sorm = (domain_ids(assessment, code)[0] for code in ("RIGHTS", "WGA", "SORM"))
    assessment = reload(assessment)
    assert may_read_section(contributor, assessment, rights)
    assert may_answer_section(contributor, assessment, rights)
    assert not may_read_section(contributor, assessment, wga)
    assert not may_answer_section(contributor, assessment, wga)
    # Neither the organisation's working papers nor its scores before publication.
    assert not may_read_views(contributor, assessment)
    assert not user_can(contributor, "view_answers", assessment)
    assert not user_can(contributor, "view_scores", assessment)
    assert selectors.cycles(assessment, user=contributor) == []  # not a member: published only
    # A second section: still one assessment in the lists, two sections readable.
    services.assignment_add(
        actor=focal_point,
        assessment=assessment,
        domain=assessment.version.domains.get(code="WGA"),
        user=contributor,
    )
    assert sees(contributor, assessment)
    assessment = reload(assessment)
    assert may_read_section(contributor, assessment, wga)
    assert not may_read_section(contributor, assessment, sorm)
    # Sections taken back: the assessment disappears.
    for assignment in assessment.assignments.all():
        services.assignment_remove(actor=focal_point, assignment=assignment)
    assert not sees(contributor, assessment)


def test_a_contributor_does_not_see_other_assessments_of_the_organisation(
    assessment, contributor, focal_point, verified_government, national_version
):
    other = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Another cycle", scope="national", language="en",
    )  # fmt: skip
    assert sees(contributor, assessment)
    assert not sees(contributor, other)


def test_published_with_scores_only(assessment, focal_point, outsider, secretariat, contributor):
    assessment = publish(focal_point, assessment, "scores")
    rights, wga = domain_ids(assessment, "RIGHTS", "WGA")
    for user in (AnonymousUser(), outsider, secretariat):
        assert sees(user, assessment)
        assert user_can(user, "view_scores", assessment)
        assert not user_can(user, "view_answers", assessment)
        assert not may_read_section(user, assessment, rights)
        assert not may_read_views(user, assessment)
        assert not user_can(user, "coordinate", assessment)
        assert not may_answer_section(user, assessment, rights)  # published: closed
    assert selectors.cycles(assessment, user=outsider) == [assessment]
    # The contributor keeps their section, not the others.
    assert may_read_section(contributor, assessment, rights)
    assert not may_read_section(contributor, assessment, wga)
    assert not may_answer_section(contributor, assessment, rights)


def test_published_with_everything(assessment, focal_point, outsider, contributor):
    assessment = publish(focal_point, assessment, "all")
    all_domains = domain_ids(assessment, "RIGHTS", "WGA", "PARTNERSHIPS", "SORM")
    for user in (AnonymousUser(), outsider, contributor):
        assert sees(user, assessment)
        assert user_can(user, "view_scores", assessment)
        assert user_can(user, "view_answers", assessment)
        assert all(may_read_section(user, assessment, pk) for pk in all_domains)
        # Contributors' individual views stay with the organisation.
        assert not may_read_views(user, assessment)


# --- benchmarks -------------------------------------------------------------------------------


def future(days=100):
    return timezone.localdate() + timedelta(days=days)


def target(actor, organisation, version, code="RIGHTS.1.1", level=4, date=None, **fields):
    return services.benchmark_create(
        actor=actor,
        organisation=organisation,
        indicator=version.indicators.get(code=code),
        target_level=level,
        target_date=date or future(),
        **fields,
    )


@pytest.fixture
def benchmark(focal_point, verified_government, national_version):
    return target(focal_point, verified_government, national_version, note="  By 2030.  ")


def test_members_see_benchmarks_outsiders_do_not(
    benchmark, verified_government, outsider, secretariat, contributor
):
    for role in ("viewer", "editor", "admin"):
        user = member(verified_government, role)
        assert list(Benchmark.objects.visible_to(user)) == [benchmark]
        assert user_can(user, "view", benchmark)
        assert get_visible_or_404(Benchmark.objects.all(), user, pk=benchmark.pk) == benchmark
        assert [row["benchmark"] for row in selectors.benchmark_board(
            user=user, organisation=verified_government
        )] == [benchmark]  # fmt: skip
    # Invited contributors and the secretariat are not members.
    for user in (AnonymousUser(), outsider, secretariat, contributor):
        assert not Benchmark.objects.visible_to(user).exists()
        assert not user_can(user, "view", benchmark)
        with pytest.raises(Http404):
            get_visible_or_404(Benchmark.objects.all(), user, pk=benchmark.pk)
        assert selectors.benchmark_board(user=user, organisation=verified_government) == []


def test_only_administrators_delete_benchmarks(
    benchmark, focal_point, verified_government, outsider
):
    for user in (member(verified_government, "editor"), member(verified_government, "viewer")):
        assert not user_can(user, "delete", benchmark)
        with pytest.raises(PermissionDenied):
            services.benchmark_delete(actor=user, benchmark=benchmark)
    with pytest.raises(PermissionDenied):
        services.benchmark_delete(actor=outsider, benchmark=benchmark)
    assert Benchmark.objects.filter(pk=benchmark.pk).exists()
    assert user_can(focal_point, "delete", benchmark)
    services.benchmark_delete(actor=focal_point, benchmark=benchmark)
    assert not Benchmark.objects.exists()
    entry = AuditEntry.objects.for_object(verified_government).get()
    assert entry.action == "assessments.benchmark.deleted"
    assert entry.data == {"indicator": "RIGHTS.1.1", "target_level": 4}


def test_a_benchmark_without_any_assessment(benchmark, focal_point):
    assert benchmark.start_level is None
    assert (benchmark.target_level, benchmark.target_date) == (4, future())
    assert benchmark.note == "By 2030." and benchmark.created_by == focal_point
    entry = AuditEntry.objects.for_object(benchmark).get()
    assert entry.action == "assessments.benchmark.created"
    assert entry.data == {"indicator": "RIGHTS.1.1", "target_level": 4, "date": str(future())}


def test_the_start_level_is_the_latest_validated_one(
    assessment, focal_point, verified_government, national_version
):
    agree(focal_point, assessment, "RIGHTS.1.1", level=1)
    validate(focal_point, assessment)
    later = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Later", scope="national", language="en",
    )  # fmt: skip
    agree(focal_point, later, "RIGHTS.1.1", level=2)
    validate(focal_point, later)
    draft = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Draft", scope="national", language="en",
    )  # fmt: skip
    agree(focal_point, draft, "RIGHTS.1.1", level=3)  # not validated: does not count
    benchmark = target(focal_point, verified_government, national_version, level=4)
    assert benchmark.start_level == 2
    # An indicator answered by none of them.
    other = target(focal_point, verified_government, national_version, code="SORM.1.1", level=2)
    assert other.start_level is None
    (row,) = [
        r
        for r in selectors.benchmark_board(user=focal_point, organisation=verified_government)
        if r["benchmark"] == benchmark
    ]
    # Set today from level 2: the line starts at 2, the organisation is at 2: on track.
    assert (row["current"], row["status"]) == (2, "on_track")


def test_the_target_must_be_above_the_current_level(
    assessment, focal_point, verified_government, national_version
):
    agree(focal_point, assessment, "RIGHTS.1.1", level=2)
    validate(focal_point, assessment)
    for level in (1, 2):
        with pytest.raises(ValidationError) as raised:
            target(focal_point, verified_government, national_version, level=level)
        assert raised.value.message_dict == {
            "target_level": ["The organisation is at level 2 already: aim higher."]
        }
    assert not Benchmark.objects.exists()
    assert target(focal_point, verified_government, national_version, level=3).start_level == 2


@pytest.mark.parametrize("days", [0, -1, -365])
def test_the_target_date_must_be_in_the_future(
    days, focal_point, verified_government, national_version
):
    with pytest.raises(ValidationError) as raised:
        target(
            focal_point, verified_government, national_version,
            date=timezone.localdate() + timedelta(days=days),
        )  # fmt: skip
    assert raised.value.message_dict == {"target_date": ["Choose a date in the future."]}
    assert not Benchmark.objects.exists()


def test_the_target_level_is_on_the_scale(
    focal_point, verified_government, national_version, local_version
):
    for level in (0, 5):
        with pytest.raises(ValidationError, match="Choose a level from 1 to 4"):
            target(focal_point, verified_government, national_version, level=level)
    with pytest.raises(ValidationError, match="Choose a level from 1 to 3"):
        target(focal_point, verified_government, local_version, level=4)
    assert target(focal_point, verified_government, local_version, level=3).target_level == 3


def test_one_target_per_indicator_and_date(benchmark, focal_point, verified_government):
    with pytest.raises(ValidationError, match="has a target on this date already"):
        target(focal_point, verified_government, benchmark.indicator.version)
    other_date = target(
        focal_point, verified_government, benchmark.indicator.version, date=future(200)
    )
    assert Benchmark.objects.count() == 2 and other_date.pk != benchmark.pk


def test_only_a_published_indicator_is_a_target(
    focal_point, verified_government, national_version, secretariat
):
    rows = interchange.version_rows(national_version)
    draft = services.version_import(
        actor=secretariat, framework=national_version.framework, version="1.1",
        scale=national_version.scale, previous=national_version, rows=rows,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Choose an indicator of a published framework"):
        target(focal_point, verified_government, draft)


def test_only_administrators_set_targets(verified_government, national_version, outsider):
    for user in (
        member(verified_government, "editor"),
        member(verified_government, "viewer"),
        outsider,
    ):
        with pytest.raises(PermissionDenied):
            target(user, verified_government, national_version)
    assert not Benchmark.objects.exists()
    assert not AuditEntry.objects.filter(action="assessments.benchmark.created").exists()


# --- from a gap to a request for support ------------------------------------------------------


@pytest.fixture
def french(focal_point, verified_government, national_version):
    cycle = services.assessment_open(
        actor=focal_point, organisation=verified_government, version=national_version,
        title="Évaluation nationale", scope="national", language="fr",
    )  # fmt: skip
    agree(focal_point, cycle, "RIGHTS.1.1", level=1, desired_level=3, priority="high")
    return cycle


def test_an_editor_gets_a_draft_request_in_the_assessments_language(french, verified_government):
    editor = member(verified_government, "editor")
    indicator = french.version.indicators.get(code="RIGHTS.1.1")
    assert indicator.question_fr and indicator.question_fr != indicator.question_en
    with translation.override("en"):
        draft = services.request_draft_from_gap(
            actor=editor, assessment=french, indicator=indicator
        )
        assert translation.get_language() == "en"  # the page's language is left alone
    with translation.override("fr"):
        expected_title = gettext("Support to close a gap: %(indicator)s") % {
            "indicator": "RIGHTS.1.1"
        }
    assert draft.title == expected_title
    assert draft.description.startswith(indicator.question_fr + "\n\n")
    assert indicator.question_en not in draft.description
    assert "Évaluation nationale" in draft.description
    assert "level 1" in draft.description or "niveau 1" in draft.description
    assert (draft.current_level, draft.desired_level, draft.priority) == (1, 3, "high")
    assert (draft.language, draft.scope) == ("fr", "national")
    assert draft.organisation == verified_government
    assert draft.country == verified_government.country
    assert (draft.assessment, draft.indicator) == (french, indicator)
    areas = list(indicator.capacity_areas.all())
    assert areas and draft.capacity_areas == areas
    assert draft.gcm_objectives == list(indicator.gcm_objectives.all())


def test_the_coordinator_may_ask_too(french, focal_point):
    indicator = french.version.indicators.get(code="RIGHTS.1.1")
    draft = services.request_draft_from_gap(
        actor=focal_point, assessment=french, indicator=indicator
    )
    assert draft.current_level == 1


@pytest.mark.parametrize(
    "fields",
    [
        None,  # no agreed answer
        {"level": 3, "desired_level": 3},  # gap 0
        {"level": 4, "desired_level": 2},  # gap -2
        {"level": None, "desired_level": 3},  # no level
        {"level": 2, "desired_level": None},  # no target
    ],
)
def test_no_request_without_a_positive_gap(fields, french, focal_point):
    if fields is not None:
        agree(focal_point, french, "WGA.1.1", **fields)
    indicator = french.version.indicators.get(code="WGA.1.1")
    with pytest.raises(ValidationError, match="shows no gap to ask support for"):
        services.request_draft_from_gap(actor=focal_point, assessment=french, indicator=indicator)


def test_a_contributors_view_is_not_a_gap(french, verified_government):
    editor = member(verified_government, "editor")
    indicator = french.version.indicators.get(code="WGA.1.1")
    services.answer_save(
        actor=editor, assessment=french, indicator=indicator, expected_version=None,
        level=1, desired_level=4,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="no gap"):
        services.request_draft_from_gap(actor=editor, assessment=french, indicator=indicator)


def test_only_the_organisations_editors_ask_for_support(
    french, verified_government, outsider, secretariat, focal_point, ministry_contributor
):
    services.assignment_add(
        actor=focal_point,
        assessment=french,
        domain=french.version.domains.get(code="RIGHTS"),
        user=ministry_contributor,
    )
    indicator = french.version.indicators.get(code="RIGHTS.1.1")
    for user in (
        AnonymousUser(),
        outsider,
        secretariat,
        ministry_contributor,  # answers the section, but does not speak for the organisation
        member(verified_government, "viewer"),
        member(verified_government, "contributor"),
    ):
        with pytest.raises(PermissionDenied):
            services.request_draft_from_gap(actor=user, assessment=french, indicator=indicator)


def test_frameworks_stay_public_while_assessments_are_private(national_version, outsider):
    # The framework an assessment runs on is public: anyone may read what it is assessed on.
    for user in (AnonymousUser(), outsider):
        assert user_can(user, "view", national_version)
        assert FrameworkVersion.objects.visible_to(user).filter(pk=national_version.pk).exists()
