"""The members area in the admin: for platform administrators to look things up and fix data.
Organisations and people change their profiles on the pages, where every change is checked and
audited."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import MemberProfile, OrganisationProfile, OrganisationSector
from ..models.members import VISIBILITY_FIELDS


class OrganisationSectorInline(admin.TabularInline):
    model = OrganisationSector
    extra = 0


@admin.register(OrganisationProfile)
class OrganisationProfileAdmin(admin.ModelAdmin):
    list_display = ["organisation", "size", "founded", "is_demo"]
    list_filter = ["size", "sectors__sector", "is_demo"]
    search_fields = ["organisation__name", "organisation__slug", "cities"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["origin_countries", "residence_countries"]
    readonly_fields = ["created", "updated"]
    inlines = [OrganisationSectorInline]
    list_select_related = ["organisation"]


@admin.register(MemberProfile)
class MemberProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "name_visibility", "residence_country", "is_demo"]
    list_filter = ["name_visibility", "is_demo"]
    search_fields = ["display_name", "user__email"]
    raw_id_fields = ["user", "origin_country", "residence_country"]
    filter_horizontal = ["organisations"]
    readonly_fields = ["created", "updated"]
    list_select_related = ["user", "residence_country"]
    fieldsets = [
        (None, {"fields": ["user", "display_name", "headline", "bio", "expertise", "languages"]}),
        (None, {"fields": ["origin_country", "residence_country", "city", "links"]}),
        (None, {"fields": ["organisations", "is_demo", "created", "updated"]}),
        (_("Who sees what"), {"fields": [f"{group}_visibility" for group in VISIBILITY_FIELDS]}),
    ]
