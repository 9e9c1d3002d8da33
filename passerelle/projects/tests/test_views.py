"""The projects' pages, per role: the portfolio with its filters and its table by country,
recording a project (from scratch or from an accepted match) and editing it, its page, its
status, its documents, the results framework editor, targets, the reporting screen (autosave,
conflicts, locked periods, submission, approval and return), an indicator's trend and the
secretariat's progress rules. Refused input comes back 400 (422 or 409 for an autosave) with
its message, and nothing is written. Lists and heavy pages cost the same number of queries
whatever the number of rows."""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from passerelle.accounts.tests.factories import PASSWORD, MembershipFactory, OrganisationFactory
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country, Region
from passerelle.projects import services
from passerelle.projects.choices import (
    Measure,
    ParticipantRole,
    ProjectStatus,
    ResultType,
    Scope,
    ValueStatus,
)
from passerelle.projects.models import (
    Document,
    Indicator,
    Participant,
    PeriodValue,
    ProgressRules,
    Project,
    ProjectCountry,
    ReportingPeriod,
    Result,
)
from passerelle.taxonomy.models import GCMObjective

from .conftest import days, fresh

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
LIST = "projects:project_list"
CREATE = "projects:project_create"


def logged_in(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def as_(person) -> Client:
    return Client() if person is None else logged_in(person)


def page_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def accountable_viewer(accountable):
    """A viewer of the accountable organisation: reads everything, changes nothing."""
    return MembershipFactory(organisation=accountable, role="viewer").user


# Recording and editing a project -------------------------------------------------------------


def _formset(prefix, rows) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{name}": value for name, value in row.items()})
    return data


def project_form(organisation, *, accountable, implementing, countries=(("SEN", ""),),
                 **overrides) -> dict:  # fmt: skip
    """What the project form posts: `countries` are (ISO alpha-3, percentage) pairs."""
    data = {
        "organisation": organisation.pk,
        "title": "Consular registry modernised",
        "description": "Digitising the consular registry with the ministry's staff.",
        "objectives": "",
        "language": "en",
        "status": ProjectStatus.PIPELINE,
        "accountable": [o.pk for o in accountable],
        "implementing": [o.pk for o in implementing],
        "planned_start": days(10).isoformat(),
        "planned_end": days(400).isoformat(),
        "actual_start": "",
        "actual_end": "",
        "scope": Scope.NATIONAL,
        "gcm_objectives": [GCMObjective.objects.get(number=4).pk],
        "dac_sector": "15190",
        "gender_marker": "",
        "human_rights_marker": "",
        "child_marker": "",
        "reporting_frequency": "quarterly",
        "lock_after_days": "",
        "visibility": Visibility.PUBLIC,
        "submission_key": str(uuid.uuid4()),
        **_formset(
            "countries",
            [
                {"country": Country.objects.get(iso3=iso3).pk, "percentage": share}
                for iso3, share in countries
            ],
        ),
        **_formset("regions", []),
    }
    return {**data, **overrides}


def test_an_editor_records_a_project(accountable, implementer, runner):
    response = logged_in(runner).post(
        reverse(CREATE),
        project_form(accountable, accountable=[accountable], implementing=[implementer]),
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.organisation == accountable
    assert project.created_by == runner
    assert {(p.organisation, p.role) for p in project.participants.all()} == {
        (accountable, ParticipantRole.ACCOUNTABLE),
        (implementer, ParticipantRole.IMPLEMENTING),
    }
    assert [share.country.iso3 for share in project.countries.all()] == ["SEN"]
    assert project.periods.exists()  # quarterly periods over its dates
    page = logged_in(runner).get(project.get_absolute_url())
    assert "Consular registry modernised" in page_of(page)


def test_the_same_form_posted_twice_records_one_project(accountable, implementer, runner):
    data = project_form(accountable, accountable=[accountable], implementing=[implementer])
    logged_in(runner).post(reverse(CREATE), data)
    logged_in(runner).post(reverse(CREATE), data)
    assert Project.objects.count() == 1


def test_the_form_is_for_editors_of_an_organisation(reporter, implementer_viewer, runner):
    response = Client().get(reverse(CREATE))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    for person in (reporter, implementer_viewer):  # a contributor, a viewer: no editor
        assert logged_in(person).get(reverse(CREATE)).status_code == 403
    assert logged_in(runner).get(reverse(CREATE)).status_code == 200


def test_a_project_is_recorded_only_for_an_organisation_one_edits(accountable, implementer, runner):
    data = project_form(implementer, accountable=[accountable], implementing=[implementer])
    response = logged_in(runner).post(reverse(CREATE), data)
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    "scope, countries, overrides, field, message",
    [
        (
            Scope.MULTI_NATIONAL, (("SEN", "60"), ("FRA", "30")), {}, None,
            "The percentages add up to 90, not 100.",
        ),
        (
            Scope.NATIONAL, (("SEN", ""), ("FRA", "")), {}, None,
            "A national or local project is in exactly one country.",
        ),
        (
            Scope.NATIONAL, (("SEN", ""),), {"accountable": []}, "accountable",
            "This field is required.",
        ),
        (
            Scope.NATIONAL, (("SEN", ""),), {"planned_end": days(-10).isoformat()}, "planned_end",
            "The planned end comes before the planned start.",
        ),
    ],
    ids=["percentages", "scope", "no-accountable", "dates"],
)  # fmt: skip
def test_a_bad_project_is_answered_400_and_nothing_is_written(
    accountable, implementer, runner, scope, countries, overrides, field, message
):
    data = project_form(
        accountable, accountable=[accountable], implementing=[implementer], scope=scope,
        countries=countries,
    )  # fmt: skip
    response = logged_in(runner).post(reverse(CREATE), {**data, **overrides})
    assert response.status_code == 400
    assert message in page_of(response)
    errors = response.context["form"].errors
    assert message in errors.get(field or "__all__", [])
    assert not Project.objects.exists()


def test_the_project_is_edited_by_those_who_run_it(project, runner):
    url = reverse("projects:project_update", kwargs={"pk": project.pk})
    form = logged_in(runner).get(url)
    assert form.status_code == 200
    assert form.context["form"].initial["title"] == project.title
    data = project_form(
        project.organisation, accountable=[project.organisation],
        implementing=[p.organisation for p in project.participants.all()
                      if p.role == ParticipantRole.IMPLEMENTING],
        title="Border officials trained, second phase",
        planned_start=project.planned_start.isoformat(),
        planned_end=project.planned_end.isoformat(),
    )  # fmt: skip
    response = logged_in(runner).post(url, data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == "Border officials trained, second phase"
    assert project.status == ProjectStatus.IMPLEMENTATION  # the status moves by its own steps


@pytest.mark.parametrize(
    "who, visibility, status",
    [
        ("accountable_viewer", Visibility.PUBLIC, 403),
        ("reporter", Visibility.PUBLIC, 403),  # reports values, does not edit the project
        ("implementer_editor", Visibility.PUBLIC, 403),
        ("donor_editor", Visibility.PUBLIC, 403),
        ("outsider", Visibility.PUBLIC, 403),
        ("outsider", Visibility.PRIVATE, 404),
        ("secretariat", Visibility.SHARED, 403),
        ("secretariat", Visibility.PRIVATE, 404),
    ],
)
def test_others_do_not_edit_the_project(request, make_project, who, visibility, status):
    project = make_project(visibility=visibility)
    person = request.getfixturevalue(who)
    for name in ("project_update", "document_create", "framework", "result_create"):
        url = reverse(f"projects:{name}", kwargs={"pk": project.pk})
        assert logged_in(person).get(url).status_code == status, name
        assert logged_in(person).post(url, {"title": "Taken over"}).status_code == status, name
    project.refresh_from_db()
    assert project.title == "Border officials trained in screening"
    assert not project.results.exists()


def test_the_anonymous_are_sent_to_log_in_to_edit(project):
    for name in ("project_update", "document_create", "framework", "period_create"):
        response = Client().get(reverse(f"projects:{name}", kwargs={"pk": project.pk}))
        assert response.status_code == 302, name
        assert response["Location"].startswith(LOGIN), name


# Recording a project from an accepted match ---------------------------------------------------


def _from_match(match) -> str:
    return f"{reverse(CREATE)}?match={match.pk}"


def test_an_accepted_match_becomes_a_project(make_match, accountable, implementer, runner):
    match = make_match("accepted")
    form = logged_in(runner).get(_from_match(match))
    assert form.status_code == 200
    initial = form.context["form"].initial
    assert initial["title"] == match.request.title
    assert initial["accountable"] == [accountable]
    assert initial["implementing"] == [implementer]
    assert "Saving the project starts the partnership" in page_of(form)

    data = project_form(
        accountable, accountable=[accountable], implementing=[implementer],
        title=match.request.title,
    )  # fmt: skip
    response = logged_in(runner).post(_from_match(match), data)
    assert response.status_code == 302
    project = Project.objects.get()
    assert list(project.matches.all()) == [match]
    match.refresh_from_db()
    match.request.refresh_from_db()
    assert match.status == "partnership"
    assert match.request.status == "in_partnership"


@pytest.mark.parametrize("status", ["proposed", "introduced", "declined"])
def test_a_match_not_accepted_does_not_become_a_project(
    make_match, accountable, implementer, runner, status
):
    match = make_match(status)
    assert logged_in(runner).get(_from_match(match)).status_code == 403
    data = project_form(accountable, accountable=[accountable], implementing=[implementer])
    assert logged_in(runner).post(_from_match(match), data).status_code == 403
    assert not Project.objects.exists()
    match.refresh_from_db()
    assert match.status == status


def test_a_project_from_a_match_is_recorded_by_one_of_its_parties(
    make_match, accountable, implementer, runner
):
    elsewhere = OrganisationFactory(type="civil_society")
    MembershipFactory(organisation=elsewhere, user=runner, role="editor")
    match = make_match("accepted")
    form = logged_in(runner).get(_from_match(match))
    assert elsewhere not in form.context["form"].fields["organisation"].queryset
    data = project_form(elsewhere, accountable=[accountable], implementing=[implementer])
    response = logged_in(runner).post(_from_match(match), data)
    assert response.status_code == 400
    assert "organisation" in response.context["form"].errors
    assert not Project.objects.exists()
    match.refresh_from_db()
    assert match.status == "accepted"


def test_a_match_someone_may_not_see_is_not_found(make_match, outsider):
    match = make_match("accepted")
    assert logged_in(outsider).get(_from_match(match)).status_code == 404
    assert logged_in(outsider).get(f"{reverse(CREATE)}?match=x").status_code == 404


def test_the_match_page_offers_to_turn_it_into_a_project_then_shows_it(
    make_match, accountable, implementer, runner
):
    match = make_match("accepted")
    detail = reverse("hub:match_detail", kwargs={"pk": match.pk})
    page = page_of(logged_in(runner).get(detail))
    assert "Turn this match into a project" in page
    assert f"?match={match.pk}" in page

    data = project_form(
        accountable, accountable=[accountable], implementing=[implementer],
        title="Border training, together",
    )  # fmt: skip
    logged_in(runner).post(_from_match(match), data)
    page = page_of(logged_in(runner).get(detail))
    assert "Turn this match into a project" not in page
    assert "Border training, together" in page
    assert Project.objects.get().get_absolute_url() in page


def test_the_providers_editor_records_it_too(
    make_match, accountable, implementer, implementer_editor
):
    """Either party's editor records the project, for its own organisation; nobody else."""
    match = make_match("accepted")
    detail = reverse("hub:match_detail", kwargs={"pk": match.pk})
    assert "Turn this match into a project" in page_of(logged_in(implementer_editor).get(detail))
    form = logged_in(implementer_editor).get(_from_match(match))
    assert list(form.context["form"].fields["organisation"].queryset) == [implementer]
    data = project_form(implementer, accountable=[accountable], implementing=[implementer])
    response = logged_in(implementer_editor).post(_from_match(match), data)
    assert response.status_code == 302
    assert Project.objects.get().organisation == implementer
    match.refresh_from_db()
    assert match.status == "partnership"


def test_the_request_page_lists_its_projects_under_partnerships(
    make_match, accountable, implementer, runner
):
    match = make_match("accepted")
    url = reverse("hub:request_detail", kwargs={"pk": match.request_id})
    assert "Projects answering this request" not in page_of(Client().get(url))
    data = project_form(
        accountable, accountable=[accountable], implementing=[implementer],
        title="Border training, together",
    )  # fmt: skip
    logged_in(runner).post(_from_match(match), data)
    page = page_of(Client().get(url))
    assert "Partnerships" in page
    assert "Projects answering this request" in page
    assert "Border training, together" in page


# The project's page ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "visibility, who, status",
    [
        (Visibility.PUBLIC, None, 200),
        (Visibility.PUBLIC, "outsider", 200),
        (Visibility.SHARED, None, 404),
        (Visibility.SHARED, "outsider", 404),
        (Visibility.SHARED, "secretariat", 200),
        (Visibility.SHARED, "reporter", 200),
        (Visibility.PRIVATE, None, 404),
        (Visibility.PRIVATE, "outsider", 404),
        (Visibility.PRIVATE, "secretariat", 404),
        (Visibility.PRIVATE, "implementer_viewer", 200),
        (Visibility.PRIVATE, "donor_editor", 200),
        (Visibility.PRIVATE, "runner", 200),
    ],
)
def test_who_sees_the_project_page(request, make_project, runner, visibility, who, status):
    project = make_project(visibility=visibility, title="The one to find")
    result = services.result_create(
        actor=fresh(runner), project=project,
        data=services.ResultData(type=ResultType.IMPACT, title="Safer borders"),
    )  # fmt: skip
    indicator = services.indicator_create(
        actor=fresh(runner), result=result,
        data=services.IndicatorData(title="Incidents", measure=Measure.UNIT),
    )  # fmt: skip
    person = request.getfixturevalue(who) if who else None
    urls = [
        project.get_absolute_url(),
        reverse("projects:indicator_detail", kwargs={"pk": project.pk, "indicator": indicator.pk}),
        project.periods.first().get_absolute_url(),
    ]
    for url in urls:
        assert as_(person).get(url).status_code == status, url
    listed = as_(person).get(reverse(LIST)).context["page_obj"].object_list
    assert ("The one to find" in [p.title for p in listed]) == (status == 200)


@pytest.mark.parametrize(
    "who, change, report, approve",
    [
        (None, False, False, False),
        ("outsider", False, False, False),
        ("accountable_viewer", False, False, False),
        ("reporter", False, True, False),
        ("implementer_viewer", False, False, False),
        ("runner", True, False, True),
    ],
)
def test_the_project_page_offers_what_each_person_may_do(
    request, project, who, change, report, approve
):
    person = request.getfixturevalue(who) if who else None
    response = as_(person).get(project.get_absolute_url())
    page = page_of(response)
    can = response.context["can"]
    assert (can["change"], can["report"], can["approve"]) == (change, report, approve)
    assert (reverse("projects:project_update", kwargs={"pk": project.pk}) in page) == change
    assert ("Report this period's values" in page) == report
    assert (response.context["status_form"] is not None) == change
    assert bool(response.context["history"]) == change  # the history is for those who run it


def test_the_status_moves_through_the_form(make_project, runner):
    project = make_project(status=ProjectStatus.PIPELINE)
    url = reverse("projects:project_status", kwargs={"pk": project.pk})
    response = logged_in(runner).post(url, {"status": ProjectStatus.IMPLEMENTATION, "reason": ""})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == ProjectStatus.IMPLEMENTATION
    assert project.actual_start is not None
    page = page_of(logged_in(runner).get(project.get_absolute_url()))
    assert "Status changed from Pipeline / identification to Implementation" in page


def test_an_impossible_status_move_is_answered_400(make_project, runner):
    project = make_project(status=ProjectStatus.PIPELINE)
    url = reverse("projects:project_status", kwargs={"pk": project.pk})
    response = logged_in(runner).post(url, {"status": ProjectStatus.CLOSED})
    assert response.status_code == 400
    assert "Select a valid choice" in page_of(response)
    project.refresh_from_db()
    assert project.status == ProjectStatus.PIPELINE


@pytest.mark.parametrize("who", ["reporter", "accountable_viewer", "outsider"])
def test_others_do_not_move_the_status(request, make_project, who):
    project = make_project(status=ProjectStatus.PIPELINE)
    url = reverse("projects:project_status", kwargs={"pk": project.pk})
    person = request.getfixturevalue(who)
    assert logged_in(person).post(url, {"status": ProjectStatus.CANCELLED}).status_code == 403
    project.refresh_from_db()
    assert project.status == ProjectStatus.PIPELINE


# Documents ------------------------------------------------------------------------------------


def _document(upload=None, url=""):
    data = {"title": "Memorandum", "category": "A09", "language": "en", "document_date": "",
            "url": url}  # fmt: skip
    if upload is not None:
        data["file"] = upload
    return data


def test_a_text_file_is_attached_and_served_to_those_who_see_the_project(
    make_project, runner, reporter, outsider, secretariat
):
    project = make_project(visibility=Visibility.PRIVATE)
    url = reverse("projects:document_create", kwargs={"pk": project.pk})
    upload = SimpleUploadedFile("mou.txt", b"We agree to train the officials.")
    response = logged_in(runner).post(url, _document(upload))
    assert response.status_code == 302
    document = Document.objects.get(project=project)
    download = reverse("projects:document_download", kwargs={"pk": document.pk})
    assert download in page_of(logged_in(runner).get(project.get_absolute_url()))
    served = logged_in(reporter).get(download)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"We agree to train the officials."
    assert "attachment" in served["Content-Disposition"]
    for person in (None, outsider, secretariat):
        assert as_(person).get(download).status_code == 404


def test_an_executable_is_refused_with_its_message(project, runner):
    url = reverse("projects:document_create", kwargs={"pk": project.pk})
    upload = SimpleUploadedFile("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00")
    response = logged_in(runner).post(url, _document(upload))
    assert response.status_code == 400
    assert "Files of this type are not accepted" in page_of(response)
    assert not Document.objects.exists()


def test_a_document_is_a_file_or_a_link(project, runner):
    url = reverse("projects:document_create", kwargs={"pk": project.pk})
    response = logged_in(runner).post(url, _document())
    assert response.status_code == 400
    assert "Attach a file or give a link, one of the two." in page_of(response)
    logged_in(runner).post(url, _document(url="https://example.org/mou.pdf"))
    document = Document.objects.get()
    download = reverse("projects:document_download", kwargs={"pk": document.pk})
    assert Client().get(download)["Location"] == "https://example.org/mou.pdf"


def test_a_document_is_removed_by_those_who_run_the_project(project, runner, reporter):
    document = services.document_add(
        actor=fresh(runner), project=project, title="MoU", category="A09", language="en",
        url="https://example.org/mou.pdf",
    )  # fmt: skip
    url = reverse("projects:document_remove", kwargs={"pk": document.pk})
    assert logged_in(reporter).post(url).status_code == 403
    assert Document.objects.exists()
    assert logged_in(runner).post(url).status_code == 302
    assert not Document.objects.exists()


# The results framework ------------------------------------------------------------------------


def _result_form(type, title="A result", parent=None, weight=1) -> dict:
    return {"type": type, "title": title, "description": "", "parent": parent.pk if parent else "",
            "weight": weight}  # fmt: skip


def test_the_framework_editor_builds_results(project, runner):
    url = reverse("projects:result_create", kwargs={"pk": project.pk})
    client = logged_in(runner)
    assert client.post(url, _result_form(ResultType.IMPACT, "Safer borders")).status_code == 302
    impact = Result.objects.get()
    response = client.post(url, _result_form(ResultType.OUTCOME, "Screening works", impact))
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:framework", kwargs={"pk": project.pk})
    outcome = Result.objects.get(type=ResultType.OUTCOME)
    assert outcome.parent == impact
    page = page_of(client.get(reverse("projects:framework", kwargs={"pk": project.pk})))
    assert "Screening works" in page


def test_a_result_under_the_wrong_level_is_refused(project, framework, runner):
    url = reverse("projects:result_create", kwargs={"pk": project.pk})
    data = _result_form(ResultType.OUTPUT, "Manuals printed", framework["impact"])
    response = logged_in(runner).post(url, data)
    assert response.status_code == 400
    assert "An output serves an outcome, and an outcome serves the impact." in page_of(response)
    assert not Result.objects.filter(title="Manuals printed").exists()


def _indicator_form(result, **overrides) -> dict:
    data = {
        "result": result.pk, "title": "Border posts visited", "description": "",
        "measure": Measure.UNIT, "unit": "posts", "ascending": "on", "baseline_date": "",
        "baseline_value": "", "baseline_comment": "", "weight": 1, "reporter": "",
        "capacity_area": "", "gcm_objective": "", "assessment_indicator": "",
    }  # fmt: skip
    return {**data, **overrides}


def test_an_indicator_is_added_with_its_reporter(project, framework, runner, implementer):
    url = reverse("projects:indicator_create", kwargs={"pk": project.pk})
    output = framework["output"]
    assert logged_in(runner).get(f"{url}?result={output.pk}").status_code == 200
    data = _indicator_form(output, reporter=implementer.pk, dimension_sex="Female, Male")
    assert logged_in(runner).post(url, data).status_code == 302
    indicator = Indicator.objects.get(title="Border posts visited")
    assert indicator.reporter == implementer
    assert indicator.dimensions == [{"dimension": "sex", "categories": ["Female", "Male"]}]


def test_an_indicator_is_reported_by_an_implementing_organisation(
    project, framework, runner, donor
):
    url = reverse("projects:indicator_create", kwargs={"pk": project.pk})
    data = _indicator_form(framework["output"], reporter=donor.pk)  # funds, does not implement
    response = logged_in(runner).post(url, data)
    assert response.status_code == 400
    assert "reporter" in response.context["form"].errors
    assert not Indicator.objects.filter(title="Border posts visited").exists()


def test_an_indicator_of_another_projects_result_is_not_found(make_project, framework, runner):
    other = make_project(title="Another one")
    url = reverse("projects:indicator_create", kwargs={"pk": other.pk})
    response = logged_in(runner).post(url, _indicator_form(framework["output"]))
    assert response.status_code == 404
    assert not Indicator.objects.filter(title="Border posts visited").exists()


def _targets_url(project, indicator) -> str:
    return reverse(
        "projects:indicator_targets", kwargs={"pk": project.pk, "indicator": indicator.pk}
    )


def test_targets_are_set_for_every_period(project, framework, runner):
    trained = framework["trained"]
    periods = list(project.periods.order_by("start"))
    form = logged_in(runner).get(_targets_url(project, trained))
    assert set(form.context["form"].fields) == {f"p{period.pk}" for period in periods}
    data = {f"p{period.pk}": "" for period in periods}
    data[f"p{periods[0].pk}"] = "15"
    response = logged_in(runner).post(_targets_url(project, trained), data)
    assert response.status_code == 302
    targets = dict(PeriodValue.objects.filter(indicator=trained).values_list("period", "target"))
    assert targets[periods[0].pk] == Decimal(15)
    assert targets[periods[1].pk] is None


def test_a_percentage_target_over_100_is_refused(project, framework, runner):
    share = framework["share"]
    period = project.periods.order_by("start").first()
    response = logged_in(runner).post(_targets_url(project, share), {f"p{period.pk}": "120"})
    assert response.status_code == 400
    assert "A percentage is from 0 to 100." in page_of(response)
    assert PeriodValue.objects.get(indicator=share, period=period).target == Decimal(25)


def test_a_qualitative_indicator_has_no_targets(project, framework, runner):
    story = framework["story"]
    period = project.periods.order_by("start").first()
    client = logged_in(runner)
    page = client.get(_targets_url(project, story))
    assert f'name="p{period.pk}"' not in page_of(page)
    client.post(_targets_url(project, story), {f"p{period.pk}": "3"})
    assert not PeriodValue.objects.filter(indicator=story, target__isnull=False).exists()


@pytest.mark.parametrize("who", ["reporter", "accountable_viewer"])
def test_targets_are_set_by_those_who_run_the_project(request, project, framework, who):
    trained = framework["trained"]
    period = project.periods.order_by("start").first()
    person = request.getfixturevalue(who)
    response = logged_in(person).post(_targets_url(project, trained), {f"p{period.pk}": "99"})
    assert response.status_code == 403
    assert PeriodValue.objects.get(indicator=trained, period=period).target == Decimal(10)


def test_an_item_with_reported_values_stays(project, framework, runner, reporter, open_period):
    trained = framework["trained"]
    services.value_save(
        actor=fresh(reporter), indicator=trained, period=open_period,
        data=services.ValueData(actual=Decimal(3)), expected_version=None,
    )  # fmt: skip
    url = reverse(
        "projects:framework_remove",
        kwargs={"pk": project.pk, "kind": "indicator", "item": trained.pk},
    )
    response = logged_in(runner).post(url, follow=True)
    assert "Values were reported for this indicator: it stays." in page_of(response)
    assert Indicator.objects.filter(pk=trained.pk).exists()
    story = framework["story"]
    url = reverse(
        "projects:framework_remove",
        kwargs={"pk": project.pk, "kind": "indicator", "item": story.pk},
    )
    logged_in(runner).post(url)
    assert not Indicator.objects.filter(pk=story.pk).exists()


# Reporting ------------------------------------------------------------------------------------

HTMX = {"HX-Request": "true"}


def _period_url(name, period) -> str:
    return reverse(f"projects:{name}", kwargs={"pk": period.project_id, "period": period.pk})


def _save_url(period, indicator) -> str:
    return reverse(
        "projects:value_save",
        kwargs={"pk": period.project_id, "period": period.pk, "indicator": indicator.pk},
    )


def entry(indicator, version=0, **fields) -> dict:
    data = {"actual": "", "narrative": "", "evidence_url": "", "lock_version": version, **fields}
    return {f"i{indicator.pk}-{name}": value for name, value in data.items()}


def _value(indicator, period):
    return PeriodValue.objects.filter(indicator=indicator, period=period).first()


@pytest.mark.parametrize(
    "who, forms",
    [("reporter", True), ("implementer_viewer", False), ("runner", False), (None, False)],
)
def test_the_reporting_screen_has_forms_for_the_reporter_only(
    request, framework, open_period, who, forms
):
    person = request.getfixturevalue(who) if who else None
    response = as_(person).get(open_period.get_absolute_url())
    assert response.status_code == 200
    assert ("value-form-" in page_of(response)) == forms
    assert response.context["can_submit"] == forms


def test_the_reporter_autosaves(framework, open_period, reporter):
    trained = framework["trained"]
    response = logged_in(reporter).post(
        _save_url(open_period, trained),
        entry(trained, actual="12", d_sex_0="7", d_sex_1="5"),
        headers=HTMX,
    )
    assert response.status_code == 200
    fragment = page_of(response)
    assert "Saved at" in fragment
    assert 'hx-swap-oob="innerHTML"' in fragment
    assert f'name="i{trained.pk}-lock_version"' in fragment
    assert 'value="1"' in fragment
    value = _value(trained, open_period)
    assert value.actual == Decimal(12)
    assert value.lock_version == 1
    assert value.disaggregation == {"sex": {"Female": "7", "Male": "5"}}
    assert value.entered_by == reporter


def test_the_plain_form_saves_and_comes_back_to_the_screen(framework, open_period, reporter):
    trained = framework["trained"]
    response = logged_in(reporter).post(_save_url(open_period, trained), entry(trained, actual="4"))
    assert response.status_code == 302
    assert response["Location"] == f"{open_period.get_absolute_url()}#indicator-{trained.pk}"
    assert _value(trained, open_period).actual == Decimal(4)


def test_a_save_over_a_newer_version_is_a_conflict_and_writes_nothing(
    framework, open_period, reporter, implementer_editor
):
    trained = framework["trained"]
    services.value_save(
        actor=fresh(implementer_editor), indicator=trained, period=open_period,
        data=services.ValueData(actual=Decimal(20)), expected_version=0,
    )  # fmt: skip
    response = logged_in(reporter).post(
        _save_url(open_period, trained), entry(trained, version=0, actual="12"), headers=HTMX
    )
    assert response.status_code == 409
    fragment = page_of(response)
    assert "changed this value at" in fragment
    assert "Their version is below; yours is kept in the form" in fragment
    assert response["HX-Retarget"] == f"#value-form-{trained.pk}"
    # The form keeps what the reporter typed, based on the version they have now seen.
    assert 'value="12"' in fragment
    assert str(response.context["form"]["lock_version"].value()) == "1"
    value = _value(trained, open_period)
    assert (value.actual, value.lock_version, value.entered_by) == (
        Decimal(20), 1, implementer_editor,
    )  # fmt: skip


def test_a_disaggregation_that_does_not_add_up_is_refused(framework, open_period, reporter):
    trained = framework["trained"]
    response = logged_in(reporter).post(
        _save_url(open_period, trained),
        entry(trained, actual="12", d_sex_0="5", d_sex_1="5"),
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "The figures by sex add up to 10, not the 12 reported." in page_of(response)
    value = _value(trained, open_period)
    assert value.actual is None
    assert value.lock_version == 0


def test_a_percentage_over_100_is_refused(framework, open_period, reporter):
    share = framework["share"]
    response = logged_in(reporter).post(
        _save_url(open_period, share), entry(share, actual="130"), headers=HTMX
    )
    assert response.status_code == 422
    assert "A percentage is from 0 to 100." in page_of(response)
    assert _value(share, open_period).actual is None


def test_a_locked_period_takes_no_entry(framework, locked_period, reporter):
    trained = framework["trained"]
    page = logged_in(reporter).get(locked_period.get_absolute_url())
    assert "This period is locked" in page_of(page)
    assert "value-form-" not in page_of(page)
    assert not page.context["can_submit"]

    plain = logged_in(reporter).post(_save_url(locked_period, trained), entry(trained, actual="3"))
    assert plain.status_code == 400
    assert "This period is locked" in page_of(plain)
    autosave = logged_in(reporter).post(
        _save_url(locked_period, trained), entry(trained, actual="3"), headers=HTMX
    )
    assert autosave.status_code == 422
    assert "This period is locked" in page_of(autosave)
    value = _value(trained, locked_period)
    assert value.actual is None
    assert value.lock_version == 0


@pytest.mark.parametrize("who", ["runner", "implementer_viewer", "donor_editor", "outsider"])
def test_only_the_reporter_saves_values(request, framework, open_period, who):
    trained = framework["trained"]
    person = request.getfixturevalue(who)
    response = logged_in(person).post(_save_url(open_period, trained), entry(trained, actual="9"))
    assert response.status_code == 403
    assert _value(trained, open_period).actual is None


def test_an_implementer_reports_only_its_own_indicators(
    project, framework, open_period, runner, reporter
):
    """An indicator assigned to another implementing organisation is not the reporter's."""
    other = OrganisationFactory(type="civil_society")
    Participant.objects.create(project=project, organisation=other, role=4)
    theirs = services.indicator_create(
        actor=fresh(runner), result=framework["output"],
        data=services.IndicatorData(title="Their count", measure=Measure.UNIT, reporter=other),
    )  # fmt: skip
    page = logged_in(reporter).get(open_period.get_absolute_url())
    assert f"value-form-{theirs.pk}" not in page_of(page)
    assert f"value-form-{framework['trained'].pk}" in page_of(page)
    response = logged_in(reporter).post(_save_url(open_period, theirs), entry(theirs, actual="1"))
    assert response.status_code == 403
    assert _value(theirs, open_period) is None


def _entered(framework, period, reporter, **actuals):
    """Values saved by the reporter: {indicator key: actual or narrative}."""
    for key, figure in actuals.items():
        indicator = framework[key]
        data = (
            services.ValueData(actual=Decimal(figure))
            if indicator.is_quantitative
            else services.ValueData(narrative=figure)
        )
        services.value_save(
            actor=fresh(reporter), indicator=indicator, period=period, data=data,
            expected_version=None,
        )  # fmt: skip


def _submitted(framework, period, reporter, **actuals):
    _entered(framework, period, reporter, **actuals)
    services.values_submit(actor=fresh(reporter), period=period)


def test_the_reporter_submits_the_periods_values(framework, open_period, reporter):
    _entered(framework, open_period, reporter, trained=12, story="Screening started.")
    url = _period_url("period_submit", open_period)
    response = logged_in(reporter).post(url, follow=True)
    assert "2 value(s) submitted for approval." in page_of(response)
    statuses = set(
        PeriodValue.objects.filter(period=open_period)
        .exclude(actual__isnull=True, narrative="")
        .values_list("status", flat=True)
    )
    assert statuses == {ValueStatus.SUBMITTED}
    # Submitted, a value waits for approval: no form for it any more.
    page = logged_in(reporter).get(open_period.get_absolute_url())
    assert f"value-form-{framework['trained'].pk}" not in page_of(page)


def test_nothing_to_submit_is_answered_400(framework, open_period, reporter):
    url = _period_url("period_submit", open_period)
    response = logged_in(reporter).post(url)
    assert response.status_code == 400
    assert "Nothing to submit: enter the period&#x27;s values first." in page_of(response)


def _review_url(name, value) -> str:
    return reverse(
        f"projects:value_{name}", kwargs={"pk": value.period.project_id, "value": value.pk}
    )


def test_the_accountable_editor_approves_a_value(framework, open_period, reporter, runner):
    _submitted(framework, open_period, reporter, trained=12)
    value = _value(framework["trained"], open_period)
    page = page_of(logged_in(runner).get(open_period.get_absolute_url()))
    assert _review_url("approve", value) in page
    response = logged_in(runner).post(_review_url("approve", value))
    assert response.status_code == 302
    value.refresh_from_db()
    assert value.status == ValueStatus.APPROVED
    assert value.reviewed_by == runner


@pytest.mark.parametrize("who", ["reporter", "accountable_viewer", "implementer_editor"])
def test_others_do_not_approve_or_return(request, framework, open_period, reporter, who):
    _submitted(framework, open_period, reporter, trained=12)
    value = _value(framework["trained"], open_period)
    person = request.getfixturevalue(who)
    assert logged_in(person).post(_review_url("approve", value)).status_code == 403
    response = logged_in(person).post(_review_url("return", value), {"comment": "Again."})
    assert response.status_code == 403
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED


def test_a_value_is_returned_with_a_comment_the_reporter_reads(
    framework, open_period, reporter, runner
):
    _submitted(framework, open_period, reporter, trained=12)
    value = _value(framework["trained"], open_period)

    refused = logged_in(runner).post(_review_url("return", value), {"comment": "  "})
    assert refused.status_code == 400
    assert "This field is required." in page_of(refused)
    value.refresh_from_db()
    assert value.status == ValueStatus.SUBMITTED
    assert value.review_comment == ""

    comment = "Count the officials of the northern post again."
    response = logged_in(runner).post(_review_url("return", value), {"comment": comment})
    assert response.status_code == 302
    value.refresh_from_db()
    assert value.status == ValueStatus.RETURNED
    page = logged_in(reporter).get(open_period.get_absolute_url())
    assert f"{comment}" in page_of(page)
    assert "Returned by" in page_of(page)
    assert f"value-form-{value.indicator_id}" in page_of(page)  # open to its fix


def test_the_accountable_editor_approves_the_whole_period(framework, open_period, reporter, runner):
    _submitted(framework, open_period, reporter, trained=12, share=40, story="Screening.")
    url = _period_url("period_approve", open_period)
    page = page_of(logged_in(runner).get(open_period.get_absolute_url()))
    assert "Approve all 3 submitted values" in page
    assert logged_in(reporter).post(url).status_code == 403
    response = logged_in(runner).post(url, follow=True)
    assert "3 value(s) approved." in page_of(response)
    statuses = set(
        PeriodValue.objects.filter(
            period=open_period, status__in=["submitted", "approved"]
        ).values_list("status", flat=True)
    )
    assert statuses == {ValueStatus.APPROVED}
    again = logged_in(runner).post(url)
    assert again.status_code == 400
    assert "No value of this period is waiting for approval." in page_of(again)


def test_others_see_approved_actuals_only(framework, open_period, reporter, runner, outsider):
    _submitted(framework, open_period, reporter, trained=12, share=37)
    logged_in(runner).post(_review_url("approve", _value(framework["trained"], open_period)))
    for person in (None, outsider):
        page = page_of(as_(person).get(open_period.get_absolute_url()))
        assert "<strong>12</strong>" in page
        assert "<strong>37</strong>" not in page
    member = page_of(logged_in(runner).get(open_period.get_absolute_url()))
    assert "<strong>37</strong>" in member


# An indicator's page --------------------------------------------------------------------------


def test_the_indicator_chart_draws_approved_values_only(
    project, framework, open_period, reporter, runner
):
    trained = framework["trained"]
    periods = list(project.periods.order_by("start"))
    earlier = periods[periods.index(open_period) - 1]
    PeriodValue.objects.filter(indicator=trained, period=earlier).update(
        actual=Decimal(7), status=ValueStatus.APPROVED
    )
    PeriodValue.objects.filter(indicator=trained, period=open_period).update(
        actual=Decimal(4321), status=ValueStatus.DRAFT
    )
    url = reverse("projects:indicator_detail", kwargs={"pk": project.pk, "indicator": trained.pk})
    response = logged_in(runner).get(url)
    assert response.status_code == 200
    chart = response.context["chart"]
    actuals = next(row for row in chart["rows"] if row["label"] == "Actual (approved)")
    assert "7" in actuals["cells"]
    assert "4321" not in actuals["cells"]
    assert actuals["cells"][periods.index(open_period)] == "—"
    assert "4,321" in page_of(response)  # a member reads the draft in the values table
    public = page_of(Client().get(url))
    assert "4,321" not in public
    assert "4321" not in public
    assert "Approved actuals against the targets" in public


def test_a_qualitative_indicator_has_no_chart(project, framework):
    url = reverse(
        "projects:indicator_detail", kwargs={"pk": project.pk, "indicator": framework["story"].pk}
    )
    response = Client().get(url)
    assert response.status_code == 200
    assert response.context["chart"] is None


def test_an_indicator_of_another_project_is_not_found(make_project, framework):
    other = make_project(title="Another one")
    url = reverse(
        "projects:indicator_detail", kwargs={"pk": other.pk, "indicator": framework["trained"].pk}
    )
    assert Client().get(url).status_code == 404


# The portfolio --------------------------------------------------------------------------------


@pytest.fixture
def portfolio(make_project, accountable, implementer, donor):
    """Three projects that differ in each filtered respect: in Senegal (running, objective 11,
    the donor funding), in France (in the pipeline, objective 1, the donor implementing), and in
    the region of Western Africa (running, objective 11, the donor funding)."""
    return {
        "senegal": make_project(title="Senegal borders"),
        "france": make_project(
            status=ProjectStatus.PIPELINE, title="French data",
            countries=[(Country.objects.get(iso3="FRA"), None)],
            gcm_objectives=[GCMObjective.objects.get(number=1)],
            participants=[(accountable, ParticipantRole.ACCOUNTABLE),
                          (donor, ParticipantRole.IMPLEMENTING)],
        ),
        "region": make_project(
            title="West African corridors", scope=Scope.REGIONAL, countries=[],
            regions=[(Region.objects.get(code="011"), None)],
        ),
    }  # fmt: skip


def _titles(response) -> set[str]:
    return {project.title for project, _percent in response.context["rows"]}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, {"Senegal borders", "French data", "West African corridors"}),
        ({"status": ProjectStatus.PIPELINE}, {"French data"}),
        ({"status": ProjectStatus.IMPLEMENTATION}, {"Senegal borders", "West African corridors"}),
        ({"country": "SEN"}, {"Senegal borders"}),
        ({"country": "FRA"}, {"French data"}),
        ({"region": "011"}, {"Senegal borders", "West African corridors"}),
        ({"objective": 1}, {"French data"}),
        ({"objective": 11}, {"Senegal borders", "West African corridors"}),
        ({"q": "corridors"}, {"West African corridors"}),
        ({"organisation": "donor"}, {"Senegal borders", "French data", "West African corridors"}),
        ({"organisation": "donor", "role": ParticipantRole.IMPLEMENTING}, {"French data"}),
        (
            {"organisation": "donor", "role": ParticipantRole.FUNDING},
            {"Senegal borders", "West African corridors"},
        ),
        ({"organisation": "donor", "role": ParticipantRole.ACCOUNTABLE}, set()),
    ],
)
def test_the_portfolio_filters(portfolio, donor, params, expected):
    if params.get("organisation") == "donor":
        params = {**params, "organisation": donor.slug}
    response = Client().get(reverse(LIST), params)
    assert response.status_code == 200
    assert _titles(response) == expected
    assert response.context["page_obj"].paginator.count == len(expected)


