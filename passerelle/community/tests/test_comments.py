from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import Organisation
from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community import registry, services, trust
from passerelle.community.models import Comment, CommentRevision, Follow, Reaction, Sanction
from passerelle.community.permissions import may_read_discussion
from passerelle.community.selectors import followers_of, thread_page
from passerelle.core.models import AuditEntry
from passerelle.diaspora.models import Group, GroupMembership, Story, Thread
from passerelle.events.models import DiscussionSpace
from passerelle.geo.models import Country
from passerelle.knowledge.models import Item
from passerelle.taxonomy.models import CapacityArea, GCMObjective
from tests.testapp.models import Note

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def area():
    return CapacityArea.objects.get(code="BORD")


def trusted(**kwargs):
    """A user past the new-account limits (a member of an organisation)."""
    return MembershipFactory(role="viewer", **kwargs).user


def comment(author, target, body="A first remark.", **kwargs):
    return services.comment_create(actor=author, target=target, body=body, **kwargs)


# --- visibility: every commentable model, through the registry -------------------------------

MAKERS = {
    Organisation: lambda owner_org: owner_org,
    Country: lambda owner_org: Country.objects.get(iso3="SEN"),
    CapacityArea: lambda owner_org: CapacityArea.objects.get(code="BORD"),
    GCMObjective: lambda owner_org: GCMObjective.objects.get(number=23),
    Note: lambda owner_org: Note.objects.create(owner=owner_org, visibility="private", text="n"),
    Item: lambda owner_org: Item.objects.create(
        kind="practice",
        status="draft",
        organisation=owner_org,
        language="en",
        title="A practice",
        summary="In short.",
        scope="national",
    ),
    Thread: lambda owner_org: _group_thread(owner_org),
    Story: lambda owner_org: Story.objects.create(
        kind="story",
        title="A story",
        body="Told by the owner.",
        language="en",
        author=owner_org.memberships.get(role="admin").user,
        status="published",
        published_at=timezone.now(),
    ),
    DiscussionSpace: lambda owner_org: DiscussionSpace.objects.create(
        slug="forum",
        title="A forum",
        theme="Partnerships",
        description="Share experience.",
        language="en",
        organisation=owner_org,
        opens_at=timezone.now(),
    ),
}


def _group_thread(owner_org):
    """A thread of a group the organisation's administrator belongs to (its replies are for the
    group's members)."""
    author = owner_org.memberships.get(role="admin").user
    group = Group.objects.create(
        slug="group", name="A group", kind="theme", theme="Investment", description="d",
        language="en",
    )  # fmt: skip
    GroupMembership.objects.create(group=group, user=author, role="moderator")
    return Thread.objects.create(group=group, title="A thread", body="Opening.", author=author)


def test_every_commentable_model_has_a_visibility_case():
    registered = {entry.model for entry in registry.commentables()}
    assert registered <= set(MAKERS), f"Add a maker for {registered - set(MAKERS)}"


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda m: m._meta.label)
def test_a_comment_is_readable_exactly_by_who_may_read_the_discussion(model, organisation, owner):
    target = MAKERS[model](organisation)
    posted = comment(owner, target)
    people = [AnonymousUser(), owner, UserFactory(), trusted(), UserFactory(is_moderator=True)]
    for person in people:
        sees_object = model.objects.visible_to(person).filter(pk=target.pk).exists()
        expected = sees_object and may_read_discussion(person, target)
        assert Comment.objects.visible_to(person).filter(pk=posted.pk).exists() == expected


def test_members_only_discussion_on_a_private_object(organisation, owner, outsider, secretariat):
    note = Note.objects.create(owner=organisation, visibility="private", text="internal")
    posted = comment(owner, note)
    assert Comment.objects.visible_to(owner).filter(pk=posted.pk).exists()
    assert not Comment.objects.visible_to(outsider).filter(pk=posted.pk).exists()
    assert not Comment.objects.visible_to(AnonymousUser()).filter(pk=posted.pk).exists()
    with pytest.raises(PermissionDenied):
        comment(outsider, note)
    public_note = Note.objects.create(owner=organisation, visibility="public", text="open")
    comment(owner, public_note, "On the public note")
    # The note is public, the discussion is for members: an outsider reads neither.
    assert not may_read_discussion(outsider, public_note)
    assert Comment.objects.visible_to(secretariat).for_object(public_note).exists()


# --- comments ----------------------------------------------------------------------------------


