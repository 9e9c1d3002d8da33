"""The country pages in the admin: for platform administrators to look things up and fix data.
Contributions are read-only here: they are reviewed on the pages, where accepting one writes its
entry and both are audited."""

from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin

from ..models import ContributionCall, FactsheetContribution, FactsheetEntry


@admin.register(FactsheetEntry)
class FactsheetEntryAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "kind", "institution_type", "year", "reviewed_year"]
    list_filter = ["kind", "institution_type", "language", "reviewed_year", "is_demo"]
    search_fields = ["name", "description", "country__name", "country__iso3"]
    raw_id_fields = ["country"]
    readonly_fields = ["created", "updated"]


@admin.register(ContributionCall)
class ContributionCallAdmin(admin.ModelAdmin):
    list_display = ["year", "opens_on", "closes_on", "status"]
    list_filter = ["status", "is_demo"]
    readonly_fields = ["created", "updated"]


@admin.register(FactsheetContribution)
class FactsheetContributionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "country", "kind", "call", "status", "created"]
    list_filter = ["status", "kind", "call", "is_demo"]
    search_fields = ["name", "source", "country__name"]
    raw_id_fields = ["country", "entry", "contributor", "reviewed_by"]
