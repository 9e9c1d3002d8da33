"""The course catalogue in the admin: for platform administrators to look things up and fix
data. Completions are the people's own declarations: read-only here (and deletable)."""

from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin

from ..models import Course, CourseCompletion


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "format", "language", "hours"]
    list_filter = ["format", "language", "is_demo"]
    search_fields = ["title", "provider", "description"]
    raw_id_fields = ["provider_organisation", "created_by"]
    filter_horizontal = ["capacity_areas"]
    readonly_fields = ["created", "updated"]


@admin.register(CourseCompletion)
class CourseCompletionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["course", "person", "completed_on", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["course__title", "person__email"]

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