def test_the_portfolio_counts_projects_by_country(portfolio):
    response = Client().get(reverse(LIST))
    rows = {
        row.country["iso3"]: (row.projects, row.running) for row in response.context["by_country"]
    }
    assert rows == {"SEN": (1, 1), "FRA": (1, 0)}
    assert "Projects by country" in page_of(response)
    filtered = Client().get(reverse(LIST), {"status": ProjectStatus.PIPELINE})
    assert [row.country["iso3"] for row in filtered.context["by_country"]] == ["FRA"]


@pytest.mark.parametrize(
    "params", [{"status": 99}, {"country": "XXX"}, {"region": "nowhere"}, {"objective": 99}]
)
def test_a_bad_filter_is_answered_400(portfolio, params):
    response = Client().get(reverse(LIST), params)
    assert response.status_code == 400
    assert response.context["page_obj"] is None


def test_the_portfolio_offers_to_record_to_editors(runner, reporter):
    assert logged_in(runner).get(reverse(LIST)).context["can_record"]
    assert not logged_in(reporter).get(reverse(LIST)).context["can_record"]
    assert not Client().get(reverse(LIST)).context["can_record"]


# Query budgets --------------------------------------------------------------------------------


def _queries(client, url) -> tuple[int, object]:
    client.get(url)  # caches (content types, the session, the progress rules) warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def _bulk_frameworks(projects, periods_each=4):
    """A small framework on each project, written in bulk: an impact and an outcome, two
    indicators, `periods_each` periods with a target and an approved actual each."""
    impacts = Result.objects.bulk_create(
        Result(project=p, type=ResultType.IMPACT, title="Impact") for p in projects
    )
    outcomes = Result.objects.bulk_create(
        Result(project=impact.project, parent=impact, type=ResultType.OUTCOME, title="Outcome")
        for impact in impacts
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(result=result, title="Indicator", measure=Measure.UNIT)
        for result in [*impacts, *outcomes]
    )
    periods = ReportingPeriod.objects.bulk_create(
        ReportingPeriod(project=p, start=days(-400 + 90 * n), end=days(-311 + 90 * n))
        for p in projects
        for n in range(periods_each)
    )
    by_project = {}
    for period in periods:
        by_project.setdefault(period.project_id, []).append(period)
    PeriodValue.objects.bulk_create(
        PeriodValue(
            indicator=indicator,
            period=period,
            target=Decimal(10),
            actual=Decimal(n),
            status=ValueStatus.APPROVED,
        )
        for indicator in indicators
        for n, period in enumerate(by_project[indicator.result.project_id])
    )


