"""The search index: one document per object and language (the object's text in that language,
its facets, its sentence embedding), kept by services.py from what modules register in
core.search. The keyword index lives beside these rows and depends on the database (backends/):
an FTS5 table on SQLite, a `tsv` column on PostgreSQL, both added by migration 0002.

A document whose text changes is replaced by a new row, so ids only grow: the in-process
semantic index (semantic.py) appends what is newer than what it holds."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64)
    language = models.CharField(_("language"), max_length=5)
    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    machine_translated = models.BooleanField(_("machine translation"), default=False)
    indexed_at = models.DateTimeField(_("indexed at"))
    # The long columns last: SQLite reads the short ones of a row without reading these.
    body = models.TextField(_("text"), blank=True)
    # 512 little-endian float32: the text's embedding (core.embeddings).
    vector = models.BinaryField(null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="search_document_one_per_language",
            )
        ]
        indexes = [
            models.Index(fields=["kind"], name="search_document_kind"),
            models.Index(fields=["content_type", "object_id"], name="search_document_object"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} [{self.language}] {self.title}"


class SearchFacet(models.Model):
    """One value of one facet of a document (core.search.FACETS)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("value"), max_length=64)

    class Meta:
        verbose_name = _("search facet")
        verbose_name_plural = _("search facets")
        # With the document: filtering by a facet reads the index alone.
        indexes = [models.Index(fields=["facet", "value", "document"], name="search_facet_value")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