def test_comment_is_stored_as_written_and_rendered_safely(area):
    author = trusted()
    posted = comment(author, area, f"**Bold** {XSS}")
    assert posted.body == f"**Bold** {XSS}"
    assert "<strong>Bold</strong>" in posted.body_html
    assert "<script" not in posted.body_html and "<img" not in posted.body_html
    assert "&lt;script&gt;" in posted.body_html
    entry = AuditEntry.objects.get(action="community.comment.created")
    assert entry.object_id == str(posted.pk)


def test_mentions_link_people_and_organisations(area):
    author = trusted()
    mentioned = UserFactory(full_name="Awa Diop")
    org = OrganisationFactory(name="IOM", slug="iom-demo")
    posted = comment(author, area, f"Thanks @{mentioned.handle} and @iom-demo, and @nobody-here.")
    assert list(posted.mentioned_users.all()) == [mentioned]
    assert list(posted.mentioned_organisations.all()) == [org]
    assert f'href="/community/people/{mentioned.handle}/"' in posted.body_html
    assert "@nobody-here" in posted.body_html
    data = AuditEntry.objects.get(action="community.comment.created").data
    assert data["mentioned_user_ids"] == [mentioned.pk]
    assert data["mentioned_organisation_ids"] == [org.pk]


def test_a_handle_is_never_both_a_person_and_an_organisation():
    OrganisationFactory(slug="unhcr")
    person = UserFactory(full_name="UNHCR")
    assert person.handle != "unhcr"


def test_replies_nest_up_to_the_maximum_depth(area):
    author, other = trusted(), trusted()
    root = comment(author, area, "root")
    reply = comment(other, area, "reply 1", parent=root)
    deeper = comment(author, area, "reply 2", parent=reply)
    deepest = comment(other, area, "reply 3", parent=deeper)
    beyond = comment(author, area, "reply 4", parent=deepest)
    assert [reply.depth, deeper.depth, deepest.depth, beyond.depth] == [1, 2, 3, 3]
    assert {c.thread_id for c in (reply, deeper, deepest, beyond)} == {root.pk}
    assert beyond.parent_id == deepest.parent_id


def test_a_reply_stays_in_its_discussion(area):
    author = trusted()
    elsewhere = comment(author, GCMObjective.objects.get(number=1), "elsewhere")
    with pytest.raises(ValidationError):
        comment(author, area, "misplaced", parent=elsewhere)
    assert not Comment.objects.filter(body="misplaced").exists()


@pytest.mark.parametrize("body", ["", "   ", "x" * 10_001])
def test_bad_bodies_are_refused(area, body):
    with pytest.raises(ValidationError):
        comment(trusted(), area, body)
    assert not Comment.objects.exists()


def test_anonymous_cannot_comment(area):
    with pytest.raises(PermissionDenied):
        comment(AnonymousUser(), area)


def test_edit_keeps_history_within_the_window(area):
    author = trusted()
    posted = comment(author, area, "first text")
    services.comment_edit(actor=author, comment=posted, body="second text")
    posted.refresh_from_db()
    assert posted.body == "second text" and posted.edited_at
    assert CommentRevision.objects.get(comment=posted).body == "first text"
    Comment.objects.filter(pk=posted.pk).update(created=timezone.now() - timedelta(hours=2))
    posted.refresh_from_db()
    with pytest.raises(ValidationError, match="minutes"):
        services.comment_edit(actor=author, comment=posted, body="third text")


def test_only_the_author_or_a_moderator_edits(area):
    author, other = trusted(), trusted()
    posted = comment(author, area)
    with pytest.raises(PermissionDenied):
        services.comment_edit(actor=other, comment=posted, body="hijacked")
    moderator = UserFactory(is_moderator=True)
    with pytest.raises(ValidationError):
        services.comment_edit(actor=moderator, comment=posted, body="tidied")  # no note
    services.comment_edit(actor=moderator, comment=posted, body="tidied", moderator_note="typo")
    assert CommentRevision.objects.get(comment=posted).moderator_note == "typo"
    assert AuditEntry.objects.filter(action="community.comment.moderator_edited").exists()


def test_delete_keeps_the_thread_readable(area):
    author, other = trusted(), trusted()
    root = comment(author, area, "to be removed")
    reply = comment(other, area, "a reply", parent=root)
    services.comment_delete(actor=author, comment=root)
    root.refresh_from_db()
    assert root.is_deleted and root.body == ""
    page = thread_page(area, other)
    assert [c.pk for c in page.comments()] == [root.pk, reply.pk]
    with pytest.raises(PermissionDenied):
        services.comment_delete(actor=other, comment=reply.__class__.objects.get(pk=root.pk))


# --- trust levels and limits -----------------------------------------------------------------


