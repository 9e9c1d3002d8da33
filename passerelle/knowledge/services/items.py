"""Writes of knowledge items by their authors: a draft (autosaved), its submission to the
curators, a revision after a review, corrections of a published item (each kept as a version),
translations, and withdrawal. Every step is audited under `knowledge.item.*`."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.accounts.choices import MembershipRole, OrganisationType
from passerelle.assessments.evidence import check_upload
from passerelle.core import content_translation, search
from passerelle.core.audit import log_action
from passerelle.core.language_detection import detect_language
from passerelle.core.permissions import require

from ..choices import Audience, CallStatus, ItemKind, ItemStatus, ResourceType, Scope
from ..models import REQUIRED_SECTIONS, SECTIONS, TRANSLATABLE, Item, ItemVersion
from ..versions import TAGS, snapshot
from .reviews import start_next_round

LINKS = ("projects", "requests", "assessments")
# The code of the error refusing a save based on an outdated lock_version.
STALE = "stale"


@dataclass
class ItemData:
    """What authors write; the same for a new item and an edit. Texts of sections the item's
    kind does not use are ignored."""

    title: str = ""
    summary: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # section → Markdown
    scope: str = Scope.NATIONAL
    language: str = ""  # empty: recognised from the text
    resource_type: str = ""
    issued_on: date | None = None
    link: str = ""
    audiences: list[str] = field(default_factory=list)
    actor_types: list[str] = field(default_factory=list)
    capacity_areas: list = field(default_factory=list)
    gcm_objectives: list = field(default_factory=list)
    guiding_principles: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    assessments: list = field(default_factory=list)


def _clean(data: ItemData, kind: str) -> dict:
    """The row's fields from `data`, or every problem at once, by field."""
    errors = {}
    if not data.title.strip():
        errors["title"] = _("Give the item a title.")
    if data.scope not in Scope.values:
        errors["scope"] = _("Choose a scope.")
    if kind == ItemKind.RESOURCE and data.resource_type not in ResourceType.values:
        errors["resource_type"] = _("Choose the type of resource.")
    unknown = set(data.audiences) - set(Audience.values)
    if unknown:
        errors["audiences"] = _("Unknown audience: %(values)s.") % {"values": ", ".join(unknown)}
    unknown = set(data.actor_types) - set(OrganisationType.values)
    if unknown:
        errors["actor_types"] = _("Unknown type of actor: %(values)s.") % {
            "values": ", ".join(unknown)
        }
    if errors:
        raise ValidationError(errors)
    texts = {name: (data.texts.get(name) or "").strip() for name in SECTIONS[kind]}
    written = " ".join([data.summary, *texts.values()])
    return {
        "title": data.title.strip(),
        "summary": data.summary.strip(),
        **texts,
        "scope": data.scope,
        "language": data.language or detect_language(written or data.title),
        "resource_type": data.resource_type if kind == ItemKind.RESOURCE else "",
        "issued_on": data.issued_on if kind == ItemKind.RESOURCE else None,
        "link": data.link.strip() if kind == ItemKind.RESOURCE else "",
        "audiences": sorted(set(data.audiences)),
        "actor_types": sorted(set(data.actor_types)),
    }


def _set_relations(item: Item, data: ItemData) -> None:
    for name in (*TAGS, *LINKS):
        getattr(item, name).set(getattr(data, name))


