"""The one way writes take hold of a project: its row locked for the transaction (so that
changes to it, its framework and its values are decided on its current state), with the
participants the permission checks read."""

from ..models import Project


def lock_project(project_id: int) -> Project:
    return (
        Project.objects.select_for_update(of=("self",))
        .prefetch_related("participants")
        .get(pk=project_id)
    )
