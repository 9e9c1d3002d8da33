"""The roster in the admin: for platform administrators to look things up and fix data. Experts
and organisations work on the pages, where changes are checked, audited and kept in step with
the hub offer; hence contacts are read-only here but for their status."""

from django.contrib import admin

from ..models import ExpertContact, RosterEntry


@admin.register(RosterEntry)
class RosterEntryAdmin(admin.ModelAdmin):
    list_display = ["headline", "expert", "status", "availability", "available_from", "is_demo"]
    list_filter = ["status", "availability", "is_demo", "capacity_areas"]
    list_select_related = ["expert"]
    search_fields = ["headline", "expertise", "expert__email", "expert__full_name"]
    raw_id_fields = ["expert", "offer"]
    filter_horizontal = ["capacity_areas", "work_countries"]
    readonly_fields = ["consent_listed", "created", "updated"]


@admin.register(ExpertContact)
class ExpertContactAdmin(admin.ModelAdmin):
    list_display = ["roster_entry", "organisation", "status", "created", "completed_at", "is_demo"]
    list_filter = ["status", "is_demo"]
    list_select_related = ["roster_entry", "organisation"]
    search_fields = ["roster_entry__headline", "organisation__name", "message", "outcome"]
    raw_id_fields = ["roster_entry", "support_request", "organisation", "sent_by"]
    readonly_fields = ["message", "reply", "answered_at", "completed_at", "created", "updated"]
