"""Events in the admin: for platform administrators to look things up and fix data. Organisers
work on the pages, where every change is checked and audited. Registrations are read-only here:
their seats move only through the registration services, and their personal data is the
registrant's."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import (
    AgendaItem,
    Appearance,
    Event,
    EventDocument,
    EventInvitation,
    EventPartner,
    GuidingQuestion,
    Registration,
    Speaker,
)


class EventPartnerInline(admin.TabularInline):
    model = EventPartner
    extra = 0
    autocomplete_fields = ["organisation"]


class EventDocumentInline(admin.TabularInline):
    model = EventDocument
    extra = 0
    fields = ["kind", "title", "language", "file", "url"]


class AgendaItemInline(admin.TabularInline):
    """The agenda at a glance; an item is changed on its own page (questions, speakers)."""

    model = AgendaItem
    extra = 0
    fields = ["starts_at", "ends_at", "kind", "title", "capacity", "seats_taken"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "starts_on", "venue_city", "language", "capacity"]
    list_filter = ["status", "kind", "format", "language", "invitation_only", "is_demo"]
    search_fields = ["title", "theme", "slug", "venue_city"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["country", "created_by"]
    readonly_fields = ["seats_taken", "created", "updated"]
    inlines = [EventPartnerInline, EventDocumentInline, AgendaItemInline]


class GuidingQuestionInline(admin.TabularInline):
    model = GuidingQuestion
    extra = 0
    fields = ["position", "text"]


class AppearanceInline(admin.TabularInline):
    model = Appearance
    extra = 0
    fields = ["role", "position", "speaker"]
    autocomplete_fields = ["speaker"]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "starts_at", "ends_at", "capacity", "seats_taken"]
    list_filter = ["kind", "event__status"]
    list_select_related = ["event"]
    search_fields = ["title", "event__title"]
    raw_id_fields = ["event"]
    readonly_fields = ["seats_taken", "created", "updated"]
    inlines = [GuidingQuestionInline, AppearanceInline]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "affiliation", "language", "user"]
    list_filter = ["language", "is_demo"]
    search_fields = ["name", "affiliation", "position"]
    raw_id_fields = ["user"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["code", "event", "item", "registration_type", "status", "created", "checked_in"]
    list_filter = [
        "status",
        "registration_type",
        ("checked_in_at", admin.EmptyFieldListFilter),
        "event__status",
        "is_demo",
    ]
    list_select_related = ["event", "item"]
    search_fields = ["code", "email", "event__title"]
    date_hierarchy = "created"
    fields = [
        "event", "item", "registration_type", "status", "code", "name", "email", "user",
        "organisation", "answers", "registered_by", "created", "checked_in_at",
        "checked_in_by", "cancelled_at",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(boolean=True, description=_("checked in"))
    def checked_in(self, registration) -> bool:
        return registration.checked_in_at is not None


@admin.register(EventInvitation)
class EventInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "event", "invited_by", "created"]
    list_select_related = ["event", "invited_by"]
    list_filter = ["event__status"]
    search_fields = ["email", "event__title"]
    raw_id_fields = ["event", "invited_by"]


from . import (  # noqa: E402  (registered once the models above are)
    admin_outcomes,  # noqa: F401  (registers the closing reports and outcomes)
    admin_participation,  # noqa: F401  (registers the participation models)
    admin_spaces,  # noqa: F401  (registers the discussion spaces)
)
