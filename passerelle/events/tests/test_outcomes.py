"""After an event: the closing report and the outcomes (services: who may, every problem at
once, the audit), their follow-ups created through the other modules' services, visibility, the
attendance by type of organisation, the pages per role, and the report page's query budget."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import OrganisationFactory
from passerelle.core.models import AuditEntry
from passerelle.geo.models import Country
from passerelle.hub.models import SupportRequest
from passerelle.hub.services.requests import RequestData
from passerelle.knowledge.models import PracticeCall
from passerelle.knowledge.services.calls import CallData
from passerelle.pledges.models import Pledge
from passerelle.pledges.services import PledgeData
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .. import permissions_outcomes  # noqa: F401  (registers the policies)
from ..models import ClosingReport, Outcome
from ..selectors_outcomes import attendance_by_organisation_type
from ..services import outcomes as services
from ..services.outcomes import OutcomeData
from .factories import AgendaItemFactory, EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return User.objects.get(pk=user.pk)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name, **kwargs) -> str:
    return reverse(f"events:{name}", kwargs=kwargs)


def pledge_data(**overrides) -> PledgeData:
    values = {
        "title": "Twinning for border data",
        "description": "Train border officials in the analysis of migration data.",
        "form": "policy",
        "type": "individual",
        "gcm_objectives": [GCMObjective.objects.get(number=11)],
    }
    return PledgeData(**{**values, **overrides})


def request_data() -> RequestData:
    return RequestData(
        title="Training for border officials",
        description="We need training for the officials who work at the border.",
        capacity_areas=[CapacityArea.objects.get(code="BORD")],
        scope="national",
        modality="hybrid",
        starts_on=datetime.date(2027, 11, 1),
        ends_on=datetime.date(2028, 3, 31),
        support_types=["training"],
        country=Country.objects.get(iso3="SEN"),
    )


def call_data() -> CallData:
    return CallData(
        title="Practices of twinning",
        theme="Twinning",
        description="Share twinning between administrations.",
        eligibility="Administrations and their partners.",
        deadline=timezone.now() + datetime.timedelta(days=60),
        contact="calls@example.org",
        language="en",
    )


@pytest.fixture
def session(published_event):
    return AgendaItemFactory(event=published_event, title="Session 1")


@pytest.fixture
def outcome(published_event, organisation, editor, session):
    return services.outcome_create(
        actor=fresh(editor),
        event=published_event,
        data=OutcomeData(
            kind="commitment",
            text="Set up a twinning to train border officials in data analysis.",
            item=session,
            owner=organisation,
            deadline=datetime.date(2028, 6, 30),
        ),
    )


@pytest.fixture
def report(published_event, editor, session):
    return services.report_save(
        actor=fresh(editor),
        event=published_event,
        summary="Two days on capacity development.",
        session_summaries={session.pk: "Frameworks are scattered."},
    )


# The report ------------------------------------------------------------------------------------


def test_organisers_write_the_report_and_others_may_not(
    published_event, editor, outsider, secretariat, session
):
    report = services.report_save(
        actor=fresh(editor),
        event=published_event,
        summary="  A summary.  ",
        session_summaries={session.pk: "Session text."},
    )
    assert report.summary == "A summary." and report.published_at is None
    assert [s.text for s in report.session_summaries.all()] == ["Session text."]
    assert AuditEntry.objects.filter(action="events.report.saved").count() == 1
    # The secretariat organises too; an empty text removes the session's summary.
    services.report_save(
        actor=secretariat, event=published_event, summary="B", session_summaries={session.pk: ""}
    )
    assert not report.session_summaries.exists()
    with pytest.raises(PermissionDenied):
        services.report_save(
            actor=fresh(outsider), event=published_event, summary="X", session_summaries={}
        )


def test_a_session_of_another_event_is_refused(published_event, editor):
    other = AgendaItemFactory(event=EventFactory())
    with pytest.raises(ValidationError) as refused:
        services.report_save(
            actor=fresh(editor),
            event=published_event,
            summary="x" * 20_001,
            session_summaries={other.pk: "Not ours."},
        )
    assert set(refused.value.message_dict) == {"summary", "session_summaries"}
    assert not ClosingReport.objects.exists()


def test_publishing_needs_a_summary(published_event, editor, outsider):
    report = services.report_save(
        actor=fresh(editor), event=published_event, summary="", session_summaries={}
    )
    with pytest.raises(ValidationError) as refused:
        services.report_publish(actor=fresh(editor), report=report)
    assert "summary" in refused.value.message_dict
    report.summary = "Done."
    report.save()
    with pytest.raises(PermissionDenied):
        services.report_publish(actor=fresh(outsider), report=report)
    published = services.report_publish(actor=fresh(editor), report=report)
    assert published.published_at is not None
    assert AuditEntry.objects.filter(action="events.report.published").count() == 1


# Outcomes ----------------------------------------------------------------------------------------


def test_outcomes_are_recorded_by_organisers_with_every_problem_at_once(
    published_event, editor, outsider, outcome
):
    assert outcome.status == "open" and outcome.created_by_id == editor.pk
    assert AuditEntry.objects.filter(action="events.outcome.created").count() == 1
    other_item = AgendaItemFactory(event=EventFactory())
    with pytest.raises(ValidationError) as refused:
        services.outcome_create(
            actor=fresh(editor),
            event=published_event,
            data=OutcomeData(kind="wish", text=" ", item=other_item),
        )
    assert set(refused.value.message_dict) == {"kind", "text", "item"}
    with pytest.raises(PermissionDenied):
        services.outcome_create(
            actor=fresh(outsider), event=published_event, data=OutcomeData("commitment", "x")
        )
    services.outcome_set_status(actor=fresh(editor), outcome=outcome, status="done")
    assert Outcome.objects.get(pk=outcome.pk).status == "done"
    with pytest.raises(PermissionDenied):
        services.outcome_update(
            actor=fresh(outsider), outcome=outcome, data=OutcomeData("commitment", "y")
        )


# Follow-ups ------------------------------------------------------------------------------------


def test_an_outcome_becomes_a_pledge_once(outcome, editor, organisation):
    pledge = services.outcome_to_pledge(actor=fresh(editor), outcome=outcome, data=pledge_data())
    assert isinstance(pledge, Pledge) and pledge.organisation == organisation
    assert pledge.status == "draft"
    assert Outcome.objects.get(pk=outcome.pk).pledge == pledge
    assert AuditEntry.objects.filter(action="events.outcome.followed_up").count() == 1
    assert AuditEntry.objects.filter(action="pledges.pledge.created").count() == 1
    with pytest.raises(ValidationError):
        services.outcome_to_request(actor=fresh(editor), outcome=outcome, data=request_data())
    assert not SupportRequest.objects.exists()


def test_an_outcome_becomes_a_request_for_support(outcome, editor, organisation):
    created = services.outcome_to_request(actor=fresh(editor), outcome=outcome, data=request_data())
    assert created.organisation == organisation
    assert Outcome.objects.get(pk=outcome.pk).support_request == created


def test_only_curators_turn_an_outcome_into_a_call(outcome, editor, secretariat):
    with pytest.raises(PermissionDenied):
        services.outcome_to_practice_call(actor=fresh(editor), outcome=outcome, data=call_data())
    assert not PracticeCall.objects.exists()
    assert Outcome.objects.get(pk=outcome.pk).practice_call is None
    call = services.outcome_to_practice_call(actor=secretariat, outcome=outcome, data=call_data())
    assert Outcome.objects.get(pk=outcome.pk).practice_call == call


def test_a_refusal_of_the_other_module_leaves_nothing_written(
    published_event, outcome, editor, outsider, organisation
):
    # The organiser is no editor of this owner: the pledges service refuses.
    outcome.owner = OrganisationFactory()
    outcome.save()
    with pytest.raises(PermissionDenied):
        services.outcome_to_pledge(actor=fresh(editor), outcome=outcome, data=pledge_data())
    # Invalid data: the pledges service reports it, nothing is linked.
    outcome.owner = organisation
    outcome.save()
    with pytest.raises(ValidationError):
        services.outcome_to_pledge(
            actor=fresh(editor), outcome=outcome, data=pledge_data(gcm_objectives=[])
        )
    # Neither organiser nor editor of the owner: refused before the other module is asked.
    with pytest.raises(PermissionDenied):
        services.outcome_to_pledge(actor=fresh(outsider), outcome=outcome, data=pledge_data())
    assert not Pledge.objects.exists()
    assert Outcome.objects.get(pk=outcome.pk).pledge is None
    assert not AuditEntry.objects.filter(action="events.outcome.followed_up").exists()


# Visibility and attendance -----------------------------------------------------------------------


def test_a_draft_report_is_the_organisers_and_a_published_one_public(
    report, outcome, editor, outsider
):
    address = url("closing_report", slug=report.event.slug)
    assert Client().get(address).status_code == 404
    assert logged_in(outsider).get(address).status_code == 404
    assert logged_in(editor).get(address).status_code == 200
    assert not Outcome.objects.visible_to(fresh(outsider)).exists()
    services.report_publish(actor=fresh(editor), report=report)
    page = Client().get(address)
    assert page.status_code == 200
    assert "Frameworks are scattered." in page.content.decode()
    assert "twinning to train border officials" in page.content.decode()
    assert Outcome.objects.visible_to(fresh(outsider)).count() == 1
    api = Client().get(reverse("api:eventoutcome-list"), {"event": report.event.slug})
    assert api.status_code == 200
    assert "twinning to train border officials" in api.content.decode()


def test_attendance_counts_check_ins_by_type_of_organisation(
    published_event, organisation, government, django_assert_num_queries
):
    now = timezone.now()
    RegistrationFactory.create_batch(
        2, event=published_event, organisation=organisation, checked_in_at=now
    )
    RegistrationFactory(event=published_event, organisation=government, checked_in_at=now)
    RegistrationFactory(event=published_event, organisation=None, checked_in_at=now)
    RegistrationFactory(event=published_event, organisation=government)  # not checked in
    RegistrationFactory(event=EventFactory(), organisation=government, checked_in_at=now)
    with django_assert_num_queries(1):
        lines = attendance_by_organisation_type(published_event)
    assert [count for _label, count in lines] == [2, 1, 1]
    assert "No organisation" in [label for label, _count in lines]


# Pages -------------------------------------------------------------------------------------------


def test_the_organisers_pages_per_role(published_event, editor, outsider, session, outcome):
    slug = published_event.slug
    for address in (
        url("closing_report_edit", slug=slug),
        url("outcome_create", slug=slug),
        url("outcome_edit", slug=slug, pk=outcome.pk),
    ):
        assert Client().get(address).status_code == 302
        assert logged_in(outsider).get(address).status_code in (403, 404)
        assert logged_in(editor).get(address).status_code == 200
    client = logged_in(editor)
    # No report yet: the organiser is sent to write it.
    assert client.get(url("closing_report", slug=slug)).status_code == 302
    response = client.post(
        url("closing_report_edit", slug=slug),
        {"summary": "", f"session_{session.pk}": "Scattered frameworks."},
    )
    assert response.status_code == 302
    response = client.post(url("closing_report_publish", slug=slug))
    assert response.status_code == 302 and response.url.endswith("/report/edit/")
    assert ClosingReport.objects.get().published_at is None
    client.post(url("closing_report_edit", slug=slug), {"summary": "All said."})
    client.post(url("closing_report_publish", slug=slug))
    assert ClosingReport.objects.get().published_at is not None
    response = client.post(
        url("outcome_create", slug=slug),
        {"kind": "recommendation", "text": "Publish a directory of tools.", "status": "open"},
    )
    assert response.status_code == 302 and Outcome.objects.count() == 2
    assert client.get(url("closing_report_publish", slug=slug)).status_code == 405


def test_the_follow_up_page_reuses_the_pledge_form(published_event, editor, outsider, outcome):
    address = url("outcome_follow_up", slug=published_event.slug, pk=outcome.pk, target="pledge")
    assert logged_in(outsider).get(address).status_code == 404  # the report is a draft
    client = logged_in(editor)
    page = client.get(address)
    assert page.status_code == 200
    assert page.context["form"].initial["title"].startswith("Set up a twinning")
    bad = url("outcome_follow_up", slug=published_event.slug, pk=outcome.pk, target="nothing")
    assert client.get(bad).status_code == 404
    response = client.post(
        address,
        {
            "organisation": outcome.owner_id,
            "title": "Twinning",
            "description": outcome.text,
            "form": "policy",
            "type": "individual",
            "gcm_objectives": [GCMObjective.objects.get(number=11).pk],
        },
    )
    pledge = Pledge.objects.get()
    assert response.status_code == 302 and response.url == pledge.get_absolute_url()
    assert Outcome.objects.get(pk=outcome.pk).pledge == pledge
    # Already followed up: the page sends to the follow-up.
    assert client.get(address).url == pledge.get_absolute_url()


def test_the_request_and_call_pages_open_prefilled(published_event, editor, secretariat, outcome):
    slug = published_event.slug
    page = logged_in(editor).get(
        url("outcome_follow_up", slug=slug, pk=outcome.pk, target="request")
    )
    assert page.status_code == 200
    assert page.context["form"].initial["ends_on"] == outcome.deadline
    page = logged_in(secretariat).get(
        url("outcome_follow_up", slug=slug, pk=outcome.pk, target="call")
    )
    assert page.status_code == 200
    assert page.context["form"].initial["description"] == outcome.text


def test_the_report_page_costs_a_fixed_number_of_queries(
    published_event, editor, organisation, report
):
    services.report_publish(actor=fresh(editor), report=report)
    address = url("closing_report", slug=published_event.slug)

    def add(n):
        for i in range(n):
            item = AgendaItemFactory(event=published_event)
            services.report_save(
                actor=fresh(editor),
                event=published_event,
                summary="Two days.",
                session_summaries={item.pk: f"Summary {i}"},
            )
            outcome = services.outcome_create(
                actor=fresh(editor),
                event=published_event,
                data=OutcomeData("commitment", f"Commitment {i}", item=item, owner=organisation),
            )
            if i % 2:
                services.outcome_to_pledge(actor=fresh(editor), outcome=outcome, data=pledge_data())
            RegistrationFactory(
                event=published_event,
                organisation=OrganisationFactory(type="local_government" if i % 2 else "academia"),
                checked_in_at=timezone.now(),
            )

    def count(client):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    client = logged_in(editor)
    add(2)
    count(client)  # warms the caches (content types, the session)
    few = count(client)
    add(8)
    assert count(client) == few
    assert count(Client()) <= 8
