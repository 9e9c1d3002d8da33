"""The knowledge part of the demo: what it shows, and that it can run twice. The demo steps up to
this module's run once for the module (the knowledge step builds on the organisations, people,
requests, projects and evaluations of the steps before it), then the knowledge step again, in a
transaction rolled back at its end."""

from collections import Counter
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from passerelle.community.models import Comment
from passerelle.core.demo import DemoContext, demo_steps
from passerelle.core.models import AuditEntry, ContentTranslation
from passerelle.geo.models import Region
from passerelle.hub.matching import index
from passerelle.taxonomy.models import CapacityArea

from ..choices import CallStatus, ItemKind, ItemStatus, ResourceType, ReviewStatus
from ..demo import demo_key
from ..demo_content import all_specs
from ..models import Item, ItemVersion, PracticeCall, Rating, Replication, Review

KNOWLEDGE_STEP = "knowledge: practices, lessons, resources, calls for practices"
MODELS = (Item, ItemVersion, Review, Rating, Replication, PracticeCall)


def _counts() -> dict[str, int]:
    item_type = ContentType.objects.get_for_model(Item)
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "audit": AuditEntry.objects.filter(action__startswith="knowledge.").count(),
        "translations": ContentTranslation.objects.filter(content_type=item_type).count(),
        "comments": Comment.objects.filter(content_type=item_type).count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        first = DemoContext()
        for step in demo_steps():  # the steps up to this module's
            step.run(first)
            if step.name == KNOWLEDGE_STEP:
                break
        counts = _counts()
        second = DemoContext()
        next(step for step in demo_steps() if step.name == KNOWLEDGE_STEP).run(second)
        yield SimpleNamespace(first=first, second=second, counts=counts, counts_again=_counts())
        transaction.set_rollback(True)
    # The matcher's index of this process holds rows that were rolled back.
    index.forget()


def _published():
    return Item.objects.filter(status=ItemStatus.PUBLISHED)


@pytest.mark.django_db
def test_runs_twice_without_duplicates(demo):
    assert demo.counts == demo.counts_again
    assert demo.first.data["knowledge"] == demo.second.data["knowledge"]


@pytest.mark.django_db
def test_all_demo_with_distinct_titles(demo):
    assert not Item.objects.filter(is_demo=False).exists()
    assert not PracticeCall.objects.filter(is_demo=False).exists()
    titles = list(Item.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles))


@pytest.mark.django_db
def test_every_spec_is_published_under_its_key(demo):
    keys = {demo_key(spec.key) for spec in all_specs()}
    assert set(_published().filter(submission_key__in=keys).values_list(
        "submission_key", flat=True)) == keys  # fmt: skip


@pytest.mark.django_db
def test_at_least_120_published_of_every_kind_in_three_languages(demo):
    published = _published()
    assert published.count() >= 120
    kinds = Counter(published.values_list("kind", flat=True))
    assert set(kinds) == set(ItemKind.values)
    assert kinds[ItemKind.PRACTICE] > kinds[ItemKind.RESOURCE] > 0
    languages = Counter(published.values_list("language", flat=True))
    assert set(languages) == {"en", "fr", "es"}
    assert all(count >= published.count() / 4 for count in languages.values())


@pytest.mark.django_db
def test_every_capacity_area_and_every_world_region(demo):
    published = _published()
    areas = set(published.values_list("capacity_areas__code", flat=True))
    assert set(CapacityArea.objects.values_list("code", flat=True)) <= areas
    parents = dict(Region.objects.values_list("pk", "parent"))

    def world_region(pk):
        while parents[pk] is not None:
            pk = parents[pk]
        return pk

    tagged = set(published.exclude(countries=None).values_list("countries__region", flat=True))
    tagged |= set(published.exclude(regions=None).values_list("regions", flat=True))
    covered = {world_region(pk) for pk in tagged if pk is not None}
    assert set(Region.objects.filter(level="region").values_list("pk", flat=True)) <= covered


@pytest.mark.django_db
def test_practices_are_tagged_and_written_out(demo):
    practices = _published().filter(kind=ItemKind.PRACTICE)
    assert not practices.filter(gcm_objectives=None).exists()
    assert practices.exclude(guiding_principles=None).count() >= practices.count() * 0.9
    for practice in practices:
        assert practice.context and practice.activities and practice.results, practice
        assert practice.actor_types and practice.audiences, practice
    assert set(practices.values_list("scope", flat=True)) == {
        "local", "national", "regional"
    }  # fmt: skip


@pytest.mark.django_db
def test_resources_of_every_type_with_links_and_generated_pdfs(demo):
    resources = _published().filter(kind=ItemKind.RESOURCE)
    assert set(resources.values_list("resource_type", flat=True)) == set(ResourceType.values)
    with_files = resources.exclude(file="")
    assert with_files.count() >= 3
    assert len({item.language for item in with_files}) >= 2
    for item in with_files:
        assert item.file_type == "application/pdf"
        with item.file.open("rb") as document:
            assert document.read(5) == b"%PDF-"
    linked = resources.filter(file="")
    assert linked.count() >= 20
    assert all(item.link.startswith("https://") for item in linked)


