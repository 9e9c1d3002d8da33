"""Writes of projects: recording one (from scratch or from an accepted hub match), its details,
status and documents; the results framework, its periods and targets; reporting values, their
submission and approval; the reminders before a period locks. What is refused says which field
is to blame and writes nothing; every step is in the audit trail; the people concerned hear of
submissions, returns and reminders."""

import datetime
import os
import uuid
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.formats import date_format
from freezegun import freeze_time

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory
from passerelle.community.models import Notification
from passerelle.core.models import AuditEntry
from passerelle.core.permissions import Visibility
from passerelle.geo.models import Country, Region
from passerelle.hub.models import SupportRequest
from passerelle.projects import services
from passerelle.projects.choices import (
    Frequency,
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
    ProjectRegion,
    ReportingPeriod,
    Result,
)
from passerelle.projects.periods import locks_on, periods_between
from passerelle.taxonomy.models import GCMObjective

from .conftest import days, fresh, project_data

pytestmark = pytest.mark.django_db

PROJECT_MODELS = (
    Project, Participant, ProjectCountry, ProjectRegion, Document, Result, Indicator,
    ReportingPeriod, PeriodValue, ProgressRules,
)  # fmt: skip


def country(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3)


def region(code: str) -> Region:
    return Region.objects.get(code=code)


def project_entries(action: str | None = None):
    entries = AuditEntry.objects.filter(action__startswith="projects.")
    return entries.filter(action=action) if action else entries


def actions_of(obj) -> list[str]:
    return [entry.action for entry in AuditEntry.objects.for_object(obj).order_by("created", "pk")]


@contextmanager
def nothing_written():
    """The block writes no row of the projects module, no audit entry and no hub change."""
    before = {model: list(model.objects.order_by("pk").values()) for model in PROJECT_MODELS}
    audit = list(AuditEntry.objects.values_list("pk", flat=True))
    requests = list(SupportRequest.objects.order_by("pk").values("pk", "status"))
    yield
    for model, rows in before.items():
        assert list(model.objects.order_by("pk").values()) == rows, model.__name__
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == audit
    assert list(SupportRequest.objects.order_by("pk").values("pk", "status")) == requests


def refused_fields(refused) -> set[str]:
    return set(refused.value.message_dict)


def message_of(refused) -> str:
    return " ".join(refused.value.messages)


def value_data(actual=None, **overrides) -> services.ValueData:
    if actual is not None:
        actual = Decimal(actual)
    return services.ValueData(actual=actual, **overrides)


def by_sex(female, male) -> dict:
    return {"sex": {"Female": _decimal(female), "Male": _decimal(male)}}


def _decimal(figure):
    return None if figure is None else Decimal(figure)


def pdf(name="mou.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "application/pdf")


def stored_files() -> set[str]:
    """The projects' files in private storage (shared by the tests of one process: compare
    before and after)."""
    root = storages["private"].path("projects")
    return {os.path.join(path, name) for path, _dirs, names in os.walk(root) for name in names}


@pytest.fixture
def second_implementer(project):
    """Another implementing organisation of the project, with a contributor."""
    organisation = OrganisationFactory(type="civil_society")
    Participant.objects.create(
        project=project, organisation=organisation, role=ParticipantRole.IMPLEMENTING
    )
    return organisation


@pytest.fixture
def second_reporter(second_implementer):
    return MembershipFactory(organisation=second_implementer, role="contributor").user


@pytest.fixture
def recorder(organisation):
    """An editor of an organisation that records projects it takes no part in."""
    return MembershipFactory(organisation=organisation, role="editor").user


# Recording a project -------------------------------------------------------------------------


def test_a_project_is_recorded_with_everything_it_says(accountable, implementer, donor, runner):
    objectives = list(GCMObjective.objects.filter(number__in=[10, 11]))
    data = project_data(
        accountable, implementer, donor,
        title="  Border officials trained  ", objectives="  Every post.  ",
        gcm_objectives=objectives, scope=Scope.MULTI_NATIONAL,
        countries=[(country("SEN"), Decimal(60)), (country("MLI"), Decimal(40))],
        visibility=Visibility.SHARED, dac_sector=" 15110 ", human_rights_marker=2,
        child_marker=0, lock_after_days=15, reporting_frequency=Frequency.YEARLY,
    )  # fmt: skip
    project = services.project_create(actor=fresh(runner), organisation=accountable, data=data)

    project = Project.objects.get(pk=project.pk)
    assert project.title == "Border officials trained"
    assert project.objectives == "Every post."
    assert project.language == "en"  # recognised from the description
    assert project.status == ProjectStatus.PIPELINE
    assert (project.organisation, project.created_by, project.is_demo) == (
        accountable,
        runner,
        False,
    )
    assert (project.scope, project.visibility) == (Scope.MULTI_NATIONAL, Visibility.SHARED)
    assert (project.dac_sector, project.lock_after_days) == ("15110", 15)
    assert (project.gender_marker, project.human_rights_marker, project.child_marker) == (1, 2, 0)
    assert set(project.gcm_objectives.all()) == set(objectives)
    assert [a.code for a in project.capacity_areas.all()] == ["BORD"]
    assert {(p.organisation, p.role) for p in project.participants.all()} == {
        (accountable, ParticipantRole.ACCOUNTABLE),
        (implementer, ParticipantRole.IMPLEMENTING),
        (donor, ParticipantRole.FUNDING),
    }
    assert {(c.country.iso3, c.percentage) for c in project.countries.all()} == {
        ("SEN", Decimal(60)), ("MLI", Decimal(40)),
    }  # fmt: skip
    assert not project.regions.exists()
    assert [(p.start, p.end) for p in project.periods.all()] == periods_between(
        days(-400), days(330), Frequency.YEARLY
    )
    (entry,) = AuditEntry.objects.for_object(project)
    assert (entry.action, entry.actor) == ("projects.project.created", runner)
    assert entry.data == {
        "title": "Border officials trained",
        "status": ProjectStatus.PIPELINE,
        "participants": sorted(
            [[accountable.pk, ParticipantRole.ACCOUNTABLE], [implementer.pk, 4], [donor.pk, 1]]
        ),
        "countries": sorted([country("SEN").pk, country("MLI").pk]),
        "regions": [],
    }


def test_the_periods_follow_the_frequency(make_project):
    project = make_project(planned_start=datetime.date(2026, 2, 10),
                           planned_end=datetime.date(2026, 8, 20))  # fmt: skip
    assert [(p.start, p.end) for p in project.periods.all()] == [
        (datetime.date(2026, 2, 10), datetime.date(2026, 3, 31)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 7, 1), datetime.date(2026, 8, 20)),
    ]


def test_custom_periods_are_not_generated(make_project):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    assert not project.periods.exists()


def test_the_language_is_recognised_unless_given(make_project):
    french = make_project(
        description="Former les agents qui travaillent à la frontière au dépistage et à "
        "l'orientation des personnes vulnérables."
    )
    assert Project.objects.get(pk=french.pk).language == "fr"
    named = make_project(language="es")
    assert Project.objects.get(pk=named.pk).language == "es"


def test_the_lock_defaults_to_the_setting(make_project, settings):
    settings.PROJECTS = {**settings.PROJECTS, "LOCK_AFTER_DAYS": 12}
    assert Project.objects.get(pk=make_project().pk).lock_after_days == 12


def test_a_project_may_be_recorded_running(make_project):
    project = make_project(status=ProjectStatus.IMPLEMENTATION)
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.IMPLEMENTATION


@pytest.mark.parametrize(
    "status",
    [ProjectStatus.FINALISATION, ProjectStatus.CLOSED, ProjectStatus.CANCELLED,
     ProjectStatus.SUSPENDED],
)  # fmt: skip
def test_a_new_project_is_in_the_pipeline_or_running(make_project, status):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        make_project(status=status)
    assert refused_fields(refused) == {"status"}


def test_a_demo_organisation_records_demo_projects(make_project, accountable):
    accountable.is_demo = True
    accountable.save()
    assert Project.objects.get(pk=make_project().pk).is_demo


@pytest.mark.parametrize(
    "who", ["viewer_of_it", "contributor_of_it", "reporter", "donor_editor", "outsider",
            "secretariat"],
)  # fmt: skip
def test_only_the_organisations_editors_record_its_projects(
    request, accountable, implementer, donor, who
):
    if who.endswith("_of_it"):
        role = who.removesuffix("_of_it")
        actor = MembershipFactory(organisation=accountable, role=role).user
    else:
        actor = request.getfixturevalue(who)
    with nothing_written(), pytest.raises(PermissionDenied):
        services.project_create(
            actor=fresh(actor), organisation=accountable,
            data=project_data(accountable, implementer, donor),
        )  # fmt: skip


def test_the_administrator_records_projects_too(accountable, implementer):
    admin = MembershipFactory(organisation=accountable, role="admin").user
    services.project_create(
        actor=fresh(admin), organisation=accountable, data=project_data(accountable, implementer)
    )
    assert Project.objects.count() == 1


def test_the_same_form_posted_twice_makes_one_project(accountable, implementer, runner):
    key = uuid.uuid4()
    first = services.project_create(
        actor=fresh(runner), organisation=accountable,
        data=project_data(accountable, implementer), submission_key=key,
    )  # fmt: skip
    second = services.project_create(
        actor=fresh(runner), organisation=accountable,
        data=project_data(accountable, implementer, title="Other"), submission_key=key,
    )  # fmt: skip
    assert second.pk == first.pk
    assert Project.objects.get().title == project_data(accountable, implementer).title
    assert project_entries().count() == 1
    # Another key is another project.
    services.project_create(
        actor=fresh(runner), organisation=accountable,
        data=project_data(accountable, implementer), submission_key=uuid.uuid4(),
    )  # fmt: skip
    assert Project.objects.count() == 2


def _long(n):
    return "a" * n


