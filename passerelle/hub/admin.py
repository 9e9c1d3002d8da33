from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import Requirement, SupportRequest


class RequirementInline(admin.TabularInline):
    model = Requirement
    fields = ["kind", "description", "quantity", "currency", "estimated_value"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(SupportRequest)
class SupportRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Requests change through their pages, where each step is checked and audited."""

    list_display = ["title", "organisation", "status", "language", "scope", "published_at"]
    list_filter = ["status", "language", "scope", "is_demo"]
    search_fields = ["title", "description", "organisation__name"]
    list_select_related = ["organisation"]
    inlines = [RequirementInline]
