from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import Framework, FrameworkVersion, Indicator


@admin.register(Framework)
class FrameworkAdmin(TranslationAdmin):
    list_display = ["code", "name", "scope"]
    list_filter = ["scope"]
    search_fields = ["code", "name"]


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Versions are loaded from data (and, later, edited through the secretariat's pages): a
    published version never changes, so the admin only shows them."""

    list_display = ["framework", "version", "status", "scale", "published_at"]
    list_filter = ["status", "scale", "framework"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["code", "version", "applies_to"]
    list_filter = ["version", "applies_to"]
    search_fields = ["code", "question"]
    list_select_related = ["version__framework"]
