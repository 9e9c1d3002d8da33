from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from passerelle.core.admin import ReadOnlyAdminMixin

from .matching.explain import explanation_rows
from .models import (
    Match,
    MatchingSettings,
    Offer,
    OfferSupportType,
    Requirement,
    SupportRequest,
)


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


class OfferSupportTypeInline(admin.TabularInline):
    model = OfferSupportType
    fields = ["support_type"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Offer)
class OfferAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Offers change through their pages, which audit each change and send it to the matcher."""

    list_display = ["title", "organisation", "expert", "status", "cost_basis", "language",
                    "published_at"]  # fmt: skip
    list_filter = ["status", "cost_basis", "language", "modality", "is_global", "is_demo"]
    search_fields = ["title", "description", "organisation__name", "expert__handle"]
    list_select_related = ["organisation", "expert"]
    inlines = [OfferSupportTypeInline]


@admin.register(Match)
class MatchAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Matches are proposed by the matcher and brokered on their pages, step by step."""

    list_display = ["__str__", "score", "status", "requester_decision", "provider_decision",
                    "computed_at"]  # fmt: skip
    list_filter = ["status", "requester_decision", "provider_decision", "in_request_top",
                   "in_offer_top"]  # fmt: skip
    search_fields = ["request__title", "offer__title"]
    list_select_related = ["request", "offer"]
    fields = [
        "request", "offer", "score", "explanation_table", "computed_at", "in_request_top",
        "in_offer_top", "status", "introduced_at", "introduced_by", "introduction_note",
        "requester_decision", "requester_reason", "provider_decision", "provider_reason",
        "decided_at", "partnership_at",
    ]  # fmt: skip
    readonly_fields = ["explanation_table"]

    @admin.display(description=_("explanation"))
    def explanation_table(self, match):
        rows = explanation_rows(match)
        if not rows:
            return "-"
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("criterion"),
            _("weight (%)"),
            _("met (%)"),
            _("points"),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                ((r["label"], r["weight"], r["value"], r["points"]) for r in rows),
            ),
        )


@admin.register(MatchingSettings)
class MatchingSettingsAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the weights change on the secretariat's weights page, which checks them, bumps
    the version and ranks every match again."""

    list_display = ["__str__", "version", "updated", "updated_by"]
    fields = ["weights", "version", "updated", "updated_by", "weights_page"]
    readonly_fields = ["updated", "weights_page"]

    @admin.display(description=_("change the weights"))
    def weights_page(self, settings_row):
        return format_html('<a href="{}">{}</a>', reverse("hub:weights"), _("Weights page"))
