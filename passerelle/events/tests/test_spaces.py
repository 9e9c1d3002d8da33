"""Discussion spaces: the services (who may create, change and close; every problem at once;
the audit), the pages per role, the comments while the space is open, the summary, the API and
the list's query budget."""

import datetime

import factory
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import UserFactory
from passerelle.community import services as community
from passerelle.community.models import Comment
from passerelle.core.models import AuditEntry

from .. import permissions_spaces, registrations_spaces  # noqa: F401
from ..demo_spaces import load_spaces
from ..models import DiscussionSpace
from ..permissions_spaces import is_space_open, moderates
from ..services import spaces as services
from ..services.spaces import SpaceData

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


class SpaceFactory(factory.django.DjangoModelFactory):
    """An open space (opened yesterday, no closing date)."""

    class Meta:
        model = DiscussionSpace
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"space-{n}")
    title = factory.Sequence(lambda n: f"Skills partnerships {n}")
    theme = "Skills partnerships"
    description = "Share what made your partnerships work."
    language = "en"
    languages = factory.LazyFunction(lambda: ["en", "fr"])
    questions = factory.LazyFunction(lambda: ["What worked?", "What did not?"])
    organisation = factory.SubFactory("passerelle.accounts.tests.factories.OrganisationFactory")
    opens_at = factory.LazyFunction(lambda: timezone.now() - DAY)

    @factory.post_generation
    def moderators(self, create, extracted, **kwargs):
        if create and extracted:
            self.moderators.set(extracted)


def fresh(user):
    return User.objects.get(pk=user.pk)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def space_data(moderators, **overrides) -> SpaceData:
    values = {
        "title": "Skills partnerships that last",
        "theme": "Skills partnerships",
        "description": "Share what made your partnerships work.",
        "language": "en",
        "languages": ["en", "fr"],
        "questions": ["What worked?", "  ", "What did not?"],
        "moderators": moderators,
        "opens_at": timezone.now() + DAY,
    }
    return SpaceData(**{**values, **overrides})


def actions(obj) -> list[str]:
    return list(AuditEntry.objects.for_object(obj).values_list("action", flat=True))


def url(name, space=None) -> str:
    return reverse(f"events:{name}", kwargs={"slug": space.slug} if space else {})


@pytest.fixture
def moderator(db):
    return UserFactory()


@pytest.fixture
def space(organisation, moderator):
    return SpaceFactory(organisation=organisation, moderators=[moderator])


@pytest.fixture
def upcoming(organisation, moderator):
    return SpaceFactory(
        organisation=organisation, moderators=[moderator], opens_at=timezone.now() + DAY
    )


# Services ------------------------------------------------------------------------------------


def test_an_editor_creates_a_space_of_their_organisation(editor, organisation, moderator):
    space = services.space_create(
        actor=fresh(editor), organisation=organisation, data=space_data([moderator])
    )
    assert space.slug == "skills-partnerships-that-last"
    assert space.questions == ["What worked?", "What did not?"]
    assert list(space.moderators.all()) == [moderator]
    assert actions(space) == ["events.space.created"]
    again = services.space_create(
        actor=fresh(editor), organisation=organisation, data=space_data([moderator])
    )
    assert again.slug == "skills-partnerships-that-last-2"


def test_the_secretariat_creates_a_space_for_any_organisation(secretariat, organisation):
    space = services.space_create(
        actor=secretariat, organisation=organisation, data=space_data([secretariat])
    )
    assert space.organisation == organisation


@pytest.mark.parametrize("who", ["viewer", "outsider", "moderator"])
def test_others_may_not_create_a_space(who, request, organisation, moderator):
    actor = fresh(request.getfixturevalue(who))
    with pytest.raises(PermissionDenied):
        services.space_create(actor=actor, organisation=organisation, data=space_data([moderator]))
    assert not DiscussionSpace.objects.exists()


def test_every_problem_is_reported_at_once_and_nothing_is_written(editor, organisation):
    data = space_data(
        [],
        title=" ",
        theme="",
        description="",
        language="xx",
        languages=["en", "klingon"],
        opens_at=timezone.now(),
        closes_at=timezone.now() - DAY,
    )
    with pytest.raises(ValidationError) as caught:
        services.space_create(actor=fresh(editor), organisation=organisation, data=data)
    assert set(caught.value.message_dict) == {
        "title", "theme", "description", "language", "languages", "moderators", "closes_at",
    }  # fmt: skip
    assert not DiscussionSpace.objects.exists() and not AuditEntry.objects.exists()


def test_the_host_updates_a_space(editor, space, moderator):
    other = UserFactory()
    data = space_data([moderator, other], title="A new title", opens_at=space.opens_at)
    services.space_update(actor=fresh(editor), space=space, data=data)
    space.refresh_from_db()
    assert space.title == "A new title" and space.moderators.count() == 2
    entry = AuditEntry.objects.for_object(space).get(action="events.space.updated")
    assert "title" in entry.data["fields"] and "moderators" in entry.data["fields"]


