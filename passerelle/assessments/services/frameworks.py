"""Writes of the assessments module. Frameworks belong to the secretariat: it creates and renames
them, starts new versions as drafts (copied from the latest published one, or imported from a
spreadsheet), edits drafts, and publishes them (then they never change)."""

from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from passerelle.core.audit import log_action
from passerelle.core.permissions import is_secretariat, require
from passerelle.taxonomy.models import CapacityArea, MGIDomain

from .. import interchange
from ..choices import Scale, VersionStatus
from ..models import (
    Domain,
    Framework,
    FrameworkVersion,
    Indicator,
    Level,
    LevelDescriptor,
    SubArea,
)

RESERVED_CODES = {"new"}  # a page of its own: /assessments/frameworks/new/
# Pages of a framework, beside its versions: /assessments/frameworks/<code>/import/ …
RESERVED_VERSIONS = {"import", "edit", "new-version"}

# Level labels of a new framework's first version (later versions keep their previous one's).
DEFAULT_LEVELS = {
    Scale.FOUR_LEVEL: {
        1: {"en": "Requires further progress", "fr": "Doit encore progresser",
            "es": "Requiere más avances"},
        2: {"en": "Partially meets", "fr": "Répond en partie", "es": "Cumple parcialmente"},
        3: {"en": "Meets", "fr": "Répond", "es": "Cumple"},
        4: {"en": "Fully meets", "fr": "Répond pleinement", "es": "Cumple plenamente"},
    },
    Scale.THREE_LEVEL: {
        1: {"en": "Absent", "fr": "Absent", "es": "Ausente"},
        2: {"en": "Partially in place", "fr": "Partiellement en place",
            "es": "Parcialmente implantado"},
        3: {"en": "Fully in place", "fr": "Pleinement en place", "es": "Plenamente implantado"},
    },
}  # fmt: skip


@transaction.atomic
def framework_create(*, actor, code: str, scope: str, name: dict, description: dict) -> Framework:
    if not is_secretariat(actor):
        raise PermissionDenied
    if code in RESERVED_CODES or Framework.objects.filter(code=code).exists():
        raise ValidationError({"code": _("A framework with this code exists already.")})
    framework = Framework(
        code=code,
        scope=scope,
        **interchange.translated("name", name),
        **interchange.translated("description", description),
    )
    framework.full_clean()
    framework.save()
    log_action(actor, framework, "assessments.framework.created", {"code": code})
    return framework


@transaction.atomic
def framework_update(*, actor, framework: Framework, name: dict, description: dict) -> Framework:
    """Rename or redescribe a framework, in every language (its code and scope stay)."""
    require(actor, "manage", framework)
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    set_texts(framework, "name", name)
    set_texts(framework, "description", description)
    framework.full_clean()
    framework.save()
    log_action(actor, framework, "assessments.framework.updated", {"code": framework.code})
    return framework


def set_texts(obj, field: str, texts: dict[str, str]) -> None:
    """Each language's text in its own column, whatever the language of the request."""
    for lang in interchange.LANGUAGES:
        setattr(obj, f"{field}_{lang}", texts[lang])


