from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Invitation, Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_broker", "is_moderator", "is_curator", "is_demo"]
    list_filter = ["is_broker", "is_moderator", "is_curator", "is_superuser", "is_demo"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["full_name", "preferred_language", "is_demo"]}),
        (_("Secretariat"), {"fields": ["is_broker", "is_moderator", "is_curator"]}),
        (
            _("Platform"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "type", "country", "verification_status", "is_demo"]
    list_filter = ["type", "verification_status", "is_demo"]
    search_fields = ["name", "acronym", "slug"]
    autocomplete_fields = ["country", "parent"]
    readonly_fields = ["verified_at", "verified_by"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "status", "expires_at"]
    list_filter = ["status", "role"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = ["token"]
