from django.contrib import admin

from .models import AuditEntry, TaskFailure


class ReadOnlyAdminMixin:
    """For rows that change only through services (which check, audit and notify) or never: the
    admin shows them for support. Subclasses may re-allow deletion."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the trail is append-only."""

    list_display = ["created", "action", "object_repr", "actor"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "action", "actor__email"]
    date_hierarchy = "created"


@admin.register(TaskFailure)
class TaskFailureAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Failures recorded by `core.tasks.retrying_task`: read-only, deleted once handled. (Every
    run queued in the database backend is under "Tasks Database Backend", django_tasks_db's own
    read-only admin; with the redis backend, under the admin's "Django-RQ" queue dashboard.)"""

    list_display = ["created", "task_path", "attempt", "exception_class", "next_attempt_at"]
    list_filter = ["task_path", "exception_class", ("next_attempt_at", admin.EmptyFieldListFilter)]
    search_fields = ["task_path", "exception_class", "message"]
    date_hierarchy = "created"

    def has_delete_permission(self, request, obj=None):
        return True