def _bulk_projects(count, accountable, implementer, start=0):
    """`count` public running projects recorded by `accountable`, implemented by `implementer`,
    in Senegal, under objective 11, each with a small framework."""
    projects = Project.objects.bulk_create(
        Project(
            organisation=accountable, title=f"Project {start + n}", description="In bulk.",
            language="en", status=ProjectStatus.IMPLEMENTATION, visibility=Visibility.PUBLIC,
            planned_start=days(-400), planned_end=days(400), scope=Scope.NATIONAL,
        )
        for n in range(count)
    )  # fmt: skip
    Participant.objects.bulk_create(
        Participant(project=p, organisation=o, role=role)
        for p in projects
        for o, role in ((accountable, ParticipantRole.ACCOUNTABLE),
                        (implementer, ParticipantRole.IMPLEMENTING))
    )  # fmt: skip
    ProjectCountry.objects.bulk_create(
        ProjectCountry(project=p, country=Country.objects.get(iso3="SEN")) for p in projects
    )
    objective = GCMObjective.objects.get(number=11)
    Project.gcm_objectives.through.objects.bulk_create(
        Project.gcm_objectives.through(project_id=p.pk, gcmobjective_id=objective.pk)
        for p in projects
    )
    _bulk_frameworks(projects)
    return projects


