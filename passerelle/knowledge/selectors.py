"""Reads of the knowledge base. Lists cost a fixed number of queries, whatever their length."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Count, F, Prefetch, Q

from passerelle.assessments.models import Assessment
from passerelle.core import content_translation
from passerelle.core.models import AuditEntry, ContentTranslation
from passerelle.core.permissions import NOTHING, get_visible_or_404
from passerelle.hub.models import SupportRequest
from passerelle.projects.models import Project
from passerelle.search.selectors import similar

from .choices import CallStatus, ItemKind, ItemStatus, ReviewStatus
from .models import TRANSLATABLE, CriterionCheck, Item, PracticeCall, Replication, Review
from .permissions import is_curator

LIST_RELATED = ("organisation", "call")
LIST_PREFETCH = ("capacity_areas", "countries", "regions")


def item_list(*, user):
    """Items `user` may see, with what a row of a list shows."""
    return (
        Item.objects.visible_to(user)
        .select_related(*LIST_RELATED)
        .prefetch_related(*LIST_PREFETCH)
        .annotate(rating=Avg("ratings__stars"), raters=Count("ratings", distinct=True))
    )


def published_items(*, user):
    return item_list(user=user).filter(status=ItemStatus.PUBLISHED)


def my_items(*, user):
    """Items of the user's organisations, whatever their status (their desk)."""
    return item_list(user=user).filter(organisation__in=user.organisation_ids)


def item_get(*, user, pk) -> Item:
    return get_visible_or_404(
        Item.objects.select_related(
            "organisation", "call", "evaluation__project", "source_lesson"
        ).prefetch_related(
            "capacity_areas", "gcm_objectives", "guiding_principles", "countries", "regions",
            Prefetch("projects", Project.objects.visible_to(user)),
            Prefetch("requests", SupportRequest.objects.visible_to(user)),
            Prefetch("assessments", Assessment.objects.visible_to(user)),
        ),
        user,
        pk=pk,
    )  # fmt: skip


def rendering(item: Item, language: str) -> content_translation.Rendering:
    """The item's texts in the reader's language when translated, else the original."""
    return content_translation.in_language(item, list(TRANSLATABLE), language)


def translations_in(items, language: str, fields=("title", "summary")) -> dict:
    """{item pk: {language: {field: translation}}} of many items in one language, in one query:
    what `content_translation.in_language(..., translations=)` reads for each row of a list."""
    pks = [str(item.pk) for item in items if item.language != language]
    found: dict = {int(item.pk): {} for item in items}
    if not pks:
        return found
    rows = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(Item),
        object_id__in=pks,
        language=language,
        field__in=fields,
    )
    for row in rows:
        found[int(row.object_id)].setdefault(language, {})[row.field] = row
    return found


def rating_of(item: Item, user) -> dict:
    ratings = item.ratings.aggregate(average=Avg("stars"), count=Count("pk"))
    mine = item.ratings.filter(user=user).first() if user.is_authenticated else None
    return {**ratings, "mine": mine.stars if mine else None}


def replications(item: Item, user):
    return (
        Replication.objects.visible_to(user)
        .filter(item=item)
        .select_related("organisation", "project", "country")
    )


def related_items(item: Item, *, user, limit: int = 5) -> list[Item]:
    """Published items nearest in meaning to `item`, in any language (its semantic neighbours
    in the search index), then those sharing the most GCM objectives and capacity areas."""
    neighbours = [
        other.pk for other in similar(item, user=user, kinds=list(ItemKind.values), limit=limit)
    ]
    published = published_items(user=user).exclude(pk=item.pk)
    by_pk = published.in_bulk(neighbours)
    related = [by_pk[pk] for pk in neighbours if pk in by_pk]
    sharing = sharing_tags(published.exclude(pk__in=neighbours), item).order_by(
        "-shared", "-published_at"
    )
    return related + list(sharing[: max(0, limit - len(related))])


def sharing_tags(items, tagged, also: Q = NOTHING):
    """`items` sharing a capacity area or a GCM objective with `tagged` (an item, a request…),
    or matching `also`, annotated with `shared`: how many of those tags they share."""
    areas = list(tagged.capacity_areas.values_list("pk", flat=True))
    objectives = list(tagged.gcm_objectives.values_list("pk", flat=True))
    shared = Count("capacity_areas", filter=Q(capacity_areas__in=areas), distinct=True)
    shared += Count("gcm_objectives", filter=Q(gcm_objectives__in=objectives), distinct=True)
    return items.filter(
        also | Q(capacity_areas__in=areas) | Q(gcm_objectives__in=objectives)
    ).annotate(shared=shared)


def reviews_of(item: Item, *, user) -> list[Review]:
    """The reviews of `item` `user` may read, latest round first, with their checks."""
    return list(
        Review.objects.visible_to(user)
        .filter(item=item)
        .select_related("reviewer")
        .prefetch_related(Prefetch("checks", CriterionCheck.objects.order_by("position")))
        .order_by("-round", "created")
    )


def review_get(*, user, pk) -> Review:
    return get_visible_or_404(
        Review.objects.select_related("item__organisation", "item__call", "reviewer"),
        user,
        pk=pk,
    )


def my_reviews(*, user):
    return (
        Review.objects.filter(reviewer=user)
        .select_related("item__organisation")
        .order_by("status", "-created")
    )


def curation_queue(*, user):
    """What waits for curators: submitted items to assign, items in review with the number of
    reviews in and out, items back from their authors."""
    if not is_curator(user):
        return Item.objects.none()
    current = Q(reviews__round=F("review_round"))
    return (
        Item.objects.visible_to(user)
        .filter(status__in=(ItemStatus.SUBMITTED, ItemStatus.IN_REVIEW))
        .select_related("organisation", "call")
        .annotate(
            reviews_assigned=Count("reviews", filter=current, distinct=True),
            reviews_done=Count(
                "reviews", filter=current & Q(reviews__status=ReviewStatus.SUBMITTED),
                distinct=True,
            ),
        )
        .order_by("submitted_at")
    )  # fmt: skip


def call_list(*, user):
    return (
        PracticeCall.objects.visible_to(user)
        .annotate(
            submissions=Count("items", filter=~Q(items__status=ItemStatus.DRAFT), distinct=True),
            published=Count("items", filter=Q(items__status=ItemStatus.PUBLISHED), distinct=True),
        )
        .prefetch_related("capacity_areas")
        .order_by("status", "deadline")
    )


def open_calls(*, user):
    return call_list(user=user).filter(status=CallStatus.OPEN)


def call_get(*, user, pk) -> PracticeCall:
    return get_visible_or_404(
        PracticeCall.objects.prefetch_related("capacity_areas", "gcm_objectives"), user, pk=pk
    )


def history(item: Item) -> list[AuditEntry]:
    """The item's way so far, oldest first."""
    entries = AuditEntry.objects.for_object(item).filter(action__startswith="knowledge.item.")
    return list(entries.select_related("actor").order_by("created", "pk"))
