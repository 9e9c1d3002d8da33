"""The connecting area in the admin. Groups and threads for platform administrators to fix data;
connections, blocks, conversations and messages read-only and minimal: ids and dates, never a
message's text in a list."""

from django.contrib import admin

from ..models import Block, Connection, Conversation, Group, GroupMembership, Message, Thread


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    raw_id_fields = ["user"]
    readonly_fields = ["joined"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "theme", "language", "is_demo"]
    list_filter = ["kind", "language", "is_demo"]
    list_select_related = ["country"]
    search_fields = ["name", "slug", "theme"]
    raw_id_fields = ["created_by", "country"]
    readonly_fields = ["created", "updated"]
    inlines = [GroupMembershipInline]


@admin.register(Thread)
class ThreadAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "moderation_status", "created", "is_demo"]
    list_filter = ["moderation_status", "is_demo"]
    list_select_related = ["group"]
    search_fields = ["title"]
    raw_id_fields = ["group", "author"]
    readonly_fields = ["created", "updated"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Private rows between people: looked up by id, never changed here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Connection)
class ConnectionAdmin(ReadOnlyAdmin):
    list_display = ["id", "requester_id", "addressee_id", "status", "created", "answered_at"]
    list_filter = ["status"]
    exclude = ["message"]


@admin.register(Block)
class BlockAdmin(ReadOnlyAdmin):
    list_display = ["id", "blocker_id", "blocked_id", "created"]


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdmin):
    list_display = ["id", "first_id", "second_id", "created", "last_message_at"]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["id", "conversation_id", "sender_id", "moderation_status", "created", "read_at"]
    list_filter = ["moderation_status"]
    exclude = ["body"]
