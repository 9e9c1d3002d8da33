"""Who sees a project: everyone a public one, anonymous visitors included; the members of the
recording and participating organisations and the secretariat a shared one; those members only a
private one. The same answer from the queryset filter, the one-object door and the policy, and
for everything a project holds. Then what each role may do at each status."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.core.permissions import Visibility, get_visible_or_404, policy_for, user_can
from passerelle.geo.models import Region
from passerelle.projects import services
from passerelle.projects.choices import Measure, ParticipantRole, ProjectStatus, ResultType
from passerelle.projects.models import (
    Document,
    Indicator,
    Participant,
    PeriodValue,
    Project,
    ProjectCountry,
    ProjectRegion,
    ReportingPeriod,
    Result,
)

from .conftest import fresh, project_data

pytestmark = pytest.mark.django_db

PEOPLE = [
    "anonymous",
    "outsider",
    "secretariat",
    "recorder",  # an editor of the organisation that recorded the project, not a participant
    "recorder_viewer",
    "runner",  # an editor of the accountable organisation
    "accountable_viewer",
    "reporter",  # a contributor of the implementing organisation
    "implementer_editor",
    "implementer_viewer",
    "donor_editor",  # an editor of the funding organisation
]
MEMBERS = {
    "recorder",
    "recorder_viewer",
    "runner",
    "accountable_viewer",
    "reporter",
    "implementer_editor",
    "implementer_viewer",
    "donor_editor",
}
SEEN_BY = {
    Visibility.PUBLIC: set(PEOPLE),
    Visibility.SHARED: MEMBERS | {"secretariat"},
    Visibility.PRIVATE: MEMBERS,
}


@pytest.fixture
def recorder(organisation):
    return MembershipFactory(organisation=organisation, role="editor").user


@pytest.fixture
def recorder_viewer(organisation):
    return MembershipFactory(organisation=organisation, role="viewer").user


@pytest.fixture
def accountable_viewer(accountable):
    return MembershipFactory(organisation=accountable, role="viewer").user


@pytest.fixture
def implementer_editor(implementer):
    return MembershipFactory(organisation=implementer, role="editor").user


@pytest.fixture
def people(request):
    def person(name):
        return AnonymousUser() if name == "anonymous" else fresh(request.getfixturevalue(name))

    return person


@pytest.fixture
def recorded(organisation, recorder, accountable, implementer, donor):
    """recorded(visibility, status=IMPLEMENTATION): a project `organisation` recorded for a
    partnership it takes no part in."""

    def make(visibility=Visibility.PUBLIC, status=ProjectStatus.IMPLEMENTATION):
        project = services.project_create(
            actor=fresh(recorder),
            organisation=organisation,
            data=project_data(
                accountable, implementer, donor, visibility=visibility, title=f"A {visibility} one"
            ),
            status=ProjectStatus.IMPLEMENTATION,
        )
        if status != ProjectStatus.IMPLEMENTATION:
            Project.objects.filter(pk=project.pk).update(status=status)
        return Project.objects.get(pk=project.pk)

    return make


@pytest.fixture
def contents(runner, reporter):
    """contents(project): one of each thing a project holds (a participant, a recipient country
    and region, a document, a result, an indicator, a period and a value)."""

    def make(project):
        actor = fresh(runner)
        result = services.result_create(
            actor=actor, project=project,
            data=services.ResultData(type=ResultType.IMPACT, title="Safer borders"),
        )  # fmt: skip
        indicator = services.indicator_create(
            actor=actor, result=result,
            data=services.IndicatorData(title="Incidents", measure=Measure.UNIT),
        )  # fmt: skip
        period = project.periods.order_by("start").last()
        value = services.target_set(actor=actor, indicator=indicator, period=period, target=5)
        document = services.document_add(
            actor=actor, project=project, title="MoU", category="A09", language="en",
            url="https://example.org/mou.pdf",
        )  # fmt: skip
        participant = project.participants.first()
        country = project.countries.get()
        place = ProjectRegion.objects.create(project=project, region=Region.objects.get(code="011"))
        return [participant, country, place, document, result, indicator, period, value]

    return make


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.SHARED, Visibility.PRIVATE])
def test_who_sees_a_project(recorded, people, visibility):
    project = recorded(visibility)
    for name in PEOPLE:
        user = people(name)
        sees = name in SEEN_BY[visibility]
        where = f"{name} / {visibility}"
        assert Project.objects.visible_to(user).filter(pk=project.pk).exists() is sees, where
        assert user_can(user, "view", fresh_project(project)) is sees, where
        if sees:
            assert get_visible_or_404(Project.objects.all(), user, pk=project.pk) == project
        else:
            with pytest.raises(Http404):
                get_visible_or_404(Project.objects.all(), user, pk=project.pk)


def fresh_project(project) -> Project:
    return Project.objects.get(pk=project.pk)


def test_a_project_with_several_participants_is_listed_once(recorded, runner):
    """The runner's organisation takes part twice (accountable and funding): still one row."""
    project = recorded(Visibility.PRIVATE)
    Participant.objects.create(
        project=project, organisation_id=fresh(runner).organisation_ids[0],
        role=ParticipantRole.FUNDING,
    )  # fmt: skip
    assert list(Project.objects.visible_to(fresh(runner))) == [project]


def test_the_secretariat_sees_no_private_project(recorded, secretariat):
    shared, private = recorded(Visibility.SHARED), recorded(Visibility.PRIVATE)
    assert set(Project.objects.visible_to(fresh(secretariat))) == {shared}
    assert user_can(fresh(secretariat), "view", private) is False


