"""Notifications are derived from audit entries: who is notified of what, never the actor nor
anyone who cannot see the target, once however often an entry is dispatched."""

import pytest
from django.core import mail

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community import notifications, services
from passerelle.community.models import Comment, DispatchCursor, Follow, Notification
from passerelle.community.notifications.dispatch import CURSOR
from passerelle.core.models import AuditEntry
from tests.testapp.models import Note

from .notification_helpers import ct_id, kinds_of, trusted

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_do_not_fail")]


# --- dispatch -----------------------------------------------------------------------------------


def test_a_reply_notifies_the_parent_author_and_never_the_actor(area, post):
    author, replier = trusted(), trusted(name="Rui Costa")
    root = post(author, area, "Question?")
    post(replier, area, "Answer.", parent=root)
    assert kinds_of(author) == ["comment_reply"]
    assert kinds_of(replier) == []
    notification = Notification.objects.get(recipient=author)
    assert notification.target == Comment.objects.get(body="Answer.")
    assert notification.actor == replier
    assert notification.data == {
        "actor": "Rui Costa",
        "target": str(area),
        "excerpt": "Answer.",
        "url": f"/community/comments/{notification.object_id}/",
    }


def test_mentions_reach_people_and_the_admins_and_editors_of_organisations(area, post):
    author, person = trusted(), UserFactory()
    organisation = OrganisationFactory(slug="iom-demo", name="IOM")
    admin = MembershipFactory(organisation=organisation, role="admin").user
    editor = MembershipFactory(organisation=organisation, role="editor").user
    viewer = MembershipFactory(organisation=organisation, role="viewer").user
    post(author, area, f"Thanks @{person.handle} and @iom-demo.")
    assert kinds_of(person) == kinds_of(admin) == kinds_of(editor) == ["mention"]
    assert kinds_of(viewer) == []
    assert notifications.message_for(Notification.objects.get(recipient=admin)) == (
        f"Ama Mensah mentioned IOM in a comment on “{area}”"
    )


def test_a_mention_added_by_an_edit_notifies_only_the_newly_mentioned(area, post, run_on_commit):
    author, first, second = trusted(), UserFactory(), UserFactory()
    posted = post(author, area, f"Hello @{first.handle}")
    run_on_commit(
        services.comment_edit,
        actor=author,
        comment=posted,
        body=f"Hello @{first.handle} and @{second.handle}",
    )
    assert kinds_of(first) == ["mention"]
    assert kinds_of(second) == ["mention"]


def test_followers_of_the_object_and_of_the_author_hear_once(area, post, run_on_commit):
    author, of_area, of_author, mentioned = trusted(), UserFactory(), UserFactory(), UserFactory()
    run_on_commit(services.follow, actor=of_area, target=area)
    run_on_commit(services.follow, actor=of_author, target=author)
    run_on_commit(services.follow, actor=mentioned, target=area)
    run_on_commit(services.follow, actor=author, target=area)
    post(author, area, f"News, @{mentioned.handle}.")
    assert kinds_of(of_area) == kinds_of(of_author) == ["followed_activity"]
    assert kinds_of(mentioned) == ["mention"]  # not also as a follower
    assert kinds_of(author) == []


def test_nobody_is_notified_of_what_they_cannot_see(organisation, owner, post):
    """A members-only discussion: a follower and a mentioned person outside the organisation get
    nothing; a member does."""
    note = Note.objects.create(owner=organisation, visibility="public", text="Plan")
    outsider, member = UserFactory(), MembershipFactory(organisation=organisation).user
    for user in (outsider, member):
        Follow.objects.create(user=user, content_type_id=ct_id(note), object_id=str(note.pk))
    post(owner, note, f"Internal, @{outsider.handle} @{member.handle}")
    assert kinds_of(outsider) == []
    assert kinds_of(member) == ["mention"]


def test_inactive_users_are_not_notified(area, post):
    author, gone = trusted(), trusted()
    root = post(gone, area, "Old comment")
    gone.is_active = False
    gone.save()
    post(author, area, "Reply", parent=root)
    assert kinds_of(gone) == []


def test_dispatching_twice_creates_and_mails_nothing_more(area, post):
    author, replier = trusted(), trusted()
    root = post(author, area, "Q")
    post(replier, area, "A", parent=root)
    assert len(mail.outbox) == 1  # replies are e-mailed immediately by default
    entry = AuditEntry.objects.filter(action="community.comment.created").latest("pk")
    notifications.dispatch(entry)
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_catchup_dispatches_what_the_queue_lost_and_moves_its_cursor(
    area, django_capture_on_commit_callbacks
):
    author, replier = trusted(), trusted()
    with django_capture_on_commit_callbacks(execute=False):  # the queue lost the tasks
        root = services.comment_create(actor=author, target=area, body="Q")
        services.comment_create(actor=replier, target=area, body="A", parent=root)
    assert not Notification.objects.exists()
    assert notifications.catchup(settle_seconds=3600) == 0  # too young: maybe not committed
    assert notifications.catchup(settle_seconds=0, batch_size=1) == 2
    assert kinds_of(author) == ["comment_reply"]
    last = AuditEntry.objects.filter(action="community.comment.created").latest("pk")
    assert DispatchCursor.objects.get(name=CURSOR).last_entry_id == last.pk
    assert notifications.catchup(settle_seconds=0) == 0
    assert Notification.objects.count() == 1
