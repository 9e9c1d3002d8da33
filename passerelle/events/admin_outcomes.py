"""Closing reports and outcomes in the admin: for platform administrators to look things up and
fix data. Organisers work on the pages, where changes are checked and audited."""

from django.contrib import admin

from .models import ClosingReport, Outcome, SessionSummary


class SessionSummaryInline(admin.TabularInline):
    model = SessionSummary
    extra = 0
    raw_id_fields = ["item"]


@admin.register(ClosingReport)
class ClosingReportAdmin(admin.ModelAdmin):
    list_display = ["event", "published_at", "written_by", "updated"]
    list_select_related = ["event", "written_by"]
    search_fields = ["event__title", "event__slug"]
    raw_id_fields = ["event", "written_by"]
    readonly_fields = ["published_at", "created", "updated"]
    inlines = [SessionSummaryInline]


@admin.register(Outcome)
class OutcomeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "kind", "owner", "deadline", "status", "is_demo"]
    list_filter = ["kind", "status", "is_demo"]
    list_select_related = ["event", "owner"]
    search_fields = ["text", "event__title", "owner__name"]
    raw_id_fields = [
        "event",
        "item",
        "owner",
        "pledge",
        "support_request",
        "practice_call",
        "created_by",
    ]
    readonly_fields = ["created", "updated"]
