"""Engagement opportunities: posting (idempotent), publishing and closing (also daily, past the
deadline), responding once as a hub member, answering within the places offered, who sees what,
the pages, notifications, the section on a request's page and the API's fields."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.core.models import AuditEntry
from passerelle.hub import services as hub_services
from passerelle.hub.tests.conftest import request_data

from .. import notification_types_opportunities
from ..models import Opportunity, OpportunityResponse
from ..sections_opportunities import request_opportunities
from ..services import opportunities as services
from .factories import MemberProfileFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return User.objects.get(pk=user.pk)


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def data(**changes) -> services.OpportunityData:
    fields = {
        "kind": "expert_mission",
        "title": "Hydrologists for a two-week mission",
        "description": "Assess the water network of Saint-Louis.",
        "language": "en",
        "deadline": in_days(20),
        "places": 1,
    }
    return services.OpportunityData(**{**fields, **changes})


@pytest.fixture
def opened(editor, organisation) -> Opportunity:
    draft = services.opportunity_create(actor=editor, organisation=organisation, data=data())
    return services.opportunity_publish(actor=editor, opportunity=draft)


@pytest.fixture
def member(db):
    return MemberProfileFactory().user


@pytest.fixture
def another_member(db):
    return MemberProfileFactory().user


def respond(person, opportunity, kind="application"):
    return services.response_submit(
        actor=person, opportunity=opportunity, kind=kind, message="I worked 12 years on this."
    )


# --- posting ----------------------------------------------------------------------------------


def test_posting_is_idempotent_on_the_submission_key(editor, organisation):
    key = uuid.uuid4()
    first = services.opportunity_create(
        actor=editor, organisation=organisation, data=data(), submission_key=key
    )
    again = services.opportunity_create(
        actor=editor, organisation=organisation, data=data(title="Other"), submission_key=key
    )
    assert first == again and Opportunity.objects.count() == 1
    assert first.status == "draft"
    assert AuditEntry.objects.filter(action="diaspora.opportunity.created").count() == 1


def test_only_the_organisations_editors_post(viewer, outsider, organisation):
    for person in (viewer, outsider):
        with pytest.raises(PermissionDenied):
            services.opportunity_create(actor=person, organisation=organisation, data=data())
    assert not Opportunity.objects.exists()


def test_a_past_deadline_cannot_be_published(editor, organisation):
    draft = services.opportunity_create(
        actor=editor, organisation=organisation, data=data(deadline=in_days(-1))
    )
    with pytest.raises(ValidationError) as error:
        services.opportunity_publish(actor=editor, opportunity=draft)
    assert "deadline" in error.value.message_dict
    assert Opportunity.objects.get(pk=draft.pk).status == "draft"


def test_the_daily_job_closes_opportunities_past_their_deadline(opened):
    Opportunity.objects.filter(pk=opened.pk).update(deadline=in_days(-1))
    assert services.close_expired_opportunities() == 1
    assert services.close_expired_opportunities() == 0  # harmless twice
    assert Opportunity.objects.get(pk=opened.pk).status == "closed"
    entry = AuditEntry.objects.get(action="diaspora.opportunity.closed")
    assert entry.actor is None and entry.data["expired"] is True


def test_closing_by_hand(editor, outsider, opened):
    with pytest.raises(PermissionDenied):
        services.opportunity_close(actor=outsider, opportunity=opened)
    services.opportunity_close(actor=editor, opportunity=opened)
    with pytest.raises(ValidationError):
        services.opportunity_close(actor=editor, opportunity=opened)


# --- responding ------------------------------------------------------------------------------


def test_a_member_responds_once_while_open(member, opened):
    response = respond(member, opened)
    assert response.status == "submitted"
    with pytest.raises(ValidationError) as error:
        respond(member, opened, kind="interest")
    assert error.value.code == "twice"
    assert OpportunityResponse.objects.count() == 1


def test_who_may_not_respond(outsider, editor, opened, member):
    with pytest.raises(ValidationError) as error:
        respond(outsider, opened)  # no member profile
    assert error.value.code == "not_member"
    MemberProfileFactory(user=editor)
    with pytest.raises(ValidationError) as error:
        respond(fresh(editor), opened)  # their own organisation's
    assert error.value.code == "own"
    Opportunity.objects.filter(pk=opened.pk).update(status="closed")
    with pytest.raises(ValidationError) as error:
        respond(member, opened)
    assert error.value.code == "closed"
    assert not OpportunityResponse.objects.exists()


def test_the_poster_answers_and_accepts_no_more_than_the_places(
    editor, outsider, opened, member, another_member
):
    first, second = respond(member, opened), respond(another_member, opened)
    services.response_shortlist(actor=editor, response=first)
    with pytest.raises(PermissionDenied):
        services.response_accept(actor=outsider, response=first, answer="Welcome")
    with pytest.raises(ValidationError) as error:
        services.response_accept(actor=editor, response=first, answer="  ")
    assert "answer" in error.value.message_dict
    services.response_accept(actor=editor, response=first, answer="Welcome aboard.")
    with pytest.raises(ValidationError) as error:
        services.response_accept(actor=editor, response=second, answer="Welcome too.")
    assert error.value.code == "full"
    services.response_decline(actor=editor, response=second, answer="The place is taken.")
    first.refresh_from_db()
    assert (first.status, first.answer, first.answered_by) == (
        "accepted",
        "Welcome aboard.",
        editor,
    )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"diaspora.response.accepted", "diaspora.response.declined"} <= actions


def test_withdrawing_frees_the_place(editor, opened, member, another_member):
    first, second = respond(member, opened), respond(another_member, opened)
    services.response_accept(actor=editor, response=first, answer="Welcome.")
    with pytest.raises(PermissionDenied):
        services.response_withdraw(actor=another_member, response=first)
    services.response_withdraw(actor=member, response=first)
    services.response_accept(actor=editor, response=second, answer="Welcome.")
    with pytest.raises(ValidationError):
        services.response_withdraw(actor=member, response=first)


# --- who sees what ---------------------------------------------------------------------------


def test_drafts_are_seen_by_the_organisations_members_only(viewer, outsider, editor, organisation):
    draft = services.opportunity_create(actor=editor, organisation=organisation, data=data())
    assert Opportunity.objects.visible_to(fresh(viewer)).filter(pk=draft.pk).exists()
    assert not Opportunity.objects.visible_to(fresh(outsider)).filter(pk=draft.pk).exists()
    assert not Opportunity.objects.visible_to(AnonymousUser()).filter(pk=draft.pk).exists()


def test_responses_are_seen_by_their_person_and_the_poster_only(
    viewer, outsider, opened, member, another_member
):
    mine = respond(member, opened)
    theirs = respond(another_member, opened)

    def seen(user):
        return set(OpportunityResponse.objects.visible_to(user).values_list("pk", flat=True))

    assert seen(fresh(member)) == {mine.pk}
    assert seen(fresh(viewer)) == {mine.pk, theirs.pk}
    assert seen(fresh(outsider)) == set() and seen(AnonymousUser()) == set()


# --- notifications ---------------------------------------------------------------------------


def test_notifications_of_responses_and_answers(editor, owner, opened, member):
    response = respond(member, opened)
    received = AuditEntry.objects.get(action="diaspora.response.submitted")
    people = {
        person for person, *_ in notification_types_opportunities._poster_recipients(received)
    }
    assert people == {editor, owner}
    services.response_accept(actor=editor, response=response, answer="Welcome.")
    answered = AuditEntry.objects.get(action="diaspora.response.accepted")
    [(person, target, details)] = notification_types_opportunities._person_recipients(answered)
    assert person == member and target == opened
    assert "accepted" in notification_types_opportunities._answered_message(details)


# --- pages -----------------------------------------------------------------------------------


def test_the_list_shows_open_ones_by_default_within_a_query_budget(
    client, editor, organisation, django_assert_max_num_queries
):
    for number in range(8):
        draft = services.opportunity_create(
            actor=editor, organisation=organisation, data=data(title=f"Call {number}")
        )
        services.opportunity_publish(actor=editor, opportunity=draft)
    services.opportunity_close(actor=editor, opportunity=draft)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("diaspora:opportunity_list"))
    assert "Call 0" in response.text and "Call 7" not in response.text
    assert "Call 7" in client.get(reverse("diaspora:opportunity_list"), {"state": "all"}).text
    Opportunity.objects.filter(title="Call 3").update(is_remote=True)
    remote = client.get(reverse("diaspora:opportunity_list"), {"remote": "yes"}).text
    assert "Call 3" in remote and "Call 2" not in remote
    assert client.get(reverse("diaspora:opportunity_list"), {"kind": "x"}).status_code == 400


def test_responding_through_the_page(client, member, opened):
    client.force_login(member)
    url = opened.get_absolute_url()
    assert "Responding shows your full name" in client.get(url).text
    response = client.post(url, {"kind": "application", "message": ""})
    assert response.status_code == 400 and "This field is required" in response.text
    assert client.post(url, {"kind": "application", "message": "Hello"}).status_code == 302
    response = client.post(url, {"kind": "interest", "message": "Again"})
    assert response.status_code == 400 and "already responded" in response.text
    assert "Submitted" in client.get(reverse("diaspora:my_responses")).text


def test_the_poster_reads_names_in_full_and_answers(client, editor, outsider, opened, member):
    response = respond(member, opened)
    client.force_login(editor)
    page = client.get(reverse("diaspora:opportunity_responses", kwargs={"pk": opened.pk}))
    assert member.full_name in page.text
    answer = reverse("diaspora:response_answer", kwargs={"pk": response.pk})
    refused = client.post(answer, {"status": "accepted", "answer": ""})
    assert refused.status_code == 400 and "Write an answer" in refused.text
    assert client.post(answer, {"status": "accepted", "answer": "Welcome"}).status_code == 302
    client.force_login(outsider)
    assert client.get(opened.get_absolute_url()).status_code == 200
    assert member.full_name not in client.get(opened.get_absolute_url()).text


@pytest.fixture
def support_request(editor, organisation):
    """A draft request of the organisation: its editor may link an opportunity to it."""
    return hub_services.request_create(
        actor=fresh(editor), organisation=organisation, data=request_data()
    )


def test_a_co_funding_opportunity_links_to_contributing(
    client, editor, organisation, support_request
):
    draft = services.opportunity_create(
        actor=editor, organisation=organisation,
        data=data(kind="co_funding", support_request=support_request),
    )  # fmt: skip
    opened = services.opportunity_publish(actor=editor, opportunity=draft)
    text = client.get(opened.get_absolute_url()).text
    assert f"{reverse('funding:contribution_create')}?request={support_request.pk}" in text


def test_the_request_page_section_lists_open_linked_opportunities(
    rf, editor, organisation, support_request
):
    draft = services.opportunity_create(
        actor=editor, organisation=organisation, data=data(support_request=support_request)
    )
    request = rf.get("/")
    request.user = AnonymousUser()
    assert request_opportunities(request, (support_request, [])) is None
    services.opportunity_publish(actor=editor, opportunity=draft)
    assert request_opportunities(request, (support_request, []))["opportunities"] == [draft]


# --- API -------------------------------------------------------------------------------------


def test_the_api_shows_published_opportunities_and_counts_never_responses(
    client, editor, organisation, opened, member
):
    respond(member, opened)
    services.opportunity_create(actor=editor, organisation=organisation, data=data(title="Draft"))
    client.force_login(editor)
    rows = client.get(reverse("api:diaspora-opportunity-list")).json()["results"]
    assert [row["id"] for row in rows] == [opened.pk]
    assert rows[0]["responses"] == 1 and "submission_key" not in rows[0]
    assert member.email not in str(rows) and member.full_name not in str(rows)


# --- search and the daily job ----------------------------------------------------------------


def test_search_finds_published_opportunities_not_drafts(editor, organisation, opened):
    from passerelle.search import selectors as search
    from passerelle.search import services as indexing

    from .. import search_index_content  # noqa: F401  (until apps.py imports it)

    draft = services.opportunity_create(
        actor=editor, organisation=organisation, data=data(title="Hydrologists draft call")
    )
    search.forget_held_documents()
    for opportunity in (opened, draft):
        indexing.index_object(opportunity)
    results = search.search(AnonymousUser(), "hydrologists", mode="keyword")
    assert [result.object for result in results.results] == [opened]
    search.forget_held_documents()


def test_the_daily_close_is_registered():
    from passerelle.core.periodic import periodic_jobs

    from .. import periodic_opportunities  # noqa: F401  (until apps.py imports it)

    names = {job.name for job in periodic_jobs()}
    assert "diaspora_close_expired_opportunities" in names