def test_a_new_account_is_limited_until_vouched_for(area):
    newcomer = UserFactory()
    assert trust.trust_level(newcomer) == trust.NEW
    with pytest.raises(ValidationError, match="link"):
        comment(newcomer, area, "see https://a.example and https://b.example")
    assert not Comment.objects.exists()
    MembershipFactory(user=newcomer)
    del newcomer.organisation_roles  # the cached memberships
    assert trust.trust_level(newcomer) == trust.TRUSTED
    comment(newcomer, area, "see https://a.example and https://b.example")


def test_an_account_becomes_trusted_by_taking_part(area):
    person = UserFactory()
    for number in range(3):
        comment(person, area, f"remark {number}")
    assert trust.trust_level(person) == trust.NEW  # too young
    person.date_joined = timezone.now() - timedelta(days=4)
    assert trust.trust_level(person) == trust.TRUSTED
    assert trust.may_upload(person) and trust.may_send_direct_messages(person)
    assert not trust.may_upload(UserFactory())
    assert not trust.may_send_direct_messages(UserFactory())


@override_settings(COMMUNITY={**__import__("django.conf").conf.settings.COMMUNITY})
def test_new_accounts_post_at_a_limited_rate(area, settings):
    settings.COMMUNITY = {**settings.COMMUNITY, "NEW_ACCOUNT_COMMENTS_PER_HOUR": 2}
    newcomer = UserFactory()
    comment(newcomer, area, "one")
    comment(newcomer, area, "two")
    with pytest.raises(ValidationError, match="per hour"):
        comment(newcomer, area, "three")


def test_the_same_text_twice_within_minutes_is_refused(area):
    author = trusted()
    comment(author, area, "Buy now!")
    with pytest.raises(ValidationError, match="same text"):
        comment(author, area, "  buy   NOW! ")
    assert Comment.objects.count() == 1


def test_suspended_and_banned_users_cannot_take_part(area):
    author, moderator = trusted(), UserFactory(is_moderator=True)
    Sanction.objects.create(
        user=author,
        kind="suspension",
        reason="spam",
        until=timezone.now() + timedelta(days=1),
        created_by=moderator,
    )
    with pytest.raises(ValidationError, match="suspended"):
        comment(author, area)
    with pytest.raises(ValidationError, match="suspended"):
        services.follow(actor=author, target=area)
    Sanction.objects.update(lifted_at=timezone.now())
    comment(author, area)
    Sanction.objects.create(user=author, kind="ban", reason="abuse", created_by=moderator)
    with pytest.raises(ValidationError, match="banned"):
        comment(author, area, "again")


# --- reactions and follows -------------------------------------------------------------------


def test_reactions_toggle_and_count_usefulness(area):
    author, reader = trusted(), trusted()
    posted = comment(author, area)
    assert services.reaction_toggle(actor=reader, target=posted, kind="useful") is True
    posted.refresh_from_db()
    assert posted.useful_count == 1
    assert services.reaction_toggle(actor=reader, target=posted, kind="useful") is False
    posted.refresh_from_db()
    assert posted.useful_count == 0 and not Reaction.objects.exists()
    with pytest.raises(ValidationError):
        services.reaction_toggle(actor=author, target=posted, kind="useful")
    with pytest.raises(ValidationError):
        services.reaction_toggle(actor=reader, target=posted, kind="love")


def test_most_useful_order(area):
    author, readers = trusted(), [trusted() for _ in range(2)]
    first, second = comment(author, area, "first"), comment(author, area, "second")
    for reader in readers:
        services.reaction_toggle(actor=reader, target=second, kind="useful")
    page = thread_page(area, readers[0], order="useful")
    assert [c.pk for c in page.comments()] == [second.pk, first.pk]
    assert page.my_reactions[second.pk] == {"useful"}