BAD_INPUT = [
    # (what is wrong, overrides of the data, field to blame, words of the message)
    ("no title", {"title": "   "}, "title", "Give the project a title."),
    ("no description", {"description": " "}, "description", "Describe the project."),
    ("description too long", {"description": _long(10_001)}, "description",
     "under 10000 characters"),
    ("no GCM objective", {"gcm_objectives": []}, "gcm_objectives", "at least one GCM objective"),
    ("end before start", {"planned_start": days(10), "planned_end": days(9)}, "planned_end",
     "before the planned start"),
    ("ended without a start", {"actual_end": days(-1)}, "actual_start", "give its start"),
    ("actual end before start", {"actual_start": days(-5), "actual_end": days(-6)},
     "actual_end", "before the actual start"),
    ("actual start in the future", {"actual_start": days(1)}, "actual_start", "today or earlier"),
    ("lock too long", {"lock_after_days": 366}, "lock_after_days", "between 0 and 365"),
    ("negative lock", {"lock_after_days": -1}, "lock_after_days", "between 0 and 365"),
    ("unknown frequency", {"reporting_frequency": "weekly"}, "reporting_frequency",
     "how often"),
    ("unknown scope", {"scope": 5}, "scope", "scope from the list"),
    ("national in two countries", {"countries": [("SEN", None), ("MLI", None)]}, "countries",
     "exactly one country"),
    ("national in no country", {"countries": []}, "countries", "exactly one country"),
    ("national with a region", {"regions": [("011", None)]}, "countries",
     "exactly one country"),
    ("local in two countries", {"scope": Scope.LOCAL, "countries": [("SEN", None),
                                                                     ("MLI", None)]},
     "countries", "exactly one country"),
    ("multi-national in one country", {"scope": Scope.MULTI_NATIONAL}, "countries",
     "two countries or more"),
    ("multi-national with a region", {"scope": Scope.MULTI_NATIONAL, "regions": [("011", None)],
                                      "countries": [("SEN", None), ("MLI", None)]},
     "countries", "two countries or more"),
    ("regional without places", {"scope": Scope.REGIONAL, "countries": []}, "regions",
     "Name the region"),
    ("some percentages", {"scope": Scope.MULTI_NATIONAL,
                          "countries": [("SEN", "60"), ("MLI", None)]},
     "percentages", "for every country and region, or none"),
    ("percentages short of 100", {"scope": Scope.MULTI_NATIONAL,
                                  "countries": [("SEN", "60"), ("MLI", "30")]},
     "percentages", "add up to 90, not 100"),
    ("percentages over 100", {"scope": Scope.REGIONAL, "regions": [("011", "70")],
                              "countries": [("SEN", "40")]},
     "percentages", "add up to 110, not 100"),
    ("a zero percentage", {"scope": Scope.MULTI_NATIONAL,
                           "countries": [("SEN", "100"), ("MLI", "0")]},
     "percentages", "more than 0 and at most 100"),
    ("a percentage over 100", {"countries": [("SEN", "101")]}, "percentages",
     "more than 0 and at most 100"),
    ("no accountable", {"participants": "implementing"}, "participants",
     "Name the accountable organisation"),
    ("no implementer", {"participants": "accountable"}, "participants",
     "at least one implementing organisation"),
    ("unknown role", {"participants": "unknown role"}, "participants", "role from the list"),
    ("DAC code too short", {"dac_sector": "1519"}, "dac_sector", "five-digit code"),
    ("DAC code too long", {"dac_sector": "151900"}, "dac_sector", "five-digit code"),
    ("DAC code with letters", {"dac_sector": "15A90"}, "dac_sector", "five-digit code"),
    ("unknown gender marker", {"gender_marker": 3}, "gender_marker", "significance"),
    ("unknown human rights marker", {"human_rights_marker": 9}, "human_rights_marker",
     "significance"),
    ("unknown child marker", {"child_marker": -1}, "child_marker", "significance"),
    ("unknown visibility", {"visibility": "secret"}, "visibility", "who may see"),
    ("unknown language", {"language": "zz"}, "language", "not a valid choice"),
    ("title too long", {"title": _long(201)}, "title", "at most 200 characters"),
]  # fmt: skip


def _resolve(overrides, accountable, implementer):
    """Place codes into places, role shortcuts into participants."""
    resolved = dict(overrides)
    for name, lookup in (("countries", country), ("regions", region)):
        if name in resolved:
            resolved[name] = [
                (lookup(code), None if share is None else Decimal(share))
                for code, share in resolved[name]
            ]
    participants = {
        "implementing": [(implementer, ParticipantRole.IMPLEMENTING)],
        "accountable": [(accountable, ParticipantRole.ACCOUNTABLE)],
        "unknown role": [(accountable, ParticipantRole.ACCOUNTABLE),
                         (implementer, ParticipantRole.IMPLEMENTING), (implementer, 9)],
    }  # fmt: skip
    if "participants" in resolved:
        resolved["participants"] = participants[resolved["participants"]]
    return resolved


