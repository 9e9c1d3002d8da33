from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import Pledge, ProgressUpdate


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    fields = ["as_of", "completion", "value_reached", "note", "author"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Pledge)
class PledgeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Pledges change through their pages, where each step is checked and audited."""

    list_display = [
        "title", "organisation", "form", "type", "status", "completion", "next_report_due",
        "published_at",
    ]  # fmt: skip
    list_filter = ["status", "form", "type", "completion", "language", "is_demo"]
    search_fields = ["title", "description", "organisation__name"]
    list_select_related = ["organisation"]
    inlines = [ProgressUpdateInline]
