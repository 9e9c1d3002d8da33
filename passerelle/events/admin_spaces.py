"""Discussion spaces in the admin: for platform administrators to look things up and fix data.
Hosts and moderators work on the pages, where changes are checked and audited."""

from django.contrib import admin

from .models import DiscussionSpace


@admin.register(DiscussionSpace)
class DiscussionSpaceAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "language", "opens_at", "closes_at", "is_demo"]
    list_filter = ["language", "is_demo"]
    list_select_related = ["organisation"]
    search_fields = ["title", "theme", "slug", "organisation__name"]
    date_hierarchy = "opens_at"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["event", "organisation", "moderators"]
    readonly_fields = ["summary_published_at", "created", "updated"]
