import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel
from passerelle.core.permissions import RestrictedQuerySet

from .choices import (
    IATI_ORGANISATION_TYPE,
    STATE_TYPES,
    InvitationStatus,
    MembershipRole,
    OrganisationType,
    VerificationStatus,
)


def unique_handle(name: str) -> str:
    """A mention handle (@handle) or organisation slug free in both namespaces, so that a
    mention names exactly one person or organisation."""
    base = slugify(name)[:70] or "member"
    handle, suffix = base, 2
    while (
        User.objects.filter(handle=handle).exists()
        or Organisation.objects.filter(slug=handle).exists()
    ):
        handle, suffix = f"{base}-{suffix}", suffix + 1
    return handle


class UserManager(DjangoUserManager.from_queryset(RestrictedQuerySet)):
    """Users log in by e-mail; there is no username."""

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person. Platform-wide duties (the secretariat's) are flags; rights inside an
    organisation come from `Membership`."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    handle = models.SlugField(
        _("handle"),
        max_length=80,
        unique=True,
        help_text=_("Others mention you in discussions as @handle."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    is_broker = models.BooleanField(
        _("broker"), default=False, help_text=_("Secretariat: reviews requests, brokers matches.")
    )
    is_moderator = models.BooleanField(
        _("moderator"), default=False, help_text=_("Secretariat: moderates discussions.")
    )
    is_curator = models.BooleanField(
        _("curator"), default=False, help_text=_("Secretariat: curates the knowledge base.")
    )
    is_demo = models.BooleanField(_("demo account"), default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        if not self.handle:
            self.handle = unique_handle(self.full_name or self.email.split("@")[0])
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name or self.email

    @property
    def is_secretariat(self) -> bool:
        return self.is_active and (
            self.is_broker or self.is_moderator or self.is_curator or self.is_superuser
        )

    @cached_property
    def organisation_roles(self) -> dict[int, str]:
        """{organisation id: role} of the user's memberships; one query per request."""
        return dict(self.memberships.values_list("organisation_id", "role"))

    @property
    def organisation_ids(self) -> list[int]:
        return list(self.organisation_roles)

    def has_role(self, organisation_id: int, role: str) -> bool:
        """True if the user is a member of the organisation with at least `role`."""
        held = self.organisation_roles.get(organisation_id)
        return held is not None and MembershipRole.rank(held) >= MembershipRole.rank(role)


class Organisation(TimeStampedModel):
    """A government, agency, NGO, company, diaspora association... Everything users publish is
    owned by one. Government and local-authority organisations must be verified by the
    secretariat before they can publish on behalf of a State."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=40, choices=OrganisationType.choices)
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        help_text=_("Leave empty for international and regional organisations."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("A ministry under its government, a city office under its city."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the description"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    verification_status = models.CharField(
        _("verification"),
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.NOT_REQUIRED,
    )
    verification_evidence = models.TextField(
        _("evidence of mandate"),
        blank=True,
        help_text=_("How the focal points are mandated: decree, letter, official contact."),
    )
    verification_note = models.TextField(_("secretariat's note"), blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    type__in=STATE_TYPES,
                    verification_status__in=["unverified", "pending", "verified", "rejected"],
                )
                | (~Q(type__in=STATE_TYPES) & Q(verification_status="not_required")),
                name="accounts_organisation_only_state_types_are_verified",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="accounts_organisation_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:organisation_detail", kwargs={"slug": self.slug})

    @property
    def acts_for_state(self) -> bool:
        return self.type in STATE_TYPES

    @property
    def can_publish_for_state(self) -> bool:
        """Only a verified government or local authority speaks for a State."""
        return self.acts_for_state and self.verification_status == VerificationStatus.VERIFIED

    @property
    def iati_type(self) -> str:
        return IATI_ORGANISATION_TYPE[OrganisationType(self.type)]


class Membership(TimeStampedModel):
    """A user's role in an organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="accounts_membership_once_per_org"
            ),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values), name="accounts_membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(TimeStampedModel):
    """An organisation administrator's invitation of a person, by e-mail, to take a role."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"), default=_invitation_expiry)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=Q(status="pending"),
                name="accounts_invitation_one_pending_per_email",
            ),
            models.CheckConstraint(
                condition=Q(role__in=MembershipRole.values), name="accounts_invitation_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:invitation_accept", kwargs={"token": self.token})

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.status == InvitationStatus.PENDING and not self.is_expired
