from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import (
    Document,
    Indicator,
    Participant,
    PeriodValue,
    ProgressRules,
    Project,
    ProjectCountry,
    ProjectRegion,
    ReportingPeriod,
    Result,
)


def _read_only_inline(model_, field_names):
    class Inline(admin.TabularInline):
        model = model_
        fields = field_names
        readonly_fields = field_names
        extra = 0
        can_delete = False

    return Inline


@admin.register(Project)
class ProjectAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Projects change through their pages, where each step is checked and audited."""

    list_display = ["title", "organisation", "status", "scope", "visibility", "planned_start",
                    "planned_end", "is_demo"]  # fmt: skip
    list_filter = ["status", "scope", "visibility", "reporting_frequency", "language", "is_demo"]
    search_fields = ["title", "description", "organisation__name"]
    list_select_related = ["organisation"]
    inlines = [
        _read_only_inline(Participant, ["organisation", "role"]),
        _read_only_inline(ProjectCountry, ["country", "percentage"]),
        _read_only_inline(ProjectRegion, ["region", "percentage"]),
        _read_only_inline(Document, ["title", "category", "language", "document_date", "url"]),
        _read_only_inline(ReportingPeriod, ["start", "end", "reminded_at"]),
        _read_only_inline(Result, ["type", "title", "parent", "weight"]),
    ]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "result", "measure", "unit", "reporter"]
    list_filter = ["measure"]
    search_fields = ["title", "result__title", "result__project__title"]
    list_select_related = ["result", "reporter"]


@admin.register(PeriodValue)
class PeriodValueAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["indicator", "period", "target", "actual", "status", "entered_by",
                    "reviewed_by"]  # fmt: skip
    list_filter = ["status"]
    search_fields = ["indicator__title", "indicator__result__project__title"]
    list_select_related = ["indicator", "period", "entered_by", "reviewed_by"]


@admin.register(ProgressRules)
class ProgressRulesAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Set on the progress rules page, where the change is audited."""

    list_display = ["on_track_from", "at_risk_from", "updated", "updated_by"]
