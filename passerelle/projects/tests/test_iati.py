"""The IATI 2.03 export: valid against the official schema (validated offline, from the copies
in data/iati-2.03/), written with codes that IATI's codelists hold, publishing only approved
values, and for public projects only, in a number of queries that does not grow with them."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from lxml import etree

from passerelle.accounts.choices import IATI_ORGANISATION_TYPE
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country, Region
from passerelle.projects import iati, services
from passerelle.projects.choices import (
    DocumentCategory,
    Measure,
    ParticipantRole,
    ProjectStatus,
    ResultType,
    Scope,
    ValueStatus,
)
from passerelle.projects.models import DAC_MIGRATION, Project
from passerelle.taxonomy.models import GCMObjective

from .conftest import days, fresh

DATA = Path(__file__).parent / "data" / "iati-2.03"
BASE_URL = "https://passerelle.example.org"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    # The activity schema finds iati-common.xsd and xml.xsd beside it (relative schemaLocation).
    return etree.XMLSchema(etree.parse(str(DATA / "iati-activities-schema.xsd")))


def valid(content: bytes, schema) -> etree._Element:
    document = etree.fromstring(content)
    schema.assertValid(document)
    return document


def codelist(name: str) -> set[str]:
    """The codes of an IATI codelist still in use."""
    items = etree.parse(str(DATA / "codelists" / f"{name}.xml")).iter("codelist-item")
    return {item.findtext("code") for item in items if item.get("status") != "withdrawn"}


def exported(project, schema=None) -> etree._Element:
    """The project's `<iati-activity>`, read as the bulk export reads it; checked against the
    schema when one is given."""
    project = iati.exportable_projects().get(pk=project.pk)
    document = etree.fromstring(iati.activities_document([project], base_url=BASE_URL))
    if schema is not None:
        schema.assertValid(document)
    return document.find("iati-activity")


def indicator_node(activity, title: str):
    (node,) = activity.xpath("result/indicator[title/narrative=$title]", title=title)
    return node


def period_node(indicator, period):
    (node,) = indicator.xpath("period[period-start/@iso-date=$start]", start=str(period.start))
    return node


def save(reporter, indicator, period, **data):
    return services.value_save(
        actor=fresh(reporter), indicator=indicator, period=period,
        data=services.ValueData(**data), expected_version=None,
    )  # fmt: skip


@pytest.fixture
def project(make_project):
    """Multi-national (Senegal 60 %, Mali 40 %), serving three GCM objectives, screened for the
    three markers."""
    return make_project(
        scope=Scope.MULTI_NATIONAL,
        countries=[
            (Country.objects.get(iso3="SEN"), Decimal(60)),
            (Country.objects.get(iso3="MLI"), Decimal(40)),
        ],
        gcm_objectives=list(GCMObjective.objects.filter(number__in=[11, 12, 23])),
        actual_start=days(-390),
        gender_marker=1,
        human_rights_marker=2,
        child_marker=0,
    )


@pytest.fixture
def reported(framework, open_period, reporter, runner):
    """The current period: "trained" reported by sex and "story" told, both approved; "share"
    entered and submitted, not approved yet."""
    save(
        reporter, framework["trained"], open_period, actual=Decimal(22),
        disaggregation={"sex": {"Female": Decimal(12), "Male": Decimal(10)}},
    )  # fmt: skip
    save(reporter, framework["story"], open_period, narrative="Officers now refer minors.")
    services.values_submit(actor=fresh(reporter), period=open_period)
    for value in open_period.values.filter(status=ValueStatus.SUBMITTED):
        services.value_approve(actor=fresh(runner), value=value)
    save(reporter, framework["share"], open_period, actual=Decimal(35))
    services.values_submit(actor=fresh(reporter), period=open_period)
    return framework


@pytest.fixture
def evaluation(project, runner):
    return services.document_add(
        actor=fresh(runner), project=project, title="Évaluation à mi-parcours",
        category=DocumentCategory.EVALUATION, language="fr", document_date=days(-30),
        url="https://example.org/reports/evaluation.pdf",
    )  # fmt: skip


def test_the_full_project_validates_against_the_schema(project, reported, evaluation, schema):
    document = valid(
        iati.activities_document(iati.exportable_projects(), base_url=BASE_URL), schema
    )
    assert document.get("version") == "2.03"
    (activity,) = document.findall("iati-activity")
    publisher = settings.PROJECTS["IATI_PUBLISHER"]
    assert activity.findtext("iati-identifier") == f"{publisher['ref']}-P{project.pk}"
    assert activity.find("reporting-org").get("ref") == publisher["ref"]
    assert activity.get(XML_LANG) == project.language
    assert activity.get("default-currency") == "USD"
    assert activity.find("budget") is None and activity.find("transaction") is None


def test_participants_in_their_roles_and_types(project, accountable, implementer, donor):
    activity = exported(project)
    published = {
        (node.get("role"), node.get("type"), node.findtext("narrative"), node.get("ref"))
        for node in activity.findall("participating-org")
    }
    assert published == {
        (str(ParticipantRole.ACCOUNTABLE), "10", accountable.name, None),
        (str(ParticipantRole.IMPLEMENTING), "22", implementer.name, None),
        (str(ParticipantRole.FUNDING), "60", donor.name, None),
    }


def test_descriptions_dates_and_places(project):
    activity = exported(project)
    descriptions = {
        node.get("type"): node.findtext("narrative") for node in activity.findall("description")
    }
    assert descriptions == {"1": project.description, "2": project.objectives}
    dates = {node.get("type"): node.get("iso-date") for node in activity.findall("activity-date")}
    assert dates == {
        "1": str(project.planned_start),
        "2": str(project.actual_start),
        "3": str(project.planned_end),
    }
    assert activity.find("activity-status").get("code") == str(ProjectStatus.IMPLEMENTATION)
    assert activity.find("activity-scope").get("code") == str(Scope.MULTI_NATIONAL)
    countries = {
        node.get("code"): node.get("percentage") for node in activity.findall("recipient-country")
    }
    assert countries == {"SN": "60", "ML": "40"}


def test_regions_are_un_m49_codes(make_project, schema):
    region = Region.objects.get(code="011")
    project = make_project(scope=Scope.REGIONAL, countries=[], regions=[(region, None)])
    (node,) = exported(project, schema).findall("recipient-region")
    assert (node.get("code"), node.get("vocabulary"), node.get("percentage")) == ("011", "2", None)


def test_sectors_add_up_to_100_in_each_vocabulary(project):
    sectors = exported(project).findall("sector")
    dac = [node for node in sectors if node.get("vocabulary") == "1"]
    assert [(node.get("code"), node.get("percentage")) for node in dac] == [(DAC_MIGRATION, "100")]
    gcm = [node for node in sectors if node.get("vocabulary") == "99"]
    assert [node.get("code") for node in gcm] == ["11", "12", "23"]
    assert sum(Decimal(node.get("percentage")) for node in gcm) == 100
    assert {node.get("vocabulary-uri") for node in gcm} == {iati.GCM_URI}
    assert gcm[0].findtext("narrative") == GCMObjective.objects.get(number=11).title_en


def test_even_shares_add_up_exactly():
    for count in range(1, 24):
        assert sum(iati.even_shares(count)) == 100
    assert iati.even_shares(3) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


def test_markers_that_were_screened(project, make_project):
    markers = {
        (node.get("vocabulary"), node.get("code")): node.get("significance")
        for node in exported(project).findall("policy-marker")
    }
    assert markers == {("1", "1"): "1", ("99", "GP6"): "2", ("99", "GP8"): "0"}
    unscreened = make_project(gender_marker=None)
    assert exported(unscreened).findall("policy-marker") == []


def test_document_link(project, evaluation):
    (link,) = exported(project).findall("document-link")
    assert link.get("url") == "https://example.org/reports/evaluation.pdf"
    assert link.get("format") == "application/pdf"
    assert link.find("title/narrative").text == "Évaluation à mi-parcours"
    assert link.find("title/narrative").get(XML_LANG) == "fr"
    assert link.find("category").get("code") == "A07"
    assert link.find("language").get("code") == "fr"
    assert link.find("document-date").get("iso-date") == str(days(-30))


def test_a_file_is_linked_through_the_site(project, runner, schema):
    document = services.document_add(
        actor=fresh(runner), project=project, title="MoU", category=DocumentCategory.MOU,
        language="en", upload=SimpleUploadedFile("mou.pdf", b"%PDF-1.4 signed"),
    )  # fmt: skip
    (link,) = exported(project, schema).findall("document-link")
    with translation.override(project.language):
        path = reverse("projects:document_download", kwargs={"pk": document.pk})
    assert link.get("url") == BASE_URL + path
    assert link.get("format") == "application/pdf"
    assert link.find("document-date") is None


def test_results_with_targets_baselines_and_levels(project, framework, schema):
    activity = exported(project, schema)
    levels = {
        node.get("type"): node.get("aggregation-status") for node in activity.findall("result")
    }
    # The qualitative impact cannot be added up across activities.
    assert levels == {
        str(ResultType.IMPACT): None, str(ResultType.OUTCOME): "1", str(ResultType.OUTPUT): "1"
    }  # fmt: skip
    trained = indicator_node(activity, "Officials trained")
    assert (trained.get("measure"), trained.get("ascending")) == (str(Measure.UNIT), "1")
    baseline = trained.find("baseline")
    assert baseline.get("value") == "0"
    assert baseline.get("iso-date") == str(project.planned_start)
    share = indicator_node(activity, "Border posts applying screening").find("baseline")
    assert (share.get("year"), share.get("iso-date")) == (str(project.planned_start.year), None)
    assert len(trained.findall("period")) == project.periods.count()
    assert trained.find("period/target").get("value") == "10"
    assert trained.find("period/actual") is None


def test_only_approved_actuals_are_published(project, reported, open_period, schema):
    activity = exported(project, schema)
    trained = period_node(indicator_node(activity, "Officials trained"), open_period)
    actuals = [
        (node.get("value"), node.find("dimension") is not None and node.find("dimension").attrib)
        for node in trained.findall("actual")
    ]
    assert actuals == [
        ("22", False),
        ("12", {"name": "sex", "value": "Female"}),
        ("10", {"name": "sex", "value": "Male"}),
    ]
    # Submitted, not approved: the target is there, the actual is not.
    share = period_node(indicator_node(activity, "Border posts applying screening"), open_period)
    assert share.find("target") is not None and share.find("actual") is None


def test_a_qualitative_actual_is_a_comment(project, reported, open_period):
    story = indicator_node(exported(project), "What changed for migrants")
    (period,) = story.findall("period")  # no targets: only the period with an approved actual
    assert period.find("period-start").get("iso-date") == str(open_period.start)
    (actual,) = period.findall("actual")
    assert actual.get("value") is None
    assert actual.findtext("comment/narrative") == "Officers now refer minors."


def test_a_draft_value_is_not_published(project, framework, open_period, reporter):
    save(reporter, framework["story"], open_period, narrative="Not checked yet.")
    story = indicator_node(exported(project), "What changed for migrants")
    assert story.findall("period") == []


def test_a_result_without_indicators_is_left_out(project, runner, schema):
    services.result_create(
        actor=fresh(runner), project=project,
        data=services.ResultData(type=ResultType.IMPACT, title="Not measured yet"),
    )  # fmt: skip
    assert exported(project, schema).findall("result") == []


@pytest.mark.parametrize(
    "choices, name",
    [
        (ParticipantRole, "OrganisationRole"),
        (ProjectStatus, "ActivityStatus"),
        (Scope, "ActivityScope"),
        (ResultType, "ResultType"),
        (Measure, "IndicatorMeasure"),
        (DocumentCategory, "DocumentCategory"),
    ],
)
def test_choices_are_iati_codes(choices, name):
    assert {str(value) for value in choices.values} <= codelist(name)


def test_every_other_code_written_is_an_iati_code():
    assert set(IATI_ORGANISATION_TYPE.values()) <= codelist("OrganisationType")
    assert {code for code, _field in iati.DATE_TYPES} <= codelist("ActivityDateType")
    assert {iati.SECTOR_DAC, iati.SECTOR_REPORTER} <= codelist("SectorVocabulary")
    assert DAC_MIGRATION in codelist("Sector")
    assert iati.REGION_UN_M49 in codelist("RegionVocabulary")
    assert {iati.MARKER_DAC, iati.MARKER_REPORTER} <= codelist("PolicyMarkerVocabulary")
    assert iati.MARKER_GENDER in codelist("PolicyMarker")


# The views


def test_a_public_project_file(client, project, reported, evaluation, schema):
    response = client.get(reverse("projects:project_iati", kwargs={"pk": project.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    identifier = iati.activity_identifier(project)
    assert response["Content-Disposition"] == f'attachment; filename="{identifier}.xml"'
    document = valid(response.content, schema)
    assert document.findtext("iati-activity/iati-identifier") == identifier


@pytest.mark.parametrize("visibility", [Visibility.PRIVATE, Visibility.SHARED])
def test_a_project_the_public_may_not_see_is_not_found(
    client, make_project, implementer_viewer, visibility
):
    project = make_project(visibility=visibility)
    url = reverse("projects:project_iati", kwargs={"pk": project.pk})
    assert client.get(url).status_code == 404
    # Its members see it, but IATI is open data: not for them either.
    assert Project.objects.visible_to(fresh(implementer_viewer)).filter(pk=project.pk).exists()
    client.force_login(implementer_viewer)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", ["projects:projects_iati", "api:iati_activities"])
def test_the_bulk_file_holds_public_projects_only(client, make_project, schema, name):
    public = make_project()
    make_project(visibility=Visibility.PRIVATE)
    make_project(visibility=Visibility.SHARED)
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    document = valid(response.content, schema)
    identifiers = [node.text for node in document.iter("iati-identifier")]
    assert identifiers == [iati.activity_identifier(public)]


def _furnished(make_project, runner, count: int) -> None:
    """`count` public projects, each with a document and a measured result."""
    for n in range(count):
        project = make_project(title=f"Project {n}")
        services.document_add(
            actor=fresh(runner), project=project, title="MoU", category=DocumentCategory.MOU,
            language="en", url=f"https://example.org/mou-{n}",
        )  # fmt: skip
        result = services.result_create(
            actor=fresh(runner), project=project,
            data=services.ResultData(type=ResultType.OUTPUT, title="Trained"),
        )  # fmt: skip
        indicator = services.indicator_create(
            actor=fresh(runner), result=result,
            data=services.IndicatorData(title="People trained", measure=Measure.UNIT),
        )  # fmt: skip
        period = project.periods.first()
        services.target_set(actor=fresh(runner), indicator=indicator, period=period, target=5)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("projects:projects_iati")).status_code == 200
    return len(queries)


def test_the_bulk_file_takes_the_same_queries_for_2_or_6_projects(client, make_project, runner):
    _furnished(make_project, runner, 2)
    few = _queries(client)
    _furnished(make_project, runner, 4)
    assert _queries(client) == few
