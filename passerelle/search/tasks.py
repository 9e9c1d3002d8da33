"""The search index's background work: indexing an object after a service wrote it, and the
catch-up sweep (periodic.py)."""

from django.contrib.contenttypes.models import ContentType

from passerelle.core.tasks import enqueue_on_commit, retrying_task

from . import services


@retrying_task()
def index_object_task(*, content_type_id: int, object_id: str) -> None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    services.index_many(model, [object_id])


@retrying_task(max_attempts=3)
def catch_up_task() -> None:
    services.catch_up()


def index_later(obj) -> None:
    """The indexer core.search.index_later hands objects to (set in apps.py)."""
    enqueue_on_commit(
        index_object_task,
        content_type_id=ContentType.objects.get_for_model(type(obj)).pk,
        object_id=str(obj.pk),
    )
