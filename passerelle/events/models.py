"""Events: the International Dialogue on Migration and the other meetings where migration
governance is discussed, with their agenda (agenda items with times, guiding questions,
moderators and speakers), their documents and partners, and registration with seats that
never overbook (a conditional update, backed by a check constraint) and a waiting list.

Texts are written in the event's `language`; translations are `core.ContentTranslation` rows
(ADR 3) of the fields in TRANSLATABLE."""

import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from passerelle.core.models import TimeStampedModel
from passerelle.core.permissions import RestrictedQuerySet

from .choices import (
    ACTIVE,
    AgendaItemKind,
    DocumentKind,
    EventFormat,
    EventKind,
    EventStatus,
    OutcomeKind,
    OutcomeStatus,
    PartnerRole,
    PollStatus,
    QuestionStatus,
    RegistrationStatus,
    RegistrationType,
    SpeakerRole,
)

# The fields of each model that have translations (core.ContentTranslation).
TRANSLATABLE = {
    "Event": ("title", "theme", "description", "objectives"),
    "AgendaItem": ("title", "description"),
    "GuidingQuestion": ("text",),
    "Speaker": ("position", "bio"),
}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the door
CODE_LENGTH = 10


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone name, such as Europe/Zurich."),
            params={"value": value},
            code="time_zone",
        )


def private_storage():
    """Files served only through the views that check who may read them (a draft event's
    documents, a statement before its session ends), never by the web server."""
    return storages["private"]


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Seated(models.Model):
    """Seats that never overbook: `seats_taken` only moves by a conditional UPDATE (services),
    and the database refuses a row with more seats taken than there are."""

    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(seats_taken__lte=F("capacity")),
                name="%(app_label)s_%(class)s_never_overbooked",
            ),
        ]

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.seats_taken, 0)


