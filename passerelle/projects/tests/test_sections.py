"""What projects add to other modules' pages: the projects in a country, in a regional body's
member States, under a GCM objective and in a capacity area (with the indicators tagged with
them, by standing), of an organisation; what waits for a person on their dashboard; the figures
of the home page; on a published assessment's profile, the results of projects measured against
its framework's indicators. A private project shows only to its organisations' members."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from passerelle.assessments import services as assessment_services
from passerelle.assessments.models import FrameworkVersion
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country
from passerelle.projects import services
from passerelle.projects.choices import Measure, ParticipantRole, ResultType, Scope
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import fresh, project_data

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def as_(person) -> Client:
    return Client() if person is None else logged_in(person)


def _tagged_indicator(project, runner, title, **tags):
    result = services.result_create(
        actor=fresh(runner), project=project,
        data=services.ResultData(type=ResultType.IMPACT, title="Safer borders"),
    )  # fmt: skip
    return services.indicator_create(
        actor=fresh(runner), result=result,
        data=services.IndicatorData(title=title, measure=Measure.UNIT, **tags),
    )  # fmt: skip


@pytest.fixture
def open_and_quiet(make_project, runner):
    """Two running projects in Senegal, under objective 11 and in the border area, each with an
    indicator tagged with both: one public, one private."""
    tags = {
        "gcm_objective": GCMObjective.objects.get(number=11),
        "capacity_area": CapacityArea.objects.get(code="BORD"),
    }
    projects = {}
    for name, visibility in (("Open", Visibility.PUBLIC), ("Quiet", Visibility.PRIVATE)):
        project = make_project(visibility=visibility, title=f"{name} border project")
        _tagged_indicator(project, runner, f"{name} border indicator", **tags)
        projects[name] = project
    return projects


PAGES = {
    "country": lambda o: reverse("geo:country_detail", kwargs={"iso3": "SEN"}),
    "regional_body": lambda o: reverse("geo:regional_body_detail", kwargs={"code": "ECOWAS"}),
    "objective": lambda o: reverse("taxonomy:objective_detail", kwargs={"number": 11}),
    "capacity_area": lambda o: reverse("taxonomy:capacity_area_detail", kwargs={"code": "BORD"}),
    "organisation": lambda o: reverse("accounts:organisation_detail", kwargs={"slug": o.slug}),
}
HEADINGS = {
    "country": "Projects",
    "regional_body": "Projects in member States",
    "objective": "Project indicators for this objective",
    "capacity_area": "Project indicators in this capacity area",
    "organisation": "Projects",
}


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize(
    "who, sees_quiet",
    [(None, False), ("outsider", False), ("secretariat", False), ("reporter", True),
     ("runner", True)],
)  # fmt: skip
def test_the_pages_show_the_projects_a_person_may_see(
    request, open_and_quiet, implementer, page, who, sees_quiet
):
    person = request.getfixturevalue(who) if who else None
    response = as_(person).get(PAGES[page](implementer))
    assert response.status_code == 200
    content = response.content.decode()
    assert HEADINGS[page] in content
    assert "Open border project" in content
    assert ("Quiet border project" in content) == sees_quiet
    assert open_and_quiet["Open"].get_absolute_url() in content


@pytest.mark.parametrize("page", ["objective", "capacity_area"])
def test_review_pages_summarise_the_tagged_indicators_by_standing(
    request, open_and_quiet, implementer, runner, page
):
    response = Client().get(PAGES[page](implementer))
    content = response.content.decode()
    assert "Open border indicator" in content
    assert "Quiet border indicator" not in content
    [section] = [s for s in response.context["sections"] if "Standing" in s]
    assert "No data yet" in section  # no value approved yet
    members = logged_in(runner).get(PAGES[page](implementer)).content.decode()
    assert "Quiet border indicator" in members


def test_a_page_without_projects_shows_no_projects_section(open_and_quiet):
    response = Client().get(reverse("geo:country_detail", kwargs={"iso3": "FRA"}))
    assert "Open border project" not in response.content.decode()
    assert not any("projects-heading" in section for section in response.context["sections"])


def test_the_country_section_links_to_the_portfolio_filtered(open_and_quiet):
    content = Client().get(PAGES["country"](None)).content.decode()
    assert f"{reverse('projects:project_list')}?country=SEN" in content


# The dashboard --------------------------------------------------------------------------------


def test_the_dashboard_tells_the_approver_what_waits(
    project, framework, open_period, reporter, runner
):
    dashboard = reverse("accounts:dashboard")
    assert "waiting for your approval" not in logged_in(runner).get(dashboard).content.decode()
    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=services.ValueData(actual=Decimal(12)), expected_version=None,
    )  # fmt: skip
    services.values_submit(actor=fresh(reporter), period=open_period)
    content = logged_in(runner).get(dashboard).content.decode()
    assert "Your projects" in content
    assert project.title in content
    assert "1 period has values waiting for your approval." in content
    # The reporter submitted: nothing waits for them.
    assert "waiting for your approval" not in logged_in(reporter).get(dashboard).content.decode()


def test_the_dashboard_tells_the_reporter_what_came_back(
    project, framework, open_period, reporter, runner, outsider
):
    dashboard = reverse("accounts:dashboard")
    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=services.ValueData(actual=Decimal(12)), expected_version=None,
    )  # fmt: skip
    services.values_submit(actor=fresh(reporter), period=open_period)
    value = open_period.values.get(indicator=framework["trained"])
    services.value_return(actor=fresh(runner), value=value, comment="Count again.")
    content = logged_in(reporter).get(dashboard).content.decode()
    assert "1 value was returned to you to fix." in content
    assert "returned to you" not in logged_in(runner).get(dashboard).content.decode()
    assert "Your projects" not in logged_in(outsider).get(dashboard).content.decode()


# The home page --------------------------------------------------------------------------------


@pytest.mark.parametrize("who, count", [(None, 1), ("outsider", 1), ("runner", 2)])
def test_the_home_page_counts_the_projects_a_person_may_see(request, open_and_quiet, who, count):
    person = request.getfixturevalue(who) if who else None
    response = as_(person).get(reverse("core:home"))
    [section] = [s for s in response.context["sections"] if "project-figures-heading" in s]
    assert "Partnerships and results" in section
    assert f"<strong>{count}</strong> projects</a>" in section
    assert f"<strong>{count}</strong> projects running</a>" in section


# A published assessment's profile -------------------------------------------------------------


@pytest.fixture
def published(accountable):
    """The accountable government's published self-assessment (PASSERELLE-NATIONAL 1.0)."""
    version = FrameworkVersion.objects.get(framework__code="PASSERELLE-NATIONAL")
    focal_point = MembershipFactory(organisation=accountable, role="admin").user
    assessment = assessment_services.assessment_open(
        actor=focal_point, organisation=accountable, version=version, title="Published",
        scope="national", language="en",
    )  # fmt: skip
    assessment_services.agreed_answer_set(
        actor=focal_point, assessment=assessment,
        indicator=version.indicators.get(code="RIGHTS.1.1"), expected_version=None, level=3,
    )  # fmt: skip
    assessment_services.assessment_submit(actor=focal_point, assessment=assessment)
    assessment_services.assessment_sign(actor=focal_point, assessment=assessment)
    assessment_services.assessment_publish(
        actor=focal_point, assessment=assessment, disclosure="scores"
    )
    return assessment


