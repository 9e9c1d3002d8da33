"""The funding module in the admin. Exchange rates are maintained here, and only here: each
addition, change and deletion is audited as funding.rate.*. Funds (their steering committee)
are set up here too, audited as funding.fund.*. Everything else changes through the pages,
where each step is checked and audited: the admin shows it for support."""

from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin
from passerelle.core.audit import log_action

from .models import (
    Call,
    Contribution,
    Criterion,
    DonorProfile,
    ExchangeRate,
    Fund,
    ProjectRequirement,
    Proposal,
    Review,
    Score,
    Transaction,
)


def _rate_data(rate: ExchangeRate) -> dict:
    return {"currency": rate.currency, "date": rate.date, "usd_per_unit": rate.usd_per_unit}


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    """A contribution keeps the rate of its date: changing a rate later values new flows only."""

    list_display = ["currency", "date", "usd_per_unit"]
    list_editable = ["usd_per_unit"]
    list_filter = ["currency"]
    search_fields = ["currency"]
    date_hierarchy = "date"
    ordering = ["-date", "currency"]
    list_per_page = 100

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        verb = "changed" if change else "added"
        log_action(request.user, obj, f"funding.rate.{verb}", _rate_data(obj))

    def delete_model(self, request, obj):
        log_action(request.user, obj, "funding.rate.deleted", _rate_data(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for rate in queryset:
            log_action(request.user, rate, "funding.rate.deleted", _rate_data(rate))
        super().delete_queryset(request, queryset)


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "manager", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "slug", "manager__name"]
    list_select_related = ["manager"]
    autocomplete_fields = ["manager"]
    filter_horizontal = ["committee"]
    prepopulated_fields = {"slug": ["name"]}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        fund = form.instance
        log_action(
            request.user,
            fund,
            f"funding.fund.{'changed' if change else 'created'}",
            {"name": fund.name, "manager": fund.manager_id,
             "committee": sorted(fund.committee.values_list("pk", flat=True))},
        )  # fmt: skip


class CriterionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Criterion
    fields = ["position", "principle", "marker", "name", "weight", "mandatory"]
    readonly_fields = fields
    extra = 0


@admin.register(Call)
class CallAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "fund", "status", "deadline", "budget_ceiling", "is_demo"]
    list_filter = ["status", "fund", "requires_government", "is_demo"]
    search_fields = ["title", "description"]
    list_select_related = ["fund"]
    date_hierarchy = "deadline"
    inlines = [CriterionInline]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "call", "organisation", "status", "budget", "submitted_at",
                    "decided_at", "is_demo"]  # fmt: skip
    list_filter = ["status", "call__fund", "language", "is_demo"]
    search_fields = ["title", "summary", "organisation__name"]
    list_select_related = ["call", "organisation"]


class ScoreInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Score
    fields = ["criterion", "value", "comment"]
    readonly_fields = fields
    extra = 0


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["proposal", "reviewer", "status", "has_conflict", "submitted_at"]
    list_filter = ["status", "has_conflict"]
    search_fields = ["proposal__title", "reviewer__email", "reviewer__full_name"]
    list_select_related = ["proposal", "reviewer"]
    inlines = [ScoreInline]


class TransactionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Transaction
    fields = ["kind", "amount", "value_date", "usd_per_unit", "amount_usd", "description",
              "created_by", "created_at"]  # fmt: skip
    readonly_fields = fields
    extra = 0


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "source", "destination", "status", "amount_usd", "value_date",
                    "is_demo"]  # fmt: skip
    list_filter = ["status", "kind", "currency", "anonymous", "is_demo"]
    search_fields = ["source_organisation__name", "source_person__email", "source_fund__name",
                     "project__title", "request__title", "fund__name", "description"]  # fmt: skip
    list_select_related = ["source_organisation", "source_person", "source_fund", "request",
                           "project", "fund"]  # fmt: skip
    date_hierarchy = "value_date"
    inlines = [TransactionInline]


@admin.register(DonorProfile)
class DonorProfileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "donor_type", "ticket_min", "ticket_max", "is_demo"]
    list_filter = ["donor_type", "is_demo"]
    search_fields = ["organisation__name", "person__email", "person__full_name"]
    list_select_related = ["organisation", "person"]


@admin.register(ProjectRequirement)
class ProjectRequirementAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["project", "kind", "description", "quantity", "currency", "estimated_value"]
    list_filter = ["kind", "currency"]
    search_fields = ["project__title", "description"]
    list_select_related = ["project"]
