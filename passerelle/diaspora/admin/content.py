"""Stories in the admin: for platform administrators to look things up and fix data. Authors
write on the pages, where changes are checked and audited; moderation goes through the
community's moderation queue."""

from django.contrib import admin

from ..models import Story


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = [
        "title", "kind", "language", "author", "organisation", "status", "moderation_status",
        "published_at", "is_demo",
    ]  # fmt: skip
    list_filter = ["kind", "status", "moderation_status", "language", "is_demo"]
    list_select_related = ["author", "organisation"]
    search_fields = ["title", "summary", "author__email", "organisation__name"]
    date_hierarchy = "created"
    raw_id_fields = ["author", "organisation", "countries", "event", "agenda_item"]
    readonly_fields = ["moderation_status", "created", "updated"]
