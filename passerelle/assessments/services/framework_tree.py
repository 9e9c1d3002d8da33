"""Writes of a draft version's structure: its domains and sub-areas (added, renamed, reordered,
removed while empty) and the labels of its levels. Published versions never change."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from passerelle.core.audit import log_action

from .. import interchange
from ..models import Domain, FrameworkVersion, Level, SubArea
from .frameworks import draft_for, set_texts

# Codes appear in addresses and anchors (…/sub-areas/RIGHTS.1/edit/, #domain-RIGHTS).
CODE = re.compile(r"^[\w.-]+$")


def _code(code: str, example: str) -> str:
    code = code.strip()
    if not code:
        raise ValidationError(
            {"code": _("Give it a code, e.g. %(example)s.") % {"example": example}}
        )
    if not CODE.match(code):
        raise ValidationError(
            {"code": _("A code has only letters, digits, dots, hyphens and underscores.")}
        )
    return code


def _next_position(queryset) -> int:
    last = queryset.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _swap_with_neighbour(item, siblings, direction: str) -> bool:
    """Swap `item` with the next of `siblings` up or down; False at the edge."""
    siblings = siblings.exclude(pk=item.pk)
    if direction == "up":
        neighbour = siblings.filter(position__lt=item.position).order_by("-position").first()
    elif direction == "down":
        neighbour = siblings.filter(position__gt=item.position).order_by("position").first()
    else:
        raise ValidationError(_("Move it up or down."))
    if neighbour is None:
        return False
    item.position, neighbour.position = neighbour.position, item.position
    type(item).objects.bulk_update([item, neighbour], ["position"])
    return True


# --- Domains ---------------------------------------------------------------------------------


@transaction.atomic
def domain_add(
    *, actor, version: FrameworkVersion, code: str, name: dict, mgi_domain=None
) -> Domain:
    """Add a domain at the end of a draft version."""
    version = draft_for(actor, version)
    code = _code(code, "RIGHTS")
    if version.domains.filter(code=code).exists():
        raise ValidationError(
            {"code": _("This version has a domain %(code)s already.") % {"code": code}}
        )
    domain = Domain(
        version=version, code=code, mgi_domain=mgi_domain,
        position=_next_position(version.domains), **interchange.translated("name", name),
    )  # fmt: skip
    domain.full_clean()
    domain.save()
    log_action(actor, domain, "assessments.domain.added", {"code": code, "version": str(version)})
    return domain


@transaction.atomic
def domain_update(*, actor, domain: Domain, name: dict, mgi_domain) -> Domain:
    """Rename a domain of a draft version (every language) or change its MGI domain."""
    draft_for(actor, domain.version)
    set_texts(domain, "name", name)
    domain.mgi_domain = mgi_domain
    domain.full_clean()
    domain.save()
    log_action(
        actor,
        domain,
        "assessments.domain.updated",
        {"code": domain.code, "mgi_domain": mgi_domain.code if mgi_domain else ""},
    )
    return domain


@transaction.atomic
def domain_move(*, actor, domain: Domain, direction: str) -> None:
    """Swap the domain with its neighbour in the version ("up" or "down")."""
    version = draft_for(actor, domain.version)
    if _swap_with_neighbour(domain, version.domains.all(), direction):
        log_action(actor, domain, "assessments.domain.moved", {"direction": direction})


@transaction.atomic
def domain_remove(*, actor, domain: Domain) -> None:
    """Remove an empty domain: its sub-areas go first, one by one, so nothing goes unnoticed."""
    version = draft_for(actor, domain.version)
    if domain.sub_areas.exists():
        raise ValidationError(
            _("Domain %(code)s still has sub-areas: remove them first.") % {"code": domain.code}
        )
    data = {"code": domain.code, "version": str(version)}
    domain.delete()
    log_action(actor, version, "assessments.domain.removed", data)


# --- Sub-areas -------------------------------------------------------------------------------


@transaction.atomic
def sub_area_add(*, actor, domain: Domain, code: str, name: dict) -> SubArea:
    """Add a sub-area at the end of a domain of a draft version. Its code is unique in the
    whole version: indicators are added to a sub-area found by its code."""
    version = draft_for(actor, domain.version)
    code = _code(code, "RIGHTS.4")
    sub_areas = SubArea.objects.filter(domain__version=version)
    if sub_areas.filter(code=code).exists():
        raise ValidationError(
            {"code": _("This version has a sub-area %(code)s already.") % {"code": code}}
        )
    # Positions run through the whole version, as when a version is imported.
    sub_area = SubArea(
        domain=domain, code=code, position=_next_position(sub_areas),
        **interchange.translated("name", name),
    )  # fmt: skip
    sub_area.full_clean()
    sub_area.save()
    log_action(
        actor, sub_area, "assessments.sub_area.added", {"code": code, "version": str(version)}
    )
    return sub_area


@transaction.atomic
def sub_area_update(*, actor, sub_area: SubArea, name: dict) -> SubArea:
    draft_for(actor, sub_area.domain.version)
    set_texts(sub_area, "name", name)
    sub_area.full_clean()
    sub_area.save()
    log_action(actor, sub_area, "assessments.sub_area.updated", {"code": sub_area.code})
    return sub_area


@transaction.atomic
def sub_area_move(*, actor, sub_area: SubArea, direction: str) -> None:
    """Swap the sub-area with its neighbour in its domain ("up" or "down")."""
    draft_for(actor, sub_area.domain.version)
    if _swap_with_neighbour(sub_area, sub_area.domain.sub_areas.all(), direction):
        log_action(actor, sub_area, "assessments.sub_area.moved", {"direction": direction})


@transaction.atomic
def sub_area_remove(*, actor, sub_area: SubArea) -> None:
    """Remove an empty sub-area: its indicators go first, one by one."""
    version = draft_for(actor, sub_area.domain.version)
    if sub_area.indicators.exists():
        raise ValidationError(
            _("Sub-area %(code)s still has indicators: remove them first.")
            % {"code": sub_area.code}
        )
    data = {"code": sub_area.code, "version": str(version)}
    sub_area.delete()
    log_action(actor, version, "assessments.sub_area.removed", data)


# --- Level labels ----------------------------------------------------------------------------


@transaction.atomic
def levels_update(*, actor, version: FrameworkVersion, labels: dict[int, dict[str, str]]) -> None:
    """The generic label of every level of a draft's scale; `labels` maps each value to its
    texts {"en": …, "fr": …, "es": …}."""
    version = draft_for(actor, version)
    existing = {level.value: level for level in version.levels.all()}
    for value in version.levels_range:
        level = existing.get(value)
        if level is None:
            level = Level(
                version=version, value=value, **interchange.translated("label", labels[value])
            )
        else:
            set_texts(level, "label", labels[value])
        level.full_clean()
        level.save()
    log_action(actor, version, "assessments.levels.updated", {"version": str(version)})