@pytest.mark.parametrize(
    "overrides, field, words", [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_written(
    accountable, implementer, runner, overrides, field, words
):
    data = project_data(accountable, implementer, **_resolve(overrides, accountable, implementer))
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.project_create(actor=fresh(runner), organisation=accountable, data=data)
    assert field in refused_fields(refused)
    assert words in " ".join(refused.value.message_dict[field])


def test_every_problem_is_told_at_once(accountable, implementer, runner):
    data = project_data(
        accountable, implementer, title="", description="", gcm_objectives=[],
        planned_start=days(10), planned_end=days(1), scope=Scope.MULTI_NATIONAL,
        participants=[(implementer, ParticipantRole.IMPLEMENTING)], dac_sector="x",
        gender_marker=7, visibility="secret",
    )  # fmt: skip
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.project_create(actor=fresh(runner), organisation=accountable, data=data)
    assert refused_fields(refused) == {
        "title", "description", "gcm_objectives", "planned_end", "countries", "participants",
        "dac_sector", "gender_marker", "visibility",
    }  # fmt: skip


GOOD_PLACES = [
    ("national", {}),
    ("local", {"scope": Scope.LOCAL}),
    ("global without places", {"scope": Scope.GLOBAL, "countries": []}),
    ("regional by its region", {"scope": Scope.REGIONAL, "countries": [],
                                "regions": [("011", None)]}),
    ("regional by its countries", {"scope": Scope.REGIONAL,
                                   "countries": [("SEN", None), ("MLI", None)]}),
    ("multi-national", {"scope": Scope.MULTI_NATIONAL,
                        "countries": [("SEN", None), ("MLI", None), ("GMB", None)]}),
    ("shares adding up to 100", {"scope": Scope.REGIONAL, "regions": [("011", "50.5")],
                                 "countries": [("SEN", "49.5")]}),
    ("one country at 100", {"countries": [("SEN", "100")]}),
]  # fmt: skip


@pytest.mark.parametrize("overrides", [c[1] for c in GOOD_PLACES], ids=[c[0] for c in GOOD_PLACES])
def test_places_that_agree_with_the_scope_are_kept(accountable, implementer, runner, overrides):
    resolved = _resolve(overrides, accountable, implementer)
    data = project_data(accountable, implementer, **resolved)
    project = services.project_create(actor=fresh(runner), organisation=accountable, data=data)
    expected = resolved.get("countries", data.countries)
    assert {(c.country, c.percentage) for c in project.countries.all()} == set(expected)
    assert {(r.region, r.percentage) for r in project.regions.all()} == set(
        resolved.get("regions", [])
    )


def test_an_organisation_named_twice_in_one_role_takes_part_once(accountable, implementer, runner):
    data = project_data(
        accountable, implementer,
        participants=[
            (accountable, ParticipantRole.ACCOUNTABLE), (implementer, ParticipantRole.IMPLEMENTING),
            (implementer, ParticipantRole.IMPLEMENTING), (accountable, ParticipantRole.FUNDING),
        ],
    )  # fmt: skip
    project = services.project_create(actor=fresh(runner), organisation=accountable, data=data)
    assert sorted((p.organisation_id, p.role) for p in project.participants.all()) == sorted(
        [(accountable.pk, 2), (implementer.pk, 4), (accountable.pk, 1)]
    )


# From an accepted match ----------------------------------------------------------------------


def test_an_accepted_match_becomes_a_project(make_match, accountable, implementer, runner):
    match = make_match("accepted")
    project = services.project_create_from_match(
        actor=fresh(runner), match=match, organisation=accountable,
        data=project_data(accountable, implementer),
    )  # fmt: skip

    assert list(project.matches.all()) == [match]
    match.refresh_from_db()
    assert match.status == "partnership" and match.partnership_at is not None
    assert SupportRequest.objects.get(pk=match.request_id).status == "in_partnership"
    assert actions_of(project) == ["projects.project.created"]
    assert "hub.match.partnership" in actions_of(match)


def test_the_provider_records_the_project_too(
    make_match, accountable, implementer, implementer_editor
):
    match = make_match("accepted")
    project = services.project_create_from_match(
        actor=fresh(implementer_editor), match=match, organisation=implementer,
        data=project_data(accountable, implementer),
    )  # fmt: skip
    assert project.organisation == implementer
    match.refresh_from_db()
    assert match.status == "partnership"


def test_a_stranger_to_the_match_does_not_turn_it_into_its_project(
    make_match, accountable, implementer, outsider
):
    """The outsider records projects for its own organisation, not from others' matches."""
    match = make_match("accepted")
    own = outsider.memberships.get().organisation
    with nothing_written(), pytest.raises(PermissionDenied):
        services.project_create_from_match(
            actor=fresh(outsider), match=match, organisation=own,
            data=project_data(accountable, implementer),
        )  # fmt: skip
    match.refresh_from_db()
    assert match.status == "accepted"


def test_the_same_form_posted_twice_makes_one_project_of_the_match(
    make_match, accountable, implementer, runner
):
    match = make_match("accepted")
    key = uuid.uuid4()
    first = services.project_create_from_match(
        actor=fresh(runner), match=match, organisation=accountable, submission_key=key,
        data=project_data(accountable, implementer), status=ProjectStatus.IMPLEMENTATION,
    )  # fmt: skip
    match.refresh_from_db()
    second = services.project_create_from_match(
        actor=fresh(runner), match=match, organisation=accountable, submission_key=key,
        data=project_data(accountable, implementer, title="Again"),
    )  # fmt: skip
    assert second.pk == first.pk
    assert Project.objects.get().status == ProjectStatus.IMPLEMENTATION
    assert project_entries("projects.project.created").count() == 1
    assert actions_of(match).count("hub.match.partnership") == 1


@pytest.mark.parametrize("status", ["proposed", "introduced", "declined"])
def test_only_an_accepted_match_becomes_a_project(
    make_match, accountable, implementer, runner, status
):
    match = make_match(status)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.project_create_from_match(
            actor=fresh(runner), match=match, organisation=accountable,
            data=project_data(accountable, implementer),
        )  # fmt: skip
    assert "Only an accepted match" in message_of(refused)
    match.refresh_from_db()
    assert match.status == status


def test_a_match_already_in_partnership_does_not_become_a_second_project(
    make_match, accountable, implementer, runner
):
    match = make_match("accepted")
    services.project_create_from_match(
        actor=fresh(runner), match=match, organisation=accountable,
        data=project_data(accountable, implementer),
    )  # fmt: skip
    match.refresh_from_db()
    with nothing_written(), pytest.raises(ValidationError):
        services.project_create_from_match(
            actor=fresh(runner), match=match, organisation=accountable,
            data=project_data(accountable, implementer, title="Again"),
        )  # fmt: skip


def test_a_project_from_a_match_with_bad_input_leaves_the_match_accepted(
    make_match, accountable, implementer, runner
):
    match = make_match("accepted")
    with nothing_written(), pytest.raises(ValidationError):
        services.project_create_from_match(
            actor=fresh(runner), match=match, organisation=accountable,
            data=project_data(accountable, implementer, title=""),
        )  # fmt: skip
    match.refresh_from_db()
    assert match.status == "accepted"


# Editing a project ---------------------------------------------------------------------------


def test_the_details_are_edited(project, runner, accountable, implementer, donor):
    data = project_data(
        accountable, implementer, donor, title="Screening at every post",
        countries=[(country("MLI"), None)], gcm_objectives=list(GCMObjective.objects.filter(
            number__in=[1, 2])),
    )  # fmt: skip
    services.project_update(actor=fresh(runner), project=project, data=data)
    project = Project.objects.get(pk=project.pk)
    assert project.title == "Screening at every post"
    assert [c.country.iso3 for c in project.countries.all()] == ["MLI"]
    assert {o.number for o in project.gcm_objectives.all()} == {1, 2}
    assert project.status == ProjectStatus.IMPLEMENTATION  # not the form's business
    assert actions_of(project) == ["projects.project.created", "projects.project.updated"]


def test_the_participants_are_replaced(project, runner, accountable, implementer, reporter):
    other = OrganisationFactory(type="un_agency")
    data = project_data(
        accountable, implementer,
        participants=[(accountable, ParticipantRole.ACCOUNTABLE),
                      (other, ParticipantRole.IMPLEMENTING)],
    )  # fmt: skip
    services.project_update(actor=fresh(runner), project=project, data=data)
    assert {(p.organisation, p.role) for p in project.participants.all()} == {
        (accountable, ParticipantRole.ACCOUNTABLE),
        (other, ParticipantRole.IMPLEMENTING),
    }
    # The implementer that left no longer reports.
    from passerelle.core.permissions import user_can

    assert user_can(fresh(reporter), "report", Project.objects.get(pk=project.pk)) is False


def test_longer_dates_add_periods(project, runner, accountable, implementer, donor):
    before = {(p.pk, p.start, p.end) for p in project.periods.all()}
    data = project_data(accountable, implementer, donor, planned_end=days(330 + 365))
    services.project_update(actor=fresh(runner), project=project, data=data)
    periods = list(project.periods.all())
    assert [(p.start, p.end) for p in periods] == periods_between(
        days(-400), days(695), Frequency.QUARTERLY
    )
    # The periods that still fit are the same rows, with what they hold.
    unchanged = {(p.pk, p.start, p.end) for p in periods}
    assert len(before - unchanged) == 1  # only the last one, whose end moved


def test_a_new_frequency_replaces_the_periods(project, runner, accountable, implementer):
    data = project_data(accountable, implementer, reporting_frequency=Frequency.MONTHLY)
    services.project_update(actor=fresh(runner), project=project, data=data)
    assert [(p.start, p.end) for p in project.periods.all()] == periods_between(
        days(-400), days(330), Frequency.MONTHLY
    )


def test_periods_with_reported_values_are_kept(
    project, framework, runner, reporter, accountable, implementer, open_period
):
    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=value_data(8), expected_version=None,
    )  # fmt: skip
    # The project now ends before the current period does: that period no longer fits.
    data = project_data(
        accountable, implementer, planned_end=open_period.start + datetime.timedelta(days=20)
    )
    services.project_update(actor=fresh(runner), project=project, data=data)

    periods = list(project.periods.order_by("start"))
    assert periods[-1].pk == open_period.pk
    assert (periods[-1].start, periods[-1].end) == (open_period.start, open_period.end)
    assert PeriodValue.objects.get(period=open_period, indicator=framework["trained"]).actual == 8
    # The later ones, with targets but nothing reported, are gone.
    assert not project.periods.filter(start__gt=open_period.end).exists()
    assert [(p.start, p.end) for p in periods[:-1]] == periods_between(
        days(-400), open_period.start - datetime.timedelta(days=1), Frequency.QUARTERLY
    )


def test_a_period_kept_for_its_values_is_not_overlapped(
    project, framework, runner, reporter, accountable, implementer, locked_period
):
    """The project now starts in the middle of a period that holds a value: that period stays
    whole, and no period is added over its days."""
    reported = project.periods.order_by("start")[1]
    with freeze_time(reported.end + datetime.timedelta(days=2)):
        save(reporter, framework["trained"], reported, value_data(3))
    later_start = reported.start + datetime.timedelta(days=40)
    data = project_data(accountable, implementer, planned_start=later_start)
    services.project_update(actor=fresh(runner), project=project, data=data)

    periods = [(p.start, p.end) for p in project.periods.order_by("start")]
    assert periods[0] == (reported.start, reported.end)
    assert periods[1:] == periods_between(
        reported.end + datetime.timedelta(days=1), days(330), Frequency.QUARTERLY
    )
    assert not ReportingPeriod.objects.filter(pk=locked_period.pk).exists()


def test_a_custom_projects_periods_are_left_alone(make_project, runner, accountable, implementer):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    services.period_add(actor=fresh(runner), project=project, start=days(-30), end=days(30))
    data = project_data(accountable, implementer, reporting_frequency=Frequency.CUSTOM,
                        planned_end=days(10))  # fmt: skip
    services.project_update(actor=fresh(runner), project=project, data=data)
    assert [(p.start, p.end) for p in project.periods.all()] == [(days(-30), days(30))]


def test_bad_edits_are_refused_and_nothing_changes(project, runner, accountable, implementer):
    data = project_data(accountable, implementer, title="", participants=[])
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.project_update(actor=fresh(runner), project=project, data=data)
    assert refused_fields(refused) == {"title", "participants"}


@pytest.mark.parametrize("who", ["reporter", "implementer_viewer", "donor_editor", "outsider"])
def test_only_those_who_run_the_project_edit_it(request, project, accountable, implementer, who):
    data = project_data(accountable, implementer, title="Taken over")
    with nothing_written(), pytest.raises(PermissionDenied):
        services.project_update(
            actor=fresh(request.getfixturevalue(who)), project=project, data=data
        )


def test_the_recording_organisation_edits_a_project_it_takes_no_part_in(
    organisation, recorder, accountable, implementer
):
    project = services.project_create(
        actor=fresh(recorder), organisation=organisation,
        data=project_data(accountable, implementer),
    )  # fmt: skip
    services.project_update(
        actor=fresh(recorder), project=project,
        data=project_data(accountable, implementer, title="Edited by its recorder"),
    )  # fmt: skip
    assert Project.objects.get(pk=project.pk).title == "Edited by its recorder"


@pytest.mark.parametrize("status", [ProjectStatus.CLOSED, ProjectStatus.CANCELLED])
def test_history_is_not_edited(project, runner, accountable, implementer, status):
    Project.objects.filter(pk=project.pk).update(status=status)
    with nothing_written(), pytest.raises(PermissionDenied):
        services.project_update(
            actor=fresh(runner), project=project,
            data=project_data(accountable, implementer, title="Rewritten"),
        )  # fmt: skip


# The status ----------------------------------------------------------------------------------


def test_starting_a_project_sets_its_actual_start(make_project, runner):
    project = make_project(status=ProjectStatus.PIPELINE)
    services.project_set_status(
        actor=fresh(runner), project=project, status=ProjectStatus.IMPLEMENTATION,
        reason="  The MoU is signed.  ",
    )  # fmt: skip
    project = Project.objects.get(pk=project.pk)
    assert (project.status, project.actual_start, project.actual_end) == (
        ProjectStatus.IMPLEMENTATION, days(0), None,
    )  # fmt: skip
    entry = AuditEntry.objects.for_object(project).get(action="projects.project.status_changed")
    assert entry.actor == runner
    assert entry.data == {"from": 1, "to": 2, "note": "The MoU is signed."}


def test_an_actual_start_already_given_is_kept(make_project, runner):
    project = make_project(status=ProjectStatus.PIPELINE, actual_start=days(-20))
    services.project_set_status(
        actor=fresh(runner), project=project, status=ProjectStatus.IMPLEMENTATION
    )
    assert Project.objects.get(pk=project.pk).actual_start == days(-20)


def test_finalising_sets_the_actual_end_then_it_closes(make_project, runner):
    project = make_project(actual_start=days(-100))
    services.project_set_status(
        actor=fresh(runner), project=project, status=ProjectStatus.FINALISATION
    )
    project = Project.objects.get(pk=project.pk)
    assert (project.actual_start, project.actual_end) == (days(-100), days(0))
    services.project_set_status(actor=fresh(runner), project=project, status=ProjectStatus.CLOSED)
    project = Project.objects.get(pk=project.pk)
    assert (project.status, project.actual_end) == (ProjectStatus.CLOSED, days(0))
    assert actions_of(project).count("projects.project.status_changed") == 2


def test_cancelling_in_the_pipeline_gives_both_dates(make_project, runner):
    project = make_project(status=ProjectStatus.PIPELINE)
    services.project_set_status(
        actor=fresh(runner), project=project, status=ProjectStatus.CANCELLED
    )
    project = Project.objects.get(pk=project.pk)
    assert (project.status, project.actual_start, project.actual_end) == (
        ProjectStatus.CANCELLED, days(0), days(0),
    )  # fmt: skip


def test_a_suspended_project_resumes(make_project, runner):
    project = make_project(actual_start=days(-50))
    services.project_set_status(
        actor=fresh(runner), project=project, status=ProjectStatus.SUSPENDED
    )
    project = Project.objects.get(pk=project.pk)
    assert (project.status, project.actual_end) == (ProjectStatus.SUSPENDED, None)
    services.project_set_status(
        actor=fresh(runner), project=project, status=ProjectStatus.IMPLEMENTATION
    )
    project = Project.objects.get(pk=project.pk)
    assert (project.status, project.actual_start) == (ProjectStatus.IMPLEMENTATION, days(-50))


@pytest.mark.parametrize(
    "start, target, words",
    [
        (
            ProjectStatus.PIPELINE,
            ProjectStatus.CLOSED,
            "from “Pipeline / identification” to “Closed”",
        ),
        (ProjectStatus.PIPELINE, ProjectStatus.FINALISATION, "to “Finalisation”"),
        (ProjectStatus.IMPLEMENTATION, ProjectStatus.CLOSED, "from “Implementation” to “Closed”"),
        (ProjectStatus.IMPLEMENTATION, ProjectStatus.IMPLEMENTATION, "to “Implementation”"),
        (ProjectStatus.SUSPENDED, ProjectStatus.FINALISATION, "from “Suspended”"),
        (ProjectStatus.FINALISATION, ProjectStatus.IMPLEMENTATION, "from “Finalisation”"),
        (ProjectStatus.CLOSED, ProjectStatus.IMPLEMENTATION, "from “Closed” to “Implementation”"),
        (ProjectStatus.CLOSED, ProjectStatus.CANCELLED, "from “Closed” to “Cancelled”"),
        (ProjectStatus.CANCELLED, ProjectStatus.PIPELINE, "from “Cancelled”"),
    ],
)
def test_statuses_follow_their_order(make_project, runner, start, target, words):
    project = make_project()
    Project.objects.filter(pk=project.pk).update(status=start)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.project_set_status(actor=fresh(runner), project=project, status=target)
    assert words in message_of(refused)
    assert "A project cannot go" in message_of(refused)


def test_an_unknown_status_is_refused(project, runner):
    with nothing_written(), pytest.raises(ValidationError):
        services.project_set_status(actor=fresh(runner), project=project, status=99)


@pytest.mark.parametrize("who", ["reporter", "donor_editor", "implementer_viewer", "outsider"])
def test_only_those_who_run_the_project_change_its_status(request, project, who):
    with nothing_written(), pytest.raises(PermissionDenied):
        services.project_set_status(
            actor=fresh(request.getfixturevalue(who)), project=project,
            status=ProjectStatus.SUSPENDED,
        )  # fmt: skip


# Documents -----------------------------------------------------------------------------------


def add_document(actor, project, **overrides):
    values = {"title": "Memorandum", "category": "A09", "language": "en"}
    return services.document_add(actor=fresh(actor), project=project, **{**values, **overrides})


def test_a_link_is_attached(project, runner):
    document = add_document(
        runner, project, url=" https://example.org/mou.pdf ", document_date=days(-3),
        title="  Memorandum of understanding ",
    )  # fmt: skip
    document = Document.objects.get(pk=document.pk)
    assert (document.title, document.url, document.file.name) == (
        "Memorandum of understanding", "https://example.org/mou.pdf", "",
    )  # fmt: skip
    assert (document.category, document.document_date, document.uploaded_by) == (
        "A09", days(-3), runner,
    )  # fmt: skip
    assert document.get_absolute_url() == "https://example.org/mou.pdf"
    entry = AuditEntry.objects.for_object(project).get(action="projects.document.added")
    assert entry.data == {"document": document.pk, "title": document.title, "category": "A09"}


def test_a_file_is_kept_in_private_storage(project, runner):
    document = add_document(runner, project, upload=pdf())
    document = Document.objects.get(pk=document.pk)
    assert document.file.name.startswith(f"projects/{project.pk}/")
    assert document.file.name.endswith("/mou.pdf")
    assert document.url == ""
    storage = storages["private"]
    assert storage.exists(document.file.name)
    with storage.open(document.file.name) as stored:
        assert stored.read().startswith(b"%PDF-")


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"url": "https://example.org/a.pdf", "upload": "file"}, "file"),
        ({}, "file"),
        ({"url": "   "}, "file"),
        ({"url": "https://example.org/a.pdf", "title": " "}, "title"),
        ({"url": "https://example.org/a.pdf", "category": "Z99"}, "category"),
        ({"url": "not a link"}, "url"),
        ({"upload": "file", "language": "zz"}, "language"),
        ({"upload": "file", "title": _long(201)}, "title"),
    ],
    ids=["file and link", "neither", "blank link", "no title", "unknown category", "bad link",
         "unknown language", "title too long"],
)  # fmt: skip
def test_a_bad_document_is_refused_and_nothing_is_kept(project, runner, overrides, field):
    if overrides.get("upload") == "file":
        overrides = {**overrides, "upload": pdf()}
    files = stored_files()
    with nothing_written(), pytest.raises(ValidationError) as refused:
        add_document(runner, project, **overrides)
    assert field in refused_fields(refused)
    assert stored_files() == files


