"""The pages of calls for practices, for each role: the list (open calls first, drafts for the
curators), a call's page (criteria, the way to answer, the submissions for curators), the
curators' form, opening and closing. Refused input comes back with its reasons (400)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from passerelle.accounts.tests.factories import PASSWORD
from passerelle.knowledge.choices import CallStatus, ItemKind
from passerelle.knowledge.models import PracticeCall
from passerelle.knowledge.services import calls, items, reviews
from passerelle.taxonomy.models import CapacityArea, GCMObjective

from .conftest import fresh, practice_data

pytestmark = pytest.mark.django_db


def as_(person) -> Client:
    client = Client()
    if person is not None:
        assert client.login(email=person.email, password=PASSWORD)
    return client


def text(response) -> str:
    return response.content.decode()


def new_call(curator, **overrides):
    values = {
        "title": "Practices of return and reintegration",
        "theme": "Sustainable reintegration",
        "description": "What helps returning migrants rebuild their lives.",
        "eligibility": "Anyone working with returnees.",
        "deadline": timezone.now() + datetime.timedelta(days=10),
        "contact": "returns@example.org",
        "language": "en",
    }
    values.update(overrides)
    return calls.call_create(actor=curator, data=calls.CallData(**values))


@pytest.fixture
def draft_call(curator):
    return new_call(curator, title="A call still in draft")


@pytest.fixture
def closed_call(curator):
    call = calls.call_open(actor=curator, call=new_call(curator, title="A call now closed"))
    return calls.call_close(actor=curator, call=call)


def _post(**overrides):
    data = {
        "title": "Practices of labour mobility",
        "theme": "Skills partnerships",
        "description": "Practices matching skills and labour demand.",
        "eligibility": "Governments and employers.",
        "deadline": (timezone.localtime() + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
        "contact": "mobility@example.org",
        "language": "en",
        "own_criteria": "Involves employers\n\nDecent work conditions\n",
        "capacity_areas": [CapacityArea.objects.get(code="WGWS").pk],
        "gcm_objectives": [GCMObjective.objects.get(number=18).pk],
    }
    data.update(overrides)
    return data


# --- the list ----------------------------------------------------------------------------------


def test_the_list_shows_open_calls_first_then_closed_ones(open_call, closed_call, draft_call):
    page = text(Client().get(reverse("knowledge:call_list")))
    assert page.index(open_call.title) < page.index(closed_call.title)
    assert draft_call.title not in page and "New call" not in page
    assert "Cities and integration" in page and "(UTC)" in page
    assert "30 days left" in page
    assert 'aria-label="Knowledge base"' in page  # the knowledge base's sub-navigation


def test_curators_see_drafts_and_a_new_call_button(open_call, draft_call, curator):
    page = text(as_(curator).get(reverse("knowledge:call_list")))
    assert draft_call.title in page and "New call" in page


def test_the_list_counts_submissions(open_call, editor, organisation):
    item = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(), call=open_call,
    )  # fmt: skip
    items.item_submit(actor=fresh(editor), item=item)
    response = Client().get(reverse("knowledge:call_list"))
    assert '<td class="num">1</td>' in text(response)


def test_the_list_costs_the_same_whatever_its_rows(curator, django_assert_max_num_queries):
    client = as_(curator)
    new_call(curator)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("knowledge:call_list"))
    for n in range(5):
        calls.call_open(actor=curator, call=new_call(curator, title=f"Call {n}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("knowledge:call_list")).status_code == 200


# --- a call's page -----------------------------------------------------------------------------


def test_the_call_page_shows_the_call_and_its_criteria(open_call):
    page = text(Client().get(open_call.get_absolute_url()))
    assert open_call.title in page and "Local authorities and their partners." in page
    assert "Relates to one or more GCM objectives" in page
    assert "Involves migrants in the design" in page and "(UTC)" in page
    assert "practices@example.org" in page


def test_the_default_criteria_are_in_the_readers_language(open_call):
    with translation.override("fr"):
        url = open_call.get_absolute_url()
        expected = str(calls.PracticeCall.criteria(open_call)[0][1])
    page = text(Client().get(url))
    assert url.startswith("/fr/") and expected in page


def test_editors_are_offered_to_answer_an_open_call(open_call, editor, viewer, curator):
    answer = "Submit a practice to this call"
    page = text(as_(editor).get(open_call.get_absolute_url()))
    assert answer in page
    assert f"{reverse('knowledge:item_create')}?kind=practice&amp;call={open_call.pk}" in page
    for person in (None, viewer):
        assert answer not in text(as_(person).get(open_call.get_absolute_url()))


def test_no_answer_after_the_deadline_or_once_closed(open_call, closed_call, editor):
    assert "Submit a practice" not in text(as_(editor).get(closed_call.get_absolute_url()))
    PracticeCall.objects.filter(pk=open_call.pk).update(
        deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    page = text(as_(editor).get(open_call.get_absolute_url()))
    assert "Submit a practice" not in page and "the deadline has passed" in page


def test_drafts_are_the_curators_only(draft_call, curator, editor):
    assert Client().get(draft_call.get_absolute_url()).status_code == 404
    assert as_(editor).get(draft_call.get_absolute_url()).status_code == 404
    page = text(as_(curator).get(draft_call.get_absolute_url()))
    assert "Open the call" in page and "Edit the call" in page


def test_an_unknown_call_is_404():
    assert Client().get(reverse("knowledge:call_detail", args=[999])).status_code == 404


def test_curators_see_the_submissions_and_everyone_the_published_ones(
    open_call, curator, editor, organisation, reviewer
):
    first = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="Welcome desks"), call=open_call,
    )  # fmt: skip
    items.item_submit(actor=fresh(editor), item=first)
    second = items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="Language cafés"), call=open_call,
    )  # fmt: skip
    items.item_submit(actor=fresh(editor), item=second)
    reviews.reviewers_assign(actor=curator, item=second, reviewers=[fresh(reviewer)])
    reviews.item_publish(actor=curator, item=second)
    items.item_create(
        actor=fresh(editor), organisation=organisation, kind=ItemKind.PRACTICE,
        data=practice_data(title="A draft nobody sees"), call=open_call,
    )  # fmt: skip

    page = text(as_(curator).get(open_call.get_absolute_url()))
    assert "Welcome desks" in page and "Language cafés" in page
    assert "Submitted: <strong>1</strong>" in page and "Published: <strong>1</strong>" in page
    assert "A draft nobody sees" not in page

    public = text(Client().get(open_call.get_absolute_url()))
    assert "Language cafés" in public and "Welcome desks" not in public
    assert "Submissions" not in public


# --- the curators' form ------------------------------------------------------------------------


def test_a_curator_writes_and_edits_a_call(curator):
    client = as_(curator)
    assert client.get(reverse("knowledge:call_create")).status_code == 200
    response = client.post(reverse("knowledge:call_create"), _post())
    call = PracticeCall.objects.get()
    assert response.status_code == 302 and response.url == call.get_absolute_url()
    assert call.status == CallStatus.DRAFT
    assert call.own_criteria == ["Involves employers", "Decent work conditions"]

    edit = reverse("knowledge:call_edit", args=[call.pk])
    page = text(client.get(edit))
    assert "Involves employers\nDecent work conditions" in page
    assert timezone.localtime(call.deadline).strftime("%Y-%m-%dT%H:%M") in page
    response = client.post(edit, _post(title="Labour mobility"))
    assert response.status_code == 302
    assert PracticeCall.objects.get(pk=call.pk).title == "Labour mobility"


def test_bad_input_comes_back_with_its_reasons(curator):
    response = as_(curator).post(
        reverse("knowledge:call_create"),
        _post(title="", deadline="not a date", language="xx",
              own_criteria="\n".join(f"Criterion {n}" for n in range(11))),
    )  # fmt: skip
    page = text(response)
    assert response.status_code == 400
    assert "This field is required." in page and "Enter a valid date/time." in page
    assert not PracticeCall.objects.exists()

    response = as_(curator).post(
        reverse("knowledge:call_create"),
        _post(own_criteria="\n".join(f"Criterion {n}" for n in range(11))),
    )
    assert response.status_code == 400 and "at most 10 criteria" in text(response)
    past = (timezone.localtime() - datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = as_(curator).post(reverse("knowledge:call_create"), _post(deadline=past))
    assert response.status_code == 400 and "The deadline must be in the future." in text(response)
    assert not PracticeCall.objects.exists()


def test_errors_come_in_the_users_language(curator):
    with translation.override("fr"):
        url = reverse("knowledge:call_create")
    response = as_(curator).post(url, _post(title=""))
    assert response.status_code == 400 and "Ce champ est obligatoire." in text(response)


def test_only_curators_write_calls(open_call, closed_call, editor, outsider, curator):
    create = reverse("knowledge:call_create")
    edit = reverse("knowledge:call_edit", args=[open_call.pk])
    assert Client().get(create).status_code == 302  # to the login page
    assert Client().get(edit).status_code == 302
    for person in (editor, outsider):
        assert as_(person).get(create).status_code == 403
        assert as_(person).post(create, _post()).status_code == 403
        assert as_(person).get(edit).status_code == 403
        assert as_(person).post(edit, _post()).status_code == 403
    assert as_(curator).get(edit).status_code == 200
    assert (
        as_(curator).get(reverse("knowledge:call_edit", args=[closed_call.pk])).status_code == 403
    )
    assert as_(curator).get(reverse("knowledge:call_edit", args=[999])).status_code == 404
    assert PracticeCall.objects.filter(title="Practices of labour mobility").count() == 0


# --- opening and closing -----------------------------------------------------------------------


def test_a_curator_opens_then_closes_a_call(draft_call, curator):
    client = as_(curator)
    response = client.post(reverse("knowledge:call_open", args=[draft_call.pk]))
    assert response.status_code == 302 and response.url == draft_call.get_absolute_url()
    assert PracticeCall.objects.get(pk=draft_call.pk).status == CallStatus.OPEN
    assert "Close the call" in text(client.get(draft_call.get_absolute_url()))
    response = client.post(reverse("knowledge:call_close", args=[draft_call.pk]))
    assert response.status_code == 302
    assert PracticeCall.objects.get(pk=draft_call.pk).status == CallStatus.CLOSED


def test_opening_past_the_deadline_says_why(draft_call, curator):
    PracticeCall.objects.filter(pk=draft_call.pk).update(
        deadline=timezone.now() - datetime.timedelta(days=1)
    )
    response = as_(curator).post(reverse("knowledge:call_open", args=[draft_call.pk]))
    assert response.status_code == 400 and "The deadline has passed" in text(response)
    assert PracticeCall.objects.get(pk=draft_call.pk).status == CallStatus.DRAFT


def test_opening_and_closing_are_posted_by_curators(open_call, draft_call, editor, curator):
    open_url = reverse("knowledge:call_open", args=[draft_call.pk])
    close_url = reverse("knowledge:call_close", args=[open_call.pk])
    assert as_(curator).get(close_url).status_code == 405
    assert Client().post(close_url).status_code == 302  # to the login page
    assert as_(editor).post(close_url).status_code == 403
    assert as_(editor).post(open_url).status_code == 404  # a draft is not theirs to see
    assert as_(curator).post(reverse("knowledge:call_open", args=[open_call.pk])).status_code == 403
    assert PracticeCall.objects.get(pk=open_call.pk).status == CallStatus.OPEN
