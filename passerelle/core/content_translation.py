"""User-written content in the reader's language (ADR 3).

An object keeps its original text and its `language`; `ContentTranslation` rows hold the other
languages, field by field, with their provenance. `in_language(obj, fields, language)` is what
pages read: the reader's language when every asked field has it, else the original with a notice.

Machine translation is an interface, not a dependency: `CONTENT_TRANSLATION_PROVIDER` names a
class with `translate(texts, source, target) -> list[str]`; none is configured by default, so
nothing ever leaves the machine unless an administrator chooses a provider.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.module_loading import import_string

from .audit import log_action
from .models import ContentTranslation, TranslationProvenance


@dataclass(frozen=True)
class Rendering:
    """An object's fields as a reader sees them."""

    language: str  # the language the fields are in
    fields: dict[str, str]
    is_original: bool
    machine: bool  # at least one field was translated by a machine


class TranslationProvider:
    """What a machine translation provider offers."""

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        raise NotImplementedError


def provider() -> TranslationProvider | None:
    path = getattr(settings, "CONTENT_TRANSLATION_PROVIDER", None)
    if not path:
        return None
    provider_class = import_string(path)
    if not issubclass(provider_class, TranslationProvider):
        raise ImproperlyConfigured(f"{path} is not a TranslationProvider.")
    return provider_class()


def translations_of(obj) -> dict[str, dict[str, ContentTranslation]]:
    """{language: {field: translation}} of one object."""
    rows = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )
    found: dict[str, dict[str, ContentTranslation]] = {}
    for row in rows:
        found.setdefault(row.language, {})[row.field] = row
    return found


def in_language(
    obj, fields: list[str], language: str, translations=None, original_language=None
) -> Rendering:
    """`fields` of `obj` in `language` if it is the original or every non-empty field has a
    translation in it; else the original. `translations` (from `translations_of`) saves the
    query when the caller already has them. The original's language is `obj.language`, or
    `original_language` for an object written in its parent's (an event's agenda item)."""
    source = original_language or obj.language
    original = {name: getattr(obj, name) for name in fields}
    if language == source:
        return Rendering(source, original, is_original=True, machine=False)
    if translations is None:
        translations = translations_of(obj)
    rows = translations.get(language, {})
    wanted = [name for name in fields if original[name]]
    if not wanted or any(name not in rows for name in wanted):
        return Rendering(source, original, is_original=True, machine=False)
    rendered = {name: rows[name].text if name in rows else "" for name in fields}
    machine = any(rows[name].provenance == TranslationProvenance.MACHINE for name in wanted)
    return Rendering(language, rendered, is_original=False, machine=machine)


@transaction.atomic
def translation_save(
    *, actor, obj, language: str, texts: dict[str, str], provenance=TranslationProvenance.HUMAN
) -> None:
    """Record `texts` ({field: text}) as `obj`'s version in `language`; an empty text removes
    that field's translation. The caller has checked that `actor` may translate `obj`."""
    content_type = ContentType.objects.get_for_model(obj)
    for field, text in texts.items():
        key = {"content_type": content_type, "object_id": str(obj.pk), "field": field}
        if text.strip():
            ContentTranslation.objects.update_or_create(
                **key,
                language=language,
                defaults={"text": text, "provenance": provenance, "translated_by": actor},
            )
        else:
            ContentTranslation.objects.filter(**key, language=language).delete()
    log_action(
        actor,
        obj,
        f"{obj._meta.app_label}.{obj._meta.model_name}.translated",
        {"language": language, "provenance": provenance, "fields": sorted(texts)},
    )


def machine_translate(*, actor, obj, fields: list[str], target: str) -> bool:
    """Translate `fields` of `obj` into `target` with the configured provider, marked as machine
    translation; False when no provider is configured."""
    engine = provider()
    if engine is None:
        return False
    originals = [getattr(obj, name) or "" for name in fields]
    translated = engine.translate(originals, source=obj.language, target=target)
    translation_save(
        actor=actor,
        obj=obj,
        language=target,
        texts=dict(zip(fields, translated, strict=True)),
        provenance=TranslationProvenance.MACHINE,
    )
    return True