def test_following_a_person_without_a_next_page_goes_to_their_page(client):
    person, followed = trusted(), trusted()
    client.force_login(person)
    user_type = registry.content_type_of(followed).pk
    response = client.post(reverse("community:follow", args=[user_type, followed.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/community/people/{followed.handle}/")
    assert Follow.objects.filter(user=person, object_id=str(followed.pk)).exists()


def test_follow_and_unfollow(area):
    person, author = trusted(), trusted()
    services.follow(actor=person, target=area)
    services.follow(actor=person, target=author)
    services.follow(actor=person, target=area)  # twice is once
    assert Follow.objects.filter(user=person).count() == 2
    assert list(followers_of(area)) == [person]
    assert list(followers_of(author, area)) == [person]
    services.unfollow(actor=person, target=area)
    assert list(followers_of(area)) == []
    with pytest.raises(ValidationError):
        services.follow(actor=person, target=person)
    with pytest.raises(ValidationError):
        services.follow(actor=person, target=Comment.objects.create(
            content_type=registry.content_type_of(area), object_id=str(area.pk),
            author=author, body="x", body_html="x", body_hash="x", language="en",
        ))  # fmt: skip


# --- pages -------------------------------------------------------------------------------------


def test_a_thread_costs_the_same_queries_however_long(client, area, django_assert_max_num_queries):
    authors = [trusted() for _ in range(3)]
    for number in range(30):
        root = comment(authors[number % 3], area, f"root {number}")
        comment(authors[(number + 1) % 3], area, f"reply {number}", parent=root)
    client.force_login(authors[0])
    url = reverse("community:discussion", args=[registry.content_type_of(area).pk, area.pk])
    with django_assert_max_num_queries(16):
        response = client.get(url, {"comments_page": 2})
    assert response.status_code == 200
    assert "root 20" in response.content.decode()


def test_posting_through_the_page_and_htmx(client, area):
    author = trusted()
    client.force_login(author)
    url = reverse("community:discussion", args=[registry.content_type_of(area).pk, area.pk])
    response = client.post(url, {"body": f"Hello {XSS}", "language": "fr"})
    assert response.status_code == 302
    posted = Comment.objects.get()
    assert posted.language == "fr"
    assert response["Location"].endswith(f"#comment-{posted.pk}")
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Hello &lt;script&gt;" in page and "<script>alert" not in page
    response = client.post(url, {"body": "", "language": "en"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "required" in response.content.decode()


def test_anonymous_reads_a_public_discussion_but_is_asked_to_log_in(client, area):
    comment(trusted(), area, "Visible to all")
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Visible to all" in page and "Log in to take part" in page
    url = reverse("community:discussion", args=[registry.content_type_of(area).pk, area.pk])
    assert client.post(url, {"body": "x", "language": "en"}).status_code == 302
    assert Comment.objects.count() == 1


def test_a_private_discussion_is_a_404_to_outsiders(client, organisation, owner, outsider):
    note = Note.objects.create(owner=organisation, visibility="private", text="internal")
    posted = comment(owner, note)
    url = reverse("community:discussion", args=[registry.content_type_of(note).pk, note.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.get(reverse("community:comment_detail", args=[posted.pk])).status_code == 404
    assert client.get(reverse("community:comment_history", args=[posted.pk])).status_code == 404


def test_react_and_follow_views(client, area):
    author, reader = trusted(), trusted()
    posted = comment(author, area)
    client.force_login(reader)
    response = client.post(
        reverse("community:comment_react", args=[posted.pk]),
        {"kind": "useful"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and 'aria-pressed="true"' in response.content.decode()
    follow_url = reverse("community:follow", args=[registry.content_type_of(area).pk, area.pk])
    response = client.post(follow_url, headers={"HX-Request": "true"})
    assert "Following" in response.content.decode()
    assert client.get(reverse("community:following")).status_code == 200
    assert client.get(reverse("community:person", args=[author.handle])).status_code == 200


def test_edit_and_delete_pages_refuse_other_people(client, area):
    author, other = trusted(), trusted()
    posted = comment(author, area)
    client.force_login(other)
    assert client.get(reverse("community:comment_edit", args=[posted.pk])).status_code == 403
    assert client.post(reverse("community:comment_delete", args=[posted.pk])).status_code == 403
    client.force_login(author)
    response = client.post(reverse("community:comment_edit", args=[posted.pk]), {"body": ""})
    assert response.status_code == 422
    response = client.post(reverse("community:comment_delete", args=[posted.pk]))
    assert response.status_code == 302


def test_a_participants_discussion_admits_participants_only(monkeypatch, organisation, owner):
    """A module may open a discussion to the people taking part in an object (an event's
    registrants, a project's partners): here, the organisations a note is shared with."""
    entry = registry.Commentable(
        model=Note,
        access="participants",
        owner_field="owner",
        participants_q=lambda user: Q(shared_with__in=user.organisation_ids),
    )
    monkeypatch.setitem(registry._commentables, Note, entry)
    partner, bystander = trusted(), trusted()
    note = Note.objects.create(owner=organisation, visibility="public", text="workshop")
    note.shared_with.add(partner.memberships.get().organisation)
    comment(partner, note, "See you there")
    assert may_read_discussion(partner, note) and may_read_discussion(owner, note)
    assert not may_read_discussion(bystander, note)
    with pytest.raises(PermissionDenied):
        comment(bystander, note, "Me too")
    assert Comment.objects.visible_to(bystander).for_object(note).count() == 0
    assert Comment.objects.visible_to(owner).for_object(note).count() == 1