@pytest.mark.parametrize("who", [None, "runner", "secretariat"])
@pytest.mark.parametrize("params", ["", "?country=SEN&objective=11&status=2"])
def test_the_portfolio_costs_the_same_for_5_or_50_projects(
    request, accountable, implementer, who, params
):
    client = as_(request.getfixturevalue(who) if who else None)
    url = f"{reverse(LIST)}{params}"
    _bulk_projects(5, accountable, implementer)
    few, response = _queries(client, url)
    assert len(response.context["rows"]) == 5
    _bulk_projects(45, accountable, implementer, start=5)
    many, response = _queries(client, url)
    assert len(response.context["rows"]) == 25  # a full page
    assert response.context["page_obj"].paginator.count == 50
    assert all(percent is not None for _project, percent in response.context["rows"])
    assert many == few


def _bulk_indicators(project, count, start=0):
    """`count` more indicators on the project's outcome, each with a value in all ten of its
    periods: approved in the past ones; in the current one a draft for half of them and
    submitted for the others."""
    outcome = project.results.get(type=ResultType.OUTCOME)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            result=outcome,
            title=f"Indicator {start + n}",
            measure=Measure.UNIT,
            unit="people",
            position=start + n,
        )
        for n in range(count)
    )
    today = days(0)
    values = []
    for n, indicator in enumerate(indicators):
        for period in project.periods.all():
            current = period.start <= today <= period.end
            status = ValueStatus.APPROVED
            if current:
                status = ValueStatus.DRAFT if (start + n) % 2 else ValueStatus.SUBMITTED
            values.append(
                PeriodValue(
                    indicator=indicator,
                    period=period,
                    target=Decimal(10),
                    actual=Decimal(n),
                    status=status,
                )
            )
    PeriodValue.objects.bulk_create(values)


