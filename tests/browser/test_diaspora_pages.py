"""Every page of the diaspora hub (iDiaspora) passes axe-core: a small but complete hub (an
association with its editor, members who connect, message, write stories, run a group, respond
to opportunities and complete courses, an expert on the roster, the year's call for the country
pages with a contribution) is visited anonymously, by a member, by the association's editor and
by the secretariat, each page checked with axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from passerelle.accounts.tests.factories import MembershipFactory, UserFactory
from passerelle.community import services as community
from passerelle.diaspora.models import FactsheetEntry
from passerelle.diaspora.services import connecting, content, countries, learning, opportunities
from passerelle.diaspora.tests.factories import (
    MemberProfileFactory,
    OrganisationProfileFactory,
    country,
)
from passerelle.diaspora.tests.factories_connecting import connect, member, theme_group, thread
from passerelle.diaspora.tests.factories_roster import join
from tests.browser.steps import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC = {
    f"{group}_visibility": "public"
    for group in (
        "headline", "bio", "expertise", "languages", "origin", "residence", "links",
        "organisations",
    )
}  # fmt: skip
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def story(author, **changes):
    fields = {
        "kind": "story",
        "title": "Back to Dakar",
        "summary": "How I set up a clinic.",
        "body": "After ten years in Lyon, I went **back** to open a clinic.",
        "language": "en",
        "countries": [country("SEN")],
    }
    draft = content.story_create(actor=author, data=content.StoryData(**{**fields, **changes}))
    return content.story_publish(actor=author, story=draft)


def opportunity(editor, organisation, **changes):
    fields = {
        "kind": "expert_mission",
        "title": "Hydrologists for a two-week mission",
        "description": "Assess the water network of Saint-Louis.",
        "language": "en",
        "deadline": timezone.localdate() + datetime.timedelta(days=20),
        "places": 2,
        "countries": [country("SEN")],
    }
    draft = opportunities.opportunity_create(
        actor=editor,
        organisation=organisation,
        data=opportunities.OpportunityData(**{**fields, **changes}),
    )
    return opportunities.opportunity_publish(actor=editor, opportunity=draft)


@pytest.fixture
def hub(db):
    """Everything the hub's pages show, made through the factories and the services."""
    association = OrganisationProfileFactory(
        organisation__name="Association des Sénégalais de Lyon",
        organisation__slug="asl",
        sector_list=["development", "culture"],
    )
    organisation = association.organisation
    editor = MembershipFactory(organisation=organisation, role="editor").user
    MemberProfileFactory(user=editor, name_visibility="public", **PUBLIC)
    secretariat = UserFactory(is_broker=True, is_moderator=True, is_curator=True)

    amina = member(display_name="Amina Diallo", **PUBLIC)
    moussa = member(display_name="Moussa Ndiaye", **PUBLIC)
    fatou = member(display_name="Fatou Sow", **PUBLIC)
    asker = member(display_name="Ibrahima Fall")
    blocked = member(display_name="Someone Blocked")
    omar = member(display_name="Omar Ba")  # someone Amina might ask to connect with
    for profile in (amina.diaspora_profile, moussa.diaspora_profile):
        profile.organisations.add(association)

    # Connecting: connections, a request waiting, a block, a conversation, a group and a thread.
    connect(amina, moussa)
    connect(amina, fatou)
    connecting.connection_request(actor=asker, addressee=amina, message="Let us talk")
    connecting.block(actor=amina, blocked=blocked)
    conversation = connecting.conversation_start(
        actor=moussa, other=amina, body="Are you coming to Dakar in May?"
    )
    connecting.message_send(actor=amina, conversation=conversation, body="Yes, from the 12th.")
    group = theme_group(amina)
    connecting.group_join(actor=moussa, group=group)
    opened = thread(moussa, group)
    community.comment_create(actor=amina, target=opened, body="I use a mobile wallet.")

    # Stories: one with a comment, a video.
    written = story(amina)
    community.comment_create(actor=moussa, target=written, body="Congratulations, Amina!")
    video = story(
        amina, kind="video", title="Our festival in Lyon", video_url=YOUTUBE, countries=[]
    )

    # Opportunities: Amina may apply to the first, has applied to the second.
    mission = opportunity(editor, organisation)
    opportunities.response_submit(
        actor=moussa, opportunity=mission, kind="application", message="I did this for 12 years."
    )
    mentoring = opportunity(editor, organisation, kind="mentoring", title="Mentors for students")
    opportunities.response_submit(
        actor=amina, opportunity=mentoring, kind="interest", message="I would like to help."
    )

    # Learning: a course Amina completed.
    course = learning.course_create(
        actor=editor,
        data={
            "title": "Diaspora engagement mapping",
            "provider": "IOM",
            "description": "How to map a diaspora.",
            "language": "en",
            "format": "self_paced",
            "hours": 6,
            "url": "https://example.org/mapping",
            "provider_organisation": organisation,
        },
    )
    learning.completion_declare(
        actor=amina, course=course, completed_on=datetime.date(2026, 1, 10), is_public=True
    )

    # Country pages: an entry, the year's call open, a contribution waiting for review.
    FactsheetEntry.objects.create(
        country=country("SEN"), kind="policy", name="Politique nationale de la diaspora",
        language="fr", reviewed_year=2024, year=2022,
    )  # fmt: skip
    today = timezone.localdate()
    countries.contribution_call_open(
        actor=secretariat,
        year=today.year,
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=10),
        description="Help us keep the country pages up to date.",
    )
    contribution = countries.contribution_submit(
        actor=amina,
        country=country("SEN"),
        data={
            "kind": "institution",
            "name": "Direction générale des Sénégalais de l'extérieur",
            "institution_type": "sub_ministry",
            "year": 2017,
            "url": "https://example.org/dgse",
            "description": "La direction de la diaspora.",
            "language": "fr",
            "source": "Décret 2017-xx",
        },
    )

    # The roster: Moussa is an expert.
    entry = join(moussa)

    return {
        "organisation": organisation,
        "editor": editor,
        "secretariat": secretariat,
        "amina": amina,
        "moussa": moussa,
        "fatou": fatou,
        "omar": omar,
        "conversation": conversation,
        "group": group,
        "thread": opened,
        "story": written,
        "video": video,
        "mission": mission,
        "course": course,
        "contribution": contribution,
        "entry": entry,
    }


