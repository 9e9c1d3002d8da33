"""Fixtures of the projects' tests: a partnership between a government (accountable), an NGO
(implementing) and a donor (funding), its people in each role, and a running project with a
results framework: an impact, an outcome and an output, a counted indicator disaggregated by
sex, a percentage and a qualitative one, quarterly periods over two years."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.geo.models import Country
from passerelle.projects import services
from passerelle.projects.choices import Measure, ParticipantRole, ProjectStatus, ResultType, Scope
from passerelle.taxonomy.models import CapacityArea, GCMObjective


def fresh(user):
    """The same person as a new object: nothing cached on it (their roles) carries over."""
    return User.objects.get(pk=user.pk) if user is not None else None


def days(n: int) -> datetime.date:
    """Today plus `n` days (minus, for n < 0)."""
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def accountable(db):
    return OrganisationFactory(type="national_government", verification_status="verified")


@pytest.fixture
def implementer(db):
    return OrganisationFactory(type="civil_society")


@pytest.fixture
def donor(db):
    return OrganisationFactory(type="foundation")


@pytest.fixture
def runner(accountable):
    """An editor of the accountable organisation: runs the project and approves values."""
    return MembershipFactory(organisation=accountable, role="editor").user


@pytest.fixture
def reporter(implementer):
    """A contributor of the implementing organisation: enters values."""
    return MembershipFactory(organisation=implementer, role="contributor").user


@pytest.fixture
def implementer_viewer(implementer):
    return MembershipFactory(organisation=implementer, role="viewer").user


@pytest.fixture
def donor_editor(donor):
    return MembershipFactory(organisation=donor, role="editor").user


def project_data(accountable, implementer, donor=None, **overrides) -> services.ProjectData:
    participants = [
        (accountable, ParticipantRole.ACCOUNTABLE),
        (implementer, ParticipantRole.IMPLEMENTING),
    ]
    if donor is not None:
        participants.append((donor, ParticipantRole.FUNDING))
    values = {
        "title": "Border officials trained in screening",
        "description": "Training the officials who work at the border in protection-sensitive "
        "screening and referral.",
        "objectives": "Every border post has trained staff.",
        "planned_start": days(-400),
        "planned_end": days(330),
        "scope": Scope.NATIONAL,
        "countries": [(Country.objects.get(iso3="SEN"), None)],
        "gcm_objectives": [GCMObjective.objects.get(number=11)],
        "capacity_areas": [CapacityArea.objects.get(code="BORD")],
        "participants": participants,
        "gender_marker": 1,
    }
    return services.ProjectData(**{**values, **overrides})


@pytest.fixture
def make_project(accountable, implementer, donor, runner):
    """make_project(status=IMPLEMENTATION, **data): a project recorded by the accountable
    organisation's editor."""

    def make(status=ProjectStatus.IMPLEMENTATION, **overrides):
        return services.project_create(
            actor=fresh(runner),
            organisation=accountable,
            data=project_data(accountable, implementer, donor, **overrides),
            status=status,
        )

    return make


@pytest.fixture
def project(make_project):
    return make_project()


@pytest.fixture
def framework(project, runner):
    """The project's results framework: {"impact", "outcome", "output", "trained" (unit, by
    sex), "share" (percentage), "story" (qualitative)}, with a target on every period of
    "trained" (10 more each quarter) and "share" (5 points more each quarter)."""
    actor = fresh(runner)
    impact = services.result_create(
        actor=actor, project=project,
        data=services.ResultData(type=ResultType.IMPACT, title="Safer borders"),
    )  # fmt: skip
    outcome = services.result_create(
        actor=actor, project=project,
        data=services.ResultData(type=ResultType.OUTCOME, title="Screening works", parent=impact),
    )  # fmt: skip
    output = services.result_create(
        actor=actor, project=project,
        data=services.ResultData(type=ResultType.OUTPUT, title="Officials trained", parent=outcome),
    )  # fmt: skip
    trained = services.indicator_create(
        actor=actor, result=output,
        data=services.IndicatorData(
            title="Officials trained", measure=Measure.UNIT, unit="officials",
            baseline_value=Decimal(0), baseline_date=project.planned_start,
            dimensions={"sex": ["Female", "Male"]},
        ),
    )  # fmt: skip
    share = services.indicator_create(
        actor=actor, result=outcome,
        data=services.IndicatorData(
            title="Border posts applying screening", measure=Measure.PERCENTAGE,
            baseline_value=Decimal(20),
        ),
    )  # fmt: skip
    story = services.indicator_create(
        actor=actor, result=impact,
        data=services.IndicatorData(title="What changed for migrants", measure=Measure.QUALITATIVE),
    )  # fmt: skip
    for n, period in enumerate(project.periods.order_by("start"), start=1):
        services.target_set(actor=actor, indicator=trained, period=period, target=Decimal(10 * n))
        services.target_set(
            actor=actor, indicator=share, period=period, target=Decimal(min(20 + 5 * n, 100))
        )
    return {
        "impact": impact, "outcome": outcome, "output": output,
        "trained": trained, "share": share, "story": story,
    }  # fmt: skip


@pytest.fixture
def open_period(project):
    """The current period: open for entries."""
    return project.periods.get(start__lte=days(0), end__gte=days(0))


@pytest.fixture
def locked_period(project):
    """The project's first period: it ended long ago and is locked."""
    return project.periods.order_by("start").first()


@pytest.fixture
def implementer_editor(implementer):
    return MembershipFactory(organisation=implementer, role="editor").user


@pytest.fixture
def make_match(accountable, runner, implementer, implementer_editor, secretariat):
    """make_match(status="accepted"): a hub match between a request of the accountable
    organisation (its runner asks) and an offer of the implementing one, introduced by the
    secretariat and taken to "proposed", "introduced", "accepted" or "declined"."""
    from passerelle.hub import services as hub
    from passerelle.hub.models import Match
    from passerelle.hub.tests.conftest import advance, offer_data, request_data

    def make(status="accepted"):
        support_request = hub.request_create(
            actor=fresh(runner), organisation=accountable, data=request_data()
        )
        advance(support_request, "open", requester=fresh(runner), broker=fresh(secretariat))
        offer = hub.offer_create(
            actor=fresh(implementer_editor), organisation=implementer,
            data=offer_data(expert_days=30),
        )  # fmt: skip
        hub.offer_publish(actor=fresh(implementer_editor), offer=offer)
        match = Match.objects.create(
            request=support_request, offer=offer, score=0.8,
            explanation={"score": 0.8, "values": {}, "weights": {}},
            computed_at=timezone.now(), in_request_top=True,
        )  # fmt: skip
        if status != "proposed":
            hub.match_introduce(actor=fresh(secretariat), match=match)
        if status in ("accepted", "declined"):
            hub.match_decide(actor=fresh(runner), match=match, side="requester", accept=True)
            hub.match_decide(
                actor=fresh(implementer_editor), match=match, side="provider",
                accept=status == "accepted", reason="" if status == "accepted" else "Booked.",
            )  # fmt: skip
        match.refresh_from_db()
        assert match.status == status
        return match

    return make