@pytest.mark.parametrize(
    "upload, words",
    [
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "not accepted"),
        (SimpleUploadedFile("mou.pdf", b"<html>not a pdf</html>"), "not a .pdf file"),
        (SimpleUploadedFile("empty.pdf", b""), "empty"),
    ],
    ids=["executable", "renamed web page", "empty"],
)
def test_a_bad_file_is_refused(project, runner, upload, words):
    files = stored_files()
    with nothing_written(), pytest.raises(ValidationError) as refused:
        add_document(runner, project, upload=upload)
    assert words in " ".join(refused.value.message_dict["file"])
    assert stored_files() == files


@pytest.mark.parametrize("who", ["reporter", "donor_editor", "outsider"])
def test_only_those_who_run_the_project_attach_documents(request, project, who):
    files = stored_files()
    with nothing_written(), pytest.raises(PermissionDenied):
        add_document(request.getfixturevalue(who), project, upload=pdf())
    assert stored_files() == files


def test_a_file_is_deleted_from_storage_once_its_removal_is_committed(
    project, runner, django_capture_on_commit_callbacks
):
    document = add_document(runner, project, upload=pdf())
    pk, name, storage = document.pk, document.file.name, storages["private"]
    with django_capture_on_commit_callbacks(execute=True):
        services.document_remove(actor=fresh(runner), document=document)
        # The row is gone; the file waits for the commit.
        assert not Document.objects.filter(pk=pk).exists()
        assert storage.exists(name)
    assert not storage.exists(name)
    entry = AuditEntry.objects.for_object(project).get(action="projects.document.removed")
    assert entry.data == {"document": pk, "title": "Memorandum"}


def test_a_link_is_removed(project, runner, django_capture_on_commit_callbacks):
    document = add_document(runner, project, url="https://example.org/a.pdf")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.document_remove(actor=fresh(runner), document=document)
    assert not Document.objects.exists()
    assert callbacks == []  # no file to delete


def test_a_refused_removal_keeps_the_file(
    project, runner, reporter, django_capture_on_commit_callbacks
):
    document = add_document(runner, project, upload=pdf())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        nothing_written(),
        pytest.raises(PermissionDenied),
    ):
        services.document_remove(actor=fresh(reporter), document=document)
    assert callbacks == []
    assert storages["private"].exists(document.file.name)


# Results -------------------------------------------------------------------------------------


def result_data(type_, title="A result", **overrides) -> services.ResultData:
    return services.ResultData(type=type_, title=title, **overrides)


def test_the_results_chain_from_outputs_to_the_impact(framework, project):
    impact, outcome, output = framework["impact"], framework["outcome"], framework["output"]
    assert (impact.parent, outcome.parent, output.parent) == (None, impact, outcome)
    assert [r.position for r in (impact, outcome, output)] == [0, 1, 2]
    assert actions_of(project).count("projects.result.created") == 3
    entry = project_entries("projects.result.created").filter(data__result=output.pk).get()
    assert entry.data == {"result": output.pk, "title": "Officials trained"}


@pytest.mark.parametrize(
    "type_, parent, words",
    [
        (ResultType.OUTPUT, "impact", "An output serves an outcome"),
        (ResultType.OUTCOME, "output", "An output serves an outcome"),
        (ResultType.OUTCOME, "outcome", "An output serves an outcome"),
        (ResultType.IMPACT, "impact", "An output serves an outcome"),
        (ResultType.OUTCOME, None, "Say which impact"),
        (ResultType.OUTPUT, None, "Say which outcome"),
    ],
)
def test_a_result_serves_the_level_above(framework, project, runner, type_, parent, words):
    data = result_data(type_, parent=framework[parent] if parent else None)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.result_create(actor=fresh(runner), project=project, data=data)
    assert words in " ".join(refused.value.message_dict["parent"])


def test_the_first_outcome_may_wait_for_its_impact(project, runner):
    """Without an impact yet, an outcome stands on its own."""
    outcome = services.result_create(
        actor=fresh(runner), project=project, data=result_data(ResultType.OUTCOME)
    )
    assert outcome.parent is None


def test_a_second_impact_is_allowed(framework, project, runner):
    impact = services.result_create(
        actor=fresh(runner), project=project, data=result_data(ResultType.IMPACT, "Another")
    )
    assert (impact.parent, impact.position) == (None, 3)


def test_a_parent_in_another_project_is_refused(framework, make_project, runner):
    other = make_project(title="Another project")
    data = result_data(ResultType.OUTCOME, parent=framework["impact"])
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.result_create(actor=fresh(runner), project=other, data=data)
    assert "another project" in " ".join(refused.value.message_dict["parent"])


@pytest.mark.parametrize(
    "overrides, field",
    [({"title": "  "}, "title"), ({"weight": 0}, "weight"), ({"weight": 101}, "weight"),
     ({"type_": 4}, "type")],
)  # fmt: skip
def test_a_bad_result_is_refused(project, runner, overrides, field):
    data = result_data(overrides.pop("type_", ResultType.IMPACT), **overrides)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.result_create(actor=fresh(runner), project=project, data=data)
    assert field in refused_fields(refused)


@pytest.mark.parametrize("who", ["reporter", "donor_editor", "outsider"])
def test_only_those_who_run_the_project_write_its_results(request, project, who):
    with nothing_written(), pytest.raises(PermissionDenied):
        services.result_create(
            actor=fresh(request.getfixturevalue(who)), project=project,
            data=result_data(ResultType.IMPACT),
        )  # fmt: skip


def test_a_result_is_edited(framework, runner):
    output = framework["output"]
    services.result_update(
        actor=fresh(runner), result=output,
        data=result_data(ResultType.OUTPUT, " Officials and managers trained ",
                         description=" Both. ", parent=framework["outcome"], weight=3),
    )  # fmt: skip
    output = Result.objects.get(pk=output.pk)
    assert (output.title, output.description, output.weight) == (
        "Officials and managers trained", "Both.", 3,
    )  # fmt: skip
    assert "projects.result.updated" in actions_of(output.project)


def test_a_result_with_results_under_it_keeps_its_level(framework, runner):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.result_update(
            actor=fresh(runner), result=framework["outcome"],
            data=result_data(ResultType.OUTPUT, parent=framework["outcome"]),
        )  # fmt: skip
    assert refused_fields(refused) == {"type"}


def test_an_edited_result_still_serves_the_level_above(framework, runner):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.result_update(
            actor=fresh(runner), result=framework["output"],
            data=result_data(ResultType.OUTPUT, parent=framework["impact"]),
        )  # fmt: skip
    assert refused_fields(refused) == {"parent"}


def test_removing_a_result_removes_what_it_holds(framework, project, runner):
    outcome = framework["outcome"].pk
    services.result_remove(actor=fresh(runner), result=framework["outcome"])
    # The outcome, its output and their indicators and targets.
    assert list(project.results.all()) == [framework["impact"]]
    assert list(Indicator.objects.filter(result__project=project)) == [framework["story"]]
    assert not PeriodValue.objects.exclude(indicator=framework["story"]).exists()
    entry = project_entries("projects.result.removed").get()
    assert entry.data == {"result": outcome, "title": "Screening works"}


def test_a_result_with_reported_values_below_it_stays(
    framework, project, runner, reporter, open_period
):
    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=value_data(3), expected_version=None,
    )  # fmt: skip
    for result in ("impact", "outcome", "output"):
        with nothing_written(), pytest.raises(ValidationError) as refused:
            services.result_remove(actor=fresh(runner), result=framework[result])
        assert "Values were reported under this result" in message_of(refused)