@pytest.fixture
def ten_periods(make_project):
    """A running project with ten monthly periods (custom), the last one current, an impact and
    an outcome under it."""
    from passerelle.projects.choices import Frequency

    project = make_project(reporting_frequency=Frequency.CUSTOM)
    ReportingPeriod.objects.bulk_create(
        ReportingPeriod(project=project, start=days(30 * (n - 9) - 10), end=days(30 * (n - 9) + 19))
        for n in range(10)
    )
    impact = Result.objects.create(project=project, type=ResultType.IMPACT, title="Impact")
    Result.objects.create(project=project, parent=impact, type=ResultType.OUTCOME, title="Outcome")
    return project


@pytest.mark.parametrize(
    "who, page",
    [
        (None, "project"),
        ("runner", "project"),
        ("reporter", "project"),
        (None, "period"),
        ("runner", "period"),  # reviews the submitted values
        ("reporter", "period"),  # a form for each draft
    ],
)
def test_the_project_and_reporting_pages_cost_the_same_for_5_or_50_indicators(
    request, ten_periods, who, page
):
    project = ten_periods
    current = project.periods.get(start__lte=days(0), end__gte=days(0))
    url = project.get_absolute_url() if page == "project" else current.get_absolute_url()
    client = as_(request.getfixturevalue(who) if who else None)
    _bulk_indicators(project, 5)
    few, response = _queries(client, url)
    _bulk_indicators(project, 45, start=5)
    assert PeriodValue.objects.filter(period__project=project).count() == 500
    many, response = _queries(client, url)
    if page == "period":
        assert len(response.context["rows"]) == 50
        forms = sum(1 for item in response.context["rows"] if item["form"] is not None)
        reviewable = sum(1 for item in response.context["rows"] if item["reviewable"])
        assert (forms, reviewable) == {
            None: (0, 0), "runner": (0, 25), "reporter": (25, 0)
        }[who]  # fmt: skip
    else:
        assert sum(len(node.indicators) for node in response.context["roots"][0].children) == 50
    assert many == few


