"""The knowledge base in the admin: for platform administrators to look things up and fix data.
Curation itself happens on the pages, where every step is audited."""

from django.contrib import admin

from .models import CriterionCheck, Item, ItemVersion, PracticeCall, Replication, Review


class ItemVersionInline(admin.TabularInline):
    model = ItemVersion
    extra = 0
    fields = ["number", "note", "created", "created_by"]
    readonly_fields = fields
    can_delete = False


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "organisation", "language", "published_at"]
    list_filter = ["kind", "status", "language", "is_demo"]
    search_fields = ["title", "summary", "organisation__name"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["call", "evaluation", "source_lesson", "created_by"]
    filter_horizontal = ["capacity_areas", "gcm_objectives", "guiding_principles"]
    readonly_fields = ["submission_key", "lock_version", "downloads", "version", "review_round"]
    exclude = ["projects", "requests", "assessments", "countries", "regions"]
    inlines = [ItemVersionInline]


class CriterionCheckInline(admin.TabularInline):
    model = CriterionCheck
    extra = 0
    fields = ["position", "text", "verdict", "comment"]
    readonly_fields = ["position", "text"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["item", "round", "reviewer", "status", "recommendation", "submitted_at"]
    list_filter = ["status", "recommendation"]
    raw_id_fields = ["item", "reviewer", "assigned_by"]
    inlines = [CriterionCheckInline]


@admin.register(PracticeCall)
class PracticeCallAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "status", "deadline"]
    list_filter = ["status", "is_demo"]
    search_fields = ["title", "theme"]
    filter_horizontal = ["capacity_areas", "gcm_objectives"]


@admin.register(Replication)
class ReplicationAdmin(admin.ModelAdmin):
    list_display = ["item", "organisation", "project", "created"]
    raw_id_fields = ["item", "organisation", "project", "reported_by"]