def test_a_narrative_counts_as_reported(framework, runner, reporter, open_period):
    services.value_save(
        actor=fresh(reporter), indicator=framework["story"], period=open_period,
        data=value_data(narrative="Migrants are referred."), expected_version=None,
    )  # fmt: skip
    with nothing_written(), pytest.raises(ValidationError):
        services.result_remove(actor=fresh(runner), result=framework["impact"])


def test_a_result_of_a_closed_project_is_not_removed(framework, project, runner):
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.CLOSED)
    with nothing_written(), pytest.raises(PermissionDenied):
        services.result_remove(actor=fresh(runner), result=framework["output"])


# Indicators ----------------------------------------------------------------------------------


def indicator_data(**overrides) -> services.IndicatorData:
    return services.IndicatorData(**{"title": "Posts equipped", "measure": Measure.UNIT,
                                     **overrides})  # fmt: skip


def test_an_indicator_is_created(framework, runner, implementer):
    indicator = services.indicator_create(
        actor=fresh(runner), result=framework["output"],
        data=indicator_data(
            title="  Posts equipped ", unit=" posts ", ascending=False,
            baseline_value=Decimal(40), baseline_date=days(-400), baseline_comment=" Survey. ",
            dimensions={"sex": [" Female ", "Male", " "], "age_group": ["Under 18", "18 and over"]},
            weight=4, reporter=implementer,
        ),
    )  # fmt: skip
    indicator = Indicator.objects.get(pk=indicator.pk)
    assert (indicator.title, indicator.unit, indicator.baseline_comment) == (
        "Posts equipped", "posts", "Survey.",
    )  # fmt: skip
    assert (indicator.ascending, indicator.baseline_value, indicator.weight) == (
        False, Decimal(40), 4,
    )  # fmt: skip
    assert indicator.dimensions == [
        {"dimension": "sex", "categories": ["Female", "Male"]},
        {"dimension": "age_group", "categories": ["Under 18", "18 and over"]},
    ]
    assert (indicator.reporter, indicator.position) == (implementer, 1)
    entry = project_entries("projects.indicator.created").filter(data__indicator=indicator.pk)
    assert entry.get().data == {"indicator": indicator.pk, "title": "Posts equipped"}


@pytest.mark.parametrize(
    "overrides, field, words",
    [
        ({"title": " "}, "title", "Give the indicator a title"),
        ({"measure": 9}, "measure", "measure from the list"),
        ({"measure": Measure.PERCENTAGE, "baseline_value": Decimal("100.01")}, "baseline_value",
         "from 0 to 100"),
        ({"measure": Measure.PERCENTAGE, "baseline_value": Decimal(-1)}, "baseline_value",
         "from 0 to 100"),
        ({"measure": Measure.QUALITATIVE, "baseline_value": Decimal(3)}, "baseline_value",
         "no baseline figure"),
        ({"weight": 0}, "weight", "from 1 to 100"),
        ({"dimensions": {"religion": ["A", "B"]}}, "dimensions", "dimensions from the list"),
        ({"dimensions": {"sex": ["Female"]}}, "dimensions", "2 to 12 categories"),
        ({"dimensions": {"sex": ["Female", "  "]}}, "dimensions", "2 to 12 categories"),
        ({"dimensions": {"location": [f"Post {n}" for n in range(13)]}}, "dimensions",
         "2 to 12 categories"),
        ({"dimensions": {"sex": ["Female", " Female", "Male"]}}, "dimensions",
         "each category once"),
    ],
    ids=["no title", "unknown measure", "percentage over 100", "negative percentage",
         "qualitative with a figure", "no weight", "unknown dimension", "one category",
         "one category and a blank", "13 categories", "a category twice"],
)  # fmt: skip
def test_a_bad_indicator_is_refused(framework, runner, overrides, field, words):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.indicator_create(
            actor=fresh(runner), result=framework["output"], data=indicator_data(**overrides)
        )
    assert words in " ".join(refused.value.message_dict[field])


@pytest.mark.parametrize("baseline", [Decimal(0), Decimal(100)])
def test_a_percentage_baseline_may_be_0_or_100(framework, runner, baseline):
    indicator = services.indicator_create(
        actor=fresh(runner), result=framework["output"],
        data=indicator_data(measure=Measure.PERCENTAGE, baseline_value=baseline),
    )  # fmt: skip
    assert Indicator.objects.get(pk=indicator.pk).baseline_value == baseline


@pytest.mark.parametrize("who", ["donor", "accountable", "other"])
def test_the_reporter_is_one_of_the_implementing_organisations(request, framework, runner, who):
    organisation = OrganisationFactory() if who == "other" else request.getfixturevalue(who)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.indicator_create(
            actor=fresh(runner), result=framework["output"],
            data=indicator_data(reporter=organisation),
        )  # fmt: skip
    assert refused_fields(refused) == {"reporter"}


@pytest.mark.parametrize("who", ["reporter", "donor_editor", "outsider"])
def test_only_those_who_run_the_project_write_its_indicators(request, framework, who):
    with nothing_written(), pytest.raises(PermissionDenied):
        services.indicator_create(
            actor=fresh(request.getfixturevalue(who)), result=framework["output"],
            data=indicator_data(),
        )  # fmt: skip


def test_an_indicator_is_edited(framework, runner):
    trained = framework["trained"]
    services.indicator_update(
        actor=fresh(runner), indicator=trained,
        data=indicator_data(title="Officials trained in screening", measure=Measure.UNIT,
                            dimensions={"sex": ["Women", "Men"]}),
    )  # fmt: skip
    trained = Indicator.objects.get(pk=trained.pk)
    assert trained.title == "Officials trained in screening"
    assert trained.dimensions == [{"dimension": "sex", "categories": ["Women", "Men"]}]
    assert "projects.indicator.updated" in actions_of(trained.result.project)


def test_the_measure_changes_until_values_are_reported(framework, runner, reporter, open_period):
    trained = framework["trained"]
    services.indicator_update(
        actor=fresh(runner), indicator=trained, data=indicator_data(measure=Measure.ORDINAL)
    )
    assert Indicator.objects.get(pk=trained.pk).measure == Measure.ORDINAL
    services.value_save(
        actor=fresh(reporter), indicator=trained, period=open_period, data=value_data(4),
        expected_version=None,
    )  # fmt: skip
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.indicator_update(
            actor=fresh(runner), indicator=trained, data=indicator_data(measure=Measure.UNIT)
        )
    assert refused_fields(refused) == {"measure"}
    # The rest still changes.
    services.indicator_update(
        actor=fresh(runner), indicator=trained,
        data=indicator_data(title="Renamed", measure=Measure.ORDINAL),
    )  # fmt: skip
    assert Indicator.objects.get(pk=trained.pk).title == "Renamed"


def test_an_indicator_with_targets_only_is_removed(framework, runner):
    trained = framework["trained"]
    pk = trained.pk
    assert PeriodValue.objects.filter(indicator=trained).exists()
    services.indicator_remove(actor=fresh(runner), indicator=trained)
    assert not Indicator.objects.filter(pk=pk).exists()
    assert not PeriodValue.objects.filter(indicator_id=pk).exists()
    assert project_entries("projects.indicator.removed").get().data == {
        "indicator": pk, "title": "Officials trained",
    }  # fmt: skip


def test_an_indicator_with_reported_values_stays(framework, runner, reporter, open_period):
    services.value_save(
        actor=fresh(reporter), indicator=framework["share"], period=open_period,
        data=value_data(30), expected_version=None,
    )  # fmt: skip
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.indicator_remove(actor=fresh(runner), indicator=framework["share"])
    assert "Values were reported for this indicator" in message_of(refused)


# Periods -------------------------------------------------------------------------------------


def test_syncing_again_changes_nothing(project):
    before = list(project.periods.values_list("pk", "start", "end"))
    services.sync_periods(project)
    assert list(project.periods.values_list("pk", "start", "end")) == before


def test_a_period_holding_only_targets_goes_when_it_no_longer_fits(framework, project):
    last = project.periods.order_by("start").last()
    assert last.values.exists()
    Project.objects.filter(pk=project.pk).update(
        planned_end=last.start - datetime.timedelta(days=1)
    )
    services.sync_periods(Project.objects.get(pk=project.pk))
    assert not ReportingPeriod.objects.filter(pk=last.pk).exists()
    assert not PeriodValue.objects.filter(period_id=last.pk).exists()


def test_a_custom_project_takes_periods_one_by_one(make_project, runner):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    first = services.period_add(actor=fresh(runner), project=project, start=days(-60),
                                end=days(-1))  # fmt: skip
    second = services.period_add(actor=fresh(runner), project=project, start=days(0),
                                 end=days(60))  # fmt: skip
    assert list(project.periods.all()) == [first, second]
    entries = project_entries("projects.period.added").order_by("pk")
    assert [e.data for e in entries] == [
        {"start": days(-60).isoformat(), "end": days(-1).isoformat()},
        {"start": days(0).isoformat(), "end": days(60).isoformat()},
    ]


@pytest.mark.parametrize(
    "start, end",
    [(-10, 10), (-60, 70), (-1, 0), (5, 6), (30, 40)],
    ids=["inside", "around", "first day", "within", "last day"],
)
def test_custom_periods_do_not_overlap(make_project, runner, start, end):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    services.period_add(actor=fresh(runner), project=project, start=days(0), end=days(30))
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.period_add(actor=fresh(runner), project=project, start=days(start),
                            end=days(end))  # fmt: skip
    assert "overlaps another one" in message_of(refused)


def test_a_custom_period_ends_after_it_starts(make_project, runner):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.period_add(actor=fresh(runner), project=project, start=days(5), end=days(4))
    assert refused_fields(refused) == {"end"}


def test_periods_are_added_only_to_a_custom_project(project, runner):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.period_add(actor=fresh(runner), project=project, start=days(1000), end=days(1010))
    assert "choose custom periods first" in message_of(refused)


def test_only_those_who_run_the_project_add_periods(make_project, reporter):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    with nothing_written(), pytest.raises(PermissionDenied):
        services.period_add(actor=fresh(reporter), project=project, start=days(0), end=days(9))


def test_an_empty_period_is_removed(make_project, runner):
    project = make_project(reporting_frequency=Frequency.CUSTOM)
    period = services.period_add(actor=fresh(runner), project=project, start=days(0),
                                 end=days(9))  # fmt: skip
    services.period_remove(actor=fresh(runner), period=period)
    assert not project.periods.exists()
    assert project_entries("projects.period.removed").get().data == {
        "start": days(0).isoformat(), "end": days(9).isoformat(),
    }  # fmt: skip


def test_a_period_with_reported_values_stays(framework, runner, reporter, open_period):
    services.value_save(
        actor=fresh(reporter), indicator=framework["trained"], period=open_period,
        data=value_data(1), expected_version=None,
    )  # fmt: skip
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.period_remove(actor=fresh(runner), period=open_period)
    assert "Values were reported in this period" in message_of(refused)


# Targets -------------------------------------------------------------------------------------