def test_the_indicator_page_costs_the_same_for_5_or_50_indicators(ten_periods, runner):
    project = ten_periods
    _bulk_indicators(project, 5)
    indicator = Indicator.objects.filter(result__project=project).first()
    url = reverse("projects:indicator_detail", kwargs={"pk": project.pk, "indicator": indicator.pk})
    client = logged_in(runner)
    few, _response = _queries(client, url)
    _bulk_indicators(project, 45, start=5)
    many, _response = _queries(client, url)
    assert many == few


# The secretariat's progress rules -------------------------------------------------------------

RULES = "projects:progress_rules"


def test_the_secretariat_sets_the_progress_rules(secretariat):
    response = logged_in(secretariat).post(
        reverse(RULES), {"on_track_from": 80, "at_risk_from": 50}
    )
    assert response.status_code == 302
    rules = ProgressRules.objects.get()
    assert (rules.on_track_from, rules.at_risk_from, rules.updated_by) == (80, 50, secretariat)


def test_rules_out_of_order_are_answered_400(secretariat):
    response = logged_in(secretariat).post(
        reverse(RULES), {"on_track_from": 50, "at_risk_from": 70}
    )
    assert response.status_code == 400
    assert "Give 0 ≤ at risk ≤ on track ≤ 100." in page_of(response)
    rules = ProgressRules.objects.first()
    assert rules is None or (rules.on_track_from, rules.at_risk_from) == (90, 60)


def test_the_progress_rules_are_the_secretariats(runner):
    response = Client().get(reverse(RULES))
    assert response["Location"].startswith(LOGIN)
    assert logged_in(runner).get(reverse(RULES)).status_code == 403
    response = logged_in(runner).post(reverse(RULES), {"on_track_from": 10, "at_risk_from": 5})
    assert response.status_code == 403
    rules = ProgressRules.objects.first()
    assert rules is None or rules.on_track_from == 90


# Dates the tests rely on ------------------------------------------------------------------------


def test_the_fixtures_periods_are_locked_and_open(locked_period, open_period):
    """The reporting tests need a locked period and an open one (the lock is 30 days)."""
    assert locked_period.end + datetime.timedelta(days=31) <= days(0)
    assert open_period.start <= days(0) <= open_period.end
