"""Participation in a session: statements, questions and polls, through the services and the
pages, per role."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.tests.factories import UserFactory
from passerelle.core.models import AuditEntry

from ..models import Poll, PollVote, SessionQuestion, Statement
from ..services import participation as services
from .factories import AgendaItemFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def item(published_event):
    """A session running now (not over)."""
    now = timezone.now()
    return AgendaItemFactory(
        event=published_event,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )


@pytest.fixture
def delegate(db):
    """An editor of a delegation that does not organise the event."""
    from passerelle.accounts.tests.factories import MembershipFactory

    return MembershipFactory(role="editor").user


def _org(user):
    return user.organisation_ids[0]


def _end(item):
    item.starts_at = timezone.now() - datetime.timedelta(hours=3)
    item.ends_at = timezone.now() - datetime.timedelta(hours=1)
    item.save()


def _url(item, name, **kwargs):
    return reverse(f"events:{name}", kwargs={"slug": item.event.slug, "pk": item.pk, **kwargs})


def _statement(item, user, **kwargs):
    fields = {"title": "Statement of the delegation", "text": "We welcome.", "language": "en"}
    fields.update(kwargs)
    return services.statement_submit(actor=user, item=item, organisation_id=_org(user), **fields)


# Statements ----------------------------------------------------------------------------------


def test_statement_submitted_with_a_pdf_and_audited(item, delegate):
    upload = SimpleUploadedFile("speech.pdf", PDF, content_type="application/pdf")
    statement = _statement(item, delegate, text="", upload=upload)
    assert statement.file
    entry = AuditEntry.objects.get(action="events.statement.submitted")
    assert entry.object_id == str(statement.pk)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"text": ""}, "__all__", "Write the statement or attach it as a file."),
        ({"title": " "}, "title", "Give the statement a title."),
        ({"language": "xx"}, "language", "Choose the statement's language."),
        (
            {"upload": SimpleUploadedFile("speech.png", b"\x89PNG\r\n\x1a\n")},
            "file",
            "Attach a PDF, DOCX or ODT file.",
        ),
        (
            {"upload": SimpleUploadedFile("speech.pdf", b"<html>not a pdf</html>")},
            "file",
            "The file's content is not a .pdf file.",
        ),
    ],
)
def test_statement_bad_input_is_refused_and_nothing_written(item, delegate, fields, field, message):
    with pytest.raises(ValidationError) as error:
        _statement(item, delegate, **fields)
    assert message in error.value.message_dict[field]
    assert not Statement.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="events.statement").exists()


def test_statement_refused_to_a_viewer_and_after_the_session(item, delegate, viewer):
    with pytest.raises(PermissionDenied):
        services.statement_submit(
            actor=viewer, item=item, organisation_id=_org(viewer), title="T", text="x",
            language="en",
        )  # fmt: skip
    _end(item)
    with pytest.raises(PermissionDenied):
        _statement(item, delegate)


def test_statement_for_another_delegation_is_refused(item, delegate, editor):
    with pytest.raises(ValidationError) as error:
        services.statement_submit(
            actor=delegate, item=item, organisation_id=_org(editor), title="T", text="x",
            language="en",
        )  # fmt: skip
    assert "organisation" in error.value.message_dict


def test_statements_hidden_before_the_session_ends_and_public_after(
    client, item, delegate, editor, outsider
):
    statement = _statement(item, delegate)
    url = _url(item, "participation_statements")
    assert statement.title not in client.get(url).text
    client.force_login(outsider)
    assert statement.title not in client.get(url).text
    for reader in (delegate, editor):  # the delegation; who runs the event
        client.force_login(reader)
        assert statement.title in client.get(url).text
    client.logout()
    _end(item)
    assert statement.title in client.get(url).text


def test_statement_file_served_as_attachment_with_nosniff(client, item, delegate):
    upload = SimpleUploadedFile("speech.pdf", PDF)
    statement = _statement(item, delegate, upload=upload)
    url = _url(item, "participation_statement_file", statement_pk=statement.pk)
    assert client.get(url).status_code == 404  # not public yet
    client.force_login(delegate)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_statement_page_submit(client, item, delegate):
    client.force_login(delegate)
    url = _url(item, "participation_statements")
    response = client.post(
        url,
        {"organisation": _org(delegate), "title": "Our view", "text": "", "language": "en"},
    )
    assert response.status_code == 400
    assert "Write the statement or attach it as a file." in response.text
    assert not Statement.objects.exists()
    response = client.post(
        url,
        {"organisation": _org(delegate), "title": "Our view", "text": "Yes.", "language": "fr"},
    )
    assert response.status_code == 302
    assert Statement.objects.get().language == "fr"


def test_statement_page_refuses_submission_to_others(client, item, viewer):
    client.force_login(viewer)
    url = _url(item, "participation_statements")
    assert client.post(url, {"title": "x", "text": "y"}).status_code == 403


def test_withdraw_by_delegation_editor_only_before_the_end(client, item, delegate, editor):
    statement = _statement(item, delegate)
    url = _url(item, "participation_statement_withdraw", statement_pk=statement.pk)
    client.force_login(editor)  # runs the event, but is not of the delegation
    assert client.post(url).status_code == 403
    client.force_login(delegate)
    assert client.post(url).status_code == 302
    assert not Statement.objects.exists()
    assert AuditEntry.objects.filter(action="events.statement.withdrawn").exists()
    late = _statement(item, delegate)
    _end(item)
    url = _url(item, "participation_statement_withdraw", statement_pk=late.pk)
    assert client.post(url).status_code == 403
    assert Statement.objects.filter(pk=late.pk).exists()


def test_statements_list_query_budget(client, item, django_assert_max_num_queries):
    for _number in range(3):
        _statement(item, _delegate())
    url = _url(item, "participation_statements")
    _end(item)
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        response = client.get(url)
    assert response.text.count("<article") == 3
    item.ends_at = timezone.now() + datetime.timedelta(hours=1)
    item.save()
    for _number in range(5):
        _statement(item, _delegate())
    _end(item)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.text.count("<article") == 8


def _delegate():
    from passerelle.accounts.tests.factories import MembershipFactory

    return MembershipFactory(role="editor").user


# Questions -----------------------------------------------------------------------------------


def test_question_asked_and_audited(item, viewer):
    question = services.question_ask(actor=viewer, item=item, text="  Which funds?  ")
    assert question.text == "Which funds?"
    assert AuditEntry.objects.filter(action="events.question.asked").count() == 1


def test_too_long_or_empty_question_refused(item, viewer):
    with pytest.raises(ValidationError) as error:
        services.question_ask(actor=viewer, item=item, text="x" * 1001)
    assert "Keep the question to 1000 characters" in error.value.message_dict["text"][0]
    with pytest.raises(ValidationError):
        services.question_ask(actor=viewer, item=item, text="   ")
    assert not SessionQuestion.objects.exists()


def test_question_refused_on_a_draft_event(draft_event, viewer, client):
    item = AgendaItemFactory(event=draft_event)
    with pytest.raises(PermissionDenied):
        services.question_ask(actor=viewer, item=item, text="Why?")


def test_anonymous_post_is_sent_to_log_in(client, item):
    response = client.post(_url(item, "participation_questions"), {"text": "Why?"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not SessionQuestion.objects.exists()


def test_question_visibility(client, item, viewer, outsider, editor):
    mine = services.question_ask(actor=viewer, item=item, text="Pending question")
    answered = services.question_ask(actor=outsider, item=item, text="Answered question")
    services.question_decide(actor=editor, question=answered, decision="answered")
    url = _url(item, "participation_questions")
    page = client.get(url).text
    assert "Answered question" in page and "Pending question" not in page
    client.force_login(viewer)
    page = client.get(url).text
    assert "Answered question" in page and "Pending question" in page
    client.force_login(outsider)
    assert mine.text not in client.get(url).text
    client.force_login(editor)
    page = client.get(url).text
    assert "Pending question" in page and "Mark as answered" in page


def test_question_decided_by_who_runs_the_event_only(client, item, viewer, editor, secretariat):
    question = services.question_ask(actor=viewer, item=item, text="Why?")
    for user in (viewer, secretariat):
        client.force_login(user)
        url = _url(item, "participation_question_decide", question_pk=question.pk,
                   decision="dismissed")  # fmt: skip
        assert client.post(url).status_code in (403, 404)
    client.force_login(editor)
    assert client.post(url).status_code == 302
    question.refresh_from_db()
    assert question.status == "dismissed"
    assert AuditEntry.objects.filter(action="events.question.dismissed").exists()
    bad = _url(item, "participation_question_decide", question_pk=question.pk, decision="x")
    assert client.post(bad).status_code == 404


def test_page_asks_question(client, item, viewer):
    client.force_login(viewer)
    url = _url(item, "participation_questions")
    response = client.post(url, {"text": "y" * 1001})
    assert response.status_code == 400
    assert "Keep the question to 1000 characters" in response.text
    assert client.post(url, {"text": "Why?"}).status_code == 302
    assert SessionQuestion.objects.get().asked_by == viewer


def test_questions_list_query_budget(client, item, editor, django_assert_max_num_queries):
    for number in range(3):
        services.question_ask(actor=UserFactory(), item=item, text=f"Question {number}")
    client.force_login(editor)
    url = _url(item, "participation_questions")
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    for number in range(6):
        services.question_ask(actor=UserFactory(), item=item, text=f"More {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.text.count('id="question-') == 9


# Polls ---------------------------------------------------------------------------------------


def _poll(item, editor, *, opened=True):
    poll = services.poll_create(actor=editor, item=item, question="Useful?", options=["Yes", "No"])
    if opened:
        services.poll_open(actor=editor, poll=poll)
    return poll


def test_poll_with_one_option_refused(item, editor):
    with pytest.raises(ValidationError) as error:
        services.poll_create(actor=editor, item=item, question="Useful?", options=["Yes", " "])
    assert "Give between 2 and 10 answers" in error.value.message_dict["options"][0]
    assert not Poll.objects.exists()


def test_poll_created_by_who_runs_the_event_only(item, viewer, secretariat):
    for user in (viewer, secretariat):
        with pytest.raises(PermissionDenied):
            services.poll_create(actor=user, item=item, question="Q", options=["a", "b"])


def test_poll_lifecycle_and_audit(item, editor, viewer):
    poll = _poll(item, editor)
    services.poll_vote(actor=viewer, poll=poll, option=1)
    services.poll_close(actor=editor, poll=poll)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"events.poll.created", "events.poll.opened", "events.poll.voted",
            "events.poll.closed"} <= actions  # fmt: skip
    vote_entry = AuditEntry.objects.get(action="events.poll.voted")
    assert vote_entry.data == {"item": item.pk}  # not the answer: ballots are secret
    assert services.poll_results(poll) == [
        {"option": "Yes", "count": 0},
        {"option": "No", "count": 1},
    ]


def test_voting_twice_refused(item, editor, viewer):
    poll = _poll(item, editor)
    services.poll_vote(actor=viewer, poll=poll, option=0)
    with pytest.raises(ValidationError) as error:
        services.poll_vote(actor=viewer, poll=poll, option=1)
    assert "You have already voted in this poll." in error.value.messages
    assert PollVote.objects.get().option == 0


def test_voting_on_a_closed_or_draft_poll_refused(item, editor, viewer):
    draft = _poll(item, editor, opened=False)
    with pytest.raises(ValidationError):
        services.poll_vote(actor=viewer, poll=draft, option=0)
    poll = _poll(item, editor)
    services.poll_close(actor=editor, poll=poll)
    with pytest.raises(ValidationError) as error:
        services.poll_vote(actor=viewer, poll=poll, option=0)
    assert "This poll is not open for votes." in error.value.messages
    assert not PollVote.objects.exists()


def test_vote_page_and_second_vote_message(client, item, editor, viewer):
    poll = _poll(item, editor)
    url = _url(item, "participation_poll", poll_pk=poll.pk)
    client.force_login(viewer)
    assert client.post(url, {"option": "1"}).status_code == 302
    response = client.post(url, {"option": "0"})
    assert response.status_code == 400
    assert "You have already voted in this poll." in response.text
    assert PollVote.objects.count() == 1


def test_poll_results_visibility(client, item, editor, viewer):
    poll = _poll(item, editor)
    services.poll_vote(actor=viewer, poll=poll, option=0)
    url = _url(item, "participation_poll", poll_pk=poll.pk)
    assert "Data table" not in client.get(url).text
    client.force_login(editor)
    assert "Data table" in client.get(url).text
    client.logout()
    services.poll_close(actor=editor, poll=poll)
    page = client.get(url).text
    assert "Data table" in page and "<svg" in page


def test_draft_poll_hidden_and_actions_for_organisers_only(client, item, editor, viewer):
    poll = _poll(item, editor, opened=False)
    assert client.get(_url(item, "participation_poll", poll_pk=poll.pk)).status_code == 404
    client.force_login(viewer)
    assert client.post(_url(item, "participation_poll_create"), {}).status_code == 403
    open_url = _url(item, "participation_poll_action", poll_pk=poll.pk, action="open")
    assert client.post(open_url).status_code == 404
    client.force_login(editor)
    response = client.post(
        _url(item, "participation_poll_create"), {"question": "Q", "options": "only one"}
    )
    assert response.status_code == 400
    assert "Give between 2 and 10 answers" in response.text
    assert client.post(open_url).status_code == 302
    poll.refresh_from_db()
    assert poll.status == "open"


def test_item_page_shows_the_participation_section(client, item, editor, delegate):
    _poll(item, editor)
    _statement(item, delegate)
    response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "Statements of delegations" in response.text
    assert "Useful?" in response.text
    assert "Statement of the delegation" not in response.text


def test_api_lists_public_statements_and_own(client, item, delegate, outsider):
    statement = _statement(item, delegate)
    url = reverse("api:eventstatement-list")
    client.force_login(outsider)
    assert statement.title not in client.get(url).content.decode()
    client.force_login(delegate)
    assert statement.title in client.get(url).content.decode()
