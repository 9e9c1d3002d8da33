"""The admin of the participation in a session. Votes are not listed: ballots are secret."""

from django.contrib import admin

from .models import Poll, SessionQuestion, Statement


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "item", "language", "created"]
    list_select_related = ["organisation", "item"]
    list_filter = ["language", "is_demo"]
    search_fields = ["title", "organisation__name", "item__title"]
    raw_id_fields = ["item", "organisation", "submitted_by"]


@admin.register(SessionQuestion)
class SessionQuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "item", "status", "created"]
    list_select_related = ["item"]
    list_filter = ["status"]
    search_fields = ["text", "item__title"]
    raw_id_fields = ["item", "asked_by"]


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "item", "status", "created"]
    list_select_related = ["item"]
    list_filter = ["status"]
    search_fields = ["question", "item__title"]
    raw_id_fields = ["item", "created_by"]