def visit_all(page, live_server, check_a11y, paths):
    """Open each path (or (path, text the page must show)), expect a 200 and check it with axe."""
    for item in paths:
        path, shown = item if isinstance(item, tuple) else (item, None)
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        check_a11y(page)
        if shown:
            expect(page.locator("main")).to_contain_text(shown)


def refuse_empty_forms(page, live_server, check_a11y, paths):
    """Send each path's form empty: the page that comes back with the errors passes axe too."""
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        check_a11y(page)
        with page.expect_navigation() as navigation:
            page.locator("main form[novalidate] button[type=submit]").first.click()
        assert 400 <= navigation.value.status < 500, path
        page.wait_for_load_state()
        check_a11y(page)
        expect(page.locator("main [aria-invalid=true]").first).to_be_attached()


def test_the_public_pages_pass_axe(live_server, page, check_a11y, hub):
    group = hub["group"]
    visit_all(
        page,
        live_server,
        check_a11y,
        (
            ("/en/diaspora/", "Back to Dakar"),
            "/en/diaspora/map/?by=residence",
            "/en/diaspora/map/?by=origin",
            ("/en/diaspora/map/FRA/?by=residence", "Association des Sénégalais de Lyon"),
            ("/en/diaspora/map/SEN/?by=origin", "Association des Sénégalais de Lyon"),
            ("/en/diaspora/organisations/", "Association des Sénégalais de Lyon"),
            ("/en/diaspora/organisations/asl/", "Amina Diallo"),
            ("/en/diaspora/members/", "Moussa Ndiaye"),
            (f"/en/diaspora/members/{hub['amina'].diaspora_profile.pk}/", "Amina Diallo"),
            "/en/diaspora/countries/",
            ("/en/diaspora/countries/SEN/", "Politique nationale de la diaspora"),
            "/en/diaspora/countries/calls/",
            ("/en/diaspora/groups/", group.name),
            (f"/en/diaspora/groups/{group.slug}/", "Sending money home"),
            (f"/en/diaspora/groups/{group.slug}/threads/{hub['thread'].pk}/", "Which services"),
            ("/en/diaspora/stories/", "Our festival in Lyon"),
            (f"/en/diaspora/stories/{hub['story'].pk}/", "Congratulations, Amina!"),
            f"/en/diaspora/stories/{hub['video'].pk}/",
            ("/en/diaspora/opportunities/", "Mentors for students"),
            (f"/en/diaspora/opportunities/{hub['mission'].pk}/", "Saint-Louis"),
            ("/en/diaspora/courses/", "Diaspora engagement mapping"),
            (f"/en/diaspora/courses/{hub['course'].pk}/", "How to map a diaspora."),
            ("/en/diaspora/roster/", "Migration data analyst"),
            (f"/en/diaspora/roster/{hub['entry'].pk}/", "Migration data analyst"),
            "/en/diaspora/cofunding/",
        ),
    )
    expect(page.locator("main iframe[src*='youtube']")).to_have_count(0)  # the cofunding page
    page.goto(f"{live_server.url}/en/diaspora/stories/{hub['video'].pk}/")
    check_a11y(page)
    expect(page.locator("main iframe[src*='youtube']")).to_have_count(1)
    # On the map, a country's panel opens in place (htmx).
    page.goto(f"{live_server.url}/en/diaspora/map/?by=origin")
    check_a11y(page)
    page.locator("main svg a[href*='/map/SEN/']").first.click()
    expect(page.locator("#map-panel")).to_contain_text("Association des Sénégalais de Lyon")
    check_a11y(page)


