"""The events part of the demo: what it shows, and that it can run twice. The accounts and events
steps run once for the module (twice, in fact), in a transaction rolled back at its end: the
events step needs only the accounts step's organisations and people (people of later steps
register too when their step ran, which these tests do not need)."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.models import AuditEntry, ContentTranslation

# Registers the step until the app's ready() imports it.
from .. import demo as events_demo
from ..models import (
    AgendaItem,
    Appearance,
    ClosingReport,
    DiscussionSpace,
    Event,
    EventDocument,
    EventInvitation,
    EventPartner,
    GuidingQuestion,
    Outcome,
    Poll,
    PollVote,
    Registration,
    SessionQuestion,
    Speaker,
    Statement,
)
from ..services.registrations import registration_window_error
from .factories import private_files_in

MODELS = (
    Event,
    EventPartner,
    EventDocument,
    AgendaItem,
    GuidingQuestion,
    Speaker,
    Appearance,
    Registration,
    EventInvitation,
    ContentTranslation,
    Statement,
    SessionQuestion,
    Poll,
    PollVote,
    DiscussionSpace,
    ClosingReport,
    Outcome,
)


def _run() -> DemoContext:
    context = DemoContext()
    for step in demo_steps():
        if step.name.split(":")[0] in ("accounts", "events"):
            step.run(context)
    return context


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "audit": AuditEntry.objects.filter(action__startswith="events.").count(),
        "check-ins": Registration.objects.filter(checked_in_at__isnull=False).count(),
        "seats": sum(Event.objects.values_list("seats_taken", flat=True))
        + sum(AgendaItem.objects.values_list("seats_taken", flat=True)),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with (
        private_files_in(media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        first = _run()
        counts = _counts()
        second = _run()
        yield SimpleNamespace(
            first=first, second=second, counts=counts, counts_again=_counts(), media=media
        )
        transaction.set_rollback(True)


def _idm() -> Event:
    return Event.objects.get(slug="idm-2018-session-2")


@pytest.mark.django_db
def test_runs_twice_with_the_same_rows(demo):
    assert demo.counts == demo.counts_again
    assert demo.first.data["events"] == demo.second.data["events"]
    assert len(list(demo.media.rglob("*.txt"))) == 1


@pytest.mark.django_db
def test_everything_is_demo(demo):
    assert Event.objects.count() == 3
    assert not Event.objects.filter(is_demo=False).exists()
    assert Speaker.objects.exists() and not Speaker.objects.filter(is_demo=False).exists()
    assert Registration.objects.exists() and not Registration.objects.filter(is_demo=False).exists()
    for speaker in Speaker.objects.all():
        assert speaker.bio.endswith(events_demo.FICTIONAL.strip())


@pytest.mark.django_db
def test_the_side_event_has_two_seats_left(demo):
    side_event = _idm().agenda_items.get(kind="side_event")
    assert (side_event.capacity, side_event.seats_taken, side_event.seats_left) == (40, 38, 2)
    assert side_event.registrations.filter(status="confirmed").count() == 38
    assert side_event.registrations.filter(checked_in_at__isnull=False).exists()


@pytest.mark.django_db
def test_the_idm_has_about_sixty_participants_of_every_kind(demo):
    idm = _idm()
    confirmed = idm.registrations.filter(item=None, status="confirmed")
    assert 55 <= confirmed.count() <= 75
    assert {"delegate", "observer", "civil_society", "speaker"} <= set(
        confirmed.values_list("registration_type", flat=True)
    )
    on_behalf = confirmed.filter(user=None)
    assert on_behalf.count() >= 40
    assert all(email.endswith("@demo.passerelle.test") for email in
               confirmed.values_list("email", flat=True))  # fmt: skip
    assert on_behalf.exclude(registered_by=None).count() == on_behalf.count()
    checked_in = confirmed.filter(checked_in_at__isnull=False)
    assert 0 < checked_in.count() < confirmed.count()
    # dated back to the meeting, in 2018
    assert {moment.year for moment in checked_in.values_list("checked_in_at", flat=True)} == {2018}
    assert registration_window_error(idm) is not None  # closed: it is over


@pytest.mark.django_db
def test_sessions_have_moderators_and_speakers(demo):
    sessions = _idm().agenda_items.filter(kind="plenary")
    assert sessions.count() == 6
    for session in sessions:
        roles = set(session.appearances.values_list("role", flat=True))
        assert roles == {"moderator", "speaker"}, session.title


@pytest.mark.django_db
def test_an_open_forum_and_an_invitation_only_meeting(demo):
    forum = Event.objects.get(slug=events_demo.FORUM_SLUG)
    assert (forum.format, forum.language, forum.capacity) == ("hybrid", "en", 100)
    assert forum.starts_on.year == 2027 and not forum.invitation_only
    assert forum.questionnaire == [
        {"key": "needs", "label": "Accessibility or interpretation needs", "required": True}
    ]
    in_january = datetime.datetime(2027, 1, 4, tzinfo=datetime.UTC)
    assert registration_window_error(forum, now=in_january) is None
    assert all(answers["needs"] for answers in
               forum.registrations.values_list("answers", flat=True))  # fmt: skip
    assert 2 <= forum.agenda_items.count() <= 3
    assert GuidingQuestion.objects.filter(item__event=forum).exists()
    rcp = Event.objects.get(slug=events_demo.RCP_SLUG)
    assert (rcp.kind, rcp.language, rcp.invitation_only) == ("rcp", "es", True)
    assert rcp.starts_on.year == 2026
    invited = set(rcp.invitations.values_list("email", flat=True))
    assert len(invited) >= 3
    assert set(rcp.registrations.values_list("email", flat=True)) <= invited
    assert rcp.registrations.exists()


def test_the_idm_sessions_have_public_statements_questions_and_a_closed_poll(demo):
    idm = _idm()
    statements = Statement.objects.filter(item__event=idm)
    assert statements.count() == 3 and all(statement.is_demo for statement in statements)
    assert Statement.objects.visible_to(AnonymousUser()).filter(item__event=idm).count() == 3
    assert SessionQuestion.objects.filter(item__event=idm, status="answered").count() == 2
    poll = Poll.objects.get(item__event=idm)
    assert poll.status == "closed" and poll.votes.count() > 0