def test_a_target_is_set_and_changed(framework, runner, open_period):
    trained = framework["trained"]
    before = PeriodValue.objects.get(indicator=trained, period=open_period).target
    value = services.target_set(
        actor=fresh(runner), indicator=trained, period=open_period, target=Decimal(55)
    )
    assert PeriodValue.objects.get(pk=value.pk).target == 55
    entry = AuditEntry.objects.for_object(value).order_by("-pk").first()
    assert (entry.action, entry.actor) == ("projects.target.set", runner)
    assert entry.data == {
        "indicator": trained.pk, "period": open_period.pk, "from": str(before), "to": "55",
    }  # fmt: skip
    services.target_set(actor=fresh(runner), indicator=trained, period=open_period, target=None)
    assert PeriodValue.objects.get(pk=value.pk).target is None
    assert PeriodValue.objects.filter(indicator=trained, period=open_period).count() == 1


def test_a_qualitative_indicator_has_no_target(framework, runner, open_period):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.target_set(
            actor=fresh(runner), indicator=framework["story"], period=open_period, target=1
        )
    assert refused_fields(refused) == {"target"}


@pytest.mark.parametrize("target", [Decimal("-0.5"), Decimal("100.5")])
def test_a_percentage_target_is_from_0_to_100(framework, runner, open_period, target):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.target_set(
            actor=fresh(runner), indicator=framework["share"], period=open_period, target=target
        )
    assert "from 0 to 100" in " ".join(refused.value.message_dict["target"])


def test_a_target_is_set_in_the_indicators_own_project(framework, make_project, runner):
    other = make_project(title="Another")
    with nothing_written(), pytest.raises(ValidationError):
        services.target_set(
            actor=fresh(runner), indicator=framework["trained"],
            period=other.periods.first(), target=1,
        )  # fmt: skip


@pytest.mark.parametrize("who", ["reporter", "donor_editor"])
def test_only_those_who_run_the_project_set_targets(request, framework, open_period, who):
    with nothing_written(), pytest.raises(PermissionDenied):
        services.target_set(
            actor=fresh(request.getfixturevalue(who)), indicator=framework["trained"],
            period=open_period, target=Decimal(1),
        )  # fmt: skip


# Progress rules ------------------------------------------------------------------------------


def test_the_secretariat_sets_the_progress_rules(secretariat, settings):
    settings.PROJECTS = {
        **settings.PROJECTS,
        "PROGRESS_RULES": {"ON_TRACK_FROM": 90, "AT_RISK_FROM": 60},
    }
    rules = services.progress_rules_update(
        actor=fresh(secretariat), on_track_from=80, at_risk_from=50
    )
    rules = ProgressRules.objects.get()
    assert (rules.pk, rules.on_track_from, rules.at_risk_from, rules.updated_by) == (
        1, 80, 50, secretariat,
    )  # fmt: skip
    entry = AuditEntry.objects.for_object(rules).get()
    assert (entry.action, entry.data) == (
        "projects.rules.updated",
        {"from": {"on_track_from": 90, "at_risk_from": 60},
         "to": {"on_track_from": 80, "at_risk_from": 50}},
    )  # fmt: skip


@pytest.mark.parametrize("on_track, at_risk", [(50, 60), (101, 60), (90, -1)])
def test_the_progress_rules_are_ordered(secretariat, on_track, at_risk):
    with nothing_written(), pytest.raises(ValidationError):
        services.progress_rules_update(
            actor=fresh(secretariat), on_track_from=on_track, at_risk_from=at_risk
        )


@pytest.mark.parametrize("on_track, at_risk", [(70, 70), (100, 0), (0, 0)])
def test_the_progress_rules_may_touch(secretariat, on_track, at_risk):
    services.progress_rules_update(
        actor=fresh(secretariat), on_track_from=on_track, at_risk_from=at_risk
    )
    assert ProgressRules.objects.values_list("on_track_from", "at_risk_from").get() == (
        on_track, at_risk,
    )  # fmt: skip


@pytest.mark.parametrize("who", ["runner", "editor", "outsider"])
def test_only_the_secretariat_sets_the_progress_rules(request, who):
    with nothing_written(), pytest.raises(PermissionDenied):
        services.progress_rules_update(
            actor=fresh(request.getfixturevalue(who)), on_track_from=80, at_risk_from=50
        )


# Entering values -----------------------------------------------------------------------------


def save(actor, indicator, period, data, expected_version=None):
    return services.value_save(
        actor=fresh(actor), indicator=indicator, period=period, data=data,
        expected_version=expected_version,
    )  # fmt: skip


def test_the_reporter_enters_a_value(framework, reporter, open_period):
    trained = framework["trained"]
    value = save(
        reporter, trained, open_period,
        value_data(22, narrative="  Two sessions.  ", disaggregation=by_sex(12, 10),
                   evidence_url=" https://example.org/attendance.pdf "),
        expected_version=0,
    )  # fmt: skip
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.actual, value.narrative, value.evidence_url) == (
        22, "Two sessions.", "https://example.org/attendance.pdf",
    )  # fmt: skip
    assert value.disaggregation == {"sex": {"Female": "12", "Male": "10"}}
    assert (value.status, value.lock_version, value.entered_by) == ("draft", 1, reporter)
    assert value.entered_at is not None and value.submitted_at is None
    assert value.target == 50  # the target set before is kept
    entry = AuditEntry.objects.for_object(value).get(action="projects.value.saved")
    assert entry.actor == reporter
    assert entry.data == {
        "indicator": trained.pk, "period": open_period.pk, "actual": "22",
        "narrative": "Two sessions.",
    }  # fmt: skip


def test_each_save_moves_the_version_on(framework, reporter, open_period):
    trained = framework["trained"]
    save(reporter, trained, open_period, value_data(5), expected_version=0)
    save(reporter, trained, open_period, value_data(6), expected_version=1)
    value = save(reporter, trained, open_period, value_data(7), expected_version=None)
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.actual, value.lock_version) == (7, 3)
    assert actions_of(value).count("projects.value.saved") == 3


def test_a_save_from_an_older_version_conflicts_and_writes_nothing(
    framework, reporter, open_period
):
    trained = framework["trained"]
    mine = save(reporter, trained, open_period, value_data(5), expected_version=0)
    save(reporter, trained, open_period, value_data(9), expected_version=1)  # another tab
    with nothing_written(), pytest.raises(services.ValueConflict) as conflict:
        save(reporter, trained, open_period, value_data(6), expected_version=mine.lock_version)
    assert conflict.value.current.pk == mine.pk
    assert (conflict.value.current.actual, conflict.value.current.lock_version) == (9, 2)


def test_a_first_save_conflicts_with_one_made_meanwhile(framework, reporter, open_period):
    """Two people open an empty value; the second to save started from version 0 too."""
    save(reporter, framework["trained"], open_period, value_data(5), expected_version=0)
    with nothing_written(), pytest.raises(services.ValueConflict) as conflict:
        save(reporter, framework["trained"], open_period, value_data(6), expected_version=0)
    assert conflict.value.current.actual == 5


@pytest.mark.parametrize(
    "who", ["runner", "donor_editor", "implementer_viewer", "outsider", "secretariat"]
)
def test_only_the_implementers_enter_values(request, framework, open_period, who):
    with nothing_written(), pytest.raises(PermissionDenied):
        save(request.getfixturevalue(who), framework["trained"], open_period, value_data(5))


def test_an_implementers_editor_enters_values_too(framework, implementer_editor, open_period):
    save(implementer_editor, framework["trained"], open_period, value_data(5))
    assert PeriodValue.objects.get(indicator=framework["trained"], period=open_period).actual == 5


def test_an_implementer_enters_only_the_values_it_reports(
    framework, runner, reporter, second_implementer, second_reporter, open_period
):
    share = framework["share"]
    services.indicator_update(
        actor=fresh(runner), indicator=share,
        data=indicator_data(title=share.title, measure=Measure.PERCENTAGE,
                            reporter=second_implementer),
    )  # fmt: skip
    share = Indicator.objects.get(pk=share.pk)
    with nothing_written(), pytest.raises(PermissionDenied):
        save(reporter, share, open_period, value_data(30))
    save(second_reporter, share, open_period, value_data(30))
    # An indicator nobody was assigned is reported by either.
    save(reporter, framework["trained"], open_period, value_data(5), expected_version=0)
    save(second_reporter, framework["trained"], open_period, value_data(6), expected_version=1)
    assert PeriodValue.objects.get(indicator=framework["trained"], period=open_period).actual == 6


@pytest.mark.parametrize("status", [ProjectStatus.PIPELINE, ProjectStatus.SUSPENDED,
                                    ProjectStatus.CLOSED, ProjectStatus.CANCELLED])  # fmt: skip
def test_values_are_entered_while_the_project_reports(
    framework, project, reporter, open_period, status
):
    Project.objects.filter(pk=project.pk).update(status=status)
    with nothing_written(), pytest.raises(PermissionDenied):
        save(reporter, framework["trained"], open_period, value_data(5))


def test_values_are_entered_during_finalisation(framework, project, reporter, open_period):
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.FINALISATION)
    save(reporter, framework["trained"], open_period, value_data(5))


def test_an_indicator_of_another_project_is_refused(framework, make_project, reporter, open_period):
    other = make_project(title="Another")
    other_period = other.periods.get(start=open_period.start)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework["trained"], other_period, value_data(5))
    assert "belongs to another project" in message_of(refused)


def test_a_locked_period_takes_no_entry(project, framework, reporter, locked_period):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework["trained"], locked_period, value_data(5))
    due = date_format(locked_period.end + datetime.timedelta(days=30), "DATE_FORMAT")
    assert message_of(refused) == (
        f"This period is locked: values were due by {due}. Ask the accountable organisation "
        "to return a value if it must change."
    )


def test_a_period_takes_entries_until_its_last_day_of_grace(project, framework, reporter):
    period = project.periods.order_by("start").first()
    with freeze_time(locks_on(period.end, project.lock_after_days) - datetime.timedelta(days=1)):
        save(reporter, framework["trained"], period, value_data(5))
    with (
        freeze_time(locks_on(period.end, project.lock_after_days)),
        nothing_written(),
        pytest.raises(ValidationError),
    ):
        save(reporter, framework["trained"], period, value_data(6))


def test_a_future_period_takes_no_entry_yet(project, framework, reporter):
    future = project.periods.order_by("start").last()
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework["trained"], future, value_data(5))
    assert message_of(refused).startswith("This period has not started yet")
    assert date_format(future.start, "DATE_FORMAT") in message_of(refused)


def submit(actor, period):
    return services.values_submit(actor=fresh(actor), period=period)


def test_a_submitted_value_waits_and_an_approved_one_is_final(
    framework, reporter, runner, open_period
):
    value = save(reporter, framework["trained"], open_period, value_data(5))
    submit(reporter, open_period)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework["trained"], open_period, value_data(6))
    assert "waiting for approval" in message_of(refused)
    services.value_approve(actor=fresh(runner), value=value)
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework["trained"], open_period, value_data(6))
    assert "approved and final" in message_of(refused)


