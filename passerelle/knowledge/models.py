"""The knowledge base (GCM para 43(c)): practices written against the Migration Network Hub's
template, lessons learned from projects and their evaluations, and resources (publications,
guides, tools, training material, data sets). Organisations submit them, alone or answering a
call for practices; curators of the secretariat have them peer-reviewed against the eligibility
criteria and publish or decline them. Published items keep their earlier versions."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel

from .choices import (
    CallStatus,
    Criterion,
    ItemKind,
    ItemStatus,
    Recommendation,
    ResourceType,
    ReviewStatus,
    Scope,
    Verdict,
)


def _private_storage():
    return storages["private"]


# The written sections of each kind of item, in the order the template asks for them. Every
# section is Markdown; `title` and `summary` come first for all kinds.
SECTIONS = {
    ItemKind.PRACTICE: (
        "context",
        "objectives",
        "activities",
        "partners_text",
        "results",
        "evidence",
        "innovation",
        "replicability",
        "lessons",
        "contacts",
    ),
    ItemKind.LESSON: ("context", "lessons"),
    ItemKind.RESOURCE: ("description",),
}
# What must be written before an item goes to the curators.
REQUIRED_SECTIONS = {
    ItemKind.PRACTICE: ("context", "activities", "results"),
    ItemKind.LESSON: ("lessons",),
    ItemKind.RESOURCE: ("description",),
}
TRANSLATABLE = ("title", "summary", *dict.fromkeys(s for ss in SECTIONS.values() for s in ss))


class PracticeCall(TimeStampedModel):
    """A thematic call for practices: what it looks for, who may answer, by when, and the
    criteria the reviewers check (the default criteria and the call's own)."""

    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    eligibility = models.TextField(_("who may answer"), max_length=5000)
    own_criteria = models.JSONField(
        _("the call's own criteria"),
        default=list,
        blank=True,
        help_text=_("Checked by the reviewers after the default criteria."),
    )
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", blank=True, related_name="+", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", blank=True, related_name="+", verbose_name=_("GCM objectives")
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"))
    contact = models.CharField(_("contact"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("call for practices")
        verbose_name_plural = _("calls for practices")
        ordering = ["-deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=CallStatus.values), name="knowledge_call_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:call_detail", kwargs={"pk": self.pk})

    def criteria(self) -> list[tuple[str, str]]:
        """(code, text) of every criterion, the default ones first; own ones have no code."""
        return [(code, label) for code, label in Criterion.choices] + [
            ("", text) for text in self.own_criteria
        ]


class Item(TimeStampedModel):
    """A practice, a lesson learned or a resource. The original text is on the row in its
    `language`; translations are `core.ContentTranslation` rows (ADR 3)."""

    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        related_name="knowledge_items",
    )
    call = models.ForeignKey(
        PracticeCall,
        verbose_name=_("in answer to the call"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
    )
    language = models.CharField(_("original language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000)
    # The template's sections (SECTIONS says which a kind uses), Markdown.
    context = models.TextField(_("context"), max_length=10_000, blank=True)
    objectives = models.TextField(_("objectives"), max_length=10_000, blank=True)
    activities = models.TextField(_("what was done"), max_length=10_000, blank=True)
    partners_text = models.TextField(_("partners"), max_length=5000, blank=True)
    results = models.TextField(_("results"), max_length=10_000, blank=True)
    evidence = models.TextField(_("evidence of results"), max_length=10_000, blank=True)
    innovation = models.TextField(_("what is innovative"), max_length=5000, blank=True)
    replicability = models.TextField(_("how it can be replicated"), max_length=5000, blank=True)
    lessons = models.TextField(_("lessons learned"), max_length=10_000, blank=True)
    contacts = models.TextField(_("contacts"), max_length=2000, blank=True)
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    # Resources
    resource_type = models.CharField(
        _("type of resource"), max_length=20, choices=ResourceType.choices, blank=True
    )
    issued_on = models.DateField(_("date of the resource"), null=True, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(
        _("file"), upload_to="knowledge/%Y/%m/", storage=_private_storage, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    file_type = models.CharField(_("file type"), max_length=100, blank=True)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)
    # Tags
    audiences = models.JSONField(_("target audience"), default=list, blank=True)
    actor_types = models.JSONField(_("types of actor involved"), default=list, blank=True)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    capacity_areas = models.ManyToManyField(
        "taxonomy.CapacityArea", related_name="+", verbose_name=_("capacity areas")
    )
    gcm_objectives = models.ManyToManyField(
        "taxonomy.GCMObjective", blank=True, related_name="+", verbose_name=_("GCM objectives")
    )
    guiding_principles = models.ManyToManyField(
        "taxonomy.GuidingPrinciple",
        blank=True,
        related_name="+",
        verbose_name=_("guiding principles"),
    )
    countries = models.ManyToManyField(
        "geo.Country", blank=True, related_name="+", verbose_name=_("countries")
    )
    regions = models.ManyToManyField(
        "geo.Region", blank=True, related_name="+", verbose_name=_("regions")
    )
    # Links to the rest of the platform
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="knowledge_items", verbose_name=_("projects")
    )
    requests = models.ManyToManyField(
        "hub.SupportRequest",
        blank=True,
        related_name="knowledge_items",
        verbose_name=_("requests for support"),
    )
    assessments = models.ManyToManyField(
        "assessments.Assessment",
        blank=True,
        related_name="knowledge_items",
        verbose_name=_("assessments"),
    )
    evaluation = models.ForeignKey(
        "projects.Evaluation",
        verbose_name=_("from the evaluation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
    )
    source_lesson = models.OneToOneField(
        "projects.Lesson",
        verbose_name=_("imported from the project's lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_item",
    )
    # The way through curation
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    review_round = models.PositiveSmallIntegerField(_("review round"), default=0)
    decision_reason = models.TextField(_("reason given"), max_length=2000, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    # Autosave: a save names the lock_version it started from; a stale one is refused.
    lock_version = models.PositiveIntegerField(default=0)
    # A form posted twice carries the same key: the second post finds the first item.
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        ordering = ["-published_at", "-created"]
        indexes = [models.Index(fields=["status", "kind", "-published_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "submission_key"], name="knowledge_item_submitted_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ItemKind.values), name="knowledge_item_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ItemStatus.values), name="knowledge_item_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=Scope.values), name="knowledge_item_scope_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=ItemStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="knowledge_item_published_has_date",
            ),
            # A resource is something to read: past the draft it has a link or a file.
            models.CheckConstraint(
                condition=~Q(kind=ItemKind.RESOURCE)
                | Q(status=ItemStatus.DRAFT)
                | ~Q(link="")
                | ~Q(file=""),
                name="knowledge_resource_has_link_or_file",
            ),
            models.CheckConstraint(
                condition=Q(kind=ItemKind.RESOURCE) | Q(resource_type=""),
                name="knowledge_only_resources_have_a_type",
            ),
            models.CheckConstraint(
                condition=Q(call__isnull=True) | Q(kind=ItemKind.PRACTICE),
                name="knowledge_calls_collect_practices",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:item_detail", kwargs={"pk": self.pk})

    @property
    def sections(self) -> tuple[str, ...]:
        return SECTIONS[self.kind]

    @property
    def is_published(self) -> bool:
        return self.status == ItemStatus.PUBLISHED


class ItemVersion(models.Model):
    """What a published item said before a correction: a snapshot of its text and tags, numbered
    from 1 (the first publication)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("content"))
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    created = models.DateTimeField(_("when"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="knowledge_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.item} v{self.number}"


class Review(TimeStampedModel):
    """A peer reviewer's reading of an item in one review round: each eligibility criterion
    checked, a comment for the authors and a recommendation to the curators."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="reviews")
    round = models.PositiveSmallIntegerField(_("round"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="knowledge_reviews",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.ASSIGNED
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    comment = models.TextField(_("comment for the authors"), max_length=10_000, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        ordering = ["item", "-round", "created"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "round", "reviewer"], name="knowledge_review_once_per_round"
            ),
            models.CheckConstraint(
                condition=Q(status=ReviewStatus.ASSIGNED)
                | (~Q(recommendation="") & Q(submitted_at__isnull=False)),
                name="knowledge_submitted_review_recommends",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} — {self.reviewer}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:review", kwargs={"pk": self.pk})


class CriterionCheck(models.Model):
    """One eligibility criterion as a reviewer judged it. The criterion's text is copied when the
    review is assigned, so that later changes to a call do not rewrite a review."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="checks")
    position = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=30, choices=Criterion.choices, blank=True)
    text = models.CharField(_("criterion"), max_length=300)
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices, blank=True)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("criterion checked")
        verbose_name_plural = _("criteria checked")
        ordering = ["review", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "position"], name="knowledge_check_once_per_criterion"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def label(self) -> str:
        """The default criteria in the reader's language; the call's own as written."""
        return Criterion(self.code).label if self.code else self.text


class Rating(models.Model):
    """How useful a reader found a published item, from 1 to 5; one per reader, changeable."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stars = models.PositiveSmallIntegerField(
        _("usefulness"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="knowledge_rating_once"),
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5), name="knowledge_rating_one_to_five"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.stars}"


class Replication(TimeStampedModel):
    """ "I replicated this": an organisation reports it applied a published item, naming the
    project where it did when it has one on the platform."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="replications")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("in the project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replications",
    )
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.TextField(_("what was done"), max_length=5000)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.item}"
