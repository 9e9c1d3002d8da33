from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .permissions import RestrictedQuerySet


class TimeStampedModel(models.Model):
    """Base of every Passerelle model: creation and modification times, and the permission door
    on the default manager."""

    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True


class AuditEntryQuerySet(RestrictedQuerySet):
    def for_object(self, obj: models.Model) -> "AuditEntryQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )


class AuditEntry(models.Model):
    """One thing somebody did, written by `log_action` in the same transaction as the change.

    Append-only: the model refuses updates and deletes, and database triggers (migration 0002)
    refuse them too, so the trail survives code that bypasses the ORM.
    """

    created = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300)
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__regex=r"^[a-z_]+\.[a-z_]+\.[a-z_]+$"),
                name="core_auditentry_action_app_entity_verb",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are append-only.")


class TaskFailure(models.Model):
    """One failed run of a background task made with `core.tasks.retrying_task`: what ran, with
    which arguments, how it failed and when it runs again (empty: it gave up). Platform admins
    read these in the admin and delete them once handled."""

    created = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    task_path = models.CharField(_("task"), max_length=200, db_index=True)
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    exception_class = models.CharField(_("exception"), max_length=200)
    message = models.TextField(_("message"), blank=True)
    traceback = models.TextField(_("traceback"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("task failure")
        verbose_name_plural = _("task failures")
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.task_path} (attempt {self.attempt}): {self.exception_class}"


class TranslationProvenance(models.TextChoices):
    HUMAN = "human", _("Translated by a person")
    MACHINE = "machine", _("Machine translation")


class ContentTranslation(models.Model):
    """One field of a user-written object in another language (ADR 3): the original stays on the
    object with its `language`; each translation is a row, so that the search index stems it in
    its own language and readers are told who (or what) translated it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(_("field"), max_length=50)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    text = models.TextField(_("text"))
    provenance = models.CharField(
        _("provenance"),
        max_length=10,
        choices=TranslationProvenance.choices,
        default=TranslationProvenance.HUMAN,
    )
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="core_translation_once_per_field_and_language",
            ),
            models.CheckConstraint(
                condition=models.Q(provenance__in=TranslationProvenance.values),
                name="core_translation_provenance_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.field} [{self.language}]"
