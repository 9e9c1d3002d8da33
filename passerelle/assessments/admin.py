from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import (
    Assessment,
    Assignment,
    Benchmark,
    EvidenceFile,
    Framework,
    FrameworkVersion,
    Indicator,
    Signature,
)


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


class AssignmentInline(admin.TabularInline):
    model = Assignment
    fields = ["domain", "user", "assigned_by", "created"]
    readonly_fields = fields
    extra = 0
    can_delete = False


class SignatureInline(admin.TabularInline):
    model = Signature
    fields = ["user", "created"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Assessments belong to their organisations and change only through their pages, where
    every step is audited; the admin shows them for support."""

    list_display = ["title", "organisation", "version", "status", "disclosure", "published_at"]
    list_filter = ["status", "disclosure", "scope", "version__framework", "is_demo"]
    search_fields = ["title", "organisation__name"]
    list_select_related = ["organisation", "version__framework"]
    inlines = [AssignmentInline, SignatureInline]


@admin.register(Benchmark)
class BenchmarkAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["indicator", "organisation", "target_level", "target_date", "start_level"]
    list_filter = ["is_demo"]
    search_fields = ["organisation__name", "indicator__code"]
    list_select_related = ["organisation", "indicator"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "content_type", "size", "answer", "created"]
    list_select_related = ["answer__indicator", "answer__author"]
