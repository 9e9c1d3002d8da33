"""Who hears of the knowledge base's curation (community.registry): a reviewer when a review is
assigned to them; curators when an item is submitted, revised or reviewed; the submitting
organisation's editors when curators decide (published, declined, changes requested)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.accounts.choices import MembershipRole
from passerelle.accounts.models import User
from passerelle.community.choices import EmailFrequency
from passerelle.community.notification_types import path_without_language
from passerelle.community.registry import NotificationType, register_notification_type

from .models import Item, Review
from .permissions import is_curator

ASSIGNED = "knowledge.review.assigned"
FOR_CURATORS = ("knowledge.item.submitted", "knowledge.item.revised", "knowledge.review.submitted")
DECIDED = (
    "knowledge.item.published",
    "knowledge.item.declined",
    "knowledge.item.changes_requested",
)


def _url(name, pk) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return path_without_language(reverse(name, kwargs={"pk": pk}))


def _item(pk) -> Item | None:
    return Item.objects.filter(pk=pk).first() if str(pk).isdigit() else None


def _assigned_recipients(entry):
    review = (
        Review.objects.select_related("item", "reviewer").filter(pk=entry.object_id).first()
        if entry.object_id.isdigit()
        else None
    )
    if review is None:
        return []
    data = {"title": review.item.title, "url": _url("knowledge:review", review.pk)}
    return [(review.reviewer, review, data)]


def _curator_recipients(entry):
    item = _item(entry.data.get("item") if entry.action.startswith("knowledge.review") else None)
    item = item or _item(entry.object_id)
    if item is None:
        return []
    data = {
        "title": item.title,
        "url": _url("knowledge:item_detail", item.pk),
        "step": entry.action,
    }
    curators = User.objects.filter(is_curator=True, is_active=True)
    return [(person, item, data) for person in curators]


def _curator_message(data) -> str:
    messages = {
        "knowledge.item.submitted": gettext("Submitted to the knowledge base: “%(title)s”"),
        "knowledge.item.revised": gettext("Revised after review: “%(title)s”"),
        "knowledge.review.submitted": gettext("A peer review came in for “%(title)s”"),
    }
    template = messages.get(data.get("step"), messages["knowledge.item.submitted"])
    return template % {"title": data.get("title", "")}


def _decided_recipients(entry):
    item = _item(entry.object_id)
    if item is None:
        return []
    data = {
        "title": item.title,
        "url": _url("knowledge:item_detail", item.pk),
        "step": entry.action,
    }
    editors = User.objects.filter(
        memberships__organisation=item.organisation_id,
        memberships__role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
    ).distinct()
    return [(person, item, data) for person in editors]


def _decided_message(data) -> str:
    messages = {
        "knowledge.item.published": gettext("Published in the knowledge base: “%(title)s”"),
        "knowledge.item.declined": gettext("Not published in the knowledge base: “%(title)s”"),
        "knowledge.item.changes_requested": gettext("Changes requested on “%(title)s”"),
    }
    template = messages.get(data.get("step"), messages["knowledge.item.published"])
    return template % {"title": data.get("title", "")}


def _reviews(user) -> bool:
    return user.is_authenticated and user.knowledge_reviews.exists()


def _takes_part(user) -> bool:
    return user.is_authenticated and bool(user.organisation_ids)


register_notification_type(
    NotificationType(
        kind="knowledge_review_assigned",
        actions=(ASSIGNED,),
        label=_("Knowledge items I am asked to review"),
        description=_("A curator asks you to peer-review a practice, lesson or resource."),
        recipients=_assigned_recipients,
        message=lambda data: gettext("An item to review: “%(title)s”") % data,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_reviews,
    )
)
register_notification_type(
    NotificationType(
        kind="knowledge_curation",
        actions=FOR_CURATORS,
        label=_("Knowledge items to curate"),
        description=_("An item is submitted or revised, or a peer review comes in."),
        recipients=_curator_recipients,
        message=_curator_message,
        default_email=EmailFrequency.DAILY,
        audience=is_curator,
    )
)
register_notification_type(
    NotificationType(
        kind="knowledge_decided",
        actions=DECIDED,
        label=_("Decisions on my organisation's knowledge items"),
        description=_("Curators publish or decline an item, or ask for changes."),
        recipients=_decided_recipients,
        message=_decided_message,
        default_email=EmailFrequency.IMMEDIATE,
        audience=_takes_part,
    )
)