def test_the_profile_shows_the_project_results_on_its_indicators(
    published, make_project, runner, implementer
):
    """The results of the projects the assessing organisation takes part in, measured against
    the framework's indicators; not those of others, nor a private one to outsiders."""
    reference = published.version.indicators.get(code="RIGHTS.1.1")
    ours = make_project(title="Our rights project")
    _tagged_indicator(ours, runner, "Decrees reviewed", assessment_indicator=reference)
    _tagged_indicator(ours, runner, "Untagged count")
    quiet = make_project(title="Our quiet project", visibility=Visibility.PRIVATE)
    _tagged_indicator(quiet, runner, "Quiet decrees", assessment_indicator=reference)
    elsewhere = OrganisationFactory(type="national_government")
    elsewhere_editor = MembershipFactory(organisation=elsewhere, role="editor").user
    theirs = services.project_create(
        actor=fresh(elsewhere_editor), organisation=elsewhere,
        data=project_data(
            elsewhere, implementer, title="Their rights project", scope=Scope.NATIONAL,
            countries=[(Country.objects.get(iso3="FRA"), None)],
            participants=[(elsewhere, ParticipantRole.ACCOUNTABLE),
                          (implementer, ParticipantRole.IMPLEMENTING)],
        ),
    )  # fmt: skip
    _tagged_indicator(theirs, elsewhere_editor, "Their decrees", assessment_indicator=reference)

    url = reverse("assessments:profile", kwargs={"pk": published.pk})
    response = Client().get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Project results on these indicators" in content
    assert "Decrees reviewed" in content
    assert "Our rights project" in content
    assert "Untagged count" not in content
    assert "Their decrees" not in content
    assert "Quiet decrees" not in content
    assert "Quiet decrees" in logged_in(runner).get(url).content.decode()


def test_the_profile_has_no_project_section_without_tagged_results(published, project):
    response = Client().get(reverse("assessments:profile", kwargs={"pk": published.pk}))
    assert "Project results on these indicators" not in response.content.decode()


def test_review_pages_keep_to_the_indicators_of_the_latest_projects(framework, runner):
    from passerelle.projects import selectors

    from .conftest import fresh

    everything = selectors.tagged_indicators(user=fresh(runner))
    latest = selectors.tagged_indicators(user=fresh(runner), limit=2)
    assert len(everything) == 3 and len(latest) == 2
