from django.contrib import admin

from .models import SearchDocument


@admin.register(SearchDocument)
class SearchDocumentAdmin(admin.ModelAdmin):
    """What the index holds, to look at: it is written by the indexer only
    (`manage.py search_reindex` rebuilds it)."""

    list_display = ["kind", "language", "title", "indexed_at"]
    list_filter = ["kind", "language", "machine_translated"]
    search_fields = ["title"]
    exclude = ["vector"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