def texts_of(obj, field: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{field}_{lang}") or "" for lang in interchange.LANGUAGES}


def _new_version_name(framework: Framework, version: str) -> str:
    version = version.strip()
    if not version:
        raise ValidationError({"version": _("Name the version, e.g. 1.1.")})
    if "/" in version or version in RESERVED_VERSIONS:
        raise ValidationError(
            {
                "version": _("%(version)s cannot name a version: choose another, e.g. 1.1.")
                % {"version": version}
            }
        )
    if framework.versions.filter(version=version).exists():
        raise ValidationError(
            {
                "version": _("This framework has a version %(version)s already.")
                % {"version": version}
            }
        )
    return version


def latest_published_version(framework: Framework) -> FrameworkVersion | None:
    return (
        framework.versions.filter(status=VersionStatus.PUBLISHED)
        .order_by("-published_at", "-created")
        .first()
    )


@transaction.atomic
def version_start(
    *, actor, framework: Framework, version: str, scale: str = ""
) -> FrameworkVersion:
    """A new draft of `framework`: a copy of its latest published version (levels, tree,
    descriptors, links) whose indicators map to the ones they were copied from, so results stay
    comparable; before anything is published, an empty draft on `scale`."""
    require(actor, "manage", framework)
    # Two people starting the same version number at once: the second waits, then is told.
    Framework.objects.select_for_update().filter(pk=framework.pk).first()
    version = _new_version_name(framework, version)
    previous = latest_published_version(framework)
    if previous is None:
        if scale not in Scale.values:
            raise ValidationError({"scale": _("Choose the scale of the new version.")})
        draft = FrameworkVersion(framework=framework, version=version, scale=scale)
        draft.full_clean()
        draft.save()
        Level.objects.bulk_create(
            Level(version=draft, value=value, **interchange.translated("label", texts))
            for value, texts in DEFAULT_LEVELS[Scale(scale)].items()
        )
    else:
        if scale and scale != previous.scale:
            raise ValidationError(
                {
                    "scale": _("A new version keeps the scale of %(version)s, which it copies.")
                    % {"version": previous.version}
                }
            )
        draft = FrameworkVersion(
            framework=framework, version=version, scale=previous.scale, previous=previous
        )
        draft.full_clean()
        draft.save()
        _copy_tree(previous, draft)
    log_action(
        actor,
        draft,
        "assessments.version.started",
        {"version": version, "previous": str(previous or ""), "scale": draft.scale},
    )
    return draft


def _copy_tree(source: FrameworkVersion, draft: FrameworkVersion) -> None:
    """Levels, domains, sub-areas, indicators (mapped to their originals), descriptors and
    links, in a fixed number of queries."""
    Level.objects.bulk_create(
        Level(
            version=draft, value=level.value,
            **interchange.translated("label", texts_of(level, "label")),
        )
        for level in source.levels.all()
    )  # fmt: skip
    old_domains = list(source.domains.all())
    new_domains = Domain.objects.bulk_create(
        Domain(
            version=draft, code=d.code, mgi_domain_id=d.mgi_domain_id, position=d.position,
            **interchange.translated("name", texts_of(d, "name")),
        )
        for d in old_domains
    )  # fmt: skip
    domains = {old.pk: new for old, new in zip(old_domains, new_domains, strict=True)}
    old_sub_areas = list(SubArea.objects.filter(domain__version=source))
    new_sub_areas = SubArea.objects.bulk_create(
        SubArea(
            domain=domains[s.domain_id], code=s.code, position=s.position,
            **interchange.translated("name", texts_of(s, "name")),
        )
        for s in old_sub_areas
    )  # fmt: skip
    sub_areas = {old.pk: new for old, new in zip(old_sub_areas, new_sub_areas, strict=True)}
    old_indicators = list(
        source.indicators.prefetch_related("descriptors", "capacity_areas", "gcm_objectives")
    )
    new_indicators = Indicator.objects.bulk_create(
        Indicator(
            version=draft, sub_area=sub_areas[i.sub_area_id], code=i.code,
            applies_to=i.applies_to, maps_to=i, position=i.position,
            **interchange.translated("question", texts_of(i, "question")),
            **interchange.translated("guidance", texts_of(i, "guidance")),
        )
        for i in old_indicators
    )  # fmt: skip
    pairs = list(zip(old_indicators, new_indicators, strict=True))
    LevelDescriptor.objects.bulk_create(
        LevelDescriptor(
            indicator=new, value=d.value, **interchange.translated("text", texts_of(d, "text"))
        )
        for old, new in pairs
        for d in old.descriptors.all()
    )  # fmt: skip
    areas = Indicator.capacity_areas.through
    areas.objects.bulk_create(
        areas(indicator_id=new.pk, capacityarea_id=area.pk)
        for old, new in pairs
        for area in old.capacity_areas.all()
    )
    objectives = Indicator.gcm_objectives.through
    objectives.objects.bulk_create(
        objectives(indicator_id=new.pk, gcmobjective_id=objective.pk)
        for old, new in pairs
        for objective in old.gcm_objectives.all()
    )


@transaction.atomic
def version_import(
    *, actor, framework: Framework, version: str, scale: str, previous, rows
) -> FrameworkVersion:
    """A new draft version of `framework` from spreadsheet rows, whole or not at all. Its
    indicators may map (column maps_to) to those of `previous`, whose level labels it keeps."""
    require(actor, "manage", framework)
    version = _new_version_name(framework, version)
    if previous is not None and previous.framework_id != framework.pk:
        raise ValidationError({"previous": _("Choose a version of the same framework.")})
    previous_codes = previous.indicators.values_list("code", flat=True) if previous else []
    interchange.validate_rows(
        rows,
        scale=scale,
        area_codes=set(CapacityArea.objects.values_list("code", flat=True)),
        objective_numbers=set(range(1, 24)),
        previous_codes=set(previous_codes),
        mgi_codes=set(MGIDomain.objects.values_list("code", flat=True)),
    )
    created = interchange.build_version(
        django_apps,
        framework=framework,
        version_fields={"version": version, "scale": scale, "previous": previous},
        levels=_level_labels(previous, scale),
        rows=rows,
    )
    log_action(
        actor,
        created,
        "assessments.version.imported",
        {"version": version, "indicators": len(rows), "previous": str(previous or "")},
    )
    return created


def _level_labels(previous, scale: str) -> dict[int, dict[str, str]]:
    if previous is not None and previous.scale == scale:
        return {
            level.value: {lang: getattr(level, f"label_{lang}") for lang in interchange.LANGUAGES}
            for level in previous.levels.all()
        }
    return DEFAULT_LEVELS[Scale(scale)]


@transaction.atomic
def version_publish(*, actor, version: FrameworkVersion) -> FrameworkVersion:
    """From now on the version never changes: assessments can rely on it."""
    version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    require(actor, "publish", version)
    version.status, version.published_at = VersionStatus.PUBLISHED, timezone.now()
    version.save(update_fields=["status", "published_at", "updated"])
    log_action(actor, version, "assessments.version.published", {"version": version.version})
    return version


INDICATOR_TEXTS = ("question", "guidance")


@transaction.atomic
def indicator_update(
    *,
    actor,
    indicator,
    texts: dict,
    applies_to: str,
    capacity_areas,
    gcm_objectives,
    levels,
    maps_to,
) -> None:
    """Edit one indicator of a draft version. `texts` maps "question_fr"-style names to text;
    `levels` maps each level value to its descriptor texts {"en": …, "fr": …, "es": …};
    `maps_to` is the same indicator in the previous version, or None."""
    version = FrameworkVersion.objects.select_for_update().get(pk=indicator.version_id)
    require(actor, "edit", version)
    _check_maps_to(version, maps_to)
    indicator.maps_to = maps_to
    for name, value in texts.items():
        if name.split("_")[0] not in INDICATOR_TEXTS:
            raise TypeError(f"Unknown indicator text: {name}")
        setattr(indicator, name, value)
    indicator.applies_to = applies_to
    indicator.full_clean(exclude=["version", "sub_area"])
    indicator.save()
    indicator.capacity_areas.set(capacity_areas)
    indicator.gcm_objectives.set(gcm_objectives)
    for value in version.levels_range:
        indicator.descriptors.update_or_create(
            value=value, defaults=interchange.translated("text", levels[value])
        )
    log_action(
        actor,
        indicator,
        "assessments.indicator.updated",
        {"code": indicator.code, "maps_to": maps_to.code if maps_to else ""},
    )


def _check_maps_to(version: FrameworkVersion, maps_to) -> None:
    if maps_to is not None and (
        version.previous_id is None or maps_to.version_id != version.previous_id
    ):
        raise ValidationError({"maps_to": _("Choose an indicator of the previous version.")})


def draft_for(actor, version) -> FrameworkVersion:
    """The version, locked: a draft the actor may edit, or PermissionDenied."""
    version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    require(actor, "edit", version)
    return version


@transaction.atomic
def indicator_add(
    *,
    actor,
    sub_area,
    code: str,
    texts: dict,
    applies_to: str,
    capacity_areas,
    gcm_objectives,
    levels,
    maps_to=None,
) -> Indicator:
    """Add an indicator at the end of a sub-area of a draft version."""
    version = draft_for(actor, sub_area.domain.version)
    code = code.strip()
    if not code:
        raise ValidationError({"code": _("Give the indicator a code, e.g. RIGHTS.1.4.")})
    if version.indicators.filter(code=code).exists():
        raise ValidationError(
            {"code": _("This version has an indicator %(code)s already.") % {"code": code}}
        )
    _check_maps_to(version, maps_to)
    # Indicators are shown sub-area by sub-area, each ordered by position: last in the version is
    # last in its sub-area.
    last = version.indicators.aggregate(last=Max("position"))["last"]
    position = 0 if last is None else last + 1
    indicator = Indicator(
        version=version, sub_area=sub_area, code=code, applies_to=applies_to, maps_to=maps_to,
        position=position,
    )  # fmt: skip
    for name, value in texts.items():
        if name.split("_")[0] not in INDICATOR_TEXTS:
            raise TypeError(f"Unknown indicator text: {name}")
        setattr(indicator, name, value)
    indicator.full_clean()
    indicator.save()
    indicator.capacity_areas.set(capacity_areas)
    indicator.gcm_objectives.set(gcm_objectives)
    LevelDescriptor.objects.bulk_create(
        LevelDescriptor(
            indicator=indicator, value=value, **interchange.translated("text", levels[value])
        )
        for value in version.levels_range
    )
    log_action(
        actor, indicator, "assessments.indicator.added", {"code": code, "version": str(version)}
    )
    return indicator


@transaction.atomic
def indicator_remove(*, actor, indicator) -> None:
    version = draft_for(actor, indicator.version)
    if Indicator.objects.filter(maps_to=indicator).exists():
        raise ValidationError(_("A later version maps an indicator to this one: it stays."))
    data = {"code": indicator.code, "version": str(version)}
    indicator.delete()
    log_action(actor, version, "assessments.indicator.removed", data)


@transaction.atomic
def indicator_move(*, actor, indicator, direction: str) -> None:
    """Swap the indicator with its neighbour in its sub-area ("up" or "down")."""
    draft_for(actor, indicator.version)
    siblings = indicator.sub_area.indicators.exclude(pk=indicator.pk)
    if direction == "up":
        neighbour = siblings.filter(position__lt=indicator.position).order_by("-position").first()
    elif direction == "down":
        neighbour = siblings.filter(position__gt=indicator.position).order_by("position").first()
    else:
        raise ValidationError(_("Move an indicator up or down."))
    if neighbour is None:
        return
    indicator.position, neighbour.position = neighbour.position, indicator.position
    Indicator.objects.bulk_update([indicator, neighbour], ["position"])
    log_action(actor, indicator, "assessments.indicator.moved", {"direction": direction})
