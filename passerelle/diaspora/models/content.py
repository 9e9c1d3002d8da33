"""Stories, blog posts, videos, news and community events written by members and organisations;
discussed, reacted to and reported through the community module."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.community.models import ModeratedContent
from passerelle.core.models import TimeStampedModel

from ..choices import PublicationStatus, StoryKind


class Story(ModeratedContent, TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=10, choices=StoryKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"), max_length=20_000, help_text=_("Markdown."))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    # A video file's address or a page of an allow-listed host (settings.DIASPORA
    # ["VIDEO_HOSTS"]); rendered as a privacy-enhanced iframe or a <video>, never a script.
    video_url = models.URLField(_("video address"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="diaspora_stories"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT,
        related_name="diaspora_stories", verbose_name=_("on behalf of"),
    )  # fmt: skip
    countries = models.ManyToManyField(
        "geo.Country", blank=True, related_name="+", verbose_name=_("countries")
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    # News of a dialogue event (the iDiaspora launch at the IDM 2018's side event).
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("event"),
    )  # fmt: skip
    agenda_item = models.ForeignKey(
        "events.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("session"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )  # fmt: skip
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["-published_at", "-created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=StoryKind.values), name="diaspora_story_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PublicationStatus.values),
                name="diaspora_story_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(kind=StoryKind.VIDEO) | ~Q(video_url=""),
                name="diaspora_story_video_has_address",
            ),
            models.CheckConstraint(
                condition=~Q(kind=StoryKind.EVENT) | Q(starts_at__isnull=False),
                name="diaspora_story_event_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status=PublicationStatus.DRAFT) | Q(published_at__isnull=False),
                name="diaspora_story_published_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("diaspora:story_detail", kwargs={"pk": self.pk})