def test_a_members_pages_pass_axe(live_server, page, check_a11y, hub):
    amina, group, mission, story = hub["amina"], hub["group"], hub["mission"], hub["story"]
    log_in(page, live_server, check_a11y, amina)
    visit_all(
        page,
        live_server,
        check_a11y,
        (
            ("/en/diaspora/", "Hydrologists for a two-week mission"),
            "/en/diaspora/map/?by=residence",
            ("/en/diaspora/map/SEN/?by=origin", "Moussa Ndiaye"),
            ("/en/diaspora/organisations/asl/", "Moussa Ndiaye"),
            ("/en/diaspora/members/", "Fatou Sow"),
            (f"/en/diaspora/members/{hub['moussa'].diaspora_profile.pk}/", "Moussa Ndiaye"),
            (f"/en/diaspora/members/{amina.diaspora_profile.pk}/", "Diaspora engagement"),
            "/en/diaspora/me/profile/",
            "/en/diaspora/me/profile/delete/",
            ("/en/diaspora/countries/SEN/", "Politique nationale de la diaspora"),
            "/en/diaspora/countries/SEN/contribute/",
            ("/en/diaspora/countries/contributions/mine/", "Direction générale"),
            (f"/en/diaspora/countries/contributions/{hub['contribution'].pk}/", "Décret"),
            ("/en/diaspora/connections/", "Let us talk"),
            (f"/en/diaspora/connections/ask/{hub['omar'].pk}/", "Omar Ba"),
            ("/en/diaspora/blocks/", "Someone Blocked"),
            ("/en/diaspora/messages/", "Moussa Ndiaye"),
            (f"/en/diaspora/messages/{hub['conversation'].pk}/", "Yes, from the 12th."),
            (f"/en/diaspora/messages/with/{hub['fatou'].pk}/", "Fatou Sow"),
            ("/en/diaspora/groups/", group.name),
            (f"/en/diaspora/groups/{group.slug}/", "Sending money home"),
            (f"/en/diaspora/groups/{group.slug}/threads/{hub['thread'].pk}/", "mobile wallet"),
            "/en/diaspora/groups/new/",
            f"/en/diaspora/groups/{group.slug}/threads/new/",
            ("/en/diaspora/stories/", "Back to Dakar"),
            (f"/en/diaspora/stories/{story.pk}/", "Congratulations, Amina!"),
            f"/en/diaspora/stories/{hub['video'].pk}/",
            "/en/diaspora/stories/new/",
            f"/en/diaspora/stories/{story.pk}/edit/",
            f"/en/diaspora/stories/{story.pk}/delete/",
            ("/en/diaspora/me/stories/", "Our festival in Lyon"),
            ("/en/diaspora/opportunities/", "Hydrologists for a two-week mission"),
            ("/en/diaspora/me/opportunities/", "Mentors for students"),
            ("/en/diaspora/courses/", "Diaspora engagement mapping"),
            (f"/en/diaspora/courses/{hub['course'].pk}/", "How to map a diaspora."),
            ("/en/diaspora/me/courses/", "Diaspora engagement mapping"),
            ("/en/diaspora/roster/", "Migration data analyst"),
            (f"/en/diaspora/roster/{hub['entry'].pk}/", "Migration data analyst"),
            "/en/diaspora/roster/join/",
            "/en/diaspora/cofunding/",
            # Amina may apply to the mission: its page offers her the form.
            (f"/en/diaspora/opportunities/{mission.pk}/", "Saint-Louis"),
        ),
    )
    expect(page.locator("main form textarea[name=message]")).to_be_visible()
    # A reply in the conversation is added in place (htmx).
    page.goto(f"{live_server.url}/en/diaspora/messages/{hub['conversation'].pk}/")
    check_a11y(page)
    page.locator("main form.message-form textarea").fill("See you there.")
    page.locator("main form.message-form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("See you there.")
    check_a11y(page)
    # Refused forms show their errors accessibly too.
    refuse_empty_forms(
        page,
        live_server,
        check_a11y,
        (
            "/en/diaspora/groups/new/",
            f"/en/diaspora/groups/{group.slug}/threads/new/",
            f"/en/diaspora/messages/with/{hub['fatou'].pk}/",
            "/en/diaspora/stories/new/",
            "/en/diaspora/countries/SEN/contribute/",
        ),
    )


def test_the_editors_and_the_secretariats_pages_pass_axe(live_server, open_page, check_a11y, hub):
    editor = open_page()
    log_in(editor, live_server, check_a11y, hub["editor"])
    mission, course = hub["mission"], hub["course"]
    visit_all(
        editor,
        live_server,
        check_a11y,
        (
            ("/en/diaspora/organisations/asl/", "Association des Sénégalais de Lyon"),
            "/en/diaspora/organisations/asl/profile/",
            "/en/diaspora/opportunities/new/",
            (f"/en/diaspora/opportunities/{mission.pk}/", "Saint-Louis"),
            f"/en/diaspora/opportunities/{mission.pk}/edit/",
            (f"/en/diaspora/opportunities/{mission.pk}/responses/", "I did this for 12 years."),
            "/en/diaspora/courses/new/",
            (f"/en/diaspora/courses/{course.pk}/", "Amina Diallo"),
            f"/en/diaspora/courses/{course.pk}/edit/",
            f"/en/diaspora/courses/{course.pk}/delete/",
        ),
    )
    refuse_empty_forms(
        editor,
        live_server,
        check_a11y,
        ("/en/diaspora/opportunities/new/", "/en/diaspora/courses/new/"),
    )

    secretariat = open_page()
    log_in(secretariat, live_server, check_a11y, hub["secretariat"])
    contribution = hub["contribution"]
    visit_all(
        secretariat,
        live_server,
        check_a11y,
        (
            "/en/diaspora/countries/calls/",
            "/en/diaspora/countries/calls/new/",
            ("/en/diaspora/countries/contributions/", "Direction générale"),
            (f"/en/diaspora/countries/contributions/{contribution.pk}/", "Décret 2017-xx"),
            ("/en/diaspora/countries/SEN/", "Politique nationale de la diaspora"),
        ),
    )
    expect(secretariat.locator("main form[action*='/entries/']").first).to_be_attached()
