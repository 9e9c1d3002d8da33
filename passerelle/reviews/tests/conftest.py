"""Fixtures of the review packs' tests: Senegal, with the projects' partnership (a government
accountable, an NGO implementing, a donor funding) placed there, a running project with its
results framework, published assessment cycles, requests for support and pledges."""

from decimal import Decimal

import pytest

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.assessments import services as assessment_services
from passerelle.assessments.models import FrameworkVersion
from passerelle.geo.models import Country
from passerelle.hub import services as hub_services
from passerelle.hub.tests.conftest import advance as advance_request
from passerelle.hub.tests.conftest import request_data
from passerelle.pledges import services as pledge_services
from passerelle.pledges.tests.conftest import advance as advance_pledge
from passerelle.pledges.tests.conftest import pledge_data
from passerelle.projects import services as project_services
from passerelle.projects.tests import conftest as projects

fresh = projects.fresh
# The projects' fixtures: the partnership and its people, a running project in Senegal, its
# results framework and its current period.
accountable, implementer, donor = projects.accountable, projects.implementer, projects.donor
runner, reporter = projects.runner, projects.reporter
make_project, project, open_period = projects.make_project, projects.project, projects.open_period
results_framework = projects.framework


@pytest.fixture
def senegal(db):
    return Country.objects.get(iso3="SEN")


@pytest.fixture
def ghana(db):
    return Country.objects.get(iso3="GHA")


@pytest.fixture
def placed(accountable, senegal):
    """The accountable government is Senegal's."""
    accountable.country = senegal
    accountable.save()
    return accountable


@pytest.fixture
def approved(project, results_framework, reporter, runner, open_period):
    """12 officials trained in the current period, submitted and approved."""
    project_services.value_save(
        actor=fresh(reporter), indicator=results_framework["trained"], period=open_period,
        data=project_services.ValueData(actual=Decimal(12), disaggregation={}),
        expected_version=None,
    )  # fmt: skip
    project_services.values_submit(actor=fresh(reporter), period=open_period)
    project_services.values_approve(actor=fresh(runner), period=open_period)
    return results_framework


def publish_cycle(organisation, admin, title, level, *, version=None):
    """A published cycle of `organisation` on the national framework, RIGHTS.1.1 agreed at
    `level` (so the RIGHTS domain's value is 100 times the level)."""
    version = version or FrameworkVersion.objects.get(
        framework__code="PASSERELLE-NATIONAL", version="1.0"
    )
    assessment = assessment_services.assessment_open(
        actor=admin, organisation=organisation, version=version, title=title,
        scope="national", language="en",
    )  # fmt: skip
    assessment_services.agreed_answer_set(
        actor=admin, assessment=assessment, indicator=version.indicators.get(code="RIGHTS.1.1"),
        expected_version=None, level=level,
    )  # fmt: skip
    assessment_services.assessment_submit(actor=admin, assessment=assessment)
    assessment_services.assessment_sign(actor=admin, assessment=assessment)
    return assessment_services.assessment_publish(
        actor=admin, assessment=assessment, disclosure="scores"
    )


@pytest.fixture
def ministry(senegal):
    """Senegal's verified ministry and its focal point (an administrator)."""
    organisation = OrganisationFactory(
        type="national_government", verification_status="verified", country=senegal,
        name="Ministère de l\u2019Intérieur",
    )  # fmt: skip
    return organisation, MembershipFactory(organisation=organisation, role="admin").user


@pytest.fixture
def cycles(ministry):
    """Two published cycles of the ministry: RIGHTS at 200, then at 400."""
    organisation, admin = ministry
    first = publish_cycle(organisation, admin, "National assessment 2024", 2)
    second = publish_cycle(organisation, admin, "National assessment 2026", 4)
    return first, second


@pytest.fixture
def make_request(placed, runner, secretariat):
    """make_request(status, **data): a request of the Senegalese government, by its editor."""

    def make(status="open", **overrides):
        support_request = hub_services.request_create(
            actor=fresh(runner), organisation=placed, data=request_data(**overrides)
        )
        return advance_request(
            support_request, status, requester=fresh(runner), broker=fresh(secretariat)
        )

    return make


@pytest.fixture
def make_pledge(placed, runner):
    def make(status="published", **overrides):
        pledge = pledge_services.pledge_create(
            actor=fresh(runner), organisation=placed, data=pledge_data(**overrides)
        )
        return advance_pledge(pledge, status, actor=fresh(runner))

    return make