class Event(Seated, TimeStampedModel):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=250)
    theme = models.CharField(_("theme"), max_length=250, blank=True)
    description = models.TextField(_("description"), max_length=20_000, blank=True)
    objectives = models.TextField(_("objectives"), max_length=10_000, blank=True)
    language = models.CharField(
        _("language of the texts"), max_length=5, choices=settings.LANGUAGES
    )
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices)
    format = models.CharField(_("format"), max_length=10, choices=EventFormat.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone of the venue"),
        max_length=64,
        validators=[validate_time_zone],
        help_text=_("Agenda times are in this time zone, such as Europe/Zurich."),
    )
    venue_room = models.CharField(_("room"), max_length=200, blank=True)
    venue_building = models.CharField(_("building"), max_length=200, blank=True)
    venue_city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "geo.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online_url = models.URLField(_("online link"), blank=True)
    languages = models.JSONField(
        _("working languages"), default=list, blank=True, help_text=_("Language codes.")
    )
    interpretation = models.CharField(_("interpretation"), max_length=300, blank=True)
    organisations = models.ManyToManyField(
        "accounts.Organisation",
        through="EventPartner",
        related_name="events",
        verbose_name=_("organisers and partners"),
    )
    invitation_only = models.BooleanField(
        _("by invitation only"),
        default=False,
        help_text=_("Only people invited by the organisers may register."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    questionnaire = models.JSONField(
        _("questions asked when registering"),
        default=list,
        blank=True,
        help_text=_("A list of questions; each answer is free text."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The creation form's one-time key: a double click creates one event.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "title"]
        constraints = [
            *Seated.Meta.constraints,
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="events_event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values), name="events_event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="events_event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(format__in=EventFormat.values), name="events_event_format_valid"
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="events_event_registration_window",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class EventPartner(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("organiser or partner")
        verbose_name_plural = _("organisers and partners")
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation"], name="events_partner_once"),
            models.CheckConstraint(
                condition=Q(role__in=PartnerRole.values), name="events_partner_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class EventDocument(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(
        _("file"), upload_to="events/documents/%Y/", storage=private_storage, blank=True
    )
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("event document")
        verbose_name_plural = _("event documents")
        ordering = ["kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="events_document_file_or_link"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="events_document_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AgendaItem(Seated, TimeStampedModel):
    """One slot of the agenda. Items whose times overlap run in parallel (a side event during
    the break). An item with `capacity` takes its own registrations."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    kind = models.CharField(_("kind"), max_length=20, choices=AgendaItemKind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    room = models.CharField(
        _("room"), max_length=200, blank=True, help_text=_("When not the event's room.")
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["starts_at", "-ends_at", "id"]
        constraints = [
            *Seated.Meta.constraints,
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="events_item_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgendaItemKind.values), name="events_item_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:item_detail", kwargs={"slug": self.event.slug, "pk": self.pk})

    @property
    def takes_registrations(self) -> bool:
        return self.capacity is not None


class GuidingQuestion(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("question"), max_length=2000)

    class Meta:
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")
        ordering = ["item", "position"]
        constraints = [
            models.UniqueConstraint(fields=["item", "position"], name="events_question_position")
        ]

    def __str__(self) -> str:
        return self.text


class Speaker(TimeStampedModel):
    """A moderator or speaker, linked to their account when they have one."""

    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=250, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=250, blank=True)
    bio = models.TextField(_("short biography"), max_length=3000, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_profiles",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Appearance(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="appearances")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="appearances")
    role = models.CharField(_("role"), max_length=10, choices=SpeakerRole.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("moderator or speaker")
        verbose_name_plural = _("moderators and speakers")
        ordering = ["item", "role", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "speaker", "role"], name="events_appearance_once"
            ),
            models.CheckConstraint(
                condition=Q(role__in=SpeakerRole.values), name="events_appearance_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker} ({self.get_role_display()})"


class Registration(TimeStampedModel):
    """A person's place at an event (`item` empty) or at one of its agenda items with seats. The
    person has an account, or was registered by their delegation's focal point with a name and
    an e-mail address. `code` is the personal code shown as a QR code and checked at the door."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("delegation or organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_registrations",
    )
    registration_type = models.CharField(
        _("registering as"), max_length=20, choices=RegistrationType.choices
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    code = models.CharField(_("personal code"), max_length=16, unique=True, default=new_code)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The form's one-time token: a double click posts it twice and registers once.
    submission = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created", "id"]  # the waiting list's order
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(item__isnull=True, status__in=ACTIVE),
                name="events_registration_once_per_event",
            ),
            models.UniqueConstraint(
                fields=["item", "email"],
                condition=Q(item__isnull=False, status__in=ACTIVE),
                name="events_registration_once_per_item",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="events_registration_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(registration_type__in=RegistrationType.values),
                name="events_registration_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status=RegistrationStatus.CONFIRMED),
                name="events_registration_checked_in_confirmed",
            ),
            models.CheckConstraint(
                condition=Q(cancelled_at__isnull=True) | Q(status=RegistrationStatus.CANCELLED),
                name="events_registration_cancelled_when",
            ),
        ]
        indexes = [models.Index(fields=["event", "item", "status", "created"])]

    def __str__(self) -> str:
        # No personal data: the audit trail keeps this text after the registration is erased.
        return _("Registration %(code)s") % {"code": self.code}

    @property
    def place(self) -> "Event | AgendaItem":
        """What the registration holds a seat of."""
        return self.item or self.event


class EventInvitation(TimeStampedModel):
    """Who may register for an event by invitation only (their e-mail address)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="events_invitation_once")
        ]

    def __str__(self) -> str:
        return self.email


# Participation in a session --------------------------------------------------------------------


class Statement(TimeStampedModel):
    """A delegation's statement at a session (text and/or file), public once the session is
    over; until then its delegation and those who run the event read it."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="statements")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("delegation"),
        on_delete=models.PROTECT,
        related_name="event_statements",
    )
    title = models.CharField(_("title"), max_length=250)
    text = models.TextField(_("text"), max_length=30_000, blank=True)
    file = models.FileField(
        _("file"), upload_to="events/statements/%Y/", storage=private_storage, blank=True
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["item", "created"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text="") | ~Q(file=""), name="events_statement_text_or_file"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SessionQuestion(TimeStampedModel):
    """A participant's question to a session, for its moderators."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="participant_questions"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("question"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("question from a participant")
        verbose_name_plural = _("questions from participants")
        ordering = ["item", "created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=QuestionStatus.values), name="events_question_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Poll(TimeStampedModel):
    """A live poll during a session: one question, its options, one vote per person."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("question"), max_length=300)
    options = models.JSONField(_("options"), help_text=_("Two to ten answers."))
    status = models.CharField(
        _("status"), max_length=10, choices=PollStatus.choices, default=PollStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["item", "created"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PollStatus.values), name="events_poll_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.question


class PollVote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    option = models.PositiveSmallIntegerField(_("answer"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter"], name="events_vote_once"),
        ]

    def __str__(self) -> str:
        return f"{self.poll} — {self.option}"


# Discussion spaces (the permanent forums) ----------------------------------------------------


class DiscussionSpace(TimeStampedModel):
    """A permanent forum to share experience on a theme, open between two dates; its comments are
    the community module's (threaded, moderated), its moderators write a summary at closing."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=250)
    theme = models.CharField(_("theme"), max_length=250)
    description = models.TextField(_("description"), max_length=10_000)
    audience = models.CharField(_("expected audience"), max_length=300, blank=True)
    language = models.CharField(
        _("language of the texts"), max_length=5, choices=settings.LANGUAGES
    )
    languages = models.JSONField(_("languages of the discussion"), default=list, blank=True)
    questions = models.JSONField(
        _("discussion questions"), default=list, blank=True, help_text=_("In order.")
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discussion_spaces",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("hosted by"),
        on_delete=models.PROTECT,
        related_name="discussion_spaces",
    )
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="moderated_spaces", verbose_name=_("moderators")
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    summary = models.TextField(_("summary by the moderators"), max_length=20_000, blank=True)
    summary_published_at = models.DateTimeField(_("summary published"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("discussion space")
        verbose_name_plural = _("discussion spaces")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=F("opens_at")),
                name="events_space_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(summary_published_at__isnull=True) | ~Q(summary=""),
                name="events_space_summary_written",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:space_detail", kwargs={"slug": self.slug})


# After the event: the closing report and the outcomes followed ----------------------------------


class ClosingReport(TimeStampedModel):
    """What the organisers publish after the event: a summary, one per session, and the
    attendance (counted from check-ins, not stored)."""

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="closing_report")
    summary = models.TextField(_("summary"), max_length=20_000)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("closing report")
        verbose_name_plural = _("closing reports")

    def __str__(self) -> str:
        return str(self.event)


class SessionSummary(models.Model):
    report = models.ForeignKey(
        ClosingReport, on_delete=models.CASCADE, related_name="session_summaries"
    )
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("summary of the session"), max_length=10_000)

    class Meta:
        verbose_name = _("summary of a session")
        verbose_name_plural = _("summaries of sessions")
        constraints = [
            models.UniqueConstraint(fields=["report", "item"], name="events_summary_once"),
        ]

    def __str__(self) -> str:
        return str(self.item)


class Outcome(TimeStampedModel):
    """A recommendation or a commitment heard at the event, tracked with an owner and a
    deadline, and possibly turned into a pledge, a request for support or a call for practices
    (at most one)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="outcomes")
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("heard at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outcomes",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    text = models.TextField(_("text"), max_length=3000)
    owner = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_outcomes",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=OutcomeStatus.choices, default=OutcomeStatus.OPEN
    )
    pledge = models.ForeignKey(
        "pledges.Pledge", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    support_request = models.ForeignKey(
        "hub.SupportRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    practice_call = models.ForeignKey(
        "knowledge.PracticeCall", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["event", "deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OutcomeKind.values), name="events_outcome_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=OutcomeStatus.values), name="events_outcome_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(pledge__isnull=True, support_request__isnull=True)
                | Q(pledge__isnull=True, practice_call__isnull=True)
                | Q(support_request__isnull=True, practice_call__isnull=True),
                name="events_outcome_one_follow_up",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]
