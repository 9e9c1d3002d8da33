"""How members reach each other: connections asked and answered, blocks, direct messages between
connected members, and groups (by origin or by theme) with their discussion threads."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.community.models import ModeratedContent
from passerelle.core.models import TimeStampedModel

from ..choices import ConnectionStatus, GroupKind, GroupRole


class Connection(TimeStampedModel):
    """One per pair of people, whoever asked: `pair` is "<lower id>-<higher id>", unique."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    addressee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    pair = models.CharField(max_length=41, unique=True, editable=False)
    message = models.CharField(_("message"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ConnectionStatus.choices,
        default=ConnectionStatus.PENDING,
    )  # fmt: skip
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("connection")
        verbose_name_plural = _("connections")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("addressee")), name="diaspora_connection_not_self"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ConnectionStatus.values),
                name="diaspora_connection_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester_id} → {self.addressee_id} ({self.status})"

    @staticmethod
    def pair_of(first_id: int, second_id: int) -> str:
        low, high = sorted((first_id, second_id))
        return f"{low}-{high}"


class Block(models.Model):
    """`blocker` never hears from `blocked` again: no connection, no message, no contact."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks_made"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="diaspora_block_once"),
            models.CheckConstraint(
                condition=~Q(blocker=F("blocked")), name="diaspora_block_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class Conversation(TimeStampedModel):
    """Direct messages between two people; `first` has the lower id."""

    first = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="diaspora_conversation_once"),
            models.CheckConstraint(
                condition=Q(first__lt=F("second")), name="diaspora_conversation_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ↔ {self.second_id}"

    def get_absolute_url(self) -> str:
        return reverse("diaspora:conversation", kwargs={"pk": self.pk})

    def other(self, user):
        return self.second if user.pk == self.first_id else self.first


class Message(ModeratedContent, TimeStampedModel):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("message"), max_length=5000)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("direct message")
        verbose_name_plural = _("direct messages")
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return f"{self.conversation.get_absolute_url()}#message-{self.pk}"


class Group(TimeStampedModel):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=GroupKind.choices)
    country = models.ForeignKey(
        "geo.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("country of origin"),
    )  # fmt: skip
    theme = models.CharField(_("theme"), max_length=150, blank=True)
    description = models.TextField(_("description"), max_length=5000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=GroupKind.values), name="diaspora_group_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=GroupKind.ORIGIN) | Q(country__isnull=False),
                name="diaspora_group_origin_has_country",
            ),
            models.CheckConstraint(
                condition=~Q(kind=GroupKind.THEME) | ~Q(theme=""),
                name="diaspora_group_theme_named",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("diaspora:group_detail", kwargs={"slug": self.slug})


class GroupMembership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diaspora_groups"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER
    )
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="diaspora_group_member_once"),
            models.CheckConstraint(
                condition=Q(role__in=GroupRole.values), name="diaspora_group_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id}"


class Thread(ModeratedContent, TimeStampedModel):
    """A discussion in a group: its opening post here, the replies as community comments."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("opening post"), max_length=10_000)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("diaspora:thread_detail", kwargs={"slug": self.group.slug, "pk": self.pk})
