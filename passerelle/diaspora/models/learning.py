"""A catalogue of courses and trainings, with who says they completed them; no LMS."""

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from ..choices import CourseFormat


def private_storage():
    """Course material is served through the course page (file type checked), not as media."""
    return storages["private"]


class Course(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    provider_organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="diaspora_courses", verbose_name=_("provider on Passerelle"),
    )  # fmt: skip
    description = models.TextField(_("description"), max_length=5000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=20, choices=CourseFormat.choices)
    hours = models.PositiveSmallIntegerField(
        _("duration in hours"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    url = models.URLField(_("address"), blank=True)
    material = models.FileField(
        _("material"), upload_to="diaspora/courses/%Y/", storage=private_storage, blank=True
    )
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="+", verbose_name=_("capacity areas")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(format__in=CourseFormat.values), name="diaspora_course_format_valid"
            ),
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(material=""), name="diaspora_course_has_access"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("diaspora:course_detail", kwargs={"pk": self.pk})


class CourseCompletion(models.Model):
    """Self-declared: the person says they completed the course; shown as such."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="completions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions"
    )
    completed_on = models.DateField(_("completed on"))
    is_public = models.BooleanField(_("show it on my public profile"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="diaspora_completion_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} completed {self.course_id}"
