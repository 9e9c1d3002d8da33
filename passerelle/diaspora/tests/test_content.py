"""Stories: the author's services and their limits, who sees what, the pages, reactions, reports
that hide a story everywhere (pages, lists, API, search), and the API's fields."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from passerelle.accounts.models import User
from passerelle.accounts.tests.factories import UserFactory
from passerelle.community.choices import ModerationStatus
from passerelle.community.moderation.services import report_create
from passerelle.core.models import AuditEntry
from passerelle.events.tests.factories import AgendaItemFactory, EventFactory, EventPartnerFactory
from passerelle.search import selectors as search
from passerelle.search import services as indexing

from .. import registrations_content, search_index_content  # noqa: F401  (until apps.py imports them)
from ..models import Story
from ..services import content as services

pytestmark = pytest.mark.django_db


def fresh(user):
    return User.objects.get(pk=user.pk)


def data(**changes) -> services.StoryData:
    fields = {
        "kind": "story",
        "title": "Back to Dakar",
        "summary": "How I set up a clinic.",
        "body": "After ten years in Lyon, I went **back**.",
        "language": "en",
    }
    return services.StoryData(**{**fields, **changes})


def published(author, **changes) -> Story:
    story = services.story_create(actor=author, data=data(**changes))
    return services.story_publish(actor=author, story=story)


@pytest.fixture
def side_event(organisation):
    event = EventFactory(status="published", capacity=100)
    EventPartnerFactory(event=event, organisation=organisation, role="organiser")
    return AgendaItemFactory(event=event, kind="side_event", title="Launch of a platform")


@pytest.fixture
def newcomer(db):
    """A new account in no organisation: untrusted."""
    return UserFactory()


# --- services --------------------------------------------------------------------------------


def test_a_story_is_written_as_a_draft_then_published_and_audited(owner):
    story = services.story_create(actor=owner, data=data())
    assert story.status == "draft" and story.published_at is None
    services.story_publish(actor=owner, story=story)
    story.refresh_from_db()
    assert story.status == "published" and story.published_at is not None
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"diaspora.story.created", "diaspora.story.published"} <= actions


def test_on_behalf_of_an_organisation_only_for_its_editors(editor, viewer, organisation):
    story = services.story_create(actor=editor, organisation=organisation, data=data())
    assert story.organisation == organisation
    with pytest.raises(ValidationError) as error:
        services.story_create(actor=viewer, organisation=organisation, data=data())
    assert "organisation" in error.value.message_dict
    assert Story.objects.count() == 1


def test_the_organisations_editors_may_change_its_story_others_may_not(
    owner, editor, outsider, organisation
):
    story = services.story_create(actor=editor, organisation=organisation, data=data())
    services.story_update(actor=owner, story=story, data=data(title="Edited by the admin"))
    assert Story.objects.get(pk=story.pk).title == "Edited by the admin"
    with pytest.raises(PermissionDenied):
        services.story_update(actor=outsider, story=story, data=data(title="Hijacked"))
    with pytest.raises(PermissionDenied):
        services.story_delete(actor=outsider, story=story)
    services.story_delete(actor=owner, story=story)
    assert not Story.objects.exists()


def test_a_video_needs_an_allowed_address_and_a_trusted_author(owner, newcomer):
    with pytest.raises(ValidationError) as error:
        services.story_create(actor=owner, data=data(kind="video"))
    assert "video_url" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.story_create(
            actor=owner, data=data(kind="video", video_url="https://youtube.com.evil.org/x")
        )
    assert "video_url" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.story_create(
            actor=newcomer, data=data(kind="video", video_url="https://vimeo.com/76979871")
        )
    assert "New accounts" in error.value.message_dict["video_url"][0]
    story = services.story_create(
        actor=owner, data=data(kind="video", video_url="https://vimeo.com/76979871")
    )
    assert story.video_url == "https://vimeo.com/76979871"
    assert Story.objects.count() == 1


def test_new_accounts_are_limited_in_links(newcomer):
    body = "See https://a.example.org and https://b.example.org and https://c.example.org"
    with pytest.raises(ValidationError) as error:
        services.story_create(actor=newcomer, data=data(body=body))
    assert "body" in error.value.message_dict
    assert not Story.objects.exists()


def test_a_community_event_needs_its_date_and_a_session_of_its_event(owner, side_event):
    with pytest.raises(ValidationError) as error:
        services.story_create(actor=owner, data=data(kind="event"))
    assert "starts_at" in error.value.message_dict
    story = services.story_create(
        actor=owner,
        data=data(kind="event", starts_at=side_event.starts_at, agenda_item=side_event),
    )
    assert story.event == side_event.event


def test_publishing_twice_is_refused_clearly(owner):
    story = published(owner)
    with pytest.raises(ValidationError):
        services.story_publish(actor=owner, story=story)
    services.story_unpublish(actor=owner, story=story)
    assert Story.objects.get(pk=story.pk).status == "draft"


# --- who sees what ---------------------------------------------------------------------------


def visible(user) -> set[int]:
    return set(Story.objects.visible_to(user).values_list("pk", flat=True))


def test_published_stories_are_public_drafts_are_their_authors_and_editors(
    owner, editor, viewer, outsider, organisation
):
    draft = services.story_create(actor=editor, organisation=organisation, data=data())
    public = published(outsider)
    assert visible(AnonymousUser()) == {public.pk}
    assert visible(fresh(outsider)) == {public.pk}
    assert visible(fresh(owner)) == {public.pk, draft.pk}  # an editor of its organisation
    assert visible(fresh(viewer)) == {public.pk}  # a viewer does not edit for it


# --- reports hide a story everywhere --------------------------------------------------------


@pytest.fixture
def hidden_story(owner):
    story = published(owner, title="Cheap watches here", body="Buy cheap watches now.")
    with override_settings(COMMUNITY={**settings.COMMUNITY, "REPORTS_TO_HIDE": 2}):
        for _ in range(2):
            report_create(actor=UserFactory(), content=story, reason="spam")
    story.refresh_from_db()
    assert story.moderation_status == ModerationStatus.PENDING_REVIEW
    return story


def test_a_reported_story_disappears_from_lists_pages_and_api(client, hidden_story, outsider):
    other = published(outsider, title="A visible story")
    response = client.get(reverse("diaspora:story_list"))
    assert other.title in response.text and hidden_story.title not in response.text
    assert client.get(hidden_story.get_absolute_url()).status_code == 404
    api = client.get(reverse("api:diaspora-story-list")).json()
    assert [row["id"] for row in api["results"]] == [other.pk]
    detail = reverse("api:diaspora-story-detail", kwargs={"pk": hidden_story.pk})
    assert client.get(detail).status_code == 404


def test_its_author_still_sees_it_marked_hidden(client, hidden_story, owner):
    client.force_login(owner)
    response = client.get(hidden_story.get_absolute_url())
    assert response.status_code == 200
    assert "hidden after reports" in response.text
    assert hidden_story.title not in client.get(reverse("diaspora:story_list")).text


def test_the_moderators_see_it_to_review_it(client, hidden_story, secretariat):
    client.force_login(secretariat)
    assert client.get(hidden_story.get_absolute_url()).status_code == 200
    assert hidden_story.title not in client.get(reverse("diaspora:story_list")).text


@pytest.fixture
def _nothing_held():
    search.forget_held_documents()
    yield
    search.forget_held_documents()


@pytest.mark.usefixtures("_nothing_held")
def test_search_finds_published_stories_only(owner, outsider):
    found_story = published(outsider, title="Remittances for clinics in Kaolack")
    draft = services.story_create(actor=owner, data=data(title="Remittances draft for Kaolack"))
    reported = published(owner, title="Remittances spam Kaolack")
    for story in (found_story, draft, reported):
        indexing.index_object(story)
    with override_settings(COMMUNITY={**settings.COMMUNITY, "REPORTS_TO_HIDE": 1}):
        report_create(actor=fresh(outsider), content=reported, reason="spam")
    results = search.search(AnonymousUser(), "Kaolack remittances", mode="keyword")
    assert [result.object for result in results.results] == [found_story]


# --- pages -----------------------------------------------------------------------------------


def test_the_list_filters_and_costs_a_fixed_number_of_queries(
    client, owner, django_assert_max_num_queries
):
    for number in range(12):
        published(owner, title=f"Story {number}", language="fr" if number % 2 else "en")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("diaspora:story_list"), {"language": "fr"})
    assert response.status_code == 200
    assert "Story 1" in response.text and "Story 2<" not in response.text


def test_community_events_upcoming_first(client, owner):
    now = timezone.now()
    past = published(owner, kind="event", title="Past gala", starts_at=now - datetime.timedelta(30))
    soon = published(owner, kind="event", title="Soon gala", starts_at=now + datetime.timedelta(3))
    later = published(
        owner, kind="event", title="Later gala", starts_at=now + datetime.timedelta(9)
    )
    text = client.get(reverse("diaspora:story_list"), {"kind": "event"}).text
    assert text.index(soon.title) < text.index(later.title) < text.index(past.title)


def test_bad_filters_answer_400_with_a_message(client):
    response = client.get(reverse("diaspora:story_list"), {"kind": "nonsense"})
    assert response.status_code == 400
    assert "Check the filters" in response.text


def test_the_story_page_shows_the_video_in_a_sandboxed_privacy_enhanced_frame(client, owner):
    story = published(owner, kind="video", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    text = client.get(story.get_absolute_url()).text
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in text
    assert 'sandbox="allow-scripts allow-same-origin allow-presentation"' in text
    assert 'loading="lazy"' in text and "referrerpolicy=" in text
    assert "youtube.com/iframe_api" not in text and '<script src="https://' not in text


def test_the_story_page_renders_markdown_safely(client, owner):
    story = published(owner, body="**Bold** <script>alert(1)</script>")
    text = client.get(story.get_absolute_url()).text
    assert "<strong>Bold</strong>" in text and "<script>alert(1)" not in text


def test_the_story_page_links_its_session(client, owner, side_event):
    story = published(owner, agenda_item=side_event)
    text = client.get(story.get_absolute_url()).text
    assert (
        reverse("events:item_detail", kwargs={"slug": side_event.event.slug, "pk": side_event.pk})
        in text
    )


def test_writing_a_story_through_the_form(client, owner):
    client.force_login(owner)
    url = reverse("diaspora:story_create")
    response = client.post(url, {"kind": "video", "title": "T", "body": "B", "language": "en",
                                 "video_url": "https://evil.example.org/page"})  # fmt: skip
    assert response.status_code == 400 and "YouTube or Vimeo" in response.text
    response = client.post(url, {"kind": "story", "title": "T", "body": "B", "language": "en"})
    story = Story.objects.get()
    assert response.status_code == 302 and response["Location"] == story.get_absolute_url()
    assert (
        client.post(reverse("diaspora:story_publish", kwargs={"pk": story.pk})).status_code == 302
    )
    response = client.post(reverse("diaspora:story_publish", kwargs={"pk": story.pk}))
    assert response.status_code == 400 and "already published" in response.text


def test_reacting_to_a_story(client, owner, outsider):
    story = published(owner)
    client.force_login(outsider)
    url = reverse("diaspora:story_react", kwargs={"pk": story.pk})
    response = client.post(url, {"kind": "thanks"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'aria-pressed="true"' in response.text
    response = client.post(url, {"kind": "nonsense"}, headers={"HX-Request": "true"})
    assert response.status_code == 400


def test_my_stories_lists_drafts_and_hidden_ones(client, owner, hidden_story):
    draft = services.story_create(actor=owner, data=data(title="My own draft"))
    client.force_login(owner)
    text = client.get(reverse("diaspora:my_stories")).text
    assert draft.title in text and "hidden pending review" in text


# --- API -------------------------------------------------------------------------------------


def test_the_api_shows_published_stories_with_permitted_fields(client, owner, outsider):
    story = published(outsider, title="Public one")
    services.story_create(actor=owner, data=data(title="Draft one"))
    rows = client.get(reverse("api:diaspora-story-list")).json()["results"]
    assert [row["title"] for row in rows] == ["Public one"]
    assert "moderation_status" not in rows[0] and "is_demo" not in rows[0]
    assert "email" not in str(rows[0]) and rows[0]["author"]  # the name shown, never the e-mail
    assert rows[0]["id"] == story.pk
