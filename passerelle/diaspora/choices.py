from django.db import models
from django.utils.translation import gettext_lazy as _

# The organisation types (accounts.OrganisationType) a diaspora profile may be attached to.
DIASPORA_ORGANISATION_TYPES = ("diaspora_organisation", "migrant_organisation")


class Sector(models.TextChoices):
    """How a diaspora engages (the issue's list, after iDiaspora and EUDiF)."""

    DEVELOPMENT = "development", _("Development projects")
    INVESTMENT = "investment", _("Investment")
    SKILLS_TRANSFER = "skills_transfer", _("Skills transfer")
    PHILANTHROPY = "philanthropy", _("Philanthropy")
    ADVOCACY = "advocacy", _("Advocacy")
    CULTURE = "culture", _("Culture")
    HUMANITARIAN = "humanitarian", _("Humanitarian response")


class OrganisationSize(models.TextChoices):
    SMALL = "small", _("Fewer than 50 members")
    MEDIUM = "medium", _("50 to 500 members")
    LARGE = "large", _("500 to 5,000 members")
    VERY_LARGE = "very_large", _("More than 5,000 members")


class Visibility(models.TextChoices):
    """Who sees a field of a member's profile. Private is the default of every field."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the diaspora hub")
    PRIVATE = "private", _("Only me")


class ConnectionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Connected")
    DECLINED = "declined", _("Declined")


class GroupKind(models.TextChoices):
    ORIGIN = "origin", _("By country of origin")
    THEME = "theme", _("By theme")


class GroupRole(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")


class StoryKind(models.TextChoices):
    STORY = "story", _("Story")
    BLOG = "blog", _("Blog post")
    VIDEO = "video", _("Video")
    NEWS = "news", _("News")
    EVENT = "event", _("Community event")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class OpportunityKind(models.TextChoices):
    EXPERT_MISSION = "expert_mission", _("Call for experts: short mission")
    MENTORING = "mentoring", _("Call for experts: virtual mentoring")
    INVESTMENT = "investment", _("Investment opportunity")
    CO_FUNDING = "co_funding", _("Co-funding opportunity")
    VOLUNTEERING = "volunteering", _("Volunteer role")
    CONSULTATION = "consultation", _("Consultation")


class OpportunityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ResponseKind(models.TextChoices):
    APPLICATION = "application", _("Application")
    INTEREST = "interest", _("Expression of interest")


class ResponseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Availability(models.TextChoices):
    SHORT_MISSIONS = "short_missions", _("Short missions (up to a month)")
    REMOTE = "remote", _("Remote advice and mentoring")
    PART_TIME = "part_time", _("Part time")
    FULL_TIME = "full_time", _("Full time, for a longer assignment")


class RosterStatus(models.TextChoices):
    ACTIVE = "active", _("Available")
    PAUSED = "paused", _("Not available for now")
    LEFT = "left", _("Left the roster")


class ContactStatus(models.TextChoices):
    """A requester's contact with a roster expert: the expert consents (or not) to share their
    contact details; an accepted contact that led to work is completed, which builds the expert's
    track record."""

    PENDING = "pending", _("Waiting for the expert")
    ACCEPTED = "accepted", _("Accepted by the expert")
    DECLINED = "declined", _("Declined by the expert")
    COMPLETED = "completed", _("Engagement completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_CONTACT_STATUSES = (ContactStatus.PENDING, ContactStatus.ACCEPTED)


class EntryKind(models.TextChoices):
    """What a country page lists about a government's engagement with its diaspora."""

    INSTITUTION = "institution", _("Diaspora institution")
    POLICY = "policy", _("Policy")
    PROGRAMME = "programme", _("Engagement programme")


class InstitutionType(models.TextChoices):
    """EUDiF's typology of diaspora institutions."""

    MINISTRY = "ministry", _("Ministry")
    SUB_MINISTRY = "sub_ministry", _("Sub-ministry level")
    OFFICE = "office", _("Office or agency")
    CONSULTATIVE_BODY = "consultative_body", _("Consultative body")
    PARLIAMENTARY = "parliamentary", _("Parliamentary body")
    LOCAL = "local", _("Local-level institution")
    OTHER = "other", _("Other")


class CallStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class ContributionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class CourseFormat(models.TextChoices):
    SELF_PACED = "self_paced", _("Online, self-paced")
    LIVE_ONLINE = "live_online", _("Online, live")
    IN_PERSON = "in_person", _("In person")
    BLENDED = "blended", _("Blended")
