from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    IDM = "idm", _("International Dialogue on Migration")
    RCP = "rcp", _("Regional consultative process meeting")
    REVIEW_FORUM = "review_forum", _("Review forum")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    """Organisers prepare an event as a draft, which only they see; once published everyone
    sees it. A cancelled event stays readable with its status."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    CONCEPT_NOTE = "concept_note", _("Concept note")
    BACKGROUND_PAPER = "background_paper", _("Background paper")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other document")


class AgendaItemKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    OPENING = "opening", _("Opening")
    PLENARY = "plenary", _("Plenary session")
    PANEL = "panel", _("Panel")
    SIDE_EVENT = "side_event", _("Side event")
    BREAK = "break", _("Break")
    MIGRANTS_VOICES = "migrants_voices", _("Migrants' voices")
    CLOSING = "closing", _("Closing")


class SpeakerRole(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    SPEAKER = "speaker", _("Speaker")


class RegistrationType(models.TextChoices):
    DELEGATE = "delegate", _("Delegate of a Member State")
    OBSERVER = "observer", _("Observer")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    MEDIA = "media", _("Media")
    SPEAKER = "speaker", _("Speaker")


class RegistrationStatus(models.TextChoices):
    """A registration takes a seat (confirmed) or waits for one (waitlisted, promoted in the
    order people registered when a seat frees up); cancelled frees the seat."""

    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


# A registration that holds or waits for a seat.
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class QuestionStatus(models.TextChoices):
    """A participant's question to a session: waiting for the moderators, taken up (answered
    in the room), or set aside."""

    PENDING = "pending", _("Waiting")
    ANSWERED = "answered", _("Answered")
    DISMISSED = "dismissed", _("Set aside")


class PollStatus(models.TextChoices):
    DRAFT = "draft", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class OutcomeKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    COMMITMENT = "commitment", _("Commitment")


class OutcomeStatus(models.TextChoices):
    """A recommendation or commitment heard at an event, followed until it is done."""

    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")