def test_a_returned_value_is_fixed_after_the_period_locked(
    project, framework, reporter, runner, locked_period
):
    trained = framework["trained"]
    with freeze_time(locked_period.end + datetime.timedelta(days=3)):
        save(reporter, trained, locked_period, value_data(5))
        submit(reporter, locked_period)
    value = PeriodValue.objects.get(indicator=trained, period=locked_period)
    services.value_return(actor=fresh(runner), value=value, comment="The register says 7.")
    # The period is locked, yet the returned value takes its fix and goes back for approval.
    save(reporter, trained, locked_period, value_data(7))
    assert submit(reporter, locked_period) == 1
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.actual, value.status) == (7, ValueStatus.SUBMITTED)


VALUE_PROBLEMS = [
    # (what is wrong, indicator, data, field, words)
    ("by sex not adding up", "trained", {"actual": 22, "disaggregation": by_sex(12, 11)},
     "disaggregation", "The figures by sex add up to 23, not the 22 reported."),
    ("an unknown category", "trained",
     {"actual": 22, "disaggregation": {"sex": {"Female": Decimal(22), "Other": Decimal(0)}}},
     "disaggregation", "only the categories defined"),
    ("an unknown dimension", "trained",
     {"actual": 22, "disaggregation": {"age_group": {"Under 18": Decimal(22)}}},
     "disaggregation", "only the categories defined"),
    ("a negative category", "trained", {"actual": 2, "disaggregation": by_sex(-1, None)},
     "disaggregation", "cannot be negative"),
    ("a negative count", "trained", {"actual": -1}, "actual", "A count cannot be negative."),
    ("a percentage over 100", "share", {"actual": Decimal("100.5")}, "actual", "from 0 to 100"),
    ("a negative percentage", "share", {"actual": -1}, "actual", "from 0 to 100"),
    ("a figure for a qualitative one", "story", {"actual": 3, "narrative": "Better."}, "actual",
     "reported in words"),
    ("a narrative too long", "story", {"narrative": "a" * 5001}, "narrative", "under 5000"),
    ("a link that is not one", "trained", {"actual": 1, "evidence_url": "the register"},
     "evidence_url", "web address"),
    ("a link to a file server", "trained", {"actual": 1, "evidence_url": "ftp://example.org/a"},
     "evidence_url", "web address"),
    ("dimensions on an indicator without", "share",
     {"actual": 30, "disaggregation": {"sex": {"Female": Decimal(30)}}}, "disaggregation",
     "only the categories defined"),
]  # fmt: skip


@pytest.mark.parametrize(
    "indicator, data, field, words",
    [case[1:] for case in VALUE_PROBLEMS],
    ids=[case[0] for case in VALUE_PROBLEMS],
)
def test_a_bad_value_is_refused_on_its_field(
    framework, reporter, open_period, indicator, data, field, words
):
    data = {**data}
    if data.get("actual") is not None:
        data["actual"] = Decimal(data["actual"])
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework[indicator], open_period, services.ValueData(**data))
    assert words in " ".join(refused.value.message_dict[field])


def test_every_problem_of_a_value_is_told_at_once(framework, reporter, open_period):
    data = value_data(-3, evidence_url="nowhere", disaggregation={"sex": {"Other": Decimal(1)}})
    with nothing_written(), pytest.raises(ValidationError) as refused:
        save(reporter, framework["trained"], open_period, data)
    assert refused_fields(refused) == {"actual", "evidence_url", "disaggregation"}


def test_a_partial_breakdown_need_not_add_up(framework, reporter, open_period):
    value = save(reporter, framework["trained"], open_period, value_data(22,
                 disaggregation=by_sex(12, None)))  # fmt: skip
    assert PeriodValue.objects.get(pk=value.pk).disaggregation == {"sex": {"Female": "12"}}


def test_a_breakdown_may_come_before_the_total(framework, reporter, open_period):
    value = save(reporter, framework["trained"], open_period,
                 services.ValueData(disaggregation=by_sex(12, 10)))  # fmt: skip
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.actual, value.disaggregation) == (None, {"sex": {"Female": "12", "Male": "10"}})


def test_a_falling_count_may_go_below_zero(framework, runner, reporter, open_period):
    """A balance going down (the figure measured may be negative): not a count."""
    indicator = services.indicator_create(
        actor=fresh(runner), result=framework["output"],
        data=indicator_data(title="Net balance", ascending=False, baseline_value=Decimal(-5)),
    )  # fmt: skip
    value = save(reporter, indicator, open_period, value_data(-8))
    assert PeriodValue.objects.get(pk=value.pk).actual == -8


def test_a_qualitative_indicator_takes_a_narrative(framework, reporter, open_period):
    value = save(reporter, framework["story"], open_period,
                 value_data(narrative="Migrants are referred to shelters."))  # fmt: skip
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.actual, value.narrative) == (None, "Migrants are referred to shelters.")


@pytest.mark.parametrize("figure", [0, 100, Decimal("45.5")])
def test_a_percentage_is_from_0_to_100(framework, reporter, open_period, figure):
    value = save(reporter, framework["share"], open_period, value_data(figure))
    assert PeriodValue.objects.get(pk=value.pk).actual == Decimal(figure)


# Submitting ----------------------------------------------------------------------------------


def test_the_reporter_submits_the_periods_entered_values(framework, reporter, open_period):
    save(reporter, framework["trained"], open_period, value_data(5))
    save(reporter, framework["story"], open_period, value_data(narrative="Better."))
    # "share" has a target and no value: not submitted.
    assert submit(reporter, open_period) == 2

    values = PeriodValue.objects.filter(period=open_period)
    assert {v.indicator_id: v.status for v in values} == {
        framework["trained"].pk: ValueStatus.SUBMITTED,
        framework["story"].pk: ValueStatus.SUBMITTED,
        framework["share"].pk: ValueStatus.DRAFT,
    }
    assert all(v.submitted_at is not None for v in values if v.status == ValueStatus.SUBMITTED)
    submitted = project_entries("projects.value.submitted")
    assert sorted(e.data["indicator"] for e in submitted) == sorted(
        [framework["trained"].pk, framework["story"].pk]
    )
    assert all(e.data["resubmitted"] is False and e.actor == reporter for e in submitted)
    (entry,) = AuditEntry.objects.for_object(open_period)
    assert (entry.action, entry.data) == (
        "projects.period.submitted", {"project": open_period.project_id, "values": 2},
    )  # fmt: skip


def test_nothing_entered_nothing_submitted(framework, reporter, open_period):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        submit(reporter, open_period)
    assert "Nothing to submit" in message_of(refused)


def test_a_figure_is_submitted_with_its_figure(framework, reporter, open_period):
    """A counted indicator's comment alone is not a value the approver could approve."""
    save(reporter, framework["trained"], open_period, value_data(narrative="Sessions postponed."))
    with nothing_written(), pytest.raises(ValidationError) as refused:
        submit(reporter, open_period)
    assert "Nothing to submit" in message_of(refused)


def test_values_already_submitted_are_not_submitted_again(framework, reporter, open_period):
    save(reporter, framework["trained"], open_period, value_data(5))
    submit(reporter, open_period)
    with nothing_written(), pytest.raises(ValidationError):
        submit(reporter, open_period)


def test_an_implementer_submits_only_the_values_it_reports(
    framework, runner, reporter, second_implementer, second_reporter, open_period
):
    services.indicator_update(
        actor=fresh(runner), indicator=framework["share"],
        data=indicator_data(title="Share", measure=Measure.PERCENTAGE,
                            reporter=second_implementer),
    )  # fmt: skip
    save(second_reporter, framework["share"], open_period, value_data(30))
    with nothing_written(), pytest.raises(ValidationError):
        submit(reporter, open_period)
    save(reporter, framework["trained"], open_period, value_data(5))
    assert submit(reporter, open_period) == 1
    assert PeriodValue.objects.get(indicator=framework["share"], period=open_period).status == (
        ValueStatus.DRAFT
    )
    assert submit(second_reporter, open_period) == 1


def test_a_returned_value_is_resubmitted(framework, reporter, runner, open_period):
    value = save(reporter, framework["trained"], open_period, value_data(5))
    submit(reporter, open_period)
    services.value_return(actor=fresh(runner), value=value, comment="Which register?")
    save(reporter, framework["trained"], open_period, value_data(6))
    assert submit(reporter, open_period) == 1
    value = PeriodValue.objects.get(pk=value.pk)
    assert value.status == ValueStatus.SUBMITTED
    latest = project_entries("projects.value.submitted").order_by("-pk").first()
    assert latest.data["resubmitted"] is True


def test_a_locked_periods_drafts_are_not_submitted(project, framework, reporter, locked_period):
    with freeze_time(locked_period.end + datetime.timedelta(days=3)):
        save(reporter, framework["trained"], locked_period, value_data(5))
    with nothing_written(), pytest.raises(ValidationError) as refused:
        submit(reporter, locked_period)
    assert "This period is locked" in message_of(refused)


@pytest.mark.parametrize("who", ["runner", "donor_editor", "implementer_viewer", "outsider"])
def test_only_the_implementers_submit(request, framework, reporter, open_period, who):
    save(reporter, framework["trained"], open_period, value_data(5))
    with nothing_written(), pytest.raises(PermissionDenied):
        submit(request.getfixturevalue(who), open_period)


# Approving and returning ---------------------------------------------------------------------


@pytest.fixture
def submitted(framework, reporter, open_period):
    """The current period's "trained" and "story" values, submitted."""
    save(reporter, framework["trained"], open_period, value_data(5))
    save(reporter, framework["story"], open_period, value_data(narrative="Better."))
    submit(reporter, open_period)
    return {
        name: PeriodValue.objects.get(indicator=framework[name], period=open_period)
        for name in ("trained", "story")
    }


def test_the_accountable_editor_approves_a_value(submitted, runner):
    value = services.value_approve(actor=fresh(runner), value=submitted["trained"])
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.status, value.reviewed_by, value.review_comment) == (
        ValueStatus.APPROVED, runner, "",
    )  # fmt: skip
    assert value.reviewed_at is not None
    entry = AuditEntry.objects.for_object(value).get(action="projects.value.approved")
    assert entry.actor == runner
    assert entry.data == {
        "indicator": value.indicator_id, "period": value.period_id, "actual": "5.00",
    }  # fmt: skip


def test_a_value_approved_after_a_return_loses_the_comment(submitted, runner, reporter):
    value = submitted["trained"]
    services.value_return(actor=fresh(runner), value=value, comment="Which register?")
    save(reporter, value.indicator, value.period, value_data(5))
    submit(reporter, value.period)
    services.value_approve(actor=fresh(runner), value=value)
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.status, value.review_comment) == (ValueStatus.APPROVED, "")


