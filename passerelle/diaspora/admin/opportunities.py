"""Engagement opportunities and responses in the admin: for platform administrators to look
things up and fix data. Posters and applicants work on the pages, where changes are audited."""

from django.contrib import admin

from ..models import Opportunity, OpportunityResponse


class ResponseInline(admin.TabularInline):
    model = OpportunityResponse
    extra = 0
    fields = ["person", "kind", "status", "answered_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organisation", "status", "deadline", "places", "is_demo"]
    list_filter = ["kind", "status", "is_remote", "language", "is_demo"]
    list_select_related = ["organisation"]
    search_fields = ["title", "description", "organisation__name"]
    date_hierarchy = "deadline"
    raw_id_fields = [
        "organisation", "countries", "origin_countries", "capacity_areas", "support_request",
        "project", "created_by",
    ]  # fmt: skip
    readonly_fields = ["submission_key", "published_at", "created", "updated"]
    inlines = [ResponseInline]


@admin.register(OpportunityResponse)
class OpportunityResponseAdmin(admin.ModelAdmin):
    list_display = ["opportunity", "person", "kind", "status", "created", "answered_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["opportunity", "person"]
    search_fields = ["opportunity__title", "person__email"]
    raw_id_fields = ["opportunity", "person", "answered_by"]
    readonly_fields = ["created", "updated", "answered_at"]
