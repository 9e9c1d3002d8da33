from django.contrib import admin

from passerelle.core.admin import ReadOnlyAdminMixin

from .models import (
    Appeal,
    Comment,
    CommentRevision,
    Follow,
    ModerationCase,
    Notification,
    NotificationPreference,
    Reaction,
    Report,
    Sanction,
)

# Comments, reactions, follows
# Comments are changed through the pages (services keep revisions and the audit trail); the admin
# shows them for support and lets a platform admin find one quickly.


class CommentRevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = CommentRevision
    extra = 0


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "author", "content_type", "object_id", "language", "created"]
    list_filter = ["moderation_status", "language", "content_type"]
    search_fields = ["body", "author__email", "author__handle"]
    list_select_related = ["author", "content_type"]
    exclude = ["mentioned_organisations"]
    inlines = [CommentRevisionInline]


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "content_type", "object_id", "created"]
    list_filter = ["content_type"]
    list_select_related = ["user", "content_type"]
    search_fields = ["user__email"]


@admin.register(Reaction)
class ReactionAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "content_type", "object_id", "created"]
    list_filter = ["kind", "content_type"]
    list_select_related = ["user", "content_type"]


# Notifications
# Notifications are made by the dispatcher from the audit trail: the admin shows them, read-only,
# for support (why did this person get, or not get, an e-mail?). Preferences may be corrected.


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "recipient", "kind", "created", "read_at", "email_status", "emailed_at"]
    list_filter = ["kind", "email_status"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email"]
    raw_id_fields = ["recipient", "actor", "audit_entry"]
    date_hierarchy = "created"
    show_full_result_count = False  # the table grows with every event; skip a full COUNT


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["kind", "email"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


# Moderation
# Cases, sanctions and appeals change only through the moderation pages, whose services keep the
# audit trail and tell the people concerned; the admin shows them, read-only, for support.


class ReportInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Report
    extra = 0
    fields = ["created", "reporter", "reason", "details"]
    readonly_fields = fields


@admin.register(ModerationCase)
class ModerationCaseAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "content_type", "object_id", "author", "status", "report_count"]
    list_display += ["created", "decided_at"]
    list_filter = ["status", "content_type"]
    list_select_related = ["author", "content_type"]
    search_fields = ["author__email", "decision_reason", "object_id"]
    inlines = [ReportInline]


@admin.register(Sanction)
class SanctionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "kind", "until", "lifted_at", "created_by", "created"]
    list_filter = ["kind"]
    list_select_related = ["user", "created_by"]
    search_fields = ["user__email", "reason"]


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["case", "appellant", "status", "created", "decided_by", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["case__content_type", "appellant", "decided_by"]
    search_fields = ["appellant__email", "text"]
