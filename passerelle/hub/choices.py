from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportType(models.TextChoices):
    """What a request asks for and an offer provides."""

    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
    TRAINING = "training", _("Training")
    PEER_EXCHANGE = "peer_exchange", _("Peer exchange or study visit")
    EXPERT_DEPLOYMENT = "expert_deployment", _("Expert deployment")
    IN_KIND = "in_kind", _("Equipment or in-kind support")
    RESEARCH = "research", _("Research or data")
    FUNDING = "funding", _("Funding")


class RequestScope(models.TextChoices):
    NATIONAL = "national", _("National")
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")


class Modality(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")
    HYBRID = "hybrid", _("Hybrid")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CLARIFICATION = "clarification", _("Clarification requested")
    OPEN = "open", _("Open")
    PARTLY_MATCHED = "partly_matched", _("Partly matched")
    MATCHED = "matched", _("Matched")
    IN_PARTNERSHIP = "in_partnership", _("In partnership")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Everyone reads a request once the secretariat has accepted it.
PUBLIC_STATUSES = (
    RequestStatus.OPEN,
    RequestStatus.PARTLY_MATCHED,
    RequestStatus.MATCHED,
    RequestStatus.IN_PARTNERSHIP,
    RequestStatus.CLOSED,
)
# The requester closes a published request once it no longer needs support.
CLOSABLE_STATUSES = (
    RequestStatus.OPEN,
    RequestStatus.PARTLY_MATCHED,
    RequestStatus.MATCHED,
    RequestStatus.IN_PARTNERSHIP,
)
# The requester may still change these.
EDITABLE_STATUSES = (RequestStatus.DRAFT, RequestStatus.CLARIFICATION)


class ReviewOutcome(models.TextChoices):
    """The secretariat's review of a submitted request."""

    ACCEPTED = "accepted", _("Accept: publish the request")
    CLARIFICATION = "clarification", _("Ask the requester a question")
    ADVICE = "advice", _("Return it to the requester with advice")


class RequirementKind(models.TextChoices):
    MONEY = "money", _("Money")
    EXPERT_DAYS = "expert_days", _("Expert-days")
    IN_KIND = "in_kind", _("In-kind item")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


class CostBasis(models.TextChoices):
    FREE = "free", _("Free of charge")
    CO_FUNDED = "co_funded", _("Co-funded")
    PAID = "paid", _("Paid")


class MatchStatus(models.TextChoices):
    """A match is proposed by the matcher; the secretariat introduces the two parties; each
    accepts or declines; an accepted match becomes a partnership."""

    PROPOSED = "proposed", _("Proposed")
    INTRODUCED = "introduced", _("Introduced")
    ACCEPTED = "accepted", _("Accepted by both")
    DECLINED = "declined", _("Declined")
    PARTNERSHIP = "partnership", _("Partnership")


class Decision(models.TextChoices):
    PENDING = "pending", _("Waiting")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Side(models.TextChoices):
    """The two parties of a match."""

    REQUESTER = "requester", _("Requester")
    PROVIDER = "provider", _("Provider")