def test_a_secretariat_member_of_a_participant_sees_its_private_projects(recorded, accountable):
    member = MembershipFactory(organisation=accountable, role="viewer", user__is_broker=True).user
    private = recorded(Visibility.PRIVATE)
    assert list(Project.objects.visible_to(fresh(member))) == [private]


def test_a_member_of_another_organisation_sees_only_the_public_ones(recorded, outsider):
    public = recorded(Visibility.PUBLIC)
    recorded(Visibility.SHARED)
    recorded(Visibility.PRIVATE)
    assert list(Project.objects.visible_to(fresh(outsider))) == [public]
    assert list(Project.objects.visible_to(AnonymousUser())) == [public]


def test_leaving_the_partnership_hides_a_private_project(recorded, implementer, reporter):
    project = recorded(Visibility.PRIVATE)
    assert Project.objects.visible_to(fresh(reporter)).filter(pk=project.pk).exists()
    project.participants.filter(organisation=implementer).delete()
    assert not Project.objects.visible_to(fresh(reporter)).filter(pk=project.pk).exists()
    assert user_can(fresh(reporter), "view", fresh_project(project)) is False


CONTENT_MODELS = [
    Participant, ProjectCountry, ProjectRegion, Document, Result, Indicator, ReportingPeriod,
    PeriodValue,
]  # fmt: skip


@pytest.mark.parametrize("visibility", [Visibility.PUBLIC, Visibility.SHARED, Visibility.PRIVATE])
def test_what_a_project_holds_is_seen_with_it(recorded, contents, people, visibility):
    project = recorded(visibility)
    held = contents(project)
    elsewhere = contents(recorded(Visibility.PRIVATE))  # another, private project's
    assert [type(obj) for obj in held] == CONTENT_MODELS
    for name in PEOPLE:
        user = people(name)
        sees = name in SEEN_BY[visibility]
        for obj, other in zip(held, elsewhere, strict=True):
            model, where = type(obj), f"{name} / {visibility} / {type(obj).__name__}"
            # The door's filter (the countries' and regions' manager has no visible_to).
            visible = model.objects.filter(policy_for(model).visible_q(user))
            assert visible.filter(pk=obj.pk).exists() is sees, where
            assert visible.filter(pk=other.pk).exists() is (name in MEMBERS), where
            assert user_can(user, "view", model.objects.get(pk=obj.pk)) is sees, where


@pytest.mark.parametrize("action", ["change", "delete", "report", "approve"])
def test_what_a_project_holds_is_changed_only_through_the_project(
    recorded, contents, runner, reporter, action
):
    """Its policy answers "view" alone: writes go through the project's actions."""
    for obj in contents(recorded()):
        for user in (fresh(runner), fresh(reporter)):
            assert user_can(user, action, obj) is False, (type(obj).__name__, action)


# What each role may do -----------------------------------------------------------------------

ACTIONS = ("change", "change_status", "report", "approve")
RUNNERS = {"recorder", "runner"}
REPORTERS = {"reporter", "implementer_editor"}
APPROVERS = {"runner"}  # the accountable organisation's editors; not the recorder's
REPORTING = {ProjectStatus.IMPLEMENTATION, ProjectStatus.FINALISATION}
HISTORY = {ProjectStatus.CLOSED, ProjectStatus.CANCELLED}


def allowed(name, action, status) -> bool:
    if action == "change":
        return name in RUNNERS and status not in HISTORY
    if action == "change_status":
        return name in RUNNERS
    if action == "report":
        return name in REPORTERS and status in REPORTING
    return name in APPROVERS and status in REPORTING


@pytest.mark.parametrize("status", list(ProjectStatus))
def test_what_each_role_may_do_at_each_status(recorded, people, status):
    project = recorded(Visibility.PUBLIC, status=status)
    for name in PEOPLE:
        user = people(name)
        for action in ACTIONS:
            expected = allowed(name, action, status)
            got = user_can(user, action, fresh_project(project))
            assert got is expected, f"{name} / {action} / {status.label}"


def test_an_unknown_action_is_denied(recorded, runner, recorder, secretariat):
    project = recorded()
    for user in (fresh(runner), fresh(recorder), fresh(secretariat)):
        assert user_can(user, "delete", project) is False
        assert user_can(user, "publish", project) is False


def test_an_administrator_of_the_accountable_organisation_approves(recorded, accountable):
    admin = MembershipFactory(organisation=accountable, role="admin").user
    project = fresh_project(recorded())
    assert user_can(fresh(admin), "approve", project)
    assert user_can(fresh(admin), "change", project)


def test_a_contributor_of_the_accountable_organisation_neither_runs_nor_approves(
    recorded, accountable
):
    contributor = MembershipFactory(organisation=accountable, role="contributor").user
    project = fresh_project(recorded())
    for action in ACTIONS:
        assert user_can(fresh(contributor), action, project) is False, action


def test_an_implementer_that_also_funds_reports_but_does_not_run(recorded, implementer, reporter):
    project = recorded()
    Participant.objects.create(
        project=project, organisation=implementer, role=ParticipantRole.FUNDING
    )
    project = fresh_project(project)
    assert user_can(fresh(reporter), "report", project)
    assert user_can(fresh(reporter), "change", project) is False


def test_the_secretariat_runs_nothing(recorded, secretariat):
    project = fresh_project(recorded(Visibility.SHARED))
    for action in ACTIONS:
        assert user_can(fresh(secretariat), action, project) is False, action


def test_a_second_implementing_organisation_reports_too(recorded):
    project = recorded()
    other = OrganisationFactory(type="civil_society")
    Participant.objects.create(
        project=project, organisation=other, role=ParticipantRole.IMPLEMENTING
    )
    its_reporter = MembershipFactory(organisation=other, role="contributor").user
    assert user_can(fresh(its_reporter), "report", fresh_project(project))