@pytest.mark.parametrize("who", ["viewer", "outsider", "moderator"])
def test_others_may_not_update_a_space(who, request, space, moderator):
    with pytest.raises(PermissionDenied):
        services.space_update(
            actor=fresh(request.getfixturevalue(who)), space=space, data=space_data([moderator])
        )


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_a_moderator_or_the_host_closes_with_a_summary(who, request, space):
    assert is_space_open(space)
    services.space_close_with_summary(
        actor=fresh(request.getfixturevalue(who)), space=space, summary="  What we learnt.  "
    )
    space.refresh_from_db()
    assert space.summary == "What we learnt."
    assert space.summary_published_at and space.closes_at <= timezone.now()
    assert not is_space_open(space)
    assert actions(space) == ["events.space.closed"]


@pytest.mark.parametrize("who", ["viewer", "outsider", "secretariat"])
def test_others_may_not_close_a_space(who, request, space):
    with pytest.raises(PermissionDenied):
        services.space_close_with_summary(
            actor=fresh(request.getfixturevalue(who)), space=space, summary="Summary."
        )


def test_a_summary_is_needed_and_is_published_once(moderator, space):
    with pytest.raises(ValidationError) as caught:
        services.space_close_with_summary(actor=moderator, space=space, summary="  ")
    assert "summary" in caught.value.message_dict
    services.space_close_with_summary(actor=moderator, space=space, summary="Done.")
    with pytest.raises(PermissionDenied):
        services.space_close_with_summary(actor=moderator, space=space, summary="Again.")


def test_a_space_closed_by_its_dates_keeps_its_closing_time(moderator, organisation):
    closes = timezone.now() - DAY
    space = SpaceFactory(
        organisation=organisation, moderators=[moderator], opens_at=closes - 10 * DAY,
        closes_at=closes,
    )  # fmt: skip
    services.space_close_with_summary(actor=moderator, space=space, summary="Done.")
    space.refresh_from_db()
    assert space.closes_at == closes


def test_moderates(space, moderator, editor):
    assert moderates(moderator, space)
    assert not moderates(fresh(editor), space)


# Pages ---------------------------------------------------------------------------------------


def test_everyone_reads_an_open_space(space):
    response = Client().get(url("space_detail", space))
    assert response.status_code == 200
    page = response.content.decode()
    assert space.title in page and "What did not?" in page
    assert space.get_absolute_url() in Client().get(url("space_list")).content.decode()


@pytest.mark.parametrize(
    "who,status",
    [
        ("anonymous", 404),
        ("outsider", 404),
        ("viewer", 200),
        ("editor", 200),
        ("moderator", 200),
        ("secretariat", 200),
    ],
)
def test_a_space_not_open_yet_is_found_only_by_its_people(who, status, request, upcoming):
    client = Client() if who == "anonymous" else logged_in(request.getfixturevalue(who))
    assert client.get(url("space_detail", upcoming)).status_code == status
    listed = upcoming.get_absolute_url() in client.get(url("space_list")).content.decode()
    assert listed == (status == 200)


@pytest.mark.parametrize(
    "who,status", [("editor", 200), ("secretariat", 200), ("viewer", 403), ("moderator", 403)]
)
def test_who_may_open_the_creation_form(who, status, request, organisation):
    assert logged_in(request.getfixturevalue(who)).get(url("space_create")).status_code == status


def test_the_creation_form_creates_a_space(editor, organisation, moderator):
    response = logged_in(editor).post(
        url("space_create"),
        {
            "organisation": organisation.pk,
            "title": "Circular migration",
            "theme": "Circular migration schemes",
            "description": "What makes them fair?",
            "language": "en",
            "languages": ["en", "es"],
            "questions": "First question?\nSecond question?",
            "moderators": f"{moderator.email.upper()}\n",
            "opens_at": "2030-01-10T09:00",
        },
    )
    space = DiscussionSpace.objects.get()
    assert response.status_code == 302 and response.url == space.get_absolute_url()
    assert space.questions == ["First question?", "Second question?"]
    assert list(space.moderators.all()) == [moderator]


def test_the_creation_form_names_unknown_moderators(editor, organisation):
    response = logged_in(editor).post(
        url("space_create"),
        {
            "organisation": organisation.pk,
            "title": "T",
            "theme": "T",
            "description": "D",
            "language": "en",
            "moderators": "nobody@example.org",
            "opens_at": "2030-01-10T09:00",
        },
    )
    assert response.status_code == 400 and b"nobody@example.org" in response.content
    assert not DiscussionSpace.objects.exists()


@pytest.mark.parametrize(
    "who,status",
    [("editor", 200), ("secretariat", 200), ("moderator", 403), ("viewer", 403), ("outsider", 403)],
)
def test_who_may_edit(who, status, request, space):
    assert logged_in(request.getfixturevalue(who)).get(url("space_edit", space)).status_code == (
        status
    )


def test_editing_the_upcoming_space_of_others_is_not_found(outsider, upcoming):
    assert logged_in(outsider).get(url("space_edit", upcoming)).status_code == 404


