"""Who hears of pooled funds' proposals (community.registry): a reviewer when a review is
assigned to them; the secretariat when a proposal is submitted; the lead organisation's editors
when the steering committee decides."""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.community.choices import EmailFrequency
from passerelle.community.notification_types import path_without_language
from passerelle.community.registry import NotificationType, register_notification_type
from passerelle.core.permissions import is_secretariat

from .models import Proposal, Review

ASSIGNED = "funding.review.assigned"
SUBMITTED = "funding.proposal.submitted"
DECIDED = ("funding.proposal.approved", "funding.proposal.rejected")


def _url(obj) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return path_without_language(obj.get_absolute_url())


def _proposal(entry) -> Proposal | None:
    if not entry.object_id.isdigit():
        return None
    return Proposal.objects.select_related("call").filter(pk=entry.object_id).first()


def _assigned_recipients(entry):
    review = (
        Review.objects.select_related("proposal__call", "reviewer")
        .filter(pk=entry.object_id)
        .first()
        if entry.object_id.isdigit()
        else None
    )
    if review is None:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        url = path_without_language(reverse("funding:review_detail", kwargs={"pk": review.pk}))
    data = {"title": review.proposal.title, "call": review.proposal.call.title, "url": url}
    return [(review.reviewer, review, data)]


def _submitted_recipients(entry):
    proposal = _proposal(entry)
    if proposal is None:
        return []
    data = {"title": proposal.title, "call": proposal.call.title, "url": _url(proposal)}
    secretariat = User.objects.filter(
        Q(is_broker=True) | Q(is_moderator=True) | Q(is_curator=True) | Q(is_superuser=True),
        is_active=True,
    )
    return [(person, proposal, data) for person in secretariat]


def _decided_recipients(entry):
    proposal = _proposal(entry)
    if proposal is None:
        return []
    data = {
        "title": proposal.title,
        "url": _url(proposal),
        "approved": entry.action == "funding.proposal.approved",
    }
    editors = User.objects.filter(
        memberships__organisation=proposal.organisation_id,
        memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
    ).distinct()
    return [(person, proposal, data) for person in editors]


def _decided_message(data) -> str:
    if data.get("approved"):
        return gettext("Your proposal “%(title)s” is approved") % {"title": data.get("title", "")}
    return gettext("Your proposal “%(title)s” is not approved") % {"title": data.get("title", "")}


def _reviews(user) -> bool:
    return user.is_authenticated and user.funding_reviews.exists()


def _takes_part(user) -> bool:
    return user.is_authenticated and bool(user.organisation_ids)


register_notification_type(
    NotificationType(
        kind="funding_review_assigned",
        actions=(ASSIGNED,),
        label=_("Proposals I am asked to review"),
        description=_("The secretariat asks you to review a proposal to a pooled fund's call."),
        recipients=_assigned_recipients,
        message=lambda data: gettext("A proposal to review: “%(title)s”") % data,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_reviews,
    )
)
register_notification_type(
    NotificationType(
        kind="funding_proposal_submitted",
        actions=(SUBMITTED,),
        label=_("Proposals submitted to calls"),
        description=_("A proposal is submitted to a pooled fund's call and needs reviewers."),
        recipients=_submitted_recipients,
        message=lambda data: gettext("A proposal was submitted to “%(call)s”: %(title)s") % data,
        default_email=EmailFrequency.DAILY,
        audience=is_secretariat,
    )
)
register_notification_type(
    NotificationType(
        kind="funding_proposal_decided",
        actions=DECIDED,
        label=_("Decisions on my organisation's proposals"),
        description=_("A pooled fund's steering committee approves your proposal or not."),
        recipients=_decided_recipients,
        message=_decided_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_takes_part,
    )
)