def test_the_period_is_approved_at_once(submitted, runner, open_period, framework, reporter):
    save(reporter, framework["share"], open_period, value_data(30))  # a draft: left alone
    assert services.values_approve(actor=fresh(runner), period=open_period) == 2
    statuses = dict(PeriodValue.objects.filter(period=open_period).values_list(
        "indicator", "status"))  # fmt: skip
    assert statuses == {
        framework["trained"].pk: ValueStatus.APPROVED,
        framework["story"].pk: ValueStatus.APPROVED,
        framework["share"].pk: ValueStatus.DRAFT,
    }
    assert project_entries("projects.value.approved").count() == 2


def test_a_period_without_submitted_values_has_nothing_to_approve(framework, runner, open_period):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.values_approve(actor=fresh(runner), period=open_period)
    assert "No value of this period is waiting" in message_of(refused)


def test_the_accountable_editor_returns_a_value_with_a_comment(submitted, runner):
    value = services.value_return(
        actor=fresh(runner), value=submitted["trained"], comment="  Which register?  "
    )
    value = PeriodValue.objects.get(pk=value.pk)
    assert (value.status, value.review_comment, value.reviewed_by) == (
        ValueStatus.RETURNED, "Which register?", runner,
    )  # fmt: skip
    assert value.reviewed_at is not None
    entry = AuditEntry.objects.for_object(value).get(action="projects.value.returned")
    assert entry.data == {
        "indicator": value.indicator_id, "period": value.period_id, "comment": "Which register?",
    }  # fmt: skip


@pytest.mark.parametrize("comment", ["", "   ", "a" * 2001], ids=["none", "blank", "too long"])
def test_a_return_says_what_to_fix(submitted, runner, comment):
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.value_return(actor=fresh(runner), value=submitted["trained"], comment=comment)
    assert refused_fields(refused) == {"comment"}


@pytest.mark.parametrize("status", ["draft", "returned", "approved"])
def test_only_a_submitted_value_is_reviewed(submitted, framework, runner, open_period, reporter,
                                            status):  # fmt: skip
    value = submitted["trained"]
    if status == "draft":
        value = save(reporter, framework["share"], open_period, value_data(30))
    elif status == "returned":
        services.value_return(actor=fresh(runner), value=value, comment="Fix it.")
    else:
        services.value_approve(actor=fresh(runner), value=value)
    for review in (
        lambda: services.value_approve(actor=fresh(runner), value=value),
        lambda: services.value_return(actor=fresh(runner), value=value, comment="Again."),
    ):
        with nothing_written(), pytest.raises(ValidationError) as refused:
            review()
        assert "Only a submitted value" in message_of(refused)


@pytest.mark.parametrize(
    "who", ["reporter", "implementer_editor", "donor_editor", "recorder", "outsider",
            "secretariat"],
)  # fmt: skip
def test_only_the_accountable_editors_review(request, submitted, open_period, who):
    actor = request.getfixturevalue(who)
    for review in (
        lambda: services.value_approve(actor=fresh(actor), value=submitted["trained"]),
        lambda: services.value_return(
            actor=fresh(actor), value=submitted["trained"], comment="No."
        ),
        lambda: services.values_approve(actor=fresh(actor), period=open_period),
    ):
        with nothing_written(), pytest.raises(PermissionDenied):
            review()


@pytest.mark.parametrize("who", ["reporter", "outsider"])
def test_whether_values_wait_for_approval_is_not_told_to_others(
    request, framework, open_period, who
):
    with nothing_written(), pytest.raises(PermissionDenied):
        services.values_approve(actor=fresh(request.getfixturevalue(who)), period=open_period)


def test_an_accountable_viewer_does_not_review(submitted, accountable):
    viewer = MembershipFactory(organisation=accountable, role="viewer").user
    with nothing_written(), pytest.raises(PermissionDenied):
        services.value_approve(actor=fresh(viewer), value=submitted["trained"])


# Reminders -----------------------------------------------------------------------------------


def reminder_day(period, before=3):
    """A day `before` days before the period locks."""
    return locks_on(period.end, period.project.lock_after_days) - datetime.timedelta(days=before)


def test_reporters_are_reminded_once_before_a_period_locks(framework, open_period):
    today = reminder_day(open_period)
    assert services.remind_reporters(today=today) == 1
    assert services.remind_reporters(today=today) == 0
    assert services.remind_reporters(today=today + datetime.timedelta(days=1)) == 0
    (entry,) = AuditEntry.objects.for_object(open_period)
    assert (entry.action, entry.actor) == ("projects.period.reminder", None)
    assert entry.data == {
        "project": open_period.project_id,
        "locks_on": locks_on(open_period.end, 30).isoformat(),
        "missing": 3,
    }
    assert ReportingPeriod.objects.get(pk=open_period.pk).reminded_at is not None


@pytest.mark.parametrize(
    "before, reminded",
    [(8, False), (7, True), (1, True), (0, False), (-1, False)],
    ids=["8 days before", "7 days before", "the last day", "the lock day", "after"],
)
def test_reminders_go_in_the_days_before_the_lock(framework, open_period, before, reminded):
    assert services.remind_reporters(today=reminder_day(open_period, before)) == int(reminded)


def test_the_reminder_window_follows_the_setting(framework, open_period, settings):
    settings.PROJECTS = {**settings.PROJECTS, "REMIND_DAYS_BEFORE": 2}
    assert services.remind_reporters(today=reminder_day(open_period, 3)) == 0
    assert services.remind_reporters(today=reminder_day(open_period, 2)) == 1


def test_the_reminder_runs_by_the_clock(framework, open_period):
    with freeze_time(reminder_day(open_period)):
        assert services.remind_reporters() == 1


def test_a_complete_period_needs_no_reminder(framework, reporter, open_period):
    save(reporter, framework["trained"], open_period, value_data(5))
    save(reporter, framework["share"], open_period, value_data(30))
    save(reporter, framework["story"], open_period, value_data(narrative="Better."))
    submit(reporter, open_period)
    assert services.remind_reporters(today=reminder_day(open_period)) == 0
    assert ReportingPeriod.objects.get(pk=open_period.pk).reminded_at is None


def test_drafts_are_still_missing(framework, reporter, open_period):
    for name, data in (("trained", value_data(5)), ("share", value_data(30)),
                       ("story", value_data(narrative="Better."))):  # fmt: skip
        save(reporter, framework[name], open_period, data)
    assert services.remind_reporters(today=reminder_day(open_period)) == 1
    assert project_entries("projects.period.reminder").get().data["missing"] == 3


def test_a_project_without_indicators_is_not_reminded(project, open_period):
    assert services.remind_reporters(today=reminder_day(open_period)) == 0


@pytest.mark.parametrize(
    "status",
    [ProjectStatus.PIPELINE, ProjectStatus.SUSPENDED, ProjectStatus.CLOSED,
     ProjectStatus.CANCELLED],
)  # fmt: skip
def test_only_running_projects_are_reminded(framework, project, open_period, status):
    Project.objects.filter(pk=project.pk).update(status=status)
    assert services.remind_reporters(today=reminder_day(open_period)) == 0


def test_a_finalising_project_is_reminded(framework, project, open_period):
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.FINALISATION)
    assert services.remind_reporters(today=reminder_day(open_period)) == 1


# Who hears of it -----------------------------------------------------------------------------


def recipients(kind) -> set[int]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient", flat=True))


@pytest.fixture
def everyone(accountable, runner, reporter, implementer_editor, implementer_viewer, donor_editor,
             outsider, secretariat):  # fmt: skip
    """Everybody around the project, and the accountable organisation's administrator and
    contributor."""
    return {
        "accountable_admin": MembershipFactory(organisation=accountable, role="admin").user,
        "accountable_contributor": MembershipFactory(
            organisation=accountable, role="contributor"
        ).user,
    }


def test_the_approvers_hear_of_submitted_values(
    framework, reporter, runner, everyone, open_period, django_capture_on_commit_callbacks
):
    save(reporter, framework["trained"], open_period, value_data(5))
    with django_capture_on_commit_callbacks(execute=True):
        submit(reporter, open_period)
    assert recipients("project_values_submitted") == {runner.pk, everyone["accountable_admin"].pk}
    notification = Notification.objects.get(recipient=runner, kind="project_values_submitted")
    assert notification.target == open_period.project
    assert notification.data["project"] == open_period.project.title
    assert notification.data["values"] == 1
    assert notification.data["start"] == open_period.start.isoformat()
    assert notification.actor == reporter


def test_the_reporters_hear_of_a_returned_value(
    submitted, runner, reporter, implementer_editor, everyone, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.value_return(actor=fresh(runner), value=submitted["trained"], comment="Fix.")
    assert recipients("project_value_returned") == {reporter.pk, implementer_editor.pk}
    notification = Notification.objects.get(recipient=reporter)
    assert notification.data["indicator"] == "Officials trained"


def test_only_the_indicators_reporter_hears_of_its_return(
    framework, runner, reporter, second_implementer, second_reporter, open_period,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    services.indicator_update(
        actor=fresh(runner), indicator=framework["share"],
        data=indicator_data(title="Share", measure=Measure.PERCENTAGE,
                            reporter=second_implementer),
    )  # fmt: skip
    value = save(second_reporter, framework["share"], open_period, value_data(30))
    submit(second_reporter, open_period)
    with django_capture_on_commit_callbacks(execute=True):
        services.value_return(actor=fresh(runner), value=value, comment="Fix.")
    assert recipients("project_value_returned") == {second_reporter.pk}


def test_the_reporters_hear_of_a_period_about_to_lock(
    framework, open_period, reporter, implementer_editor, everyone,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.remind_reporters(today=reminder_day(open_period))
    assert recipients("project_period_reminder") == {reporter.pk, implementer_editor.pk}
    notification = Notification.objects.get(recipient=reporter)
    assert notification.data["locks_on"] == locks_on(open_period.end, 30).isoformat()
    assert notification.actor is None


def test_nobody_hears_of_drafts_and_approvals(
    framework, reporter, runner, everyone, open_period, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        value = save(reporter, framework["trained"], open_period, value_data(5))
    submit(reporter, open_period)
    with django_capture_on_commit_callbacks(execute=True):
        services.value_approve(actor=fresh(runner), value=value)
    assert not Notification.objects.exists()


def test_a_party_records_the_match_under_its_own_name_only(
    make_match, accountable, implementer, runner
):
    """An editor of a party who also edits for another organisation cannot record the
    partnership under that other one."""
    match = make_match("accepted")
    elsewhere = OrganisationFactory(type="civil_society")
    MembershipFactory(user=runner, organisation=elsewhere, role="editor")
    with nothing_written(), pytest.raises(ValidationError) as refused:
        services.project_create_from_match(
            actor=fresh(runner), match=match, organisation=elsewhere,
            data=project_data(accountable, implementer),
        )  # fmt: skip
    assert "organisation" in refused.value.message_dict
    match.refresh_from_db()
    assert match.status == "accepted"
