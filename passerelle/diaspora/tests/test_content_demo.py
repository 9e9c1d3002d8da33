"""The content and opportunities areas' demo data: enough of every kind, the iDiaspora launch
linked to the IDM 2018's side event, a spam story hidden pending review, responses in every
status, and nothing doubled when loaded again."""

import pytest

from passerelle.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from passerelle.community.choices import ModerationStatus
from passerelle.community.models import Comment, Reaction
from passerelle.core.demo import DemoContext
from passerelle.events.tests.factories import AgendaItemFactory, EventFactory

from .. import demo_content, demo_opportunities
from ..choices import OpportunityKind, ResponseStatus, StoryKind
from ..models import Opportunity, OpportunityResponse, Story
from .factories import MemberProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def context(db):
    """Demo members, the IDM 2018 with its side event, and the posters' demo logins."""
    members = [MemberProfileFactory(user__is_demo=True) for _ in range(6)]
    event = EventFactory(slug=demo_content.IDM_2018, status="published")
    AgendaItemFactory(event=event, kind="side_event", title="Lancement de la plateforme iDiaspora")
    for login, slug in demo_opportunities.POSTERS.values():
        organisation = OrganisationFactory(slug=slug, is_demo=True)
        user = UserFactory(email=f"{login}@{demo_content.DEMO_DOMAIN}", is_demo=True)
        MembershipFactory(organisation=organisation, user=user, role="admin")
    return DemoContext(data={"diaspora_members": members, "diaspora_organisations": []})


def test_the_demo_stories_and_opportunities(context):
    demo_content.load(context)
    demo_opportunities.load(context)
    stories = Story.objects.filter(is_demo=True)
    assert stories.filter(status="published", moderation_status="visible").count() >= 30
    assert set(stories.values_list("kind", flat=True)) == set(StoryKind.values)
    assert set(stories.values_list("language", flat=True)) == {"en", "fr", "es"}
    assert Comment.objects.exists() and Reaction.objects.exists()
    launch = stories.get(title=demo_content.LAUNCH_TITLE)
    assert launch.language == "fr" and launch.kind == "news"
    assert launch.event.slug == demo_content.IDM_2018
    assert launch.starts_at == launch.agenda_item.starts_at
    assert "facilité par l'OIM" in launch.body
    spam = stories.get(title=demo_content.SPAM_TITLE)
    assert spam.moderation_status == ModerationStatus.PENDING_REVIEW

    opportunities = Opportunity.objects.filter(is_demo=True)
    assert opportunities.filter(status="open").count() >= 12
    assert opportunities.filter(status="closed").count() == 1
    assert set(opportunities.values_list("kind", flat=True)) == set(OpportunityKind.values)
    statuses = set(OpportunityResponse.objects.values_list("status", flat=True))
    assert statuses == set(ResponseStatus.values)

    counts = (Story.objects.count(), Opportunity.objects.count(), Comment.objects.count())
    demo_content.load(context)
    demo_opportunities.load(context)
    assert (Story.objects.count(), Opportunity.objects.count(), Comment.objects.count()) == counts