@pytest.mark.django_db
def test_peer_reviews_before_publication(demo):
    for item in _published().filter(call=None)[:20]:
        done = item.reviews.filter(status=ReviewStatus.SUBMITTED)
        assert done.count() == 2
        assert not done.filter(reviewer__memberships__organisation=item.organisation).exists()
        assert item.versions.filter(number=1).exists()
        assert item.submitted_at < item.published_at <= timezone.now()


@pytest.mark.django_db
def test_publications_spread_over_two_years(demo):
    dates = list(_published().values_list("published_at", flat=True))
    assert min(dates) < timezone.now() - timedelta(days=500)
    assert max(dates) > timezone.now() - timedelta(days=90)


@pytest.mark.django_db
def test_a_closed_call_with_published_and_declined_practices(demo):
    closed = PracticeCall.objects.get(status=CallStatus.CLOSED)
    assert closed.deadline < timezone.now()
    statuses = Counter(closed.items.values_list("status", flat=True))
    assert statuses[ItemStatus.PUBLISHED] >= 3 and statuses[ItemStatus.DECLINED] == 1
    declined = closed.items.get(status=ItemStatus.DECLINED)
    assert declined.decision_reason and declined.published_at is None
    assert closed.own_criteria
    assert declined.reviews.first().checks.count() == 6 + len(closed.own_criteria)


@pytest.mark.django_db
def test_an_open_call_with_a_submission_at_every_step(demo):
    call = PracticeCall.objects.get(status=CallStatus.OPEN)
    assert timezone.now() + timedelta(days=35) < call.deadline < timezone.now() + timedelta(50)
    answers = call.items.all()
    statuses = set(answers.values_list("status", flat=True))
    assert {
        ItemStatus.DRAFT,
        ItemStatus.SUBMITTED,
        ItemStatus.IN_REVIEW,
        ItemStatus.CHANGES_REQUESTED,
    } <= statuses
    waiting = answers.get(status=ItemStatus.IN_REVIEW, review_round=1)
    assert set(waiting.reviews.values_list("status", flat=True)) == set(ReviewStatus.values)
    changes = answers.get(status=ItemStatus.CHANGES_REQUESTED)
    assert changes.decision_reason
    assert changes.reviews.filter(status=ReviewStatus.SUBMITTED, recommendation="changes")
    assert all(review.comment for review in changes.reviews.all())
    revised = answers.get(status=ItemStatus.IN_REVIEW, review_round=2)
    assert revised.reviews.filter(round=1, status=ReviewStatus.SUBMITTED).count() == 2
    assert revised.reviews.filter(round=2, status=ReviewStatus.ASSIGNED).count() == 2
    assert AuditEntry.objects.filter(action="knowledge.item.revised", object_id=str(revised.pk))


@pytest.mark.django_db
def test_an_organisation_with_drafts(demo):
    author = demo.first.data["knowledge"]["author"]
    drafts = Item.objects.filter(
        status=ItemStatus.DRAFT, organisation__memberships__user__email=author
    )
    assert drafts.count() >= 2


@pytest.mark.django_db
def test_lessons_of_the_projects_imported_and_published(demo):
    imported = Item.objects.exclude(source_lesson=None)
    assert imported.filter(status=ItemStatus.DRAFT).exists()
    published = imported.filter(status=ItemStatus.PUBLISHED)
    assert published.count() >= 5
    for item in published:
        assert item.evaluation_id and list(item.projects.all()) == [item.source_lesson.project]
        assert item.context and item.capacity_areas.exists()


@pytest.mark.django_db
def test_items_linked_to_requests_and_projects(demo):
    published = _published()
    assert published.exclude(requests=None).distinct().count() >= 10
    assert published.exclude(projects=None).distinct().count() >= 10


@pytest.mark.django_db
def test_readers_rate_replicate_correct_and_discuss(demo):
    assert Rating.objects.count() >= 100
    assert Replication.objects.exclude(project=None).exists()
    corrected = ItemVersion.objects.get(number=2)
    assert corrected.note and corrected.item.version == 2
    item_type = ContentType.objects.get_for_model(Item)
    comments = Comment.objects.filter(content_type=item_type)
    assert set(comments.values_list("language", flat=True)) == {"en", "fr", "es"}
    assert comments.exclude(parent=None).exists()
    translated = ContentTranslation.objects.filter(content_type=item_type)
    assert set(translated.values_list("language", flat=True)) == {"en", "fr", "es"}


@pytest.mark.django_db
def test_logins_printed(demo):
    printed = {email: role for email, _password, role in demo.first.credentials}
    data = demo.first.data["knowledge"]
    for email in (data["curator"], data["reviewer"], data["author"]):
        assert email in printed
    assert Review.objects.filter(
        reviewer__email=data["reviewer"], status=ReviewStatus.ASSIGNED
    ).exists()