def test_the_edit_form_saves(editor, space, moderator):
    form = logged_in(editor).get(url("space_edit", space)).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        title="Renamed",
        opens_at=timezone.localtime(space.opens_at).strftime("%Y-%m-%dT%H:%M"),
        event="",
    )
    response = logged_in(editor).post(url("space_edit", space), data)
    assert response.status_code == 302
    space.refresh_from_db()
    assert space.title == "Renamed" and list(space.moderators.all()) == [moderator]


@pytest.mark.parametrize(
    "who,status",
    [("moderator", 200), ("editor", 200), ("viewer", 403), ("outsider", 403)],
)
def test_who_may_close(who, status, request, space):
    assert logged_in(request.getfixturevalue(who)).get(url("space_close", space)).status_code == (
        status
    )


def test_the_summary_flow(moderator, space):
    client = logged_in(moderator)
    assert client.post(url("space_close", space), {"summary": ""}).status_code == 400
    response = client.post(url("space_close", space), {"summary": "We agreed on three points."})
    assert response.status_code == 302
    page = Client().get(url("space_detail", space)).content.decode()
    assert "We agreed on three points." in page and 'id="space-summary"' in page
    closed = Client().get(url("space_list")).context["sections"][2][2]
    assert [s.pk for s in closed] == [space.pk]
    assert client.get(url("space_close", space)).status_code == 403


def test_the_events_list_links_to_the_spaces():
    assert url("space_list") in Client().get(reverse("events:event_list")).content.decode()


# Comments ------------------------------------------------------------------------------------


def test_comments_are_public_and_written_while_open(space, viewer):
    comment = community.comment_create(actor=fresh(viewer), target=space, body="Twinning works.")
    assert Client().get(url("space_detail", space)).content.decode().count("Twinning works.") == 1
    discussion = logged_in(viewer).get(url("space_detail", space)).context["discussion"]
    assert discussion["may_write"] and Comment.objects.for_object(space).get() == comment


def test_the_comment_form_is_not_shown_once_closed(space, viewer, moderator):
    community.comment_create(actor=fresh(viewer), target=space, body="Twinning works.")
    services.space_close_with_summary(actor=moderator, space=space, summary="Done.")
    response = logged_in(viewer).get(url("space_detail", space))
    assert not response.context["discussion"]["may_write"]
    assert b"Twinning works." in response.content
    assert b"comment-form" not in response.content


def test_a_closed_space_refuses_comments_posted_to_the_community_service(space, viewer, moderator):
    services.space_close_with_summary(actor=moderator, space=space, summary="Done.")
    with pytest.raises(PermissionDenied):
        community.comment_create(actor=fresh(viewer), target=space, body="Too late.")
    assert not Comment.objects.for_object(space).exists()


def test_the_comment_form_is_not_shown_before_opening(upcoming, moderator):
    response = logged_in(moderator).get(url("space_detail", upcoming))
    assert not response.context["discussion"]["may_write"]


def test_the_space_moderators_moderate_its_discussion(space, moderator, outsider):
    from passerelle.community.permissions import may_moderate_discussion

    assert may_moderate_discussion(moderator, space)
    assert not may_moderate_discussion(fresh(outsider), space)


# API -----------------------------------------------------------------------------------------


def test_the_api_lists_what_one_sees(space, upcoming, editor):
    rows = Client().get(reverse("api:discussionspace-list")).json()
    rows = rows.get("results", rows)
    assert [row["slug"] for row in rows] == [space.slug]
    assert rows[0]["is_open"] and rows[0]["questions"] == ["What worked?", "What did not?"]
    detail = Client().get(reverse("api:discussionspace-detail", kwargs={"slug": upcoming.slug}))
    assert detail.status_code == 404
    detail = logged_in(editor).get(
        reverse("api:discussionspace-detail", kwargs={"slug": upcoming.slug})
    )
    assert detail.status_code == 200 and detail.json()["summary"] == ""


# Query budget --------------------------------------------------------------------------------


def test_the_list_does_not_grow_with_the_spaces(organisation, django_assert_max_num_queries):
    for _ in range(2):
        SpaceFactory(organisation=organisation)
    with django_assert_max_num_queries(10) as few:
        Client().get(url("space_list"))
    for _ in range(8):
        SpaceFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert Client().get(url("space_list")).status_code == 200


# Demo ----------------------------------------------------------------------------------------


def test_the_demo_loads_twice_without_duplicates(db):
    from passerelle.accounts.demo import DEMO_DOMAIN
    from passerelle.accounts.tests.factories import OrganisationFactory
    from passerelle.core.demo import DemoContext

    OrganisationFactory(slug="demo-iom-dakar")
    for local in ("iom", "focal.senegal", "editor.senegal", "ngo"):
        UserFactory(email=f"{local}@{DEMO_DOMAIN}", is_demo=True)
    for _ in range(2):
        load_spaces(DemoContext())
    forum = DiscussionSpace.objects.get(slug="partenariats-pour-le-developpement-des-capacites")
    closed = DiscussionSpace.objects.exclude(pk=forum.pk).get()
    assert forum.is_demo and is_space_open(forum) and len(forum.questions) == 3
    assert Comment.objects.for_object(forum).count() == 3
    assert closed.summary_published_at and not is_space_open(closed) and closed.language == "en"