@transaction.atomic
def item_create(
    *, actor, organisation, kind: str, data: ItemData, call=None, submission_key=None
) -> Item:
    """A draft of `organisation`'s. The same submission key twice gives the first draft back
    (a double click creates one item)."""
    if not actor.has_role(organisation.pk, MembershipRole.EDITOR):
        raise PermissionDenied
    if kind not in ItemKind.values:
        raise ValidationError({"kind": _("Choose what you are sharing.")})
    if call is not None:
        _check_call_open(call)
        if kind != ItemKind.PRACTICE:
            raise ValidationError({"call": _("Calls collect practices only.")})
    if submission_key is not None:
        existing = Item.objects.filter(
            organisation=organisation, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    item = Item(kind=kind, organisation=organisation, call=call, created_by=actor)
    if submission_key is not None:
        item.submission_key = submission_key
    for name, value in _clean(data, kind).items():
        setattr(item, name, value)
    item.full_clean(exclude=["capacity_areas"])
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:  # the same key posted twice at the same moment
        return Item.objects.get(organisation=organisation, submission_key=submission_key)
    _set_relations(item, data)
    log_action(actor, item, "knowledge.item.created", {"kind": kind, "call": call and call.pk})
    search.index_later(item)
    return item


def _check_call_open(call) -> None:
    if call.status != CallStatus.OPEN or call.deadline <= timezone.now():
        raise ValidationError({"call": _("This call for practices is not open for submissions.")})


@transaction.atomic
def item_update(
    *, actor, item: Item, data: ItemData, lock_version: int | None = None, note: str = ""
) -> Item:
    """Save what the authors wrote. `lock_version` is the version the editor started from
    (autosave): a change saved meanwhile by someone else is refused, never overwritten. A
    published item's change is a correction, kept as the item's next version with its note."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "change", item)
    if lock_version is not None and lock_version != item.lock_version:
        raise ValidationError(
            _("Someone saved this item after you opened it. Reload the page to see their changes."),
            code=STALE,
        )
    fields = _clean(data, item.kind)
    correction = item.status == ItemStatus.PUBLISHED
    if correction:
        if not note.strip():
            raise ValidationError({"note": _("Say what the correction changes.")})
        item.version += 1
    for name, value in fields.items():
        setattr(item, name, value)
    item.lock_version = F("lock_version") + 1
    item.full_clean(exclude=["capacity_areas", "lock_version"])
    item.save()
    item.refresh_from_db(fields=["lock_version"])
    _set_relations(item, data)
    if correction:
        # Version n is the text as corrected by its note (version 1: as first published).
        _keep_version(item, actor, note.strip())
    action = "knowledge.item.corrected" if correction else "knowledge.item.updated"
    log_action(actor, item, action, {"version": item.version, "note": note.strip()})
    search.index_later(item)
    return item


def _keep_version(item: Item, actor, note: str) -> None:
    ItemVersion.objects.create(
        item=item, number=item.version, snapshot=snapshot(item), note=note, created_by=actor
    )


def missing_for_submission(item: Item) -> dict[str, str]:
    """What the curators need before they can look at an item, by field."""
    errors = {}
    for name in REQUIRED_SECTIONS[item.kind]:
        if not getattr(item, name).strip():
            errors[name] = _("Write this section before submitting.")
    if not item.summary.strip():
        errors["summary"] = _("Write a summary before submitting.")
    if not item.capacity_areas.exists():
        errors["capacity_areas"] = _("Choose at least one capacity area.")
    if item.kind == ItemKind.PRACTICE and not item.gcm_objectives.exists():
        errors["gcm_objectives"] = _("A practice relates to at least one GCM objective.")
    if item.kind == ItemKind.RESOURCE and not (item.link or item.file):
        errors["link"] = _("Give a link to the resource or attach its file.")
    return errors


@transaction.atomic
def item_submit(*, actor, item: Item) -> Item:
    """Send a draft to the curators, or a revised item back to its reviewers."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "submit", item)
    errors = missing_for_submission(item)
    if errors:
        raise ValidationError(errors)
    if item.call_id is not None and item.status == ItemStatus.DRAFT:
        _check_call_open(item.call)
    revised = item.status == ItemStatus.CHANGES_REQUESTED
    item.submitted_at = timezone.now()
    item.status = ItemStatus.SUBMITTED
    item.save(update_fields=["status", "submitted_at", "updated"])
    log_action(actor, item, "knowledge.item.revised" if revised else "knowledge.item.submitted")
    if revised:
        start_next_round(actor=actor, item=item)
    search.index_later(item)
    return item


@transaction.atomic
def item_withdraw(*, actor, item: Item, reason: str) -> Item:
    item = Item.objects.select_for_update().get(pk=item.pk)
    require(actor, "withdraw", item)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the item is withdrawn.")})
    item.status = ItemStatus.WITHDRAWN
    item.decision_reason = reason.strip()
    item.save(update_fields=["status", "decision_reason", "updated"])
    log_action(actor, item, "knowledge.item.withdrawn", {"reason": reason.strip()})
    search.index_later(item)
    return item


def item_attach_file(*, actor, item: Item, upload) -> Item:
    """Attach a resource's file (replacing any earlier one); checked by its content."""
    require(actor, "change", item)
    if item.kind != ItemKind.RESOURCE:
        raise ValidationError({"file": _("Only resources carry a file.")})
    content_type = check_upload(upload, max_bytes=settings.KNOWLEDGE["FILE_MAX_BYTES"])
    with transaction.atomic():
        item = Item.objects.select_for_update().get(pk=item.pk)
        old = item.file.name if item.file else ""
        item.file_name = upload.name[:200]
        item.file_type = content_type
        item.file.save(upload.name, upload, save=False)
        item.save(update_fields=["file", "file_name", "file_type", "updated"])
        log_action(actor, item, "knowledge.item.file_attached", {"file": item.file_name})
    if old:
        item.file.storage.delete(old)
    return item


def item_translate(*, actor, item: Item, language: str, texts: dict[str, str]) -> None:
    """A person's translation of the item's texts into `language`."""
    require(actor, "translate", item)
    if language == item.language:
        raise ValidationError({"language": _("This is the item's original language.")})
    unknown = set(texts) - set(TRANSLATABLE)
    if unknown:
        raise ValidationError(
            {
                "texts": _("These fields are not translated: %(f)s.")
                % {"f": ", ".join(sorted(unknown))}
            }
        )
    content_translation.translation_save(actor=actor, obj=item, language=language, texts=texts)
    search.index_later(item)


def item_machine_translate(*, actor, item: Item, language: str) -> bool:
    """A machine translation into `language`, marked as such; False when no provider is
    configured (the default: no text leaves the platform)."""
    require(actor, "translate", item)
    fields = ["title", "summary", *item.sections]
    done = content_translation.machine_translate(
        actor=actor, obj=item, fields=fields, target=language
    )
    if done:
        search.index_later(item)
    return done


def download_counted(*, item: Item) -> None:
    """One more download, counted in the database so that simultaneous downloads all count."""
    Item.objects.filter(pk=item.pk).update(downloads=F("downloads") + 1)
